package dev.codemode.runtime.store;

import dev.codemode.core.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * How values become column text and back, under the store's size limit.
 *
 * <p>A value is its compact JSON text; JavaScript's {@code undefined} (a {@link MissingNode}) is the
 * text {@value #UNDEFINED}, which no JSON text equals, and no value is SQL NULL. Sizes are UTF-8
 * bytes of that text.
 *
 * <p>Values read back exactly as they were written. A JavaScript string may hold a lone surrogate
 * ({@code "\ud800"}), which UTF-8 cannot carry: the databases would store a {@code ?} instead, and a
 * replayed call would no longer match its entry. Such a character is written as its JSON escape
 * {@code \ud800}, which reads back as the same character.
 */
final class JsonColumns {

  /** The column text of {@code undefined}. */
  static final String UNDEFINED = "undefined";

  private final JsonCodec codec = JsonCodec.defaults();
  private final JsonNodeFactory nodes = codec.nodes();
  private final int limit;

  JsonColumns(int limit) {
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /** The column text of {@code value}, or null for none. */
  @Nullable String text(@Nullable JsonNode value) {
    if (value == null) {
      return null;
    }
    return value.isMissingNode() ? UNDEFINED : StoredText.escapeLoneSurrogates(codec.toJson(value));
  }

  /** The value of column text, or null for SQL NULL. */
  @Nullable JsonNode value(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return text.equals(UNDEFINED) ? MissingNode.getInstance() : codec.parse(text);
  }

  /**
   * The column text of {@code value}.
   *
   * @throws ValueTooLargeException when it is over the limit; {@code what} names the value
   */
  @Nullable String checked(@Nullable JsonNode value, Supplier<String> what) {
    String text = text(value);
    if (text != null) {
      int bytes = utf8Length(text);
      if (bytes > limit) {
        throw new ValueTooLargeException(what.get(), bytes, limit);
      }
    }
    return text;
  }

  /** The column text of a final result, or a text placeholder that says it was too large. */
  @Nullable String resultOrPlaceholder(@Nullable JsonNode result) {
    String text = text(result);
    if (text == null || utf8Length(text) <= limit) {
      return text;
    }
    return text(nodes.stringNode(placeholder("result", utf8Length(text))));
  }

  /**
   * The column text of a final error, or an error with the original {@code name} and a message that
   * says it was too large.
   */
  @Nullable String errorOrPlaceholder(@Nullable JsonNode error) {
    String text = text(error);
    if (error == null || text == null || utf8Length(text) <= limit) {
      return text;
    }
    JsonNode name = error.get("name");
    ObjectNode replacement = nodes.objectNode();
    boolean keepName = name != null && name.isString() && name.asString().length() <= 100;
    replacement.put("name", keepName ? name.asString() : "Error");
    replacement.put("message", placeholder("error", utf8Length(text)));
    return text(replacement);
  }

  private String placeholder(String what, int bytes) {
    return String.format(
        "[The %s was not stored: %,d bytes of JSON, over the store's limit of %,d.]", what, bytes, limit);
  }

  /** An error text cut to the limit, with a note of the cut. */
  @Nullable String boundedText(@Nullable String text) {
    if (text == null || utf8Length(text) <= limit) {
      return text;
    }
    String note = String.format(" … [cut: %,d bytes, over the store's limit of %,d]", utf8Length(text), limit);
    int room = limit - utf8Length(note);
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int size = utf8Length(new String(Character.toChars(codePoint)));
      if (bytes + size > room) {
        break;
      }
      kept.appendCodePoint(codePoint);
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return kept + note;
  }

  /**
   * The column text of log lines, within the limit: when they are over it, the oldest lines are
   * dropped and a first line says how many.
   */
  String logs(List<String> lines) {
    int[] sizes = new int[lines.size()];
    long total = 2L + Math.max(0, lines.size() - 1);
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = utf8Length(StoredText.escapeLoneSurrogates(codec.toJson(nodes.stringNode(lines.get(i)))));
      total += sizes[i];
    }
    if (total <= limit) {
      return toJsonArray(null, lines);
    }
    // Drop k oldest lines and put a note first: 2 brackets, the note, and ", line" for each kept one.
    long kept = total - 2;
    for (int dropped = 1; dropped <= lines.size(); dropped++) {
      kept -= sizes[dropped - 1] + (dropped < lines.size() ? 1 : 0);
      String note = droppedNote(dropped);
      long size = 2 + utf8Length(codec.toJson(nodes.stringNode(note))) + (dropped < lines.size() ? 1 + kept : 0);
      if (size <= limit) {
        return toJsonArray(note, lines.subList(dropped, lines.size()));
      }
    }
    throw new IllegalStateException("the store's limit is too small for a note on dropped log lines");
  }

  private String droppedNote(int dropped) {
    return String.format("[%,d earlier log lines were not stored: the logs were over the store's limit of %,d bytes.]",
        dropped, limit);
  }

  private String toJsonArray(@Nullable String first, List<String> lines) {
    ArrayNode array = nodes.arrayNode();
    if (first != null) {
      array.add(first);
    }
    lines.forEach(array::add);
    return StoredText.escapeLoneSurrogates(codec.toJson(array));
  }

  /** Log lines from column text. */
  List<String> logLines(String text) {
    List<String> lines = new ArrayList<>();
    codec.parse(text).forEach(line -> lines.add(line.asString()));
    return lines;
  }

  /** The column text of a map of connector hashes. */
  String connectors(Map<String, String> connectors) {
    ObjectNode object = nodes.objectNode();
    connectors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> object.put(e.getKey(), e.getValue()));
    return codec.toJson(object);
  }

  /** A map of connector hashes from column text. */
  Map<String, String> connectorMap(String text) {
    Map<String, String> connectors = new LinkedHashMap<>();
    codec.parse(text).properties().forEach(e -> connectors.put(e.getKey(), e.getValue().asString()));
    return connectors;
  }

  static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
