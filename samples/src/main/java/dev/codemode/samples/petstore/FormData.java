package dev.codemode.samples.petstore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text: query strings and form bodies. */
final class FormData {

  private FormData() {}

  /**
   * The fields of {@code text}, each with its values in the order sent. A field without {@code =}
   * has the empty value.
   *
   * @throws IllegalArgumentException if a percent escape is malformed
   */
  static Map<String, List<String>> parse(String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), key -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
