package dev.codemode.core.typescript;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Internal {@code $ref}s: JSON Pointers in URI fragment form ({@code #/a/b}). */
final class JsonPointers {

  private JsonPointers() {}

  /**
   * The unescaped segments of a pointer {@code #/a/b} ({@code ~1} is {@code /}, {@code ~0} is
   * {@code ~}); no segments for {@code #}.
   */
  static List<String> segments(String ref) {
    List<String> segments = new ArrayList<>();
    if (ref.length() <= 1) {
      return segments;
    }
    for (String raw : ref.substring(2).split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  /** The node at {@code segments} below {@code root}, or {@code null} when there is none. */
  static @Nullable JsonNode resolve(JsonNode root, List<String> segments) {
    JsonNode node = root;
    for (String segment : segments) {
      if (node.isObject()) {
        node = node.get(segment);
      } else if (node.isArray() && segment.matches("0|[1-9][0-9]{0,8}")) {
        node = node.get(Integer.parseInt(segment));
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * Whether the pointer names an entry of {@code $defs} or {@code definitions}, possibly nested in
   * other such entries: {@code #/$defs/A}, {@code #/definitions/A/$defs/B}.
   */
  static boolean isDefinition(List<String> segments) {
    if (segments.isEmpty() || segments.size() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < segments.size(); i += 2) {
      String container = segments.get(i);
      if (!container.equals("$defs") && !container.equals("definitions")) {
        return false;
      }
    }
    return true;
  }
}
