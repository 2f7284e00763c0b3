package dev.codemode.runtime;

import java.util.List;

/**
 * What a rollback did, call by call, newest first.
 *
 * @param executionId the run
 * @param reverted the calls undone ({@code tasks.create #2})
 * @param failed the calls whose revert failed, with why
 * @param skipped the applied calls that cannot be undone (no revert method), with why
 */
public record RollbackReport(String executionId, List<String> reverted, List<String> failed, List<String> skipped) {

  public RollbackReport {
    reverted = List.copyOf(reverted);
    failed = List.copyOf(failed);
    skipped = List.copyOf(skipped);
  }

  /** Whether every applied call that can be undone was undone. */
  public boolean complete() {
    return failed.isEmpty();
  }
}
