package dev.codemode.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rules for the names model code sees: tool and connector names must be JavaScript identifiers,
 * and type names in the generated TypeScript are the PascalCased tool names.
 *
 * <p>{@link #sanitize(String)} turns any raw name (an MCP tool name such as {@code get-weather}, an
 * OpenAPI operation id such as {@code repos/get-content}) into an identifier with the same rules as
 * the reference implementation, so names match across implementations.
 */
public final class ToolNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  /**
   * {@code -}, {@code .} and white space as JavaScript's {@code \s} defines it (which, unlike
   * Java's, includes no-break and other Unicode spaces and the byte order mark), so that names
   * sanitize as in the reference implementation.
   */
  private static final Pattern SEPARATORS =
      Pattern.compile(
          "[-.\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F"
              + "\\u3000\\uFEFF]");
  private static final Pattern NOT_IDENTIFIER_PART = Pattern.compile("[^A-Za-z0-9_$]");

  /**
   * Words a tool or connector may not be named: JavaScript keywords and literals, strict-mode
   * reserved words, and the older reserved words that some engines and tools still reject.
   */
  public static final Set<String> RESERVED_WORDS =
      Set.of(
          "abstract", "arguments", "await", "boolean", "break", "byte", "case", "catch", "char",
          "class", "const", "continue", "debugger", "default", "delete", "do", "double", "else",
          "enum", "eval", "export", "extends", "false", "final", "finally", "float", "for",
          "function", "goto", "if", "implements", "import", "in", "instanceof", "int",
          "interface", "let", "long", "native", "new", "null", "package", "private", "protected",
          "public", "return", "short", "static", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "true", "try", "typeof", "undefined", "var", "void",
          "volatile", "while", "with", "yield");

  /**
   * Globals of the sandbox that a connector (a global itself) must not replace: the JavaScript
   * built-ins and what the sandbox prelude provides.
   */
  public static final Set<String> SANDBOX_GLOBALS =
      Set.of(
          // provided by the sandbox
          "codemode", "console", "setTimeout", "clearTimeout", "setInterval", "clearInterval",
          "queueMicrotask", "structuredClone",
          // ECMAScript global object
          "globalThis", "Infinity", "NaN", "isFinite", "isNaN", "parseFloat", "parseInt",
          "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
          "unescape", "Object", "Function", "Boolean", "Symbol", "Error", "AggregateError",
          "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
          "Number", "BigInt", "Math", "Date", "String", "RegExp", "Array", "Int8Array",
          "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
          "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
          "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "ArrayBuffer",
          "SharedArrayBuffer", "DataView", "Atomics", "JSON", "Promise", "Reflect", "Proxy",
          "Intl", "Iterator");

  private ToolNames() {}

  /** Whether {@code name} is an ASCII JavaScript identifier ({@code [A-Za-z_$][A-Za-z0-9_$]*}). */
  public static boolean isIdentifier(String name) {
    return name != null && IDENTIFIER.matcher(name).matches();
  }

  /** Whether {@code name} is one of {@link #RESERVED_WORDS}. */
  public static boolean isReservedWord(String name) {
    return RESERVED_WORDS.contains(name);
  }

  /**
   * Why {@code name} cannot be used as a tool name, or {@code null} when it can. A tool name must
   * be an identifier and not a reserved word.
   */
  public static @Nullable String toolNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "the name is empty";
    }
    if (!isIdentifier(name)) {
      return "\"" + name + "\" is not a JavaScript identifier (letters, digits, _ and $, not"
          + " starting with a digit)";
    }
    if (isReservedWord(name)) {
      return "\"" + name + "\" is a JavaScript reserved word";
    }
    return null;
  }

  /**
   * Why {@code name} cannot be used as a connector name (a global of the sandbox), or {@code null}
   * when it can. Besides the tool-name rules, it must not replace a global of the sandbox.
   */
  public static @Nullable String connectorNameProblem(String name) {
    String problem = toolNameProblem(name);
    if (problem != null) {
      return problem;
    }
    if (SANDBOX_GLOBALS.contains(name)) {
      return "\"" + name + "\" would replace the sandbox global of the same name";
    }
    return null;
  }

  /**
   * Turns a raw name into a JavaScript identifier: {@code -}, {@code .} and whitespace become
   * {@code _}, other characters outside {@code [A-Za-z0-9_$]} are dropped, a leading digit gets a
   * {@code _} prefix, a reserved word gets a {@code _} suffix, and nothing left becomes {@code _}.
   * Examples: {@code get-weather} → {@code get_weather}, {@code 3d-render} → {@code _3d_render},
   * {@code class} → {@code class_}, {@code repos/get-content} → {@code reposget_content}.
   */
  public static String sanitize(String name) {
    if (name == null || name.isEmpty()) {
      return "_";
    }
    String result = SEPARATORS.matcher(name).replaceAll("_");
    result = NOT_IDENTIFIER_PART.matcher(result).replaceAll("");
    if (result.isEmpty()) {
      return "_";
    }
    if (Character.isDigit(result.charAt(0))) {
      result = "_" + result;
    }
    if (isReservedWord(result)) {
      result = result + "_";
    }
    return result;
  }

  /**
   * PascalCases an identifier for type names: a lower-case letter after {@code _} is upper-cased
   * and the {@code _} dropped, and a leading lower-case letter is upper-cased. {@code get_item} →
   * {@code GetItem}, {@code getWeather} → {@code GetWeather}, {@code _3d_render} → {@code
   * _3dRender}.
   */
  public static String pascalCase(String identifier) {
    StringBuilder out = new StringBuilder(identifier.length());
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c == '_' && i + 1 < identifier.length() && isLowerAscii(identifier.charAt(i + 1))) {
        out.append(Character.toUpperCase(identifier.charAt(i + 1)));
        i++;
      } else if (i == 0 && isLowerAscii(c)) {
        out.append(Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The default connector name for a class: its simple name without a trailing {@code Connector},
   * first letter lower-case ({@code TasksConnector} → {@code tasks}, {@code GitHub} → {@code
   * gitHub}). A class named just {@code Connector} keeps its name.
   */
  public static String defaultConnectorName(String simpleClassName) {
    String base = simpleClassName;
    if (base.endsWith("Connector") && base.length() > "Connector".length()) {
      base = base.substring(0, base.length() - "Connector".length());
    }
    return base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1);
  }

  private static boolean isLowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }
}
