package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What the connector put into a request that model code did not give it: the header values that
 * {@link OpenApiConnector#authenticate} (or an override of {@link OpenApiConnector#send}) set,
 * query parameters added the same way, and the base URL's user info. Everything the connector
 * returns to model code passes through {@link #redact}: response bodies (2xx ones too, as JSON,
 * text or bytes), error messages and the redirect locations they name, so a server that echoes a
 * credential back does not hand it to model code.
 *
 * <p>Each value is redacted as given and in the forms a server is likely to echo: the token of
 * {@code Bearer <token>} (the part after the first space), the {@code user:password} and the
 * password inside {@code Basic} credentials, and each of those percent-encoded.
 *
 * <p>A value shorter than {@value #MIN_LENGTH} characters is not taken for a secret: a header such
 * as {@code X-Api-Version: 2} set by {@code authenticate} would otherwise blank every {@code 2} of
 * every response. No real credential is that short.
 */
final class Secrets {

  /** The shortest value that is redacted. */
  static final int MIN_LENGTH = 8;

  /** What a secret is replaced by. */
  static final String MARK = "[redacted]";

  private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);

  /** Longest first, so that {@code Bearer <token>} goes before {@code <token>}. */
  private final List<String> values;

  private Secrets(Set<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    this.values = List.copyOf(sorted);
  }

  /**
   * The secrets of a request as {@code authenticate} left it: whatever it holds that the request
   * built from the tool's input did not.
   *
   * @param prepared the request built from the tool's input
   * @param request the authenticated request
   */
  static Secrets of(PreparedRequest prepared, HttpRequest request) {
    Set<String> given = new HashSet<>();
    prepared.headers().forEach(header -> given.add(header.name().toLowerCase(Locale.ROOT) + ":"
        + header.value()));
    Set<String> found = new LinkedHashSet<>();
    collect(given, prepared.uri(), request, found);
    return new Secrets(found);
  }

  /**
   * These secrets and what {@code sent} holds that {@code given} did not: an override of {@link
   * OpenApiConnector#send} may have added a key to the request it was given.
   *
   * @param given the request handed to {@link OpenApiConnector#send}
   * @param sent the request a response says was sent, or {@code null} when it does not say
   */
  Secrets with(HttpRequest given, @Nullable HttpRequest sent) {
    if (sent == null) {
      return this;
    }
    Set<String> headers = new HashSet<>();
    given.headers().map().forEach((name, values) -> values.forEach(
        value -> headers.add(name.toLowerCase(Locale.ROOT) + ":" + value)));
    Set<String> found = new LinkedHashSet<>(values);
    collect(headers, given.uri(), sent, found);
    return found.size() == values.size() ? this : new Secrets(found);
  }

  /** The text with every secret replaced by {@value #MARK}. */
  String redact(String text) {
    String out = text;
    for (String secret : values) {
      out = out.replace(secret, MARK);
    }
    return out;
  }

  /** The bytes with the UTF-8 form of every secret replaced by {@value #MARK}. */
  byte[] redact(byte[] bytes) {
    byte[] out = bytes;
    for (String secret : values) {
      out = replace(out, secret.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * The JSON value with every secret replaced by {@value #MARK}, in property names and strings
   * (and a number or bytes that hold one), so the result is still valid JSON.
   */
  JsonNode redact(JsonNode node) {
    if (values.isEmpty()) {
      return node;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JsonCodec.defaults().nodes().objectNode();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        copy.set(redact(entry.getKey()), redact(entry.getValue()));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JsonCodec.defaults().nodes().arrayNode(array.size());
      for (JsonNode item : array.values()) {
        copy.add(redact(item));
      }
      return copy;
    }
    if (node.isString() || node.isNumber()) {
      String text = Values.text(node);
      String redacted = redact(text);
      return redacted.equals(text) ? node : StringNode.valueOf(redacted);
    }
    if (node.isBinary()) {
      return BinaryNode.valueOf(redact(node.binaryValue()));
    }
    return node;
  }

  /**
   * Adds what {@code request} holds beyond the headers ({@code name:value}, the name in lower case)
   * and the query of {@code uri}.
   */
  private static void collect(
      Set<String> headers, URI uri, HttpRequest request, Set<String> found) {
    for (Map.Entry<String, List<String>> entry : request.headers().map().entrySet()) {
      String name = entry.getKey().toLowerCase(Locale.ROOT);
      for (String value : entry.getValue()) {
        if (!name.equals("accept") && !headers.contains(name + ":" + value)) {
          add(value, found);
        }
      }
    }
    Set<String> inputQuery = new HashSet<>(pairs(uri.getRawQuery()));
    for (String pair : pairs(request.uri().getRawQuery())) {
      if (!inputQuery.contains(pair)) {
        String value = pair.substring(pair.indexOf('=') + 1);
        add(value, found);
        try {
          add(URLDecoder.decode(value, StandardCharsets.UTF_8), found);
        } catch (IllegalArgumentException notEncoded) {
          // the raw value is redacted; there is no decoded form
        }
      }
    }
    userInfo(request.uri(), found);
  }

  private static void userInfo(URI uri, Set<String> found) {
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      add(userInfo, found);
      add(String.valueOf(uri.getRawUserInfo()), found);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        add(userInfo.substring(colon + 1), found);
      }
    }
  }

  private static List<String> pairs(@Nullable String rawQuery) {
    List<String> out = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        out.add(pair);
      }
    }
    return out;
  }

  /** A value and the forms of it a server may echo, those long enough to be secrets. */
  private static void add(String value, Set<String> found) {
    List<String> forms = new ArrayList<>();
    forms.add(value);
    int space = value.indexOf(' ');
    if (space > 0) {
      String token = value.substring(space + 1).strip();
      forms.add(token);
      if (value.substring(0, space).equalsIgnoreCase("Basic")) {
        try {
          String credentials =
              new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
          forms.add(credentials);
          int colon = credentials.indexOf(':');
          if (colon >= 0) {
            forms.add(credentials.substring(colon + 1));
          }
        } catch (IllegalArgumentException notBase64) {
          // not Basic credentials after all: the token itself is redacted
        }
      }
    }
    for (String form : forms) {
      if (form.length() >= MIN_LENGTH) {
        found.add(form);
        found.add(UriEncoding.encode(form));
      }
    }
  }

  private static byte[] replace(byte[] bytes, byte[] secret) {
    int at = indexOf(bytes, secret, 0);
    if (at < 0) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    int from = 0;
    while (at >= 0) {
      out.write(bytes, from, at - from);
      out.write(MARK_BYTES, 0, MARK_BYTES.length);
      from = at + secret.length;
      at = indexOf(bytes, secret, from);
    }
    out.write(bytes, from, bytes.length - from);
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte[] secret, int from) {
    outer:
    for (int i = from; i <= bytes.length - secret.length; i++) {
      for (int j = 0; j < secret.length; j++) {
        if (bytes[i + j] != secret[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
