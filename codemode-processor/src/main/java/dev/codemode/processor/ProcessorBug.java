package dev.codemode.processor;

import javax.lang.model.element.TypeElement;

/**
 * The message of an exception that escaped the processing of a connector: a bug of this
 * processor, not of the user's code, reported as one error on the connector's class.
 */
final class ProcessorBug {

  /** javac's own exception for a class file it cannot read, which javac reports without a crash. */
  private static final String COMPLETION_FAILURE =
      "com.sun.tools.javac.code.Symbol$CompletionFailure";

  private ProcessorBug() {}

  /**
   * Whether {@code e} is javac's {@code CompletionFailure} (a missing or broken class file on the
   * class path), which must reach javac: it says which class file, better than we could. Matched by
   * name, because the class is internal to jdk.compiler.
   */
  static boolean isJavacCompletionFailure(RuntimeException e) {
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(COMPLETION_FAILURE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names the connector, the exception with its message and where it was thrown, and asks for a
   * report; the user can do nothing else about it.
   */
  static String message(TypeElement connector, RuntimeException e) {
    StringBuilder out =
        new StringBuilder("Bug in the Codemode annotation processor, not in your code: processing")
            .append(" connector ")
            .append(connector.getQualifiedName())
            .append(" threw ")
            .append(e.getClass().getName());
    if (e.getMessage() != null) {
      out.append(": ").append(e.getMessage());
    }
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length > 0) {
      out.append(" (at ").append(trace[0]).append(')');
    }
    return out.append(". Please report it to the Codemode project with this message and the")
        .append(" connector class (or a small class that shows the same error); the other")
        .append(" connectors of this compilation are processed as usual.")
        .toString();
  }
}
