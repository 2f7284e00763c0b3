package dev.codemode.openapi;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps request paths under the API's base path, however a server reads them.
 *
 * <p>A path is read twice, and must stay under the base path both ways:
 *
 * <ul>
 *   <li><b>strictly</b>, as RFC 3986 says: split at {@code /}, percent-encoding normalized (escapes
 *       of unreserved characters decoded, so {@code %2e%2e} is {@code ..}; other escapes kept in
 *       upper case; characters a segment may not hold encoded), dot segments resolved. This is
 *       the form that is sent, so what was checked is what the server receives;
 *   <li><b>leniently</b>, as the most forgiving server may: each segment percent-decoded again and
 *       again until nothing changes ({@code %252e} is {@code .}, IIS's {@code %u002e} too), NFKC
 *       normalized (a fullwidth full stop, U+FF0E, is {@code .}), {@code \} and an encoded
 *       {@code /} read as separators, {@code ;} path parameters dropped (Tomcat reads {@code ..;}
 *       as {@code ..}), empty segments merged, and a segment of dots and spaces read as {@code ..}.
 * </ul>
 *
 * <p>A path is refused when either reading leaves the base path, when the lenient reading finds a
 * dot segment the strict one does not (servers would disagree on where it goes), or when a
 * percent-escape at any level is not UTF-8 (an overlong {@code %c0%ae} reads as {@code .} to some
 * decoders). Escapes that decode to ordinary text, an encoded {@code /} in a segment
 * ({@code group%2Fproject}) included, are kept: the segment stays one segment.
 */
final class RequestPaths {

  /** How the lenient reading reads a path, for error messages. */
  static final String LENIENT =
      "read as a lenient server may: percent-escapes decoded until none is left, \"\\\" and an"
          + " encoded \"/\" as \"/\", \";\" parameters dropped, dot segments resolved";

  /** The most rounds of decoding the lenient reading does before giving up on a segment. */
  private static final int MAX_DECODING_ROUNDS = 8;

  private RequestPaths() {}

  /** A refused path: it leaves the base path, or servers would read it differently. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * The path to send for {@code path}, which goes after the base URL's path: encoding normalized
   * and dot segments resolved, checked to stay under the base path.
   *
   * @param base the base URL
   * @param shown the path as the caller gave it, for messages
   * @param path the path to read, starting with {@code /}
   * @param fix how to fix a refused path, or {@code null} for the advice that suits a path given
   *     by hand
   * @return the normalized path, starting with {@code /}, relative to the base path
   * @throws Refused when the path leaves the base path, is ambiguous or is not UTF-8
   */
  static String relative(URI base, String shown, String path, @Nullable String fix) {
    String basePath = basePath(base);
    List<String> full = check(base, shown, basePath + path, fix);
    return display(full.subList(resolve(basePath, basePath, fix).strict().size(), full.size()));
  }

  /**
   * The path to follow a redirect to: the target's path normalized and checked as {@link
   * #relative} does, or {@code null} when it leaves the base path, is ambiguous or is not UTF-8.
   *
   * @param base the base URL of the request that was redirected
   * @param rawPath the raw path of the redirect's target, from the root
   */
  static @Nullable String redirectPath(URI base, @Nullable String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    try {
      return display(check(base, path, path, ""));
    } catch (Refused e) {
      return null;
    }
  }

  /** The strict segments of a whole path, checked to stay under the base path both ways. */
  private static List<String> check(URI base, String shown, String path, @Nullable String fix) {
    String basePath = basePath(base);
    String shownBase = basePath.isEmpty() ? "/" : basePath;
    Resolution resolution = resolve(shown, path, fix);
    Resolution baseResolution = resolve(shownBase, basePath, fix);
    String advice =
        fix != null
            ? fix
            : "Use a path under " + shownBase + ": give it relative to the base URL, without \"..\""
                + " segments, such as /pets/42 for " + basePath + "/pets/42";
    if (!startsWith(resolution.strict(), baseResolution.strict())) {
      throw new Refused("\"" + shown + "\" resolves to " + display(resolution.strict())
          + ", outside the API's base path " + shownBase + ". " + advice);
    }
    if (!startsWith(resolution.lenient(), baseResolution.lenient())) {
      throw new Refused("\"" + shown + "\" resolves to " + display(resolution.lenient()) + " ("
          + LENIENT + "), outside the API's base path " + shownBase + ". " + advice);
    }
    if (resolution.hidden() != null) {
      List<String> lenient = resolution.lenient();
      List<String> encoded = new ArrayList<>();
      lenient.subList(baseResolution.lenient().size(), lenient.size())
          .forEach(name -> encoded.add(UriEncoding.encode(name, UriEncoding.PATH_CHARACTERS)));
      throw new Refused("the segment \"" + resolution.hidden() + "\" of \"" + shown + "\" reads"
          + " as a dot segment (\".\" or \"..\") to some servers (" + LENIENT + "), so servers"
          + " would disagree on where the path goes. "
          + (fix != null ? fix : "Write the path without it, such as " + display(encoded)));
    }
    return resolution.strict();
  }

  /**
   * What is wrong with a path parameter's encoded value, or {@code null} when every reading keeps
   * it one ordinary segment: a value that reads as {@code .} or {@code ..} (after decoding, or in
   * a piece between slashes) would move in the path.
   */
  static @Nullable String valueProblem(String encoded) {
    try {
      String text = lenientText(encoded, encoded);
      for (String piece : text.split("[/\\\\]", -1)) {
        if (dots(name(piece)) != 0) {
          return "reads as a dot segment (\"" + name(piece).strip() + "\") to some servers ("
              + LENIENT + "), and would move in the path";
        }
      }
      return null;
    } catch (Refused e) {
      return "holds percent-escapes that are not valid UTF-8 when decoded, which some servers read"
          + " as \".\" or \"/\"";
    }
  }

  /** The base URL's raw path without its trailing slash: empty for the root. */
  static String basePath(URI base) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * The two readings of a path.
   *
   * @param strict the normalized segments that are sent
   * @param lenient the decoded names a lenient server sees
   * @param hidden the first segment that only the lenient reading takes for a dot segment, or
   *     {@code null}
   */
  private record Resolution(List<String> strict, List<String> lenient, @Nullable String hidden) {}

  private static Resolution resolve(String shown, String path, @Nullable String fix) {
    List<String> parts = segments(path);
    List<String> strict = new ArrayList<>();
    List<String> lenient = new ArrayList<>();
    String hidden = null;
    for (int i = 0; i < parts.size(); i++) {
      String raw = parts.get(i);
      boolean last = i == parts.size() - 1;
      String segment = normalized(shown, raw, fix);
      if (segment.equals(".") || segment.equals("..")) {
        if (segment.equals("..")) {
          removeLast(strict);
          removeLast(lenient);
        }
        if (last) {
          strict.add("");
        }
        continue;
      }
      strict.add(segment);
      String text = lenientText(shown, segment);
      for (String piece : text.split("[/\\\\]", -1)) {
        String name = name(piece);
        int dots = dots(name);
        if (dots == 1 || dots == 2) {
          hidden = hidden == null ? raw : hidden;
          if (dots == 2) {
            removeLast(lenient);
          }
        } else if (!name.isEmpty()) {
          lenient.add(name);
        }
      }
    }
    return new Resolution(strict, lenient, hidden);
  }

  /** The segments of a path that starts with {@code /}, or none for the empty path. */
  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    if (path.isEmpty()) {
      return out;
    }
    int at = path.startsWith("/") ? 1 : 0;
    while (true) {
      int slash = path.indexOf('/', at);
      if (slash < 0) {
        out.add(path.substring(at));
        return out;
      }
      out.add(path.substring(at, slash));
      at = slash + 1;
    }
  }

  /** A piece's name: the part before its {@code ;} parameters. */
  private static String name(String piece) {
    int semicolon = piece.indexOf(';');
    return semicolon < 0 ? piece : piece.substring(0, semicolon);
  }

  /** 1 for {@code .}, 2 for a name of dots and spaces a server may read as {@code ..}, else 0. */
  private static int dots(String name) {
    String text = name.strip();
    if (text.equals(".")) {
      return 1;
    }
    if (text.isEmpty()) {
      return 0;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '.' && !Character.isWhitespace(text.charAt(i))) {
        return 0;
      }
    }
    return 2;
  }

  private static void removeLast(List<String> segments) {
    if (!segments.isEmpty()) {
      segments.remove(segments.size() - 1);
    }
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static String display(List<String> segments) {
    return "/" + String.join("/", segments);
  }

  /**
   * A raw segment with its percent-encoding normalized: escapes of unreserved characters decoded,
   * other escapes upper case, characters a segment may not hold (a space, non-ASCII text, a lone
   * {@code %}) encoded as UTF-8.
   */
  private static String normalized(String shown, String segment, @Nullable String fix) {
    StringBuilder out = new StringBuilder(segment.length() + 8);
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    int i = 0;
    while (i < segment.length()) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length() && isHex(segment.charAt(i + 1))
          && isHex(segment.charAt(i + 2))) {
        escaped.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(shown, segment, escaped, out, fix);
      int end = Character.isHighSurrogate(c) && i + 1 < segment.length()
          && Character.isLowSurrogate(segment.charAt(i + 1)) ? i + 2 : i + 1;
      boolean kept = UriEncoding.isUnreserved(c) || UriEncoding.PATH_CHARACTERS.indexOf(c) >= 0;
      if (c < 0x80 && c != '%' && kept) {
        out.append(c);
      } else {
        UriEncoding.appendEncoded(out, segment.substring(i, end));
      }
      i = end;
    }
    flush(shown, segment, escaped, out, fix);
    return out.toString();
  }

  /** Decoded escapes: unreserved characters as themselves, the rest encoded again in upper case. */
  private static void flush(String shown, String segment, ByteArrayOutputStream escaped,
      StringBuilder out, @Nullable String fix) {
    if (escaped.size() == 0) {
      return;
    }
    String text = utf8(shown, segment, escaped.toByteArray(), fix);
    escaped.reset();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int end = i + Character.charCount(codePoint);
      if (codePoint < 0x80 && UriEncoding.isUnreserved((char) codePoint)) {
        out.append((char) codePoint);
      } else {
        UriEncoding.appendEncoded(out, text.substring(i, end));
      }
      i = end;
    }
  }

  /** A segment as the most lenient server decodes it. */
  private static String lenientText(String shown, String segment) {
    String text = segment;
    for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
      String decoded = Normalizer.normalize(decodeOnce(shown, text), Normalizer.Form.NFKC);
      if (decoded.equals(text)) {
        return decoded;
      }
      text = decoded;
    }
    throw new Refused("the segment \"" + segment + "\" of \"" + shown + "\" is percent-encoded more"
        + " than " + MAX_DECODING_ROUNDS + " times over. Encode each character once");
  }

  /** One round of decoding: {@code %XX} escapes as UTF-8, and IIS's {@code %uXXXX}. */
  private static String decodeOnce(String shown, String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(utf8(shown, text, bytes.toByteArray(), null));
        bytes.reset();
      }
      if (c == '%' && i + 5 < text.length() && (text.charAt(i + 1) == 'u'
          || text.charAt(i + 1) == 'U') && isHex(text.charAt(i + 2)) && isHex(text.charAt(i + 3))
          && isHex(text.charAt(i + 4)) && isHex(text.charAt(i + 5))) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      out.append(c);
      i++;
    }
    if (bytes.size() > 0) {
      out.append(utf8(shown, text, bytes.toByteArray(), null));
    }
    return out.toString();
  }

  private static String utf8(String shown, String segment, byte[] bytes, @Nullable String fix) {
    String text = OpenApiConnector.strictText(bytes, StandardCharsets.UTF_8);
    if (text == null) {
      throw new Refused("the segment \"" + segment + "\" of \"" + shown + "\" holds percent-escapes"
          + " that are not valid UTF-8 (an overlong or broken sequence; some servers read %C0%AE"
          + " as \".\"). " + (fix != null ? fix : "Percent-encode text as UTF-8, such as %C3%A9 for"
          + " \u00e9, or give the text itself"));
    }
    return text;
  }


  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
