package dev.codemode.cli;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.store.JdbcExecutionStore;

/**
 * An application process for the crash test: runs the code durably, prints the outcome JSON on one
 * line, and stays alive holding its runtime (and the store) open until it is killed.
 *
 * <p>Arguments: the store's location, the code.
 */
public final class HoldingProcess {

  private HoldingProcess() {}

  public static void main(String[] args) throws InterruptedException {
    CodemodeRuntime.Builder builder = CodemodeRuntime.builder().store(JdbcExecutionStore.open(args[0]));
    builder.discoverConnectors(HoldingProcess.class.getClassLoader());
    CodemodeRuntime runtime = builder.build();
    System.out.println(runtime.execute(args[1]).toJson());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
