package dev.codemode.openapi;

import dev.codemode.core.ToolInputException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Encodes the {@code body} property of a tool's input as the request body its {@link
 * BodyEncoding} says.
 *
 * <ul>
 *   <li>{@link BodyEncoding#JSON}: the value as JSON text.
 *   <li>{@link BodyEncoding#FORM}: the value must be an object; each property is one field
 *       ({@link URLEncoder} rules: a space is {@code +}), an array repeats the field, and an object
 *       is sent as its JSON text: OpenAPI's default (style {@code form}, exploded) would spread its
 *       properties among the top-level fields and lose its name, which no server reads back.
 *   <li>{@link BodyEncoding#MULTIPART}: the value must be an object; one part per property. A
 *       property is a file part ({@code filename} = the property name) when it holds bytes (base64
 *       text, or a Jackson binary node) and its content type in {@link
 *       RequestBodySpec#partContentTypes()} is neither JSON nor text; a JSON content type, or none
 *       for an object, gives an {@code application/json} part; any other scalar is a text part. An
 *       array repeats the part per item, unless its content type is JSON (then it is one JSON part).
 *   <li>{@link BodyEncoding#TEXT}: a string, sent as UTF-8.
 *   <li>{@link BodyEncoding#BINARY}: base64 text (or a Jackson binary node), sent as its bytes.
 * </ul>
 */
final class BodyEncoder {

  /**
   * An encoded body.
   *
   * @param contentType the {@code Content-Type} header value
   * @param bytes the body
   */
  record Encoded(String contentType, byte[] bytes) {

    /** Equal when the content types and the bytes are, not the same array. */
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Encoded encoded
          && contentType.equals(encoded.contentType)
          && Arrays.equals(bytes, encoded.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Encoded[contentType=" + contentType + ", " + bytes.length + " bytes]";
    }
  }

  private static final String OCTET_STREAM = "application/octet-stream";

  private final String connector;
  private final OperationSpec operation;
  private final RequestBodySpec spec;

  private BodyEncoder(String connector, OperationSpec operation, RequestBodySpec spec) {
    this.connector = connector;
    this.operation = operation;
    this.spec = spec;
  }

  static Encoded encode(
      String connector, OperationSpec operation, RequestBodySpec spec, JsonNode value) {
    BodyEncoder encoder = new BodyEncoder(connector, operation, spec);
    return switch (spec.encoding()) {
      case JSON -> new Encoded(spec.mediaType(), Values.json(value).getBytes(StandardCharsets.UTF_8));
      case FORM -> encoder.form(value);
      case MULTIPART -> encoder.multipart(value);
      case TEXT -> encoder.text(value);
      case BINARY -> new Encoded(spec.mediaType(), encoder.bytes(value, spec.property()));
    };
  }

  private ToolInputException invalid(String property, String problem) {
    return new ToolInputException(connector, operation.tool(), property,
        "property \"" + property + "\" " + problem);
  }

  private Encoded text(JsonNode value) {
    if (!value.isString()) {
      throw invalid(spec.property(), "must be a string (the " + spec.mediaType()
          + " request body), got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return new Encoded(spec.mediaType(), value.stringValue().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] bytes(JsonNode value, String property) {
    if (value.isBinary()) {
      return value.binaryValue();
    }
    if (!value.isString()) {
      throw invalid(property, "must be bytes (a Uint8Array, or base64 text), got "
          + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      return Base64.getDecoder().decode(value.stringValue());
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getMimeDecoder().decode(value.stringValue());
      } catch (IllegalArgumentException again) {
        throw invalid(property, "must be bytes (a Uint8Array, or base64 text), and this text is"
            + " not base64: " + e.getMessage());
      }
    }
  }

  private JsonNode object(JsonNode value) {
    if (!value.isObject()) {
      throw invalid(spec.property(), "must be an object whose properties become the fields of the "
          + spec.mediaType() + " request body, got "
          + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return value;
  }

  private Encoded form(JsonNode value) {
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : object(value).properties()) {
      JsonNode field = entry.getValue();
      if (Values.absent(field)) {
        continue;
      }
      String name = URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8);
      if (field.isArray()) {
        for (JsonNode item : field.values()) {
          if (!Values.absent(item)) {
            fields.add(name + "=" + URLEncoder.encode(Values.text(item), StandardCharsets.UTF_8));
          }
        }
      } else {
        fields.add(name + "=" + URLEncoder.encode(Values.text(field), StandardCharsets.UTF_8));
      }
    }
    return new Encoded(spec.mediaType(), String.join("&", fields).getBytes(StandardCharsets.UTF_8));
  }

  private Encoded multipart(JsonNode value) {
    String boundary = "codemode-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, JsonNode> entry : object(value).properties()) {
      String name = entry.getKey();
      JsonNode field = entry.getValue();
      if (Values.absent(field)) {
        continue;
      }
      String declared = spec.partContentTypes().get(name);
      if (field.isArray() && !(declared != null && MediaTypes.isJson(declared))) {
        for (JsonNode item : field.values()) {
          if (!Values.absent(item)) {
            part(out, boundary, name, item, declared);
          }
        }
      } else {
        part(out, boundary, name, field, declared);
      }
    }
    write(out, "--" + boundary + "--\r\n");
    return new Encoded(
        MediaTypes.base(spec.mediaType()) + "; boundary=" + boundary, out.toByteArray());
  }

  private void part(
      ByteArrayOutputStream out,
      String boundary,
      String name,
      JsonNode value,
      @Nullable String declared) {
    String disposition = "Content-Disposition: form-data; name=\"" + quoted(name) + "\"";
    String contentType;
    byte[] bytes;
    boolean binary =
        value.isBinary()
            || (declared != null && !MediaTypes.isJson(declared) && !MediaTypes.isText(declared));
    if (binary) {
      bytes = bytes(value, spec.property() + "." + name);
      disposition += "; filename=\"" + quoted(name) + "\"";
      contentType = declared == null ? OCTET_STREAM : declared;
    } else if ((declared != null && MediaTypes.isJson(declared))
        || (declared == null && (value.isObject() || value.isArray()))) {
      bytes = Values.json(value).getBytes(StandardCharsets.UTF_8);
      contentType = declared == null ? "application/json" : declared;
    } else {
      bytes = Values.text(value).getBytes(StandardCharsets.UTF_8);
      contentType = declared;
    }
    write(out, "--" + boundary + "\r\n" + disposition + "\r\n");
    if (contentType != null) {
      write(out, "Content-Type: " + contentType + "\r\n");
    }
    write(out, "\r\n");
    out.writeBytes(bytes);
    write(out, "\r\n");
  }

  /** A name inside a quoted header parameter, escaped as browsers do (HTML's form encoding). */
  private static String quoted(String name) {
    return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
