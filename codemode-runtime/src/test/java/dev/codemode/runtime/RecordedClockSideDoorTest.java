package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.fixtures.LedgerConnector;
import dev.codemode.runtime.fixtures.LedgerConnector_Codemode;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.sandbox.GraalJsExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every route to the current time in a durable run gives the run's recorded clock, on the first
 * pass and on the replay after an approval, when the real clock has moved on. Before, {@code new
 * Date.prototype.constructor()} and {@code Intl.DateTimeFormat().format()} read the real clock, so a
 * replay saw another time than the pass it replays.
 */
class RecordedClockSideDoorTest {

  private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

  /**
   * Each route's time, as milliseconds or as the text the same formatter gives for the recorded
   * clock ({@code Date.now()}); {@code same} says, route by route, whether the two agree.
   */
  private static final String ROUTES = """
      const recorded = Date.now();
      const options = {timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric',
          minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3};
      const formatter = new Intl.DateTimeFormat('en-US', options);
      const text = formatter.format(recorded);
      const parts = (f, date) => f.formatToParts(date).map((part) => part.value).join('');
      const routes = {
        'Date.now()': Date.now(),
        'new Date()': new Date().getTime(),
        'Date()': Date() === new Date(recorded).toString() ? recorded : Date(),
        'new Date.prototype.constructor()': new Date.prototype.constructor().getTime(),
        'Date.prototype.constructor()': Date.prototype.constructor() === new Date(recorded).toString()
            ? recorded : Date.prototype.constructor(),
        'new (Object.getPrototypeOf(new Date(0)).constructor)()':
            new (Object.getPrototypeOf(new Date(0)).constructor)().getTime(),
        'Reflect.construct(Date, [])': Reflect.construct(Date, []).getTime(),
        'Reflect.construct(Date.prototype.constructor, [], Object)':
            Date.prototype.getTime.call(Reflect.construct(Date.prototype.constructor, [], Object)),
        'new (class extends Date {})()': new (class extends Date {})().getTime(),
        'Intl.DateTimeFormat().format()': Intl.DateTimeFormat('en-US', options).format() === text ? recorded : 'real',
        'new Intl.DateTimeFormat().format()': formatter.format() === text ? recorded : 'real',
        'format(undefined)': formatter.format(undefined) === text ? recorded : 'real',
        'const f = formatter.format; f()': ((f) => f())(formatter.format) === text ? recorded : 'real',
        'formatToParts()': parts(formatter) === text ? recorded : 'real',
        'formatToParts(undefined)': parts(formatter, undefined) === text ? recorded : 'real',
        'toLocaleString()': new Date().toLocaleString('en-US', options) === text ? recorded : 'real',
        'Temporal.Now': typeof Temporal === 'undefined' ? recorded : 'present',
        'performance.now': typeof performance === 'undefined' ? recorded : 'present',
      };
      """;

  private static GraalJsExecutor executor;

  @TempDir Path directory;
  private final DurableRuntimeTest.MutableClock clock = new DurableRuntimeTest.MutableClock(START);
  private CodemodeRuntime runtime;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(30)).build();
  }

  @AfterAll
  static void stopExecutor() {
    executor.close();
  }

  @BeforeEach
  void start() {
    runtime = CodemodeRuntime.builder()
        .executor(executor)
        .store(JdbcExecutionStore.builder().location(directory.resolve("codemode.db").toString()).clock(clock).build())
        .clock(clock)
        .connector(new LedgerConnector_Codemode(), new LedgerConnector())
        .build();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void everyRouteGivesTheRecordedClockOnThePassAndOnTheReplay() {
    Outcome first = runtime.execute(ROUTES
        + "console.log(JSON.stringify(routes));\n"
        + "await ledger.pay({to: 'x', amount: 1});\n"
        + "return routes;");
    assertThat(first.status()).isEqualTo(Outcome.Status.PAUSED);
    clock.advance(Duration.ofMinutes(5));
    Outcome second = runtime.approve(first.executionId());
    assertWithMessage("%s", second.toJson()).that(second.status()).isEqualTo(Outcome.Status.COMPLETED);

    JsonNode onThePass = JsonCodec.defaults().parse(first.logs().get(0));
    JsonNode onTheReplay = second.result();
    String recorded = Long.toString(START.toEpochMilli());
    for (JsonNode routes : List.of(onThePass, onTheReplay)) {
      List<String> wrong = new ArrayList<>();
      routes.properties().forEach(route -> {
        if (!route.getValue().toString().equals(recorded)) {
          wrong.add(route.getKey() + " gave " + route.getValue());
        }
      });
      assertWithMessage("routes that do not give the recorded clock %s", recorded).that(wrong).isEmpty();
    }
    assertThat(onTheReplay).isEqualTo(onThePass);
  }

  /** Dates given explicitly are formatted as before, and Date and the formatter look as they did. */
  @Test
  void explicitDatesAreUntouched() {
    Outcome outcome = runtime.execute("""
        const formatter = new Intl.DateTimeFormat('en-US', {timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric'});
        return [formatter.format(0), formatter.format(new Date(86400000)), formatter.formatToParts(0).length > 0,
          formatter.format === formatter.format, formatter.format.length, typeof Object.getOwnPropertyDescriptor(
            Intl.DateTimeFormat.prototype, 'format').get, new Date(0).getTime(), new Date(undefined).getTime(),
          new Date(2020, 0, 1).getTime(), Date.prototype.constructor === Date, new Date() instanceof Date,
          Object.getOwnPropertyDescriptor(Date.prototype, 'constructor').enumerable];
        """);
    assertWithMessage("%s", outcome.toJson()).that(outcome.status()).isEqualTo(Outcome.Status.COMPLETED);
    assertThat(outcome.result()).isEqualTo(JsonCodec.defaults().parse(
        "[\"1/1/1970\", \"1/2/1970\", true, true, 1, \"function\", 0, null, 1577836800000, true, true, false]"));
  }
}
