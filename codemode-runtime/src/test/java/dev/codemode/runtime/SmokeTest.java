package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() {
    JsonCodec codec = JsonCodec.defaults();
    ToolProvider math = ToolProvider.builder("math")
        .syncTool(ToolDescriptor.of("add", "Adds", codec.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}},\"required\":[\"a\",\"b\"]}"), codec.parse("{\"type\":\"number\"}")),
            input -> codec.nodes().numberNode(input.get("a").asDouble() + input.get("b").asDouble()))
        .build();
    try (GraalJsExecutor executor = GraalJsExecutor.create()) {
      for (String code : List.of(
          "async () => { console.log('hi', {a: 1}); return await math.add({a: 1, b: 2}); }",
          "const x = await math.add({a: 1, b: 2});\nx * 10",
          "```ts\nconst x: number = await math.add({a: 1, b: 2});\nx\n```",
          "async () => { await math.ad({a: 1}) }",
          "async () => { await math.add({a: 'x'}) }",
          "async () => { foo() }",
          "async () => {\n  const = 1\n}",
          "throw 'x'",
          "await new Promise(() => {})",
          "await new Promise(r => setTimeout(() => r(5), 20))")) {
        long t0 = System.nanoTime();
        ExecuteResult result = executor.execute(code, List.of(math));
        System.out.println(code.replace('\n', ' ') + "\n  => " + result + " in " + (System.nanoTime() - t0) / 1000 + " us");
      }
    }
  }
}
