package dev.codemode.openapi.build;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a spec: an OpenAPI 3.0/3.1 JSON document with local references only directly (see {@link
 * LocalJsonSpec}), anything else with swagger-parser, whose model is handed over as a Jackson 3 tree (the module's own
 * JSON library; swagger-parser brings Jackson 2, which stays inside this class).
 *
 * <p>swagger-parser converts Swagger 2.0, and with {@code resolve} it pulls relative-file {@code
 * $ref}s into the components while local ones stay references. Its {@code resolveFully}, which
 * inlines every reference, is not used: it does not terminate on cycles and multiplies the size of
 * large specs. Anything it throws, checked or not, becomes a {@link SpecException}.
 */
final class SpecParser {

  private static final Pattern LINE_COLUMN = Pattern.compile("line:? (\\d+), column:? (\\d+)");
  private static final String SUPPORTED = "OpenAPI 3.0, OpenAPI 3.1 and Swagger 2.0";

  private SpecParser() {}

  /** Reads the spec: directly when {@link LocalJsonSpec} takes it, else with swagger-parser. */
  static ParsedSpec parse(SpecSource source) throws SpecException {
    String text = text(source);
    ParsedSpec direct = parseDirectly(source, text);
    return direct != null ? direct : parseWithSwagger(source, text);
  }

  /**
   * The spec read directly into a tree, or {@code null} when it is not a JSON OpenAPI 3.0/3.1
   * document with local references only; see {@link LocalJsonSpec}.
   */
  static @Nullable ParsedSpec parseDirectly(SpecSource source, String text) {
    ObjectNode document = LocalJsonSpec.read(text);
    return document == null
        ? null
        : new ParsedSpec(
            source,
            Objects.requireNonNull(LocalJsonSpec.version(document), "read() checked the version"),
            document,
            List.of());
  }

  /** The spec's text; a blank one is an error. */
  static String text(SpecSource source) throws SpecException {
    String text;
    try {
      text = source.readText();
    } catch (IOException | RuntimeException e) {
      throw new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  "", "cannot be read from " + source.uri() + ": " + e,
                  "Check that the file exists and is readable")),
          e);
    }
    if (text.isBlank()) {
      throw new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  "", "is empty",
                  "Write an " + SUPPORTED + " document with at least one path into it")));
    }
    return text;
  }

  /** The spec read by swagger-parser, its model written back as JSON and read as a tree. */
  static ParsedSpec parseWithSwagger(SpecSource source, String text) throws SpecException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result;
    try {
      result =
          source.hasFileLocation()
              ? new OpenAPIParser()
                  .readLocation(Path.of(source.uri()).toString(), null, options)
              : new OpenAPIParser().readContents(text, null, options);
    } catch (RuntimeException | StackOverflowError e) {
      throw diagnose(source, text, List.of("swagger-parser failed: " + e), e);
    }
    List<String> messages =
        result == null || result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI model = result == null ? null : result.getOpenAPI();
    if (model == null) {
      throw diagnose(source, text, messages, null);
    }
    String declared = declaredVersion(text);
    String version = declared != null && declared.startsWith("2") ? declared : model.getOpenapi();
    if (version == null || !(version.startsWith("3.0") || version.startsWith("3.1")
        || version.startsWith("2."))) {
      throw unsupported(source, version == null ? "none" : version, "/openapi");
    }
    ObjectNode document;
    try {
      byte[] json =
          (model.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper())
              .writeValueAsBytes(model);
      JsonNode tree = JsonMapper.builder().build().readTree(json);
      document = (ObjectNode) tree;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  "", "swagger-parser read it but could not write its model back as JSON: " + e,
                  "Simplify the schemas the error names, or report the spec to Codemode")),
          e);
    }
    List<String> warnings = new ArrayList<>();
    for (String message : messages) {
      warnings.add("swagger-parser: " + message);
    }
    return new ParsedSpec(source, version, document, warnings);
  }

  /** The {@code swagger} or {@code openapi} value of the text, by a cheap scan of its start. */
  private static @Nullable String declaredVersion(String text) {
    Matcher matcher =
        Pattern.compile("[\"']?(swagger|openapi)[\"']?\\s*:\\s*[\"']?([0-9][0-9A-Za-z.\\-]*)")
            .matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
    return matcher.find() ? matcher.group(2) : null;
  }

  /**
   * Why swagger-parser gave no model: the text is not YAML or JSON (with the line and column),
   * not an object, of a version it does not read, or what its messages say.
   */
  private static SpecException diagnose(
      SpecSource source, String text, List<String> messages, @Nullable Throwable cause) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = Yaml.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where =
          location == null ? lineColumn(e.getOriginalMessage())
              : location.getLineNr() + ":" + location.getColumnNr();
      return new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  where, "is not valid YAML or JSON: " + firstLine(e.getOriginalMessage()),
                  "Fix the syntax at that line and column")),
          e);
    } catch (RuntimeException e) {
      return new SpecException(
          source.name(),
          List.of(new SpecProblem("", "is not valid YAML or JSON: " + e, "Fix the syntax")), e);
    }
    if (tree == null || !tree.isObject()) {
      return new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  "", "is not an OpenAPI document: its top level is not an object",
                  "Write an " + SUPPORTED + " document: an object with openapi (or swagger),"
                      + " info and paths")),
          cause);
    }
    com.fasterxml.jackson.databind.JsonNode openapi = tree.get("openapi");
    com.fasterxml.jackson.databind.JsonNode swagger = tree.get("swagger");
    if (openapi == null && swagger == null) {
      return new SpecException(
          source.name(),
          List.of(
              new SpecProblem(
                  "", "declares no version: it has neither an openapi nor a swagger field",
                  "Add openapi: 3.0.3 (or 3.1.0, or swagger: \"2.0\") at the top")),
          cause);
    }
    String version = (openapi != null ? openapi : swagger).asText();
    boolean supported =
        openapi != null
            ? version.startsWith("3.0") || version.startsWith("3.1")
            : version.equals("2.0");
    if (!supported) {
      return unsupported(source, version, openapi != null ? "/openapi" : "/swagger");
    }
    List<SpecProblem> problems = new ArrayList<>();
    for (String message : messages) {
      problems.add(
          new SpecProblem(
              lineColumn(message), "swagger-parser cannot read it: " + message,
              "Fix what the message names"));
    }
    if (problems.isEmpty()) {
      problems.add(
          new SpecProblem(
              "", "swagger-parser cannot read it and says nothing why",
              "Validate the spec with an OpenAPI validator and fix what it reports"));
    }
    return new SpecException(source.name(), problems, cause);
  }

  private static SpecException unsupported(SpecSource source, String version, String location) {
    return new SpecException(
        source.name(),
        List.of(
            new SpecProblem(
                location, "has version " + version + ", which Codemode does not read",
                "Codemode reads " + SUPPORTED + "; convert the spec to one of them")));
  }

  private static String lineColumn(String message) {
    if (message == null) {
      return "";
    }
    Matcher matcher = LINE_COLUMN.matcher(message);
    return matcher.find() ? matcher.group(1) + ":" + matcher.group(2) : "";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }
}
