package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codemode.sandbox.Sandboxes.json;

import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The host's work for a tool call is linear in the input and ends with the execution: an input
 * with a hundred thousand wrong items is answered with its first problems and a count, well within
 * the deadline; a check that would take longer than the execution may run stops at its deadline.
 *
 * <p>Figures (2 busy cores): 100,000 and 200,000 wrong items took 33 s and 131 s at a 5 s timeout
 * before, when every problem was compared with every other (and ended with a TimeoutError); they
 * now take under a second. The tests assert only that the outcome came back within the deadline,
 * never how fast.
 */
class ValidationCostTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** How often each day of {@code tasks.plan} is checked. */
  private static final int FORMATS = 400;
  /** How long the check of {@code tasks.plan} may take at most, its deadline included. */
  private static final Duration STOPPED_WITHIN = TIMEOUT.plusSeconds(10);

  private static GraalJsExecutor executor;
  private static final AtomicInteger created = new AtomicInteger();

  /** {@code tasks.create} takes a title and string tags; {@code tasks.plan} takes tags that are dates. */
  private static ToolProvider tasks() {
    return ToolProvider.builder("tasks")
        .syncTool(ToolDescriptor.of("create", "Creates a task.",
            json("{'type':'object','properties':{'title':{'type':'string'},"
                + "'tags':{'type':'array','items':{'type':'string'}}},"
                + "'required':['title'],'additionalProperties':false}"), null),
            input -> {
              created.incrementAndGet();
              return input;
            })
        .syncTool(ToolDescriptor.of("plan", "Plans a task on days.",
            json("{'type':'object','properties':{'days':{'type':'array','items':"
                + "{'type':'string','allOf':[" + "{'format':'date'},".repeat(FORMATS - 1) + "{'format':'date'}]}}},"
                + "'required':['days'],'additionalProperties':false}"), null),
            input -> input)
        .build();
  }

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder().timeout(TIMEOUT).build();
  }

  @AfterAll
  static void closeExecutor() {
    executor.close();
  }

  private static final String CALL_WITH_NULL_TAGS = "async () => {\n"
      + "  try {\n"
      + "    await tasks.create({title: 'x', tags: new Array(%d).fill(null)});\n"
      + "    return 'called';\n"
      + "  } catch (e) {\n"
      + "    return {name: e.name, message: e.message};\n"
      + "  }\n"
      + "}";

  @ParameterizedTest(name = "{0} wrong items")
  @ValueSource(ints = {100_000, 200_000})
  void manyWrongItemsGetTheFirstProblemsAndACountWellWithinTheDeadline(int items) {
    int before = created.get();
    long start = System.nanoTime();
    ExecuteResult result = executor.execute(String.format(Locale.ROOT, CALL_WITH_NULL_TAGS, items), List.of(tasks()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(Locale.ROOT, "ValidationCostTest: %,d wrong items answered in %d ms%n", items, took.toMillis());

    // A result at all means the deadline did not stop the execution: the answer came within it.
    JsonNode error = Sandboxes.resultOf(result);
    assertThat(error.path("name").asString()).isEqualTo(ErrorNames.TOOL_INPUT);
    String message = error.path("message").asString();
    assertThat(message).startsWith(String.format(Locale.ROOT,
        "tasks.create: the input does not fit the tool's schema (%,d errors; the first 10):\n"
            + "- tags[0]: expected a string, got null\n"
            + "- tags[1]: expected a string, got null\n", items));
    assertThat(message).contains("\n- tags[9]: expected a string, got null\n");
    assertThat(message).doesNotContain("tags[10]");
    assertThat(message).endsWith(String.format(Locale.ROOT, "\n… and %,d more errors of the same kind.", items - 10));
    assertThat(message.lines().count()).isEqualTo(12);
    assertThat(created.get()).isEqualTo(before);
    assertThat(result.stats().wallTime()).isLessThan(TIMEOUT);
  }

  @Test
  void problemsOfKindsNotListedAreShownAfterTheCount() {
    String code = "async () => {\n"
        + "  const tags = new Array(50).fill(null);\n"
        + "  tags.push({name: 'work'}, 7, {name: 'home'});\n"
        + "  try { await tasks.create({title: 'x', tags}); } catch (e) { return e.message; }\n"
        + "}";
    String message = Sandboxes.resultOf(executor.execute(code, List.of(tasks()))).asString();
    assertThat(message).contains("(53 errors; the first 10)");
    assertThat(message).endsWith("\n… and 43 more errors, among them other kinds, like:\n"
        + "- tags[50]: expected a string, got an object {\"name\":\"work\"}\n"
        + "- tags[51]: expected a string, got the number 7");
  }

  @Test
  void fewProblemsAreAllListedWithoutACount() {
    String code = "async () => {\n"
        + "  try { await tasks.create({title: 5, tags: [null, 'ok', 3]}); } catch (e) { return e.message; }\n"
        + "}";
    assertThat(Sandboxes.resultOf(executor.execute(code, List.of(tasks()))).asString()).isEqualTo(
        "tasks.create: the input does not fit the tool's schema:\n"
            + "- title: expected a string, got the number 5\n"
            + "- tags[0]: expected a string, got null\n"
            + "- tags[2]: expected a string, got the number 3");
  }

  @Test
  void aHugeValueIsQuotedOnlyAsFarAsTheMessageShowsIt() {
    // Each of the 500 problems is about an array of 500 items, of which a message shows ten.
    String code = "async () => {\n"
        + "  const row = new Array(500).fill(123456);\n"
        + "  const tags = new Array(500).fill(row);\n"
        + "  try { await tasks.create({title: 'x', tags}); } catch (e) { return e.message; }\n"
        + "}";
    String message = Sandboxes.resultOf(executor.execute(code, List.of(tasks()))).asString();
    assertThat(message).contains("\n- tags[0]: expected a string, got an array [123456,123456,");
    assertThat(message).contains("...\n- tags[1]: ");
    assertThat(message).endsWith("… and 490 more errors of the same kind.");
  }

  @Test
  void aCheckLongerThanTheExecutionMayRunStopsAtTheDeadline() {
    // 400,000 dates, each checked against 400 formats: 160 million format checks, which ran for
    // 43 s at this 5 s limit before the check could be stopped. It gives up when the deadline (or
    // the allocation budget) stops the execution.
    String code = "async () => {\n"
        + "  const days = new Array(400000).fill('2026-12-04');\n"
        + "  await tasks.plan({days});\n"
        + "  return 'checked';\n"
        + "}";
    long start = System.nanoTime();
    ExecuteResult result = executor.execute(code, List.of(tasks()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(Locale.ROOT, "ValidationCostTest: the long check ended after %d ms%n", took.toMillis());

    // The deadline stops it, or the allocation budget first: the check's allocations are the
    // execution's. Either way the check must give up when the execution ends.
    ExecutionError error = Sandboxes.errorOf(result);
    assertThat(error.name()).isAnyOf(ErrorNames.TIMEOUT, ErrorNames.MEMORY_LIMIT);
    assertWithMessage("the check outlived the execution by far").that(took).isLessThan(STOPPED_WITHIN);
    assertThat(Sandboxes.resultOf(executor.execute("async () => 'still works'", List.of()))
        .asString()).isEqualTo("still works");
  }

  @ParameterizedTest(name = "{0} items")
  @ValueSource(ints = {100_000, 200_000})
  void largeValidInputsAndResultsCrossWithinTheDeadline(int items) {
    // The input and the result cross as JSON both ways; the result is larger than the result
    // budget, so it is cut on the way out too.
    String code = "async () => {\n"
        + "  const tags = Array.from({length: " + items + "}, (x, i) => 'tag ' + i);\n"
        + "  const echoed = await tasks.create({title: 'x', tags});\n"
        + "  return {count: echoed.tags.length, last: echoed.tags[echoed.tags.length - 1], tags: echoed.tags};\n"
        + "}";
    long start = System.nanoTime();
    ExecuteResult result = executor.execute(code, List.of(tasks()));
    System.out.printf(Locale.ROOT, "ValidationCostTest: %,d valid items crossed in %d ms%n", items,
        Duration.ofNanos(System.nanoTime() - start).toMillis());

    JsonNode value = Sandboxes.resultOf(result);
    assertThat(value.path("count").asInt()).isEqualTo(items);
    assertThat(value.path("last").asString()).isEqualTo("tag " + (items - 1));
    assertThat(value.toString()).contains("more items");
  }
}
