package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
            "(tools, global, config) => {\n"
                + "  global.Math.random = () => config.fixed;\n"
                + "  return { quadruple: async (n) => tools.twice({n: await tools.twice({n})}), label: config.label };\n"
                + "}",
            json("{'fixed': 0.25, 'label': 'kit v1'}")))
        .build();
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
