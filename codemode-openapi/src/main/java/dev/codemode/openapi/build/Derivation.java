package dev.codemode.openapi.build;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.openapi.ApiSpec;
import dev.codemode.openapi.BodyEncoding;
import dev.codemode.openapi.OperationParameter;
import dev.codemode.openapi.OperationSpec;
import dev.codemode.openapi.ParameterLocation;
import dev.codemode.openapi.ParameterStyle;
import dev.codemode.openapi.RequestBodySpec;
import dev.codemode.openapi.build.SchemaTranslator.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One derivation of a parsed spec into tools: walks every operation, collects problems and
 * warnings, and builds the descriptor and the {@link ApiSpec} only when there is no problem.
 */
final class Derivation {

  static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** The methods of a path item, in the order the OpenAPI spec lists them. */
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** Header parameters the OpenAPI spec says to ignore: the connector sets these. */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^{}]+)}");
  private static final int DESCRIPTION_LIMIT = 1000;
  private static final int MAX_REF_HOPS = 32;

  /** A parameter after {@code $ref}s are followed. */
  private record Param(JsonNode node, Pointer at, String name, ParameterLocation in) {}

  /** An operation's tool and how it is sent. */
  private record Derived(ToolDescriptor tool, OperationSpec operation) {}

  private final ParsedSpec spec;
  private final JsonNode document;
  private final Findings findings;
  private final SchemaTranslator translator;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  Derivation(ParsedSpec spec) {
    this.spec = spec;
    this.document = spec.document();
    this.findings =
        new Findings(
            spec.convertedFromSwagger2()
                ? " (the location is in the spec as converted from Swagger 2.0 to OpenAPI 3.0)"
                : "");
    spec.warnings().forEach(findings::warn);
    this.translator = new SchemaTranslator(document, spec.openApi31(), findings);
  }

  DerivedApi run(String connectorName, String description, List<ToolDescriptor> reservedTools)
      throws SpecException {
    JsonNode paths = document.get("paths");
    if (paths == null || !paths.isObject() || paths.isEmpty()) {
      throw new SpecException(
          spec.source().name(),
          List.of(
              new SpecProblem(
                  "/paths",
                  "has no paths, so there are no operations to make tools of"
                      + (document.has("webhooks")
                          ? " (webhooks are requests the API sends, not operations to call)"
                          : ""),
                  "Add at least one path with an operation under paths")));
    }
    Map<String, String> takenBy = new LinkedHashMap<>();
    takenBy.put(OpenApiDerivation.REQUEST_TOOL, "the reserved tool request");
    for (ToolDescriptor reserved : reservedTools) {
      takenBy.put(reserved.name(), "the reserved tool " + reserved.name());
    }
    List<Derived> derived = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      Pointer itemAt = Pointer.ROOT.at("paths").at(path.getKey());
      JsonNode item = followRefs(path.getValue(), itemAt, "path item");
      if (item == null || !item.isObject()) {
        continue;
      }
      for (String method : METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null && operation.isObject()) {
          derived.add(
              operation(path.getKey(), method, item, operation, itemAt, itemAt.at(method), takenBy));
        }
      }
    }
    if (derived.isEmpty()) {
      findings.problem(
          Pointer.ROOT.at("paths"), "has paths but no operations (get, put, post, delete, options,"
              + " head, patch, trace) in them", "Add an operation to a path");
    }
    if (!findings.problems().isEmpty()) {
      throw new SpecException(spec.source().name(), findings.problems());
    }
    List<ToolDescriptor> tools = new ArrayList<>(reservedTools);
    List<OperationSpec> operations = new ArrayList<>();
    for (Derived one : derived) {
      tools.add(one.tool());
      operations.add(one.operation());
    }
    String connectorDescription = description.isBlank() ? infoDescription() : description;
    return new DerivedApi(
        new ConnectorDescriptor(connectorName, connectorDescription, tools),
        new ApiSpec(connectorName, servers(), operations),
        findings.warnings());
  }

  private Derived operation(
      String path, String method, JsonNode item, JsonNode operation, Pointer itemAt, Pointer at,
      Map<String, String> takenBy) {
    String label = method.toUpperCase(Locale.ROOT) + " " + path;
    String toolName = toolName(operation, method, path, label, at, takenBy);
    // The operation's own servers, else its path item's; none means the API's.
    List<String> ownServers =
        hasServers(operation)
            ? serverUrls(operation.get("servers"), at.at("servers"))
            : hasServers(item) ? serverUrls(item.get("servers"), itemAt.at("servers")) : List.of();

    // the request body first: its presence decides whether a parameter may be called "body"
    JsonNode requestBody = operation.get("requestBody");
    Pointer bodyAt = at.at("requestBody");
    RequestBodySpec body = null;
    JsonNode bodySchema = null;
    Set<String> inputRefs = new LinkedHashSet<>();
    if (requestBody != null) {
      JsonNode resolved = followRefs(requestBody, bodyAt, "request body");
      if (resolved != null) {
        body = requestBody(resolved, bodyAt);
        if (body != null) {
          bodySchema = bodySchema(resolved, body, bodyAt, inputRefs);
        }
      }
    }

    List<Param> params = parameters(path, item, operation, itemAt, at);
    Map<Param, String> properties = propertyNames(params, body != null, label);
    ObjectNode propertiesNode = nodes.objectNode();
    ArrayNode required = nodes.arrayNode();
    List<OperationParameter> parameters = new ArrayList<>();
    for (Param param : params) {
      String property = Objects.requireNonNull(properties.get(param), param.name());
      boolean isRequired =
          param.in() == ParameterLocation.PATH || param.node().path("required").asBoolean(false);
      String contentType = null;
      JsonNode schema = param.node().get("schema");
      Pointer schemaAt = param.at().at("schema");
      JsonNode content = param.node().get("content");
      if (schema == null && content != null && content.isObject() && !content.isEmpty()) {
        contentType = content.propertyNames().iterator().next();
        schema = content.get(contentType).get("schema");
        schemaAt = param.at().at("content").at(contentType).at("schema");
      }
      ObjectNode propertySchema = copy(translator.translate(schema, schemaAt, Mode.INPUT, inputRefs));
      String description = param.node().path("description").asString("");
      if (!description.isBlank()) {
        propertySchema.put("description", description.strip());
      }
      if (param.node().path("deprecated").asBoolean(false)) {
        propertySchema.put("deprecated", true);
      }
      propertiesNode.set(property, propertySchema);
      if (isRequired) {
        required.add(property);
      }
      ParameterStyle style = style(param);
      JsonNode explode = param.node().get("explode");
      parameters.add(
          new OperationParameter(
              property,
              param.name(),
              param.in(),
              style,
              (explode != null && explode.isBoolean())
                  ? explode.booleanValue()
                  : style == ParameterStyle.FORM,
              param.node().path("allowReserved").asBoolean(false),
              isRequired,
              contentType));
    }
    if (body != null) {
      propertiesNode.set(body.property(), bodySchema);
      if (body.required()) {
        required.add(body.property());
      }
    }
    ObjectNode input = nodes.objectNode();
    input.put("$schema", SCHEMA_DIALECT);
    input.put("type", "object");
    input.set("properties", propertiesNode);
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    input.put("additionalProperties", false);
    ObjectNode inputDefs = translator.definitions(inputRefs, Mode.INPUT);
    if (!inputDefs.isEmpty()) {
      input.set("$defs", inputDefs);
    }

    String[] responseMediaType = new String[1];
    JsonNode output = output(operation, at, label, responseMediaType);
    ToolDescriptor tool =
        ToolDescriptor.of(toolName, description(operation, label), input, output);
    OperationSpec operationSpec =
        new OperationSpec(
            toolName, method.toUpperCase(Locale.ROOT), path, parameters, body,
            responseMediaType[0], ownServers);
    return new Derived(tool, operationSpec);
  }

  // ---- names ----

  private String toolName(
      JsonNode operation, String method, String path, String label, Pointer at,
      Map<String, String> takenBy) {
    String operationId = operation.path("operationId").asString(null);
    String wanted = Names.toolName(operationId, method, path);
    String name = Names.unique(wanted, takenBy.keySet(), "_");
    String self =
        label + (operationId == null || operationId.isBlank() ? "" : " (operationId " + operationId + ")");
    if (!name.equals(wanted)) {
      findings.warn(
          at, "operation " + self + " would be tool " + wanted + ", which is "
              + takenBy.get(wanted) + "; it is tool " + name + " (give it a distinct operationId"
              + " to choose the name)");
    }
    takenBy.put(name, "operation " + self);
    return name;
  }

  /**
   * Input property names: a parameter's name, unless an earlier one (path before query before
   * header before cookie, then spec order) or the request body ({@code body}) has it; then {@code
   * <name>_<in>} ({@code id_query}), then a number.
   */
  private Map<Param, String> propertyNames(List<Param> params, boolean hasBody, String label) {
    Map<String, String> takenBy = new HashMap<>();
    if (hasBody) {
      takenBy.put("body", "the request body");
    }
    List<Param> byPriority = new ArrayList<>(params);
    byPriority.sort(Comparator.comparing(Param::in)); // stable: spec order within a location
    IdentityHashMap<Param, String> names = new IdentityHashMap<>();
    for (Param param : byPriority) {
      String in = param.in().name().toLowerCase(Locale.ROOT);
      String name = param.name();
      if (takenBy.containsKey(name)) {
        String renamed = Names.unique(name + "_" + in, takenBy.keySet(), "_");
        findings.warn(
            param.at(), "in " + label + ", " + in + " parameter " + name + " is input property "
                + renamed + " because " + takenBy.get(name) + " is " + name);
        name = renamed;
      }
      takenBy.put(name, "the " + in + " parameter " + param.name());
      names.put(param, name);
    }
    return names;
  }

  // ---- parameters ----

  /**
   * The operation's parameters: the path item's, unless the operation has one of the same name
   * and location, then the operation's, in spec order; a path template variable that none
   * declares is added as a required string.
   */
  private List<Param> parameters(
      String path, JsonNode item, JsonNode operation, Pointer itemAt, Pointer at) {
    List<Param> common = resolveParameters(item.get("parameters"), itemAt.at("parameters"));
    List<Param> own = resolveParameters(operation.get("parameters"), at.at("parameters"));
    Map<String, Param> merged = new LinkedHashMap<>();
    for (Param param : common) {
      merged.putIfAbsent(param.in() + " " + param.name(), param);
    }
    Set<String> ownKeys = new HashSet<>();
    for (Param param : own) {
      String key = param.in() + " " + param.name();
      if (!ownKeys.add(key)) {
        findings.warn(param.at(), "a second " + param.in().name().toLowerCase(Locale.ROOT)
            + " parameter " + param.name() + " is ignored");
        continue;
      }
      merged.remove(key);
      merged.put(key, param);
    }
    List<Param> result = new ArrayList<>(merged.values());
    Set<String> declared = new LinkedHashSet<>();
    for (Param param : result) {
      if (param.in() == ParameterLocation.PATH) {
        declared.add(param.name());
      }
    }
    Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
    Set<String> variables = new LinkedHashSet<>();
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    for (String variable : variables) {
      if (!declared.contains(variable)) {
        findings.warn(at, "path variable {" + variable + "} has no path parameter; it is a"
            + " required string input (declare it under parameters to type it)");
        ObjectNode synthetic = nodes.objectNode();
        synthetic.put("name", variable).put("in", "path").put("required", true);
        synthetic.putObject("schema").put("type", "string");
        result.add(new Param(synthetic, at, variable, ParameterLocation.PATH));
      }
    }
    for (String name : declared) {
      if (!variables.contains(name)) {
        findings.warn(at, "path parameter " + name + " is not a variable of the path " + path
            + "; its value is not sent");
      }
    }
    return result;
  }

  private List<Param> resolveParameters(JsonNode list, Pointer at) {
    List<Param> params = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return params;
    }
    for (int i = 0; i < list.size(); i++) {
      Pointer here = at.at(i);
      JsonNode node = followRefs(list.get(i), here, "parameter");
      if (node == null) {
        continue;
      }
      if (list.get(i).has("$ref")) {
        here = Pointer.ofRef(list.get(i).get("$ref").asString(""));
      }
      String name = node.path("name").asString("");
      String in = node.path("in").asString("");
      if (name.isEmpty()) {
        findings.problem(here, "the parameter has no name", "Give it a name");
        continue;
      }
      ParameterLocation location = switch (in) {
        case "path" -> ParameterLocation.PATH;
        case "query" -> ParameterLocation.QUERY;
        case "header" -> ParameterLocation.HEADER;
        case "cookie" -> ParameterLocation.COOKIE;
        default -> null;
      };
      if (location == null) {
        findings.problem(here, "parameter " + name + " has in: \"" + in + "\"",
            "Set in to path, query, header or cookie");
        continue;
      }
      if (location == ParameterLocation.HEADER
          && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        findings.warn(here, "header parameter " + name + " is ignored, as the OpenAPI spec says:"
            + " the connector sets it");
        continue;
      }
      params.add(new Param(node, here, name, location));
    }
    return params;
  }

  private ParameterStyle style(Param param) {
    String style = param.node().path("style").asString("");
    return switch (style) {
      case "matrix" -> ParameterStyle.MATRIX;
      case "label" -> ParameterStyle.LABEL;
      case "form" -> ParameterStyle.FORM;
      case "simple" -> ParameterStyle.SIMPLE;
      case "spaceDelimited" -> ParameterStyle.SPACE_DELIMITED;
      case "pipeDelimited" -> ParameterStyle.PIPE_DELIMITED;
      case "deepObject" -> ParameterStyle.DEEP_OBJECT;
      default -> {
        if (!style.isEmpty()) {
          findings.warn(param.at().at("style"), "unknown style " + style + "; the default for "
              + param.in().name().toLowerCase(Locale.ROOT) + " parameters is used");
        }
        yield param.in() == ParameterLocation.PATH || param.in() == ParameterLocation.HEADER
            ? ParameterStyle.SIMPLE
            : ParameterStyle.FORM;
      }
    };
  }

  // ---- request body ----

  private @Nullable RequestBodySpec requestBody(JsonNode body, Pointer at) {
    JsonNode content = body.get("content");
    if (content == null || !content.isObject() || content.isEmpty()) {
      findings.warn(at, "the request body has no content; the tool takes no body");
      return null;
    }
    String mediaType = MediaTypePreference.preferredRequest(content.propertyNames());
    BodyEncoding encoding = MediaTypePreference.encoding(mediaType);
    Map<String, String> partTypes = new TreeMap<>();
    if (encoding == BodyEncoding.FORM || encoding == BodyEncoding.MULTIPART) {
      JsonNode media = content.get(mediaType);
      Map<String, JsonNode> properties = new LinkedHashMap<>();
      topProperties(media.get("schema"), properties, 0);
      for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
        if (isBinary(property.getValue(), 0)) {
          partTypes.put(property.getKey(), "application/octet-stream");
        }
      }
      JsonNode partEncoding = media.get("encoding");
      if (partEncoding != null && partEncoding.isObject()) {
        for (Map.Entry<String, JsonNode> part : partEncoding.properties()) {
          String contentType = part.getValue().path("contentType").asString("");
          if (!contentType.isBlank()) {
            partTypes.put(part.getKey(), contentType);
          }
        }
      }
    }
    return new RequestBodySpec(
        "body", mediaType, encoding, body.path("required").asBoolean(false), partTypes);
  }

  private JsonNode bodySchema(
      JsonNode body, RequestBodySpec spec, Pointer at, Set<String> refs) {
    Pointer schemaAt = at.at("content").at(spec.mediaType()).at("schema");
    JsonNode schema = body.get("content").get(spec.mediaType()).get("schema");
    ObjectNode result = switch (spec.encoding()) {
      case JSON, FORM, MULTIPART -> copy(translator.translate(schema, schemaAt, Mode.INPUT, refs));
      case TEXT -> nodes.objectNode().put("type", "string");
      case BINARY -> binarySchema();
    };
    String description = body.path("description").asString("");
    if (!description.isBlank()) {
      result.put("description", description.strip());
    }
    return result;
  }

  /** The top-level properties of a raw body schema, through references and {@code allOf}. */
  private void topProperties(@Nullable JsonNode schema, Map<String, JsonNode> into, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_REF_HOPS) {
      return;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString()) {
      topProperties(translator.resolveLocal(ref.stringValue()), into, depth + 1);
      return;
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        into.putIfAbsent(property.getKey(), property.getValue());
      }
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode member : allOf) {
        topProperties(member, into, depth + 1);
      }
    }
  }

  /** Whether a raw property schema is bytes (or an array of bytes): a file part. */
  private boolean isBinary(@Nullable JsonNode schema, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_REF_HOPS) {
      return false;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString()) {
      return isBinary(translator.resolveLocal(ref.stringValue()), depth + 1);
    }
    String type = schema.path("type").asString("");
    if (type.equals("file") || "binary".equals(schema.path("format").asString(null))) {
      return true;
    }
    if (type.equals("string")
        && "application/octet-stream".equals(schema.path("contentMediaType").asString(null))) {
      return true;
    }
    return type.equals("array") && isBinary(schema.get("items"), depth + 1);
  }

  // ---- response ----

  /**
   * The output schema from the success response: 200, 201, other 2xx codes in numeric order,
   * 2XX, then default. No success response: unknown ({@code null}). One without content: {@code
   * {"type": "null"}}, since the connector returns {@code null} for an empty body.
   */
  private @Nullable JsonNode output(
      JsonNode operation, Pointer at, String label, String[] mediaTypeOut) {
    JsonNode responses = operation.get("responses");
    if (responses == null || !responses.isObject()) {
      return null;
    }
    String code = successCode(responses);
    if (code == null) {
      return null;
    }
    Pointer responseAt = at.at("responses").at(code);
    JsonNode response = followRefs(responses.get(code), responseAt, "response");
    if (response == null) {
      return null;
    }
    JsonNode content = response.get("content");
    if (content == null || !content.isObject() || content.isEmpty()) {
      return document(nodes.objectNode().put("type", "null"), Set.of(), Mode.OUTPUT);
    }
    String mediaType = MediaTypePreference.preferredResponse(content.propertyNames());
    JsonNode schema = content.get(mediaType).get("schema");
    Pointer schemaAt = responseAt.at("content").at(mediaType).at("schema");
    mediaTypeOut[0] = mediaType;
    BodyEncoding encoding = MediaTypePreference.encoding(mediaType);
    if (encoding == BodyEncoding.BINARY && looksStructured(schema)) {
      findings.warn(schemaAt, label + " answers " + mediaType + " with a structured schema;"
          + " the response is read as JSON (declare application/json to say so)");
      mediaTypeOut[0] = "application/json";
      encoding = BodyEncoding.JSON;
    }
    return switch (encoding) {
      case TEXT -> document(nodes.objectNode().put("type", "string"), Set.of(), Mode.OUTPUT);
      case BINARY -> document(binarySchema(), Set.of(), Mode.OUTPUT);
      default -> {
        Set<String> refs = new LinkedHashSet<>();
        JsonNode translated = translator.translate(schema, schemaAt, Mode.OUTPUT, refs);
        yield document(translated, refs, Mode.OUTPUT);
      }
    };
  }

  private static @Nullable String successCode(JsonNode responses) {
    if (responses.has("200")) {
      return "200";
    }
    if (responses.has("201")) {
      return "201";
    }
    String best = null;
    for (String code : responses.propertyNames()) {
      if (code.matches("2\\d\\d") && (best == null || code.compareTo(best) < 0)) {
        best = code;
      }
    }
    if (best != null) {
      return best;
    }
    for (String code : responses.propertyNames()) {
      if (code.equalsIgnoreCase("2XX")) {
        return code;
      }
    }
    return responses.has("default") ? "default" : null;
  }

  private static boolean looksStructured(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return false;
    }
    String type = schema.path("type").asString("");
    return schema.has("$ref") || schema.has("properties") || schema.has("allOf")
        || schema.has("oneOf") || schema.has("anyOf") || type.equals("object")
        || type.equals("array");
  }

  // ---- helpers ----

  /** A self-contained schema document: the dialect, the schema, and the {@code $defs} it needs. */
  private ObjectNode document(JsonNode schema, Set<String> refs, Mode mode) {
    ObjectNode out = nodes.objectNode();
    out.put("$schema", SCHEMA_DIALECT);
    if (schema.isObject()) {
      out.setAll((ObjectNode) schema);
    } else if (schema.isBoolean() && !schema.booleanValue()) {
      out.set("not", nodes.objectNode());
    }
    ObjectNode defs = translator.definitions(refs, mode);
    if (!defs.isEmpty()) {
      out.set("$defs", defs);
    }
    return out;
  }

  private ObjectNode copy(JsonNode schema) {
    ObjectNode out = nodes.objectNode();
    if (schema.isObject()) {
      out.setAll((ObjectNode) schema);
    } else if (schema.isBoolean() && !schema.booleanValue()) {
      out.set("not", nodes.objectNode());
    }
    return out;
  }

  private ObjectNode binarySchema() {
    return nodes.objectNode()
        .put("type", "string")
        .put("contentEncoding", "base64")
        .put("contentMediaType", "application/octet-stream");
  }

  /**
   * Follows a chain of local {@code $ref}s (a parameter, request body, response or path item
   * given by reference) to the object it ends at; {@code null}, with a problem, if it leads
   * nowhere.
   */
  private @Nullable JsonNode followRefs(JsonNode node, Pointer at, String what) {
    JsonNode current = node;
    Pointer here = at;
    for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
      if (current == null || !current.isObject() || !current.has("$ref")) {
        return current;
      }
      String ref = current.get("$ref").asString("");
      JsonNode target = translator.resolveLocal(ref);
      if (target == null) {
        findings.problem(here.at("$ref"),
            "the " + what + "'s $ref " + ref + (ref.startsWith("#")
                ? " points to nothing in the spec"
                : " points outside the spec and could not be loaded"),
            ref.startsWith("#")
                ? "Correct the $ref or define what it points to"
                : "Put the referenced file where the $ref says, relative to the spec's folder");
        return null;
      }
      current = target;
      here = Pointer.ofRef(ref);
    }
    findings.problem(at, "the " + what + "'s $refs go round in a circle", "Point one of them at"
        + " an actual " + what);
    return null;
  }

  /**
   * The tool description: summary and description (only one when one contains the other), cut
   * at a paragraph or sentence end after about 1,000 characters; else {@code METHOD path}. A
   * deprecated operation's starts with {@code Deprecated.}
   */
  private static String description(JsonNode operation, String label) {
    String summary = operation.path("summary").asString("").strip();
    String description = operation.path("description").asString("").strip();
    String text;
    if (summary.isEmpty() && description.isEmpty()) {
      text = label;
    } else if (summary.isEmpty() || description.startsWith(summary)) {
      text = description;
    } else if (description.isEmpty() || summary.contains(description)) {
      text = summary;
    } else {
      text = summary + "\n\n" + description;
    }
    text = cut(text);
    if (operation.path("deprecated").asBoolean(false)) {
      text = "Deprecated. " + text;
    }
    return text;
  }

  static String cut(String text) {
    if (text.length() <= DESCRIPTION_LIMIT) {
      return text;
    }
    String head = text.substring(0, DESCRIPTION_LIMIT);
    int end = head.lastIndexOf("\n\n");
    if (end < DESCRIPTION_LIMIT / 2) {
      end = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n")) + 1;
    }
    if (end < DESCRIPTION_LIMIT / 2) {
      end = head.lastIndexOf(' ');
    }
    if (end <= 0) {
      end = DESCRIPTION_LIMIT;
    }
    return head.substring(0, end).stripTrailing() + " …";
  }

  private String infoDescription() {
    JsonNode info = document.path("info");
    String title = info.path("title").asString("").strip();
    String description = info.path("description").asString("").strip();
    if (description.isEmpty()) {
      return title;
    }
    return cut(title.isEmpty() ? description : title + "\n\n" + description);
  }

  /** Whether a path item or operation names servers of its own (an empty list names none). */
  private static boolean hasServers(JsonNode node) {
    JsonNode servers = node.get("servers");
    return servers != null && !(servers.isArray() && servers.isEmpty());
  }

  /**
   * The server URLs with variables replaced by their defaults, in spec order; {@code /} when the
   * spec names none, as the OpenAPI spec says (relative to where the spec was served).
   */
  private List<String> servers() {
    JsonNode servers = document.get("servers");
    if (servers == null || !servers.isArray() || servers.isEmpty()) {
      return List.of("/");
    }
    return serverUrls(servers, Pointer.ROOT.at("servers"));
  }

  /** The URLs of a {@code servers} array, variables replaced by their defaults, without repeats. */
  private List<String> serverUrls(JsonNode servers, Pointer at) {
    List<String> urls = new ArrayList<>();
    if (servers == null || !servers.isArray()) {
      return urls;
    }
    for (int i = 0; i < servers.size(); i++) {
      JsonNode server = servers.get(i);
      String url = server.path("url").asString("");
      if (url.isEmpty()) {
        continue;
      }
      JsonNode variables = server.path("variables");
      Matcher matcher = TEMPLATE_VARIABLE.matcher(url);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        JsonNode value = variables.path(matcher.group(1)).get("default");
        if (value == null || !value.isValueNode()) {
          findings.warn(at.at(i), "server variable " + matcher.group(1)
              + " has no default; it stays in the URL " + url);
          matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
        } else {
          matcher.appendReplacement(out, Matcher.quoteReplacement(value.asString()));
        }
      }
      matcher.appendTail(out);
      if (!urls.contains(out.toString())) {
        urls.add(out.toString());
      }
    }
    return urls;
  }
}
