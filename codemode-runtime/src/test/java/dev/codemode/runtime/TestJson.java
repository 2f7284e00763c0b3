package dev.codemode.runtime;

import dev.codemode.core.JsonCodec;
import tools.jackson.databind.JsonNode;

/** JSON literals for tests. */
final class TestJson {

  private TestJson() {}

  /** JSON with single quotes for readability. */
  static JsonNode json(String singleQuoted) {
    return JsonCodec.defaults().parse(singleQuoted.replace('\'', '"'));
  }
}
