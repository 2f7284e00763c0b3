package dev.codemode.runtime.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it; it starts with sub-millisecond digits. */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00.123456789Z"));

  /** Moves the clock forward. */
  public Instant advance(Duration duration) {
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  /** The time the store stamps now: milliseconds only. */
  public Instant storedNow() {
    return Instant.ofEpochMilli(now.get().toEpochMilli());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
