package dev.codemode.openapi.build;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A spec that swagger-parser has read: OpenAPI 3.0 or 3.1 as a JSON tree (a Swagger 2.0 spec is
 * converted to OpenAPI 3.0 first), with relative-file {@code $ref}s pulled in as components and
 * local ones left in place. The first half of {@link OpenApiDerivation#derive(SpecSource, String,
 * String)}, separate so that parsing and deriving can be timed and reused on their own.
 */
public final class ParsedSpec {

  private final SpecSource source;
  private final String version;
  private final ObjectNode document;
  private final List<String> warnings;

  ParsedSpec(SpecSource source, String version, ObjectNode document, List<String> warnings) {
    this.source = source;
    this.version = version;
    this.document = document;
    this.warnings = List.copyOf(warnings);
  }

  /** Where the spec came from. */
  public SpecSource source() {
    return source;
  }

  /** The version the spec declares: {@code 2.0}, {@code 3.0.3}, {@code 3.1.0}... */
  public String version() {
    return version;
  }

  /** Whether the spec was Swagger 2.0, converted to OpenAPI 3.0 for the derivation. */
  public boolean convertedFromSwagger2() {
    return version.startsWith("2");
  }

  /** Whether the document is OpenAPI 3.1 (JSON Schema 2020-12 schemas). */
  boolean openApi31() {
    return version.startsWith("3.1");
  }

  /** The parser's messages about what it did not understand: warnings, not errors. */
  public List<String> warnings() {
    return warnings;
  }

  /** The document; shared, never modified. */
  ObjectNode document() {
    return document;
  }
}
