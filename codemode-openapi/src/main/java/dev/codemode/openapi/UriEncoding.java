package dev.codemode.openapi;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding. {@link java.net.URLEncoder} is for HTML forms: it writes a space as
 * {@code +}, which a path or a query read by RFC 3986 rules keeps as a plus sign; this encoder
 * writes {@code %20} and leaves only the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and
 * the ones a caller names as they are. Text is encoded as UTF-8.
 */
final class UriEncoding {

  /**
   * The reserved characters a query value with {@code allowReserved: true} keeps. OpenAPI allows
   * all of RFC 3986's reserved set, but {@code #} would end the query, {@code &} would split the
   * parameter and {@code +} reads as a space to most servers: those three stay encoded.
   */
  static final String QUERY_RESERVED = ":/?[]@!$'()*,;=";

  /** What a path segment may hold besides unreserved characters (RFC 3986 {@code pchar}). */
  static final String PATH_CHARACTERS = "!$&'()*+,;=:@";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Percent-encodes everything but the unreserved characters: for a value that must stay one. */
  static String encode(String text) {
    return encode(text, "");
  }

  /** Percent-encodes everything but the unreserved characters and those in {@code keep}. */
  static String encode(String text, String keep) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && (isUnreserved(c) || keep.indexOf(c) >= 0)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < text.length()
          && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      appendEncoded(out, text.substring(i, end));
      i = end - 1;
    }
    return out == null ? text : out.toString();
  }

  /** Appends the UTF-8 bytes of {@code text}, each percent-encoded. */
  static void appendEncoded(StringBuilder out, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
  }

  /** Whether {@code c} is an RFC 3986 unreserved character, which is never encoded. */
  static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
