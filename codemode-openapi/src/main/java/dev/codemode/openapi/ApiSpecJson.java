package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file format of {@link ApiSpec}, {@code META-INF/codemode/<name>.openapi.json}, which the
 * annotation processor writes next to an OpenAPI connector's descriptor:
 *
 * <pre>{@code
 * {
 *   "connector": "petstore",
 *   "servers": ["https://petstore.example/v3"],
 *   "operations": [
 *     {
 *       "tool": "getPetById", "method": "GET", "path": "/pet/{petId}",
 *       "parameters": [
 *         {"property": "petId", "name": "petId", "in": "path", "style": "simple",
 *          "explode": false, "allowReserved": false, "required": true}
 *       ],
 *       "body": {"property": "body", "mediaType": "application/json", "encoding": "json",
 *                "required": true, "partContentTypes": {}},
 *       "responseMediaType": "application/json"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code in} is OpenAPI's ({@code path}, {@code query}, {@code header}, {@code cookie}), {@code
 * style} too ({@code simple}, {@code label}, {@code matrix}, {@code form}, {@code spaceDelimited},
 * {@code pipeDelimited}, {@code deepObject}); {@code encoding} is a {@link BodyEncoding} in lower
 * case. A parameter's {@code contentType}, an operation's {@code body} and {@code
 * responseMediaType} are absent when {@code null}, and an operation's own {@code servers} when it
 * has none. Reading is strict: an unknown field, a missing
 * one or a value of the wrong kind is an error that names the file and the JSON path.
 */
public final class ApiSpecJson {

  /** The file name's suffix: the file is {@code <connector>.openapi.json}. */
  public static final String SUFFIX = ".openapi.json";

  private static final Map<ParameterStyle, String> STYLE_NAMES = styleNames();

  private ApiSpecJson() {}

  /** The file name of a connector's spec, {@code <connector>.openapi.json}. */
  public static String fileName(String connector) {
    return connector + SUFFIX;
  }

  /** The spec as a JSON tree, fields in the documented order. */
  public static ObjectNode toJson(ApiSpec api) {
    ObjectNode root = JsonCodec.defaults().nodes().objectNode();
    root.put("connector", api.connector());
    ArrayNode servers = root.putArray("servers");
    api.servers().forEach(servers::add);
    ArrayNode operations = root.putArray("operations");
    for (OperationSpec operation : api.operations()) {
      ObjectNode node = operations.addObject();
      node.put("tool", operation.tool());
      node.put("method", operation.method());
      node.put("path", operation.path());
      ArrayNode parameters = node.putArray("parameters");
      for (OperationParameter parameter : operation.parameters()) {
        ObjectNode p = parameters.addObject();
        p.put("property", parameter.property());
        p.put("name", parameter.name());
        p.put("in", parameter.in().name().toLowerCase(Locale.ROOT));
        p.put("style", STYLE_NAMES.get(parameter.style()));
        p.put("explode", parameter.explode());
        p.put("allowReserved", parameter.allowReserved());
        p.put("required", parameter.required());
        if (parameter.contentType() != null) {
          p.put("contentType", parameter.contentType());
        }
      }
      RequestBodySpec body = operation.body();
      if (body != null) {
        ObjectNode b = node.putObject("body");
        b.put("property", body.property());
        b.put("mediaType", body.mediaType());
        b.put("encoding", body.encoding().name().toLowerCase(Locale.ROOT));
        b.put("required", body.required());
        ObjectNode parts = b.putObject("partContentTypes");
        new TreeMap<>(body.partContentTypes()).forEach(parts::put);
      }
      if (operation.responseMediaType() != null) {
        node.put("responseMediaType", operation.responseMediaType());
      }
      if (!operation.servers().isEmpty()) {
        ArrayNode own = node.putArray("servers");
        operation.servers().forEach(own::add);
      }
    }
    return root;
  }

  /**
   * The file's text: indented, {@code \n} line ends; the same spec always gives the same text
   * ({@code partContentTypes} sorted by property).
   */
  public static String write(ApiSpec api) {
    return JsonCodec.defaults().toPrettyJson(toJson(api));
  }

  /**
   * Reads the file's text.
   *
   * @param text the JSON text
   * @param sourceName where the text came from ({@code META-INF/codemode/petstore.openapi.json}),
   *     named in error messages
   * @throws IllegalArgumentException naming the source, the JSON path of the bad field, what was
   *     expected and what came
   */
  public static ApiSpec read(String text, String sourceName) {
    JsonNode json;
    try {
      json = JsonCodec.defaults().parse(text);
    } catch (JacksonException e) {
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      int noise = reason.indexOf(" (start marker at");
      if (noise >= 0) {
        reason = reason.substring(0, noise);
      }
      String where =
          e.getLocation() == null || e.getLocation().getLineNr() < 0
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column "
                  + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(
          sourceName + ": not JSON" + where + ": " + reason + ". Regenerate the file: it is"
              + " written by the Codemode annotation processor.",
          e);
    }
    return read(json, sourceName);
  }

  /**
   * Reads a spec from its JSON tree.
   *
   * @param sourceName where the tree came from, named in error messages
   * @throws IllegalArgumentException naming the source, the JSON path and what is wrong
   */
  public static ApiSpec read(JsonNode json, String sourceName) {
    Reader reader = new Reader(sourceName);
    ObjectNode root = reader.object(json, "$", Set.of("connector", "servers", "operations"));
    String connector = reader.string(root, "connector", "$");
    List<String> servers = reader.urls(root, "$");
    List<OperationSpec> operations = new ArrayList<>();
    ArrayNode operationNodes = reader.array(root, "operations", "$");
    for (int i = 0; i < operationNodes.size(); i++) {
      operations.add(reader.operation(operationNodes.get(i), "$.operations[" + i + "]"));
    }
    try {
      return new ApiSpec(connector, servers, operations);
    } catch (IllegalArgumentException e) {
      throw reader.error("$.operations", e.getMessage());
    }
  }

  private static Map<ParameterStyle, String> styleNames() {
    Map<ParameterStyle, String> names = new LinkedHashMap<>();
    names.put(ParameterStyle.SIMPLE, "simple");
    names.put(ParameterStyle.LABEL, "label");
    names.put(ParameterStyle.MATRIX, "matrix");
    names.put(ParameterStyle.FORM, "form");
    names.put(ParameterStyle.SPACE_DELIMITED, "spaceDelimited");
    names.put(ParameterStyle.PIPE_DELIMITED, "pipeDelimited");
    names.put(ParameterStyle.DEEP_OBJECT, "deepObject");
    return Map.copyOf(names);
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
  }

  private record Reader(String source) {

    private static final Set<String> OPERATION_FIELDS =
        Set.of("tool", "method", "path", "parameters", "body", "responseMediaType", "servers");
    private static final Set<String> PARAMETER_FIELDS =
        Set.of(
            "property", "name", "in", "style", "explode", "allowReserved", "required",
            "contentType");
    private static final Set<String> BODY_FIELDS =
        Set.of("property", "mediaType", "encoding", "required", "partContentTypes");

    IllegalArgumentException error(String path, @Nullable String problem) {
      return new IllegalArgumentException(
          source + ": " + path + ": " + problem + ". The file is written by the Codemode"
              + " annotation processor with ApiSpecJson.write: regenerate it rather than edit it.");
    }

    ObjectNode object(JsonNode node, String path, Set<String> fields) {
      if (!(node instanceof ObjectNode object)) {
        throw error(path, "expected an object, got " + kind(node));
      }
      for (String name : object.propertyNames()) {
        if (!fields.contains(name)) {
          throw error(
              path + "." + name,
              "unknown field; the known fields are " + String.join(", ", new TreeSet<>(fields)));
        }
      }
      return object;
    }

    ArrayNode array(ObjectNode object, String field, String path) {
      JsonNode value = object.get(field);
      if (!(value instanceof ArrayNode array)) {
        throw error(path + "." + field, "expected an array, got " + kind(value));
      }
      return array;
    }

    String string(ObjectNode object, String field, String path) {
      JsonNode value = object.get(field);
      if (value == null || !value.isString()) {
        throw error(path + "." + field, "expected a string, got " + kind(value));
      }
      return value.stringValue();
    }

    @Nullable String optionalString(ObjectNode object, String field, String path) {
      JsonNode value = object.get(field);
      return value == null || value.isNull() ? null : string(object, field, path);
    }

    boolean bool(ObjectNode object, String field, String path) {
      JsonNode value = object.get(field);
      if (value == null || !value.isBoolean()) {
        throw error(path + "." + field, "expected true or false, got " + kind(value));
      }
      return value.booleanValue();
    }

    <E> E choice(ObjectNode object, String field, String path, Map<E, String> names) {
      String given = string(object, field, path);
      for (Map.Entry<E, String> entry : names.entrySet()) {
        if (entry.getValue().equals(given)) {
          return entry.getKey();
        }
      }
      throw error(
          path + "." + field,
          "expected one of " + String.join(", ", new ArrayList<>(names.values())) + ", got \""
              + given + "\"");
    }

    OperationSpec operation(JsonNode node, String path) {
      ObjectNode operation = object(node, path, OPERATION_FIELDS);
      String tool = string(operation, "tool", path);
      String method = string(operation, "method", path);
      String template = string(operation, "path", path);
      ArrayNode parameterNodes = array(operation, "parameters", path);
      List<OperationParameter> parameters = new ArrayList<>();
      for (int i = 0; i < parameterNodes.size(); i++) {
        parameters.add(parameter(parameterNodes.get(i), path + ".parameters[" + i + "]"));
      }
      JsonNode bodyNode = operation.get("body");
      RequestBodySpec body =
          bodyNode == null || bodyNode.isNull() ? null : body(bodyNode, path + ".body");
      String response = optionalString(operation, "responseMediaType", path);
      List<String> servers = operation.has("servers") ? urls(operation, path) : List.of();
      return new OperationSpec(tool, method, template, parameters, body, response, servers);
    }

    /** The {@code servers} array of {@code node}: URL strings. */
    List<String> urls(ObjectNode node, String path) {
      List<String> urls = new ArrayList<>();
      ArrayNode array = array(node, "servers", path);
      for (int i = 0; i < array.size(); i++) {
        JsonNode url = array.get(i);
        if (!url.isString()) {
          throw error(path + ".servers[" + i + "]", "expected a URL string, got " + kind(url));
        }
        urls.add(url.stringValue());
      }
      return urls;
    }

    OperationParameter parameter(JsonNode node, String path) {
      ObjectNode parameter = object(node, path, PARAMETER_FIELDS);
      return new OperationParameter(
          string(parameter, "property", path),
          string(parameter, "name", path),
          choice(parameter, "in", path, enumNames(ParameterLocation.values())),
          choice(parameter, "style", path, orderedStyleNames()),
          bool(parameter, "explode", path),
          bool(parameter, "allowReserved", path),
          bool(parameter, "required", path),
          optionalString(parameter, "contentType", path));
    }

    RequestBodySpec body(JsonNode node, String path) {
      ObjectNode body = object(node, path, BODY_FIELDS);
      JsonNode partsNode = body.get("partContentTypes");
      if (!(partsNode instanceof ObjectNode partsObject)) {
        throw error(
            path + ".partContentTypes",
            "expected an object of property name to content type, got " + kind(partsNode));
      }
      Map<String, String> parts = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : partsObject.properties()) {
        if (!entry.getValue().isString()) {
          throw error(
              path + ".partContentTypes." + entry.getKey(),
              "expected a content type string, got " + kind(entry.getValue()));
        }
        parts.put(entry.getKey(), entry.getValue().stringValue());
      }
      return new RequestBodySpec(
          string(body, "property", path),
          string(body, "mediaType", path),
          choice(body, "encoding", path, enumNames(BodyEncoding.values())),
          bool(body, "required", path),
          parts);
    }

    private static <E extends Enum<E>> Map<E, String> enumNames(E[] values) {
      Map<E, String> names = new LinkedHashMap<>();
      for (E value : values) {
        names.put(value, value.name().toLowerCase(Locale.ROOT));
      }
      return names;
    }

    private static Map<ParameterStyle, String> orderedStyleNames() {
      Map<ParameterStyle, String> names = new LinkedHashMap<>();
      for (ParameterStyle style : ParameterStyle.values()) {
        names.put(style, STYLE_NAMES.get(style));
      }
      return names;
    }
  }
}
