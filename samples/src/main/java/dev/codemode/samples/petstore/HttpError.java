package dev.codemode.samples.petstore;

/** Ends the handling of a request with an HTTP error status and a message for the client. */
final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
