package dev.codemode.openapi;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * What a media type ({@code application/json; charset=utf-8}) says about a body's bytes. The
 * build-time derivation types a body by these rules and the connector decodes it by the same
 * ones, so a response declared as text arrives as a string.
 */
public final class MediaTypes {

  /** Textual types outside {@code text/*} and {@code +xml}. */
  private static final Set<String> TEXTUAL =
      Set.of(
          "application/xml", "application/javascript", "application/yaml", "application/x-yaml",
          "application/x-ndjson", "application/jsonl", "application/graphql",
          "application/x-www-form-urlencoded");

  private MediaTypes() {}

  /** The type without parameters, lower case: {@code application/json}. */
  public static String base(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }

  /** JSON: {@code application/json}, {@code text/json} and any {@code +json} type. */
  public static boolean isJson(String mediaType) {
    String base = base(mediaType);
    return base.equals("application/json") || base.equals("text/json") || base.endsWith("+json");
  }

  /**
   * Text that is not JSON: {@code text/*}, XML, YAML, JSON lines, form data, JavaScript, GraphQL.
   */
  public static boolean isText(String mediaType) {
    String base = base(mediaType);
    return base.startsWith("text/") || base.endsWith("+xml") || TEXTUAL.contains(base);
  }

  /** The {@code charset} parameter, UTF-8 when absent or unknown. */
  public static Charset charset(String mediaType) {
    for (String parameter : mediaType.split(";", -1)) {
      String trimmed = parameter.trim();
      if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
        String name = trimmed.substring(8).trim().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
