package dev.codemode.sandbox;

import dev.codemode.core.JsonNumbers;
import dev.codemode.core.ToolInputException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * What model code learns of a failed tool call: the tool's own message when it wrote one, and words
 * about the value when Jackson or the JVM failed for it, never the names of Java classes.
 *
 * <p>A tool's message is written for the model and stays, but for the exception names a wrapper's
 * {@code toString()} put in front of it. Messages the JVM writes (a {@link NullPointerException}'s,
 * an {@link Error}'s) and Jackson's name classes and methods; they are reworded or scrubbed.
 */
final class ToolFailures {

  /** The error a call fails with: its JavaScript name ({@link ErrorNames}) and message. */
  record Failure(String name, String message) {}

  /** The Java type in a {@link JsonNodeException}'s message: {@code ... cannot convert value 1.0E300 to `long`: ...}. */
  private static final Pattern NODE_TARGET = Pattern.compile(" to `([A-Za-z0-9_.$\\[\\]]+)`");

  private ToolFailures() {}

  /**
   * A failure already worded where the tool ran (a worker's host), passed on as it is: the host
   * knew the exception, the worker knows only the words.
   */
  static final class Decided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // a record of two strings
    private final Failure failure;

    Decided(Failure failure) {
      super(failure.message(), null, false, false);
      this.failure = failure;
    }
  }

  /**
   * How the failure of {@code qualified} reaches model code.
   *
   * @param cause the failure, unwrapped from completion and execution exceptions
   * @param input the input of the call, to find where a value that could not be converted came from
   */
  static Failure of(String qualified, Throwable cause, @Nullable JsonNode input) {
    if (cause instanceof Decided decided) {
      return decided.failure;
    }
    if (cause instanceof ToolInputException) {
      return new Failure(ErrorNames.TOOL_INPUT, JavaNames.withoutLeadingExceptionNames(String.valueOf(cause.getMessage())));
    }
    if (cause instanceof JsonNodeException conversion) {
      return conversion(qualified, conversion, input);
    }
    if (cause instanceof JacksonException json) {
      return new Failure(ErrorNames.TOOL, qualified + " failed: a value could not be converted to or from JSON: "
          + JavaNames.scrub(String.valueOf(json.getOriginalMessage())));
    }
    if (cause instanceof StackOverflowError) {
      return new Failure(ErrorNames.TOOL, qualified + " failed: the tool ran out of stack");
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    message = writtenByTheJvm(cause) ? JavaNames.scrub(message) : JavaNames.withoutLeadingExceptionNames(message);
    if (cause instanceof Error) {
      return new Failure(ErrorNames.TOOL, qualified + " failed inside the host" + (message.isBlank() ? "" : ": " + message));
    }
    if (message.isBlank()) {
      message = qualified + " failed and gave no reason";
    }
    return new Failure(ErrorNames.TOOL, message);
  }

  /**
   * Whether the JVM, not the tool's author, wrote the message: errors ({@code Could not initialize
   * class com.example.Foo}) and the exceptions of plain mistakes in code, whose messages name
   * classes and methods ({@code Cannot invoke "com.example.Foo.bar()" because ...}).
   */
  private static boolean writtenByTheJvm(Throwable cause) {
    return cause instanceof Error
        || cause instanceof NullPointerException
        || cause instanceof ClassCastException
        || cause instanceof IndexOutOfBoundsException
        || cause instanceof ArrayStoreException
        || cause instanceof ArithmeticException
        || cause instanceof NegativeArraySizeException;
  }

  /**
   * A {@code JsonNode} accessor that could not convert a value ({@code asLong()} of {@code
   * 1e300}): an input problem when the value is part of the input, where it is named by its path.
   */
  private static Failure conversion(String qualified, JsonNodeException e, @Nullable JsonNode input) {
    JsonNode value = e.getNode();
    Matcher target = NODE_TARGET.matcher(String.valueOf(e.getOriginalMessage()));
    String what = what(value, target.find() ? target.group(1) : "");
    String path = input == null || value == null ? null : pathOf(input, value);
    if (path != null) {
      return new Failure(ErrorNames.TOOL_INPUT, qualified + ": " + (path.isEmpty() ? "the input" : path) + ": " + what);
    }
    return new Failure(ErrorNames.TOOL, qualified + " failed: it could not use a value it had: " + what);
  }

  private static final Map<String, Class<?>> INTEGER_TYPES = Map.of(
      "int", int.class, "long", long.class, "short", short.class, "byte", byte.class,
      "java.math.BigInteger", BigInteger.class);

  /** What was wrong with {@code value} for the Java type Jackson named. */
  private static String what(@Nullable JsonNode value, String javaType) {
    String got = value == null ? "nothing" : InputValidation.describe(value);
    Class<?> integer = INTEGER_TYPES.get(javaType);
    if (integer != null) {
      String problem = value == null ? null : JsonNumbers.integerProblem(value, integer);
      return problem != null ? problem : "expected a whole number, got " + got;
    }
    String expected = switch (javaType) {
      case "double", "float", "java.math.BigDecimal" -> "a number";
      case "boolean" -> "true or false";
      case "java.lang.String" -> "a string";
      default -> "a different kind of value";
    };
    return "expected " + expected + ", got " + got;
  }

  /**
   * The path of {@code target} in {@code root} as messages write it ({@code tags[3].name}, empty
   * for the root), found by identity; null when it is not there. One walk of the tree without
   * recursion, so a deep input costs no stack, and the path is spelled only for the node found.
   */
  static @Nullable String pathOf(JsonNode root, JsonNode target) {
    Deque<Step> pending = new ArrayDeque<>();
    pending.push(new Step(root, null, null, -1));
    while (!pending.isEmpty()) {
      Step step = pending.pop();
      if (same(step.node(), target)) {
        return step.path();
      }
      if (step.node().isObject()) {
        for (Map.Entry<String, JsonNode> property : step.node().properties()) {
          JsonNode child = property.getValue();
          if (child.isContainer() || same(child, target)) {
            pending.push(new Step(child, step, property.getKey(), -1));
          }
        }
      } else if (step.node().isArray()) {
        for (int i = 0; i < step.node().size(); i++) {
          JsonNode child = step.node().get(i);
          if (child.isContainer() || same(child, target)) {
            pending.push(new Step(child, step, null, i));
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code node} is {@code target} itself. Identity on purpose: an equal value elsewhere
   * in the input is not the one the tool failed on, and comparing containers by value would cost
   * a walk of each.
   */
  @SuppressWarnings("ReferenceEquality")
  private static boolean same(JsonNode node, JsonNode target) {
    return node == target;
  }

  /** A node on the walk of {@link #pathOf}: reached from {@code parent} by a property name or an index. */
  private record Step(JsonNode node, @Nullable Step parent, @Nullable String name, int index) {

    String path() {
      Deque<Step> steps = new ArrayDeque<>();
      for (Step at = this; at.parent() != null; at = at.parent()) {
        steps.push(at);
      }
      StringBuilder out = new StringBuilder();
      for (Step at : steps) {
        if (at.name() != null) {
          out.append(out.length() == 0 ? "" : ".").append(at.name());
        } else {
          out.append('[').append(at.index()).append(']');
        }
      }
      return out.toString();
    }
  }
}
