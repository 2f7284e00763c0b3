package dev.codemode.samples.petstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A small {@code multipart/form-data} parser (RFC 7578 over RFC 2046): the boundary comes from the
 * {@code Content-Type}, each part has a {@code Content-Disposition: form-data} header with its
 * {@code name} and, for files, a {@code filename}. Part contents are kept as bytes, untouched.
 * Lines end with CRLF as the RFC requires; header folding (obsolete) and the {@code filename*}
 * form are not supported. Errors are {@link IllegalArgumentException}s whose message says what is
 * wrong, for the client to read.
 */
final class Multipart {

  /** One part of the body. {@code headers} names are in lower case. */
  record Part(
      String name,
      @Nullable String filename,
      @Nullable String contentType,
      Map<String, String> headers,
      byte[] content) {

    /** Equal when every component is, the content compared by its bytes. */
    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Part part
          && name.equals(part.name)
          && Objects.equals(filename, part.filename)
          && Objects.equals(contentType, part.contentType)
          && headers.equals(part.headers)
          && Arrays.equals(content, part.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, filename, contentType, headers, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return "Part[name=" + name + ", filename=" + filename + ", contentType=" + contentType
          + ", headers=" + headers + ", " + content.length + " bytes]";
    }
  }

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private Multipart() {}

  /**
   * The boundary named by a {@code multipart/form-data} content type.
   *
   * @throws IllegalArgumentException if the type is another one or has no usable boundary
   */
  static String boundary(@Nullable String contentType) {
    if (contentType == null) {
      throw new IllegalArgumentException("expected Content-Type multipart/form-data, got none");
    }
    HeaderValue value = HeaderValue.parse(contentType);
    if (!value.value().equals("multipart/form-data")) {
      throw new IllegalArgumentException(
          "expected Content-Type multipart/form-data, got " + value.value());
    }
    String boundary = value.parameters().get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException(
          "Content-Type multipart/form-data needs a boundary parameter of 1 to 70 characters");
    }
    return boundary;
  }

  /**
   * The parts of a body delimited by {@code boundary}, in order.
   *
   * @throws IllegalArgumentException if the body is not well-formed multipart
   */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] innerDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int at;
    if (startsWith(body, 0, delimiter)) {
      at = 0;
    } else {
      int found = indexOf(body, innerDelimiter, 0);
      if (found < 0) {
        throw new IllegalArgumentException("multipart body has no boundary line --" + boundary);
      }
      at = found + 2; // after the preamble and its CRLF
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int i = at + delimiter.length;
      if (startsWith(body, i, new byte[] {'-', '-'})) {
        return parts; // the close delimiter; what follows is the epilogue
      }
      while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
        i++; // transport padding
      }
      if (!startsWith(body, i, CRLF)) {
        throw new IllegalArgumentException(
            "multipart boundary line --" + boundary + " is not followed by a line end");
      }
      i += 2;
      int contentStart;
      Map<String, String> headers;
      if (startsWith(body, i, CRLF)) {
        headers = Map.of();
        contentStart = i + 2;
      } else {
        int headersEnd = indexOf(body, HEADERS_END, i);
        if (headersEnd < 0) {
          throw new IllegalArgumentException("multipart part " + (parts.size() + 1) + " has no end of headers");
        }
        headers = headers(new String(body, i, headersEnd - i, StandardCharsets.UTF_8), parts.size() + 1);
        contentStart = headersEnd + 4;
      }
      int next = indexOf(body, innerDelimiter, contentStart);
      if (next < 0) {
        throw new IllegalArgumentException(
            "multipart body ends before its closing boundary --" + boundary + "--");
      }
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next), parts.size() + 1));
      at = next + 2;
    }
  }

  private static Map<String, String> headers(String block, int partNumber) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : block.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "multipart part " + partNumber + " has a malformed header line: " + line);
      }
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static Part part(Map<String, String> headers, byte[] content, int partNumber) {
    String disposition = headers.get("content-disposition");
    if (disposition == null) {
      throw new IllegalArgumentException(
          "multipart part " + partNumber + " has no Content-Disposition header");
    }
    HeaderValue value = HeaderValue.parse(disposition);
    String name = value.parameters().get("name");
    if (!value.value().equals("form-data") || name == null) {
      throw new IllegalArgumentException(
          "multipart part " + partNumber + " needs Content-Disposition: form-data; name=\"...\", got "
              + disposition);
    }
    return new Part(name, value.parameters().get("filename"), headers.get("content-type"), headers, content);
  }

  private static boolean startsWith(byte[] data, int from, byte[] prefix) {
    if (from < 0 || from + prefix.length > data.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (data[from + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, byte[] target, int from) {
    for (int i = Math.max(from, 0); i + target.length <= data.length; i++) {
      if (startsWith(data, i, target)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A header value with parameters, such as {@code form-data; name="file"; filename="a.png"}. The
   * value is in lower case; parameter names are in lower case, quoted values are unquoted.
   */
  record HeaderValue(String value, Map<String, String> parameters) {

    static HeaderValue parse(String header) {
      int semicolon = indexOutsideQuotes(header, ';', 0);
      String value = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
      Map<String, String> parameters = new LinkedHashMap<>();
      int at = semicolon;
      while (at >= 0) {
        int end = indexOutsideQuotes(header, ';', at + 1);
        String parameter = (end < 0 ? header.substring(at + 1) : header.substring(at + 1, end)).trim();
        int equals = parameter.indexOf('=');
        if (equals > 0) {
          parameters.put(
              parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT),
              unquote(parameter.substring(equals + 1).trim()));
        }
        at = end;
      }
      return new HeaderValue(value, parameters);
    }

    private static int indexOutsideQuotes(String text, char wanted, int from) {
      boolean quoted = false;
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted && c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == wanted && !quoted) {
          return i;
        }
      }
      return -1;
    }

    private static String unquote(String text) {
      if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
        return text;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < text.length() - 1; i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length() - 1) {
          c = text.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
  }
}
