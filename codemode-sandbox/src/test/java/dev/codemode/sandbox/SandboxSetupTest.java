package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import dev.codemode.core.ConnectorDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Provider setup scripts and tools that end the whole execution. */
class SandboxSetupTest {

  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  private static ToolProvider withSetup() {
    return ToolProvider.builder("kit")
        .syncTool(ToolDescriptor.of("twice", "Doubles n.", json("{'type':'object'}"), null),
            input -> json("" + input.path("n").asInt() * 2))
        .sandboxSetup(new SandboxSetup(
            "(host, global, config) => {\n"
                + "  const kit = global.kit;\n"
                + "  global.Math.random = () => config.fixed;\n"
                + "  return { quadruple: async (n) => kit.twice({n: await kit.twice({n})}), label: config.label };\n"
                + "}",
            json("{'fixed': 0.25, 'label': 'kit v1'}")))
        .build();
  }

  /**
   * A namespace whose setup reaches the host through a private function: {@code vault.read()} is
   * written in JavaScript on top of the host function {@code unlock}, which model code cannot call.
   */
  private static ToolProvider withHostFunction(List<String> calledWith) {
    ConnectorDescriptor descriptor = new ConnectorDescriptor("vault", "A vault.",
        List.of(ToolDescriptor.of("peek", "Looks.", json("{'type':'object'}"), null)));
    return new ToolProvider() {
      @Override
      public ConnectorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public Optional<SandboxSetup> sandboxSetup() {
        return Optional.of(new SandboxSetup(
            "(host, global, config) => ({ read: async (key) => (await host.unlock({key})).secret })",
            json("{}"), List.of("unlock"), List.of("read")));
      }

      @Override
      public CompletionStage<JsonNode> call(String tool, JsonNode input) {
        calledWith.add(tool + ":" + input);
        return CompletableFuture.completedFuture(tool.equals("unlock")
            ? json("{'secret': 'open-" + input.path("key").asString() + "'}")
            : json("'peeked'"));
      }
    };
  }

  @Test
  void hostFunctionsReachTheHostOnlyFromTheSetup() {
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecuteResult result = executor.execute(
        "const tries = [];\n"
            + "for (const attempt of [() => vault.unlock({key: 'x'}), () => vault['unlock'], () => 'unlock' in vault,\n"
            + "    () => Object.getOwnPropertyNames(vault), () => Reflect.ownKeys(vault), () => Object.keys(vault),\n"
            + "    () => JSON.stringify(Object.getOwnPropertyDescriptors(vault))]) {\n"
            + "  try { tries.push(String(attempt())) } catch (e) { tries.push(e.name + ': ' + e.message) }\n"
            + "}\n"
            + "return {secret: await vault.read('k1'), peek: await vault.peek({}), tries}",
        List.of(withHostFunction(calls)));
    JsonNode value = resultOf(result);
    assertThat(value.get("secret").asString()).isEqualTo("open-k1");
    assertThat(value.get("peek").asString()).isEqualTo("peeked");
    JsonNode tries = value.get("tries");
    assertThat(tries.get(0).asString()).startsWith("TypeError: vault.unlock is not a function");
    assertThat(tries.get(0).asString()).contains("Its tools: peek, read.");
    assertThat(tries.get(1).asString()).startsWith("function");
    assertThat(tries.get(2).asString()).isEqualTo("false");
    for (int i = 3; i < 6; i++) {
      assertThat(tries.get(i).asString()).isEqualTo("peek,read");
    }
    assertThat(tries.get(6).asString()).doesNotContain("unlock");
    // Calling the placeholder that vault['unlock'] returned reached nothing either.
    assertThat(calls).containsExactly("unlock:{\"key\":\"k1\"}", "peek:{}").inOrder();
  }

  @Test
  void setupAddsMembersWrittenInJavaScriptAndSeesItsConfig() {
    ExecuteResult result = executor.execute(
        "[await kit.quadruple(3), kit.label, Math.random(), Object.keys(kit).sort(), typeof kit.missing]",
        List.of(withSetup()));
    assertThat(resultOf(result)).isEqualTo(json("[12, 'kit v1', 0.25, ['label', 'quadruple', 'twice'], 'function']"));
  }

  @Test
  void addedMembersAreReadOnly() {
    ExecuteResult result = executor.execute(
        "'use strict'; try { kit.quadruple = null; return 'changed' } catch (e) { return e.name }",
        List.of(withSetup()));
    assertThat(resultOf(result).asString()).isEqualTo("TypeError");
  }

  @Test
  void abortingToolEndsTheExecutionEvenWhenTheCodeCatches() {
    AtomicInteger after = new AtomicInteger();
    ToolProvider gate = ToolProvider.builder("gate")
        .tool(ToolDescriptor.of("stop", "Ends the run.", json("{'type':'object'}"), null), input -> {
          throw new AbortExecutionException("PausedForApproval", "gate.stop needs approval");
        })
        .syncTool(ToolDescriptor.of("after", "Counts.", json("{'type':'object'}"), null), input -> {
          after.incrementAndGet();
          return json("1");
        })
        .build();
    ExecuteResult result = executor.execute(
        "try { await gate.stop({}) } catch (e) { } for (let i = 0; i < 5; i++) await gate.after({}); 'done'",
        List.of(gate));
    ExecutionError error = errorOf(result);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.ABORTED);
    assertThat(error.name()).isEqualTo("PausedForApproval");
    assertThat(error.message()).isEqualTo("gate.stop needs approval");
    assertThat(after.get()).isEqualTo(0);
  }
}
