package dev.codemode.openapi.build;

import dev.codemode.core.ToolNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How names in a spec become JavaScript and TypeScript identifiers.
 *
 * <p>{@link #identifier}: every run of characters other than ASCII letters, digits, {@code _} and
 * {@code $} becomes one {@code _} between the parts around it (none at the ends), a leading digit
 * gets a {@code _} in front, and a reserved word gets one after (the rules of {@link
 * ToolNames#sanitize}). So {@code repos/get-content} becomes {@code repos_get_content} and {@code GET
 * /pets/{petId}} becomes {@code get_pets_petId}: unlike {@link ToolNames#sanitize}, which drops a
 * {@code /}, the parts stay readable.
 */
final class Names {

  private Names() {}

  /** The identifier for a raw name; see the class description. */
  static String identifier(String raw) {
    return ToolNames.sanitize(joined(raw));
  }

  private static String joined(String raw) {
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("[^A-Za-z0-9_$]+", -1)) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? "_" : String.join("_", parts);
  }

  /**
   * The tool name an operation wants: its {@code operationId}, or else its method and path
   * ({@code get_pets_petId}), made an identifier.
   */
  static String toolName(String operationId, String method, String path) {
    if (operationId != null && !operationId.isBlank()) {
      return identifier(operationId);
    }
    return identifier(method.toLowerCase(Locale.ROOT) + " " + path);
  }

  /** The PascalCased type name for a schema name ({@code simple-user} → {@code SimpleUser}). */
  static String typeName(String raw) {
    String joined = joined(raw);
    if (Character.isDigit(joined.charAt(0))) {
      joined = "_" + joined;
    }
    // PascalCased, it starts with a capital or "_" or "$" and cannot be a reserved word
    return ToolNames.pascalCase(joined);
  }

  /**
   * {@code wanted} when it is not in {@code taken}, else the first free of {@code wanted + separator
   * + 2}, {@code 3}, ...; a separator is forced after a final digit so that numbers stay apart.
   */
  static String unique(String wanted, Set<String> taken, String separator) {
    if (!taken.contains(wanted)) {
      return wanted;
    }
    String base =
        separator.isEmpty() && Character.isDigit(wanted.charAt(wanted.length() - 1))
            ? wanted + "_"
            : wanted + separator;
    int number = 2;
    while (taken.contains(base + number)) {
      number++;
    }
    return base + number;
  }
}
