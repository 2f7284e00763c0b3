package dev.codemode.openapi;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** What a media type ({@code application/json; charset=utf-8}) says about a body's bytes. */
final class MediaTypes {

  private MediaTypes() {}

  /** The type without parameters, lower case: {@code application/json}. */
  static String base(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }

  /** JSON: {@code application/json}, {@code text/json} and any {@code +json} type. */
  static boolean isJson(String mediaType) {
    String base = base(mediaType);
    return base.equals("application/json") || base.equals("text/json") || base.endsWith("+json");
  }

  /** Text that is not JSON: {@code text/*}, XML, YAML, form data, JavaScript, GraphQL. */
  static boolean isText(String mediaType) {
    String base = base(mediaType);
    return base.startsWith("text/")
        || base.endsWith("+xml")
        || base.equals("application/xml")
        || base.equals("application/yaml")
        || base.equals("application/x-yaml")
        || base.equals("application/x-www-form-urlencoded")
        || base.equals("application/javascript")
        || base.equals("application/graphql");
  }

  /** The {@code charset} parameter, UTF-8 when absent or unknown. */
  static Charset charset(String mediaType) {
    for (String parameter : mediaType.split(";")) {
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
