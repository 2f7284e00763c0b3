package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.fixtures.LibraryConnector;
import dev.codemode.sandbox.fixtures.LibraryConnector_Codemode;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Test helpers: tool providers and assertions on execution results. */
final class Sandboxes {

  private Sandboxes() {}

  /** The library connector through its generated definition, on a fresh instance. */
  static ToolProvider library(LibraryConnector instance) {
    return ToolProvider.of(new LibraryConnector_Codemode(), instance);
  }

  /** A namespace {@code math} of tools built from functions: add and echo. */
  static ToolProvider math() {
    JsonCodec codec = JsonCodec.defaults();
    return ToolProvider.builder("math")
        .description("Arithmetic.")
        .syncTool(
            ToolDescriptor.of(
                "add",
                "Adds two numbers.",
                json("{'type':'object','properties':{'a':{'type':'number'},'b':{'type':'number'}},"
                    + "'required':['a','b'],'additionalProperties':false}"),
                json("{'type':'number'}")),
            input -> codec.nodes().numberNode(input.get("a").asDouble() + input.get("b").asDouble()))
        .syncTool(
            ToolDescriptor.of("echo", "Returns its input.", json("{'type':'object'}"), json("{'type':'object'}")),
            input -> input)
        .build();
  }

  /** JSON with single quotes for readability. */
  static JsonNode json(String singleQuoted) {
    return JsonCodec.defaults().parse(singleQuoted.replace('\'', '"'));
  }

  /** The result of a completed execution, failing with its error otherwise. */
  static JsonNode resultOf(ExecuteResult result) {
    assertWithMessage("the execution failed: %s", result.error() == null ? "" : result.error().summary())
        .that(result.error())
        .isNull();
    return result.result();
  }

  /** The error of a failed execution, failing when it completed. */
  static ExecutionError errorOf(ExecuteResult result) {
    assertWithMessage("the execution completed with %s", result.result()).that(result.error()).isNotNull();
    return result.error();
  }

  /** Runs code against the given providers. */
  static ExecuteResult run(Executor executor, String code, ToolProvider... providers) {
    return executor.execute(code, List.of(providers));
  }
}
