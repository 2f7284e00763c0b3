package dev.codemode.runtime;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
  static long p50(GraalJsExecutor executor, String code, List<ToolProvider> p) {
    long[] times = new long[6000];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      ExecuteResult r = executor.execute(code + "//" + i, p);
      times[i] = System.nanoTime() - t0;
      if (r.error() != null) throw new AssertionError(r.error().toString());
    }
    long[] last = Arrays.copyOfRange(times, 4000, 6000);
    Arrays.sort(last);
    return last[1000] / 1000;
  }

  @Test
  void probe() {
    JsonCodec codec = JsonCodec.defaults();
    ToolProvider echo = ToolProvider.builder("t")
        .syncTool(ToolDescriptor.of("echo", "", codec.parse("{\"type\":\"object\",\"properties\":{\"i\":{\"type\":\"number\"}}}"), null), input -> input)
        .build();
    String calls = "async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await t.echo({i})).i; } return s; }";
    String zero = "async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await Promise.resolve({i})).i; } return s; }";
    String stringify = "async () => { let s = 0; for (let i = 0; i < 100; i++) { s += JSON.parse(JSON.stringify({i})).i; } return s; }";
    try (GraalJsExecutor executor = GraalJsExecutor.builder().toolDispatch(GraalJsExecutor.ToolDispatch.CALLING_THREAD).build()) {
      String[][] cases = {
        {"syncCall", "() => { let s = 0; for (let i = 0; i < 100; i++) { t.echo({i}); } return s; }"},
      };
      for (int round = 0; round < 6; round++) {
        StringBuilder line = new StringBuilder();
        for (String[] c : cases) line.append(c[0]).append(' ').append(p50(executor, c[1], List.of(echo))).append("  ");
        System.out.println("round " + round + ": " + line);
      }
    }
  }
}
