package dev.codemode.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * JSON text with object keys sorted at every level, so that equal values give equal text whatever
 * order their properties came in: the key that matches a replayed call to its journal entry, and
 * the text that descriptor hashes are computed from.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String of(@Nullable JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(@Nullable JsonNode node, StringBuilder out) {
    if (node == null || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
      properties.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < properties.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quoted(properties.get(i).getKey())).append(':');
        write(properties.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      // 1, 1.0 and 1e0 are the same number to JavaScript
      out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.append(node.toString());
    }
  }

  private static String quoted(String text) {
    return dev.codemode.core.JsonCodec.defaults().nodes().stringNode(text).toString();
  }

  /** A short SHA-256 hex digest of {@code text}. */
  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
