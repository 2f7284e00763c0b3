package dev.codemode.cli;

/** A problem the user can fix; its message says how. Printed without a stack trace. */
final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }

  /** The message for stderr: a user error as it is, anything else with its type and causes. */
  static String describe(Throwable e) {
    if (e instanceof UserError || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      return String.valueOf(e.getMessage());
    }
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
      text.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
