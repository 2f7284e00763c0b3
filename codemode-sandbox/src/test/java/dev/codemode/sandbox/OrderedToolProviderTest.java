package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Providers that take their calls in order on the code's thread, and answer now or later. */
class OrderedToolProviderTest {

  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(60)).build();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  /** What one start saw. */
  record Started(String tool, JsonNode input, String thread, ToolReply reply) {}

  /** A namespace of tools {@code a}, {@code b}, {@code c} whose start is {@code decide}. */
  static final class Recorder implements OrderedToolProvider {
    final String name;
    final List<Started> started = new CopyOnWriteArrayList<>();
    final BiFunction<Started, Integer, JsonNode> decide;
    private final ConnectorDescriptor descriptor;

    Recorder(String name, BiFunction<Started, Integer, JsonNode> decide) {
      this.name = name;
      this.decide = decide;
      JsonNode input = json("{'type':'object','properties':{'n':{'type':'integer'}},'additionalProperties':false}");
      this.descriptor = new ConnectorDescriptor(name, "Ordered.", List.of(
          ToolDescriptor.of("a", "A.", input, null), ToolDescriptor.of("b", "B.", input, null),
          ToolDescriptor.of("c", "C.", input, null)));
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public JsonNode start(String tool, JsonNode input, ToolReply reply) {
      Started call = new Started(tool, input, Thread.currentThread().getName(), reply);
      started.add(call);
      return decide.apply(call, started.size() - 1);
    }
  }

  @Test
  void callsAreTakenOnTheCodesThreadInTheOrderTheCodeMadeThem() {
    Recorder one = new Recorder("one", (call, index) -> json("" + index));
    Recorder two = new Recorder("two", (call, index) -> json("" + (100 + index)));
    ExecuteResult result = executor.execute(
        "const all = await Promise.all([one.a({n: 1}), two.b({n: 2}), one.c({n: 3}), two.a({n: 4})]);\n"
            + "return [...all, await one.b({n: 5})]",
        List.of(one, two));
    assertThat(resultOf(result)).isEqualTo(json("[0, 100, 1, 101, 2]"));
    assertThat(one.started.stream().map(call -> call.tool() + call.input()).toList())
        .containsExactly("a{\"n\":1}", "c{\"n\":3}", "b{\"n\":5}").inOrder();
    List<String> threads = new ArrayList<>();
    one.started.forEach(call -> threads.add(call.thread()));
    two.started.forEach(call -> threads.add(call.thread()));
    assertThat(threads.stream().distinct().count()).isEqualTo(1);
  }

  @Test
  void aValueGivenNowSettlesWhenTheCallReturnsAndALaterAnswerIsAnEvent() {
    List<ToolReply> later = new CopyOnWriteArrayList<>();
    Recorder ns = new Recorder("ns", (call, index) -> {
      if (call.tool().equals("a")) {
        return json("'now'");
      }
      later.add(call.reply());
      CompletableFuture.runAsync(() -> call.reply().result(json("'later'")));
      return null;
    });
    ExecuteResult result = executor.execute(
        "const seen = [];\n"
            + "const first = ns.a({}).then(v => seen.push(v));\n"
            + "const second = ns.b({}).then(v => seen.push(v));\n"
            + "queueMicrotask(() => seen.push('microtask'));\n"
            + "await Promise.all([first, second]);\n"
            + "return seen",
        List.of(ns));
    assertThat(resultOf(result)).isEqualTo(json("['now', 'microtask', 'later']"));
  }

  @Test
  void laterAnswersReachTheCodeInTheOrderTheyAreGiven() {
    List<ToolReply> replies = new CopyOnWriteArrayList<>();
    Recorder ns = new Recorder("ns", (call, index) -> {
      replies.add(call.reply());
      if (replies.size() == 3) {
        // answered from another thread in reverse order of the calls
        CompletableFuture.runAsync(() -> {
          replies.get(2).result(json("'c'"));
          replies.get(0).result(json("'a'"));
          replies.get(1).result(json("'b'"));
        });
      }
      return null;
    });
    ExecuteResult result = executor.execute(
        "const order = [];\n"
            + "await Promise.all([ns.a({}), ns.b({}), ns.c({})].map(p => p.then(v => order.push(v))));\n"
            + "return order",
        List.of(ns));
    assertThat(resultOf(result)).isEqualTo(json("['c', 'a', 'b']"));
  }

  @Test
  void anAnswerGivenFromStartItselfIsAnEventAndOnlyTheFirstAnswerCounts() {
    Recorder ns = new Recorder("ns", (call, index) -> {
      call.reply().result(json("'first'"));
      call.reply().result(json("'second'"));
      call.reply().failure(new IllegalStateException("third"));
      return null;
    });
    ExecuteResult result = executor.execute(
        "const seen = []; const p = ns.a({}).then(v => seen.push(v)); queueMicrotask(() => seen.push('tick'));\n"
            + "await p; return seen",
        List.of(ns));
    assertThat(resultOf(result)).isEqualTo(json("['tick', 'first']"));
  }

  @Test
  void undefinedNullAndFailuresComeThroughBothWays() {
    Recorder ns = new Recorder("ns", (call, index) -> switch (call.input().path("n").asInt()) {
      case 0 -> MissingNode.getInstance();
      case 1 -> json("null");
      case 2 -> throw new IllegalArgumentException("refused now");
      default -> {
        CompletableFuture.runAsync(() -> call.reply().failure(new IllegalArgumentException("refused later")));
        yield null;
      }
    });
    ExecuteResult result = executor.execute(
        "const out = [typeof await ns.a({n: 0}), await ns.a({n: 1})];\n"
            + "for (const n of [2, 3]) { try { await ns.a({n}) } catch (e) { out.push(e.name + ': ' + e.message) } }\n"
            + "return out",
        List.of(ns));
    assertThat(resultOf(result)).isEqualTo(json("['undefined', null, 'ToolError: refused now', 'ToolError: refused later']"));
  }

  @Test
  void inputsAreCheckedBeforeStart() {
    Recorder ns = new Recorder("ns", (call, index) -> json("1"));
    ExecutionError error = errorOf(executor.execute("await ns.a({n: 'one'})", List.of(ns)));
    assertThat(error.name()).isEqualTo("ToolInputError");
    assertThat(ns.started).isEmpty();
  }

  @Test
  void anAbortEndsTheExecutionNowOrLater() {
    Recorder now = new Recorder("ns", (call, index) -> {
      throw new AbortExecutionException("Stopped", "stopped now");
    });
    ExecutionError error = errorOf(executor.execute("try { await ns.a({}) } catch (e) { } return 'went on'", List.of(now)));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.ABORTED);
    assertThat(error.message()).isEqualTo("stopped now");

    Recorder later = new Recorder("ns", (call, index) -> {
      CompletableFuture.runAsync(() -> call.reply().failure(new AbortExecutionException("Stopped", "stopped later")));
      return null;
    });
    ExecutionError laterError = errorOf(executor.execute("try { await ns.a({}) } catch (e) { } return 'went on'",
        List.of(later)));
    assertThat(laterError.kind()).isEqualTo(ExecutionError.Kind.ABORTED);
    assertThat(laterError.message()).isEqualTo("stopped later");
  }

  @Test
  void aCallNeverAnsweredRunsIntoTheTimeoutAndAnAnswerAfterTheEndIsIgnored() {
    List<ToolReply> replies = new CopyOnWriteArrayList<>();
    Recorder ns = new Recorder("ns", (call, index) -> {
      replies.add(call.reply());
      return null;
    });
    try (GraalJsExecutor quick = GraalJsExecutor.builder().timeout(Duration.ofSeconds(2)).build()) {
      resultOf(quick.execute("1", List.of()));
      ExecutionError error = errorOf(quick.execute("await ns.a({})", List.of(ns)));
      assertThat(error.name()).isEqualTo("TimeoutError");
      // On a very busy machine the deadline can pass before the call is made; otherwise answer it now.
      replies.forEach(reply -> reply.result(json("1")));
      assertThat(resultOf(quick.execute("2", List.of())).asInt()).isEqualTo(2);
    }
  }

  @Test
  void theDefaultCallGoesThroughStart() throws Exception {
    Recorder ns = new Recorder("ns", (call, index) -> index == 0 ? json("'now'") : laterAnswer(call));
    assertThat(ns.call("a", json("{}")).toCompletableFuture().get().asString()).isEqualTo("now");
    assertThat(ns.call("b", json("{}")).toCompletableFuture().get().asString()).isEqualTo("later");
  }

  private static JsonNode laterAnswer(Started call) {
    CompletableFuture.runAsync(() -> call.reply().result(json("'later'")));
    return null;
  }
}
