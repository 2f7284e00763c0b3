package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codemode.sandbox.Sandboxes.math;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * codemode-sandbox stands alone: its class path (this test's, which is the module's with its test
 * libraries) has no JDBC driver, no connection pool and nothing of the durable layer, and runs model
 * code against tools.
 */
class SandboxAloneTest {

  @Test
  void theClassPathHasNoDatabaseAndNoDurableLayer() {
    for (String name : List.of("org.sqlite.JDBC", "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource",
        "dev.codemode.runtime.CodemodeRuntime", "dev.codemode.runtime.store.ExecutionStore")) {
      assertWithMessage("%s is on codemode-sandbox's class path", name).that(loadable(name)).isFalse();
    }
  }

  @Test
  void modelCodeRunsWithTheSandboxAlone() {
    try (GraalJsExecutor executor = GraalJsExecutor.create()) {
      assertThat(resultOf(executor.execute("const s = await math.add({a: 2, b: 3}); return s * 2", List.of(math())))
          .asInt()).isEqualTo(10);
    }
  }

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, SandboxAloneTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
