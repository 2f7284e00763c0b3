package dev.codemode.openapi.build;

import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import java.util.List;
import java.util.Objects;

/**
 * Derives an OpenAPI connector's tools from a spec at build time: one tool per operation, its
 * input one flat object of the operation's parameters plus {@code body}, its output the success
 * response's schema. Reads OpenAPI 3.0 and 3.1 and Swagger 2.0, in YAML or JSON.
 *
 * <p><b>Tool names.</b> The {@code operationId}, else the method and path, made a JavaScript
 * identifier: every run of characters other than letters, digits, {@code _} and {@code $}
 * becomes {@code _} ({@code repos/get-content} → {@code repos_get_content}, {@code GET
 * /pets/{petId}} → {@code get_pets_petId}), a leading digit gets a {@code _} in front and a
 * reserved word one after. A name already taken, by an earlier operation in spec order (paths in
 * order, methods in the order get, put, post, delete, options, head, patch, trace) or by a
 * reserved tool ({@value #REQUEST_TOOL} always), gets {@code _2}, {@code _3}..., with a warning
 * naming both.
 *
 * <p><b>Input.</b> One object with {@code additionalProperties: false}: the path item's
 * parameters and the operation's (the operation's win for the same name and location), then
 * {@code body} for the request body. A parameter keeps its name as property unless the body or
 * another parameter has it (path before query before header before cookie, then spec order); it
 * then becomes {@code <name>_<in>} ({@code id_query}), with a warning, and {@link
 * dev.codemode.openapi.OperationParameter#property()} records it. Path parameters are always
 * required. Headers {@code Accept}, {@code Content-Type} and {@code Authorization} are ignored,
 * as the OpenAPI spec says. The body's media type is chosen by the order of {@link
 * MediaTypePreference}: JSON, multipart, form, text, bytes. Properties marked {@code readOnly} are left out of inputs.
 *
 * <p><b>Output.</b> The response 200, else 201, else the lowest other 2xx, else {@code 2XX},
 * else {@code default}; its JSON content's schema (JSON, then text as a string, then bytes).
 * A success response without content gives {@code {"type": "null"}} (the connector returns
 * {@code null}, TypeScript {@code Promise<null>}); an operation without any success response
 * has an unknown output. Properties marked {@code writeOnly} are left out of outputs.
 *
 * <p><b>Schemas</b> are JSON Schema 2020-12, each tool's input and output self-contained: the
 * components they use are under {@code $defs} as named types; see {@link SchemaTranslator} for
 * the translation rules (nullable, exclusive bounds, binary, discriminators). Cycles are fine.
 *
 * <p><b>Errors</b> are {@link SpecException}s that list every problem found (nothing is produced
 * then); what the derivation decides for the user is in {@link DerivedApi#warnings()}. Output is
 * deterministic.
 */
public final class OpenApiDerivation {

  /** The escape-hatch tool every OpenAPI connector has; no operation is given this name. */
  public static final String REQUEST_TOOL = "request";

  private OpenApiDerivation() {}

  /**
   * Reads a spec with swagger-parser.
   *
   * @throws SpecException when it cannot be read, is not YAML or JSON, is not OpenAPI 3.0, 3.1 or
   *     Swagger 2.0, or swagger-parser cannot make sense of it
   */
  public static ParsedSpec parse(SpecSource source) throws SpecException {
    return SpecParser.parse(Objects.requireNonNull(source, "source"));
  }

  /**
   * Derives the connector's tools and operations from a spec; no reserved tool is added, but the
   * name {@value #REQUEST_TOOL} stays free for one.
   *
   * @param connectorName the connector's name, a JavaScript identifier
   * @param description the connector's description; empty takes the spec's info title and
   *     description
   * @throws SpecException listing every problem when the spec cannot be turned into tools
   */
  public static DerivedApi derive(SpecSource source, String connectorName, String description)
      throws SpecException {
    return derive(parse(source), connectorName, description, List.of());
  }

  /**
   * Derives the connector's tools, the {@code reservedTools} (such as the run time's {@code
   * request} tool) first in the descriptor; operations never take their names.
   *
   * @throws SpecException listing every problem when the spec cannot be turned into tools
   */
  public static DerivedApi derive(
      SpecSource source, String connectorName, String description,
      List<ToolDescriptor> reservedTools) throws SpecException {
    return derive(parse(source), connectorName, description, reservedTools);
  }

  /**
   * Derives from a spec already parsed; see {@link #derive(SpecSource, String, String, List)}.
   *
   * @throws SpecException listing every problem when the spec cannot be turned into tools
   * @throws IllegalArgumentException when the connector name is not a valid global name
   */
  public static DerivedApi derive(
      ParsedSpec spec, String connectorName, String description,
      List<ToolDescriptor> reservedTools) throws SpecException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(description, "description");
    String problem = ToolNames.connectorNameProblem(connectorName);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid connector name: " + problem);
    }
    try {
      return new Derivation(spec).run(connectorName, description, List.copyOf(reservedTools));
    } catch (SpecException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new SpecException(
          spec.source().name(),
          List.of(
              new SpecProblem(
                  "", "the derivation failed unexpectedly: " + e,
                  "Report this spec to Codemode; meanwhile simplify the part the error names")),
          e);
    }
  }
}
