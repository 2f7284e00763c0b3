package dev.codemode.core.typescript;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out type alias names that are unique across one declaration text.
 *
 * <p>A wanted name that is free is taken as it is. A name that is a {@linkplain
 * TypeScriptGlobals#FORBIDDEN_TYPE_NAMES TypeScript global} or was taken by an earlier connector
 * is first tried with the connector's PascalCased name in front ({@code TasksError}, {@code
 * ProjectsListInput}). If that is taken too, or the name was taken within the same connector, the
 * smallest numeric suffix from 2 that is free is added ({@code Task2}, {@code GetItem2Input});
 * after a name that ends in a digit it is separated by {@code _} ({@code Def1_2}).
 */
final class TypeNameAllocator {

  private static final List<String> PLAIN = List.of("");
  private static final List<String> TOOL_SUFFIXES = List.of("Input", "Output");

  /** Taken names and the index of the connector that took each. */
  private final Map<String, Integer> owners = new HashMap<>();

  /**
   * The stem {@code S} for a tool's {@code SInput} and {@code SOutput} types, both of which are
   * then taken.
   *
   * @param pascalName the tool's PascalCased name
   * @param connector index of the connector in the text
   * @param connectorPascal the connector's PascalCased name
   */
  String toolStem(String pascalName, int connector, String connectorPascal) {
    return allocate(pascalName, TOOL_SUFFIXES, connector, connectorPascal);
  }

  /** A name for a named type; see the class description. */
  String typeName(String wanted, int connector, String connectorPascal) {
    return allocate(wanted, PLAIN, connector, connectorPascal);
  }

  private String allocate(
      String wanted, List<String> suffixes, int connector, String connectorPascal) {
    String stem = wanted;
    if (!isFree(stem, suffixes)) {
      if (isBlockedFromOutside(stem, suffixes, connector)) {
        stem = connectorPascal + stem;
      }
      if (!isFree(stem, suffixes)) {
        // "Def12" + 2 would read as "Def122": a stem ending in a digit gets "_" before the number
        String base = Character.isDigit(stem.charAt(stem.length() - 1)) ? stem + "_" : stem;
        int number = 2;
        while (!isFree(base + number, suffixes)) {
          number++;
        }
        stem = base + number;
      }
    }
    for (String suffix : suffixes) {
      owners.put(stem + suffix, connector);
    }
    return stem;
  }

  private boolean isFree(String stem, List<String> suffixes) {
    for (String suffix : suffixes) {
      String name = stem + suffix;
      if (owners.containsKey(name) || TypeScriptGlobals.FORBIDDEN_TYPE_NAMES.contains(name)) {
        return false;
      }
    }
    return true;
  }

  private boolean isBlockedFromOutside(String stem, List<String> suffixes, int connector) {
    for (String suffix : suffixes) {
      String name = stem + suffix;
      Integer owner = owners.get(name);
      if (TypeScriptGlobals.FORBIDDEN_TYPE_NAMES.contains(name)
          || (owner != null && owner != connector)) {
        return true;
      }
    }
    return false;
  }
}
