package dev.codemode.runtime.store;

/** A value is larger than the store keeps; nothing was written. */
public final class ValueTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long bytes;
  private final long limit;

  /**
   * @param what what the value is, for the message ("the input of tasks.create")
   * @param bytes its size in UTF-8 bytes of JSON
   * @param limit the store's limit
   */
  public ValueTooLargeException(String what, long bytes, long limit) {
    super(String.format("%s is too large to record durably (%,d bytes of JSON; the limit is %,d)."
        + " Keep large data out of the run: pass and return small references (an id, a path) instead.",
        what, bytes, limit));
    this.bytes = bytes;
    this.limit = limit;
  }

  /** The value's size in UTF-8 bytes of JSON. */
  public long bytes() {
    return bytes;
  }

  /** The store's limit. */
  public long limit() {
    return limit;
  }
}
