package dev.codemode.sandbox;

import java.util.regex.Pattern;

/**
 * Takes the names of Java classes out of text that reaches model code. A model cannot act on
 * {@code java.lang.IllegalStateException} or {@code tools.jackson.databind.node.DoubleNode}; it
 * only learns what runs on the host.
 *
 * <p>Two strengths: {@link #withoutLeadingExceptionNames} for messages written for the model (a
 * tool's own message, where a wrapper's {@code toString()} put {@code java.io.IOException: } in
 * front), and {@link #scrub} as the last resort for host text of unknown make (an engine's or a
 * library's message), which removes every fully qualified class name.
 */
final class JavaNames {

  /** {@code java.util.concurrent.CompletionException}, {@code com.example.Outer$Inner}. */
  private static final String QUALIFIED = "[a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*";
  private static final Pattern LEADING = Pattern.compile("^(?:\\s*" + QUALIFIED + "(?::\\s*|\\s*$))+");
  /** A name with the backticks or quotes around it, so none are left empty. */
  private static final Pattern ANYWHERE = Pattern.compile("`" + QUALIFIED + "`|'" + QUALIFIED + "'|\"" + QUALIFIED + "\"|"
      + "(?<![A-Za-z0-9_.$])" + QUALIFIED + "(?![A-Za-z0-9_$])");
  /** A simple name with an inner class: {@code PropertyGetNode$IntPropertyGetNode}. */
  private static final Pattern INNER = Pattern.compile("(?<![A-Za-z0-9_.$])[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)+");
  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" +([,.;:)])");

  private JavaNames() {}

  /**
   * {@code message} without the fully qualified exception names at its start: {@code
   * java.util.concurrent.ExecutionException: java.io.IOException: disk full} is {@code disk full}.
   * The rest is the author's and stays as it is.
   */
  static String withoutLeadingExceptionNames(String message) {
    return LEADING.matcher(message).replaceFirst("");
  }

  /**
   * {@code text} without any fully qualified Java class name (and {@code Outer$Inner} names), the
   * leading exception names and the spaces they leave gone too.
   */
  static String scrub(String text) {
    // Bounded first: the text may be long, and only this much of it reaches the model anyway.
    String rest = withoutLeadingExceptionNames(ErrorTranslation.bounded(text, ErrorTranslation.MAX_ERROR_MESSAGE_CHARS));
    rest = ANYWHERE.matcher(rest).replaceAll("");
    rest = INNER.matcher(rest).replaceAll("");
    rest = SPACES.matcher(rest).replaceAll(" ");
    return SPACE_BEFORE_PUNCTUATION.matcher(rest).replaceAll("$1").strip();
  }

  /** Whether {@code text} names a Java class the way {@link #scrub} removes. */
  static boolean mentions(String text) {
    return ANYWHERE.matcher(text).find() || INNER.matcher(text).find();
  }
}
