package dev.codemode.runtime.store;

/**
 * The store could not be opened or could not do what was asked: the message says what, where, and
 * what to do about it. Nothing was changed by the failed call.
 */
public final class ExecutionStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message what failed, where, and how to fix it */
  public ExecutionStoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed, where, and how to fix it
   * @param cause the driver's error
   */
  public ExecutionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
