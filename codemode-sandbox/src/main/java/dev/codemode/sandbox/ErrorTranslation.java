package dev.codemode.sandbox;

import dev.codemode.core.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * How what went wrong in the sandbox becomes an {@link ExecutionError} a model can act on: names and
 * messages bounded, positions mapped back to the model's own lines, hints for names that do not
 * exist. Pure: it needs no engine, only the texts involved.
 */
final class ErrorTranslation {

  /** The name of the source the model's function is evaluated from. */
  static final String SOURCE_NAME = "code.js";
  private static final Pattern FRAME = Pattern.compile("code\\.js:(\\d{1,9}):(\\d{1,9})\\b");
  private static final Pattern READER_LIMIT_SOURCE = Pattern.compile(", from `[^`]*`\\)");
  private static final Pattern NOT_DEFINED = Pattern.compile("^(\\S+) is not defined$");
  private static final Pattern SYNTAX_PREFIX = Pattern.compile("^code\\.js:\\d+:\\d+ ");
  private static final int MAX_NAMES_LISTED = 40;
  private static final int MAX_NAME_SHOWN = 100;
  /** The bounds prelude.js puts on thrown errors, applied again on the host. */
  static final int MAX_ERROR_NAME_CHARS = 200;
  static final int MAX_ERROR_MESSAGE_CHARS = 16384 + 100;

  /**
   * Where the evaluated function came from: positions in {@code evaluated} (the function in
   * parentheses, as the engine saw it) map to positions in what the model wrote.
   */
  record Source(NormalizedCode prepared, SourceText evaluated) {

    /** The text the engine evaluates for {@code prepared}. */
    static Source of(NormalizedCode prepared) {
      return new Source(prepared, new SourceText("(\n" + prepared.code() + "\n)"));
    }

    ExecutionError locate(ExecutionError error, int line, int column) {
      int offset = Math.max(0, evaluated.offset(line, column) - 2);
      int original = prepared.originalOffset(offset);
      SourceText text = prepared.originalText();
      int originalLine = text.line(original);
      int originalColumn = text.column(original);
      return error.at(originalLine, originalColumn, text.excerpt(originalLine, originalColumn));
    }
  }

  /** The tool names of each namespace, in the order the sandbox has them: made when a message needs them. */
  private final Supplier<Map<String, List<String>>> names;
  private @Nullable Map<String, List<String>> toolNames;

  ErrorTranslation(Supplier<Map<String, List<String>>> toolNames) {
    this.names = toolNames;
  }

  ErrorTranslation(Map<String, List<String>> toolNames) {
    this(() -> toolNames);
  }

  private Map<String, List<String>> toolNames() {
    Map<String, List<String>> made = toolNames;
    if (made == null) {
      made = names.get();
      toolNames = made;
    }
    return made;
  }

  /** A syntax error the engine reported, at {@code line}:{@code column} of the evaluated source when known. */
  ExecutionError syntaxError(@Nullable String message, @Nullable Source source, @Nullable Integer line,
      @Nullable Integer column) {
    String text = SYNTAX_PREFIX.matcher(String.valueOf(message)).replaceFirst("");
    ExecutionError error = ExecutionError.of(ExecutionError.Kind.SYNTAX, ErrorNames.SYNTAX, text);
    return source != null && line != null && column != null ? source.locate(error, line, column) : error;
  }

  /** What the prelude reported of a thrown value: {@code {name, message, stack, tool}}. */
  ExecutionError fromPrelude(JsonNode thrown, @Nullable Source source) {
    String name = thrown.path("name").asString(ErrorNames.ERROR);
    String message = thrown.path("message").asString("");
    String stack = thrown.path("stack").asString("");
    String tool = thrown.path("tool").isString() ? thrown.path("tool").asString() : null;
    return thrown(message, name, stack, tool, source);
  }

  /**
   * An error the code threw: its name and message bounded, a hint added for a name that is not
   * defined, and its position taken from the first frame of the model's code in {@code stack}.
   */
  ExecutionError thrown(@Nullable String message, @Nullable String name, @Nullable String stack, @Nullable String tool,
      @Nullable Source source) {
    String errorName = name == null || name.isBlank() ? ErrorNames.ERROR : bounded(name, MAX_ERROR_NAME_CHARS);
    String text = bounded(message == null ? "" : message, MAX_ERROR_MESSAGE_CHARS);
    String failedTool = tool == null ? null : bounded(tool, MAX_ERROR_NAME_CHARS);
    if ("ReferenceError".equals(errorName)) {
      Matcher notDefined = NOT_DEFINED.matcher(text);
      if (notDefined.matches()) {
        text = text + ". " + globalsHint(notDefined.group(1));
      }
    }
    ExecutionError error = new ExecutionError(
        failedTool != null ? ExecutionError.Kind.TOOL : ExecutionError.Kind.RUNTIME,
        errorName, text, null, null, failedTool, null);
    if (stack != null && source != null) {
      Matcher frame = FRAME.matcher(stack);
      if (frame.find()) {
        return source.locate(error, Integer.parseInt(frame.group(1)), Integer.parseInt(frame.group(2)));
      }
    }
    return error;
  }

  /** Why {@code namespace.tool} is not a function: the closest name and the tools there are. */
  String unknownTool(String namespace, String tool) {
    List<String> names = toolNames().getOrDefault(namespace, List.of());
    StringBuilder message = new StringBuilder(namespace).append(" has no tool named \"").append(shown(tool)).append('"');
    Suggestions.closest(tool, names).ifPresent(match -> message.append("; did you mean \"").append(match).append("\"?"));
    message.append(names.isEmpty() ? " It has no tools." : " Its tools: ").append(listed(names)).append('.');
    return message.toString();
  }

  /** What exists, for a model that named a global that does not. */
  String globalsHint(String missing) {
    StringBuilder hint = new StringBuilder();
    List<String> qualifiedTools = new ArrayList<>();
    Map<String, List<String>> toolNames = toolNames();
    for (Map.Entry<String, List<String>> namespace : toolNames.entrySet()) {
      for (String tool : namespace.getValue()) {
        if (tool.equals(missing)) {
          hint.append("Tools are called on their namespace: did you mean ")
              .append(namespace.getKey()).append('.').append(tool).append("? ");
        }
        qualifiedTools.add(namespace.getKey() + "." + tool);
      }
    }
    Suggestions.closest(missing, toolNames.keySet())
        .ifPresent(match -> hint.append("Did you mean \"").append(match).append("\"? "));
    hint.append(toolNames.isEmpty()
        ? "No tool namespaces are available"
        : "The tool namespaces are " + String.join(", ", toolNames.keySet()));
    hint.append(" (tools: ").append(listed(qualifiedTools)).append(")");
    hint.append("; the other globals are console, setTimeout, clearTimeout, setInterval, clearInterval,"
        + " queueMicrotask, structuredClone and the JavaScript built-ins.");
    return hint.toString();
  }

  /**
   * Signs that a class of the engine failed to initialise: the JVM remembers that, and every later
   * use of the class fails the same way.
   */
  private static final Pattern CLASS_LOADING = Pattern.compile(
      "NoClassDefFoundError|ExceptionInInitializerError|Could not initialize class|StackOverflowError");

  /**
   * A message of the engine, or of the host under it, for model code: as it is when it names no
   * Java class, else scrubbed; a class that failed to load is said in words.
   */
  static String engineMessage(@Nullable String message) {
    String text = message == null ? "" : message;
    if (CLASS_LOADING.matcher(text).find()) {
      // Seen when code recursed so deeply that the engine ran out of stack while it loaded one of
      // its classes: the class stays broken in this JVM, so later executions fail the same way.
      return "a part of the sandbox failed to load after it ran out of stack in very deep recursion"
          + " (in this execution or an earlier one). Recurse less deeply; when code without deep"
          + " recursion fails this way, the host must be restarted";
    }
    return JavaNames.mentions(text) ? JavaNames.scrub(text) : text;
  }

  /** What a host failure (an exception of the executor itself) says to model code: no class names. */
  static String hostMessage(Throwable failure) {
    String text = failure.getMessage() == null ? "" : JavaNames.scrub(failure.getMessage());
    return text.isBlank() ? "an internal error without a message" : text;
  }

  /** Which limit of the JSON reader a value broke, without Jackson's method names. */
  static String readerLimit(StreamConstraintsException e) {
    return READER_LIMIT_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(")");
  }

  /** A name from model code as a message quotes it: cut when it is longer than any real name. */
  static String shown(String name) {
    return bounded(name, MAX_NAME_SHOWN);
  }

  /** Text from model code, cut like the prelude cuts it. */
  static String bounded(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max) + "… [cut: the text has " + text.length() + " characters]";
  }

  private static String listed(List<String> names) {
    if (names.size() <= MAX_NAMES_LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMES_LISTED)) + " and " + (names.size() - MAX_NAMES_LISTED) + " more";
  }
}
