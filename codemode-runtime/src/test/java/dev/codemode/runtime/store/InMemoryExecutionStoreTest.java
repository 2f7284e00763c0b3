package dev.codemode.runtime.store;

import java.time.Clock;

/** The store contract on a store that is nothing but the SPI: the contract asks no more of a store. */
class InMemoryExecutionStoreTest extends ExecutionStoreContract {

  private final InMemoryExecutionStore.Databases databases = new InMemoryExecutionStore.Databases();
  private int count;

  @Override
  protected String newDatabase() {
    return "memory-" + ++count;
  }

  @Override
  protected ExecutionStore open(String database, Clock clock, int maxValueBytes) {
    return databases.open(database, clock, maxValueBytes);
  }
}
