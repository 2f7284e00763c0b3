package dev.codemode.openapi;

import java.util.Objects;

/**
 * The server answered a request of an OpenAPI connector with a status outside 2xx: the tool call
 * fails with this exception, whose message reads well for a model:
 *
 * <pre>GET /pets/42 answered 404 Not Found: {"message":"no such pet"}</pre>
 *
 * <p>It carries no request header and no query string, since either may hold credentials: only the
 * method, the URL without its query, the status and the start of the response body.
 */
public final class HttpStatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How many characters of the response body the exception keeps. */
  public static final int MAX_BODY_CHARACTERS = 1000;

  private final String method;
  private final String url;
  private final int status;
  private final String body;

  /**
   * @param method the request's method
   * @param url the request's URL without its query string
   * @param path the request's path as sent, shown in the message
   * @param status the response status
   * @param body the start of the response body as text (at most {@link #MAX_BODY_CHARACTERS}
   *     characters are kept), or a description such as {@code (2048 bytes of image/png)}; empty
   *     when the body was empty
   * @param totalCharacters the length of the whole body text, to say when {@code body} was cut
   */
  public HttpStatusException(
      String method, String url, String path, int status, String body, int totalCharacters) {
    super(message(method, path, status, body, totalCharacters));
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    this.status = status;
    this.body = excerpt(Objects.requireNonNull(body, "body"));
  }

  private static String message(
      String method, String path, int status, String body, int totalCharacters) {
    StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" answered ")
        .append(status);
    String reason = reason(status);
    if (!reason.isEmpty()) {
      text.append(' ').append(reason);
    }
    if (body.isEmpty()) {
      return text.append(" with an empty body").toString();
    }
    text.append(": ").append(excerpt(body));
    int total = Math.max(totalCharacters, body.length());
    if (total > MAX_BODY_CHARACTERS) {
      text.append("... (cut: the first ").append(MAX_BODY_CHARACTERS).append(" of ").append(total)
          .append(" characters)");
    }
    return text.toString();
  }

  private static String excerpt(String body) {
    return body.length() <= MAX_BODY_CHARACTERS ? body : body.substring(0, MAX_BODY_CHARACTERS);
  }

  /** The HTTP method of the request. */
  public String method() {
    return method;
  }

  /** The request's URL without its query string. */
  public String url() {
    return url;
  }

  /** The response status. */
  public int status() {
    return status;
  }

  /** The start of the response body, at most {@link #MAX_BODY_CHARACTERS} characters. */
  public String body() {
    return body;
  }

  /** The standard reason phrase of a status, or empty for an unusual one. */
  static String reason(int status) {
    return switch (status) {
      case 300 -> "Multiple Choices";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 411 -> "Length Required";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 416 -> "Range Not Satisfiable";
      case 422 -> "Unprocessable Content";
      case 423 -> "Locked";
      case 428 -> "Precondition Required";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 451 -> "Unavailable For Legal Reasons";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
