package dev.codemode.samples.petstore;

/**
 * The spec's {@code ApiResponse} schema: the answer to an upload, and the body of every error
 * ({@code type} is then {@code "error"} and {@code code} repeats the HTTP status).
 */
public record ApiResponse(int code, String type, String message) {

  /** An error body for the given HTTP status. */
  public static ApiResponse error(int status, String message) {
    return new ApiResponse(status, "error", message);
  }

  /** A success body, for operations whose spec declares no response content. */
  public static ApiResponse ok(String message) {
    return new ApiResponse(200, "ok", message);
  }
}
