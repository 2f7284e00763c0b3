package dev.codemode.openapi;

import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a call of an operation's tool into an HTTP request: path templating, the query string,
 * header and cookie parameters serialized by their OpenAPI {@code style} and {@code explode}, and
 * the body by its {@link BodyEncoding}.
 *
 * <p>Serialization follows OpenAPI 3.1's style tables. Where OpenAPI leaves a case open:
 *
 * <ul>
 *   <li>{@code deepObject} nests: {@code {a: {b: 1}}} is {@code id[a][b]=1}; an array inside is
 *       repeated: {@code id[tags]=x&id[tags]=y}.
 *   <li>An empty array or object is left out when exploded and sent as {@code id=} otherwise.
 *   <li>An object or array nested where a scalar belongs (an array of objects in a query) is sent
 *       as JSON text.
 *   <li>{@code |} of {@code pipeDelimited} and the space of {@code spaceDelimited} are
 *       percent-encoded ({@code %7C}, {@code %20}), since a URL may hold neither.
 *   <li>Cookie values are percent-encoded like query values, and exploded ones repeat the cookie.
 * </ul>
 */
final class OperationRequests {

  private OperationRequests() {}

  static PreparedRequest build(ApiSpec api, OperationSpec operation, URI base, JsonNode input) {
    Call call = new Call(api.connector(), operation, object(api.connector(), operation, input));
    call.rejectUnknown();
    String path = call.path();
    List<String> query = new ArrayList<>();
    List<PreparedRequest.Header> headers = new ArrayList<>();
    List<String> cookies = new ArrayList<>();
    for (OperationParameter parameter : operation.parameters()) {
      JsonNode value = call.input.get(parameter.property());
      if (Values.absent(value)) {
        if (parameter.required()) {
          throw call.missing(parameter);
        }
        continue;
      }
      switch (parameter.in()) {
        case PATH -> { } // done by path()
        case QUERY -> query.addAll(call.query(parameter, value));
        case HEADER -> headers.add(call.header(parameter, value));
        case COOKIE -> cookies.addAll(call.cookie(parameter, value));
      }
    }
    if (!cookies.isEmpty()) {
      headers.add(new PreparedRequest.Header("Cookie", String.join("; ", cookies)));
    }
    byte[] body = null;
    RequestBodySpec bodySpec = operation.body();
    if (bodySpec != null) {
      JsonNode value = call.input.get(bodySpec.property());
      if (Values.absent(value)) {
        if (bodySpec.required()) {
          throw new ToolInputException(
              call.connector, operation.tool(), bodySpec.property(),
              "missing required property \"" + bodySpec.property() + "\" (the " + bodySpec.mediaType()
                  + " request body of " + operation.method() + " " + operation.path() + ")");
        }
      } else {
        BodyEncoder.Encoded encoded = BodyEncoder.encode(call.connector, operation, bodySpec, value);
        headers.add(new PreparedRequest.Header("Content-Type", encoded.contentType()));
        body = encoded.bytes();
      }
    }
    String checked;
    try {
      checked = RequestPaths.relative(base, path, path.startsWith("/") ? path : "/" + path,
          "Give path parameter values as plain text (an id, a name), without \".\" or \"..\""
              + " segments");
    } catch (RequestPaths.Refused e) {
      throw new ToolInputException(call.connector, operation.tool(), null,
          "the path built from the input for " + operation.method() + " " + operation.path() + ": "
              + e.getMessage());
    }
    URI uri = join(base, checked, String.join("&", query));
    return new PreparedRequest(operation.method(), uri, headers, body);
  }

  /** The base URL followed by an encoded path and query. */
  static URI join(URI base, String path, String query) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String relative = path.startsWith("/") ? path : "/" + path;
    StringBuilder text =
        new StringBuilder(base.getScheme()).append("://").append(base.getRawAuthority())
            .append(basePath).append(relative);
    if (!query.isEmpty()) {
      text.append('?').append(query);
    }
    try {
      return new URI(text.toString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "Cannot build a URL from base " + base + " and path " + path + ": " + e.getReason(), e);
    }
  }

  private static ObjectNode object(String connector, OperationSpec operation, JsonNode input) {
    if (Values.absent(input)) {
      return dev.codemode.core.JsonCodec.defaults().nodes().objectNode();
    }
    if (input instanceof ObjectNode object) {
      return object;
    }
    throw new ToolInputException(
        connector, operation.tool(), null,
        "the input must be an object of named properties, got " + input.getNodeType()
            .name().toLowerCase(java.util.Locale.ROOT));
  }

  /** One call being built. */
  private static final class Call {
    final String connector;
    final OperationSpec operation;
    final ObjectNode input;

    Call(String connector, OperationSpec operation, ObjectNode input) {
      this.connector = connector;
      this.operation = operation;
      this.input = input;
    }

    void rejectUnknown() {
      Set<String> known = new LinkedHashSet<>();
      operation.parameters().forEach(parameter -> known.add(parameter.property()));
      if (operation.body() != null) {
        known.add(operation.body().property());
      }
      for (String name : input.propertyNames()) {
        if (!known.contains(name)) {
          StringBuilder problem = new StringBuilder("unknown property \"").append(name).append('"');
          Suggestions.closest(name, known)
              .filter(match -> !input.has(match))
              .ifPresent(match -> problem.append(" (did you mean \"").append(match).append("\"?)"));
          problem.append(known.isEmpty()
              ? "; this tool takes no properties"
              : "; known properties: " + String.join(", ", known));
          throw new ToolInputException(connector, operation.tool(), name, problem.toString());
        }
      }
    }

    ToolInputException missing(OperationParameter parameter) {
      return new ToolInputException(
          connector, operation.tool(), parameter.property(),
          "missing required property \"" + parameter.property() + "\" (the "
              + parameter.in().name().toLowerCase(java.util.Locale.ROOT) + " parameter "
              + parameter.name() + " of " + operation.method() + " " + operation.path() + ")");
    }

    ToolInputException invalid(OperationParameter parameter, String problem) {
      return new ToolInputException(
          connector, operation.tool(), parameter.property(),
          "property \"" + parameter.property() + "\" " + problem);
    }

    IllegalStateException specError(OperationParameter parameter, String problem) {
      return new IllegalStateException(
          "Connector " + connector + ", tool " + operation.tool() + " (" + operation.method() + " "
              + operation.path() + "), parameter " + parameter.name() + ": " + problem
              + ". The operation model was derived from the spec at build time: fix the spec or"
              + " the derivation and rebuild.");
    }

    /** The path template with every {@code {name}} replaced by its encoded value. */
    String path() {
      String template = operation.path();
      StringBuilder out = new StringBuilder(template.length() + 32);
      int at = 0;
      while (at < template.length()) {
        int open = template.indexOf('{', at);
        if (open < 0) {
          out.append(template, at, template.length());
          break;
        }
        int close = template.indexOf('}', open);
        if (close < 0) {
          throw new IllegalStateException(
              "Connector " + connector + ", tool " + operation.tool() + ": the path template "
                  + template + " has an unclosed {. Fix the spec and rebuild.");
        }
        out.append(template, at, open);
        out.append(pathValue(template.substring(open + 1, close)));
        at = close + 1;
      }
      return out.toString();
    }

    private String pathValue(String name) {
      OperationParameter parameter = null;
      for (OperationParameter candidate : operation.parameters()) {
        if (candidate.in() == ParameterLocation.PATH && candidate.name().equals(name)) {
          parameter = candidate;
          break;
        }
      }
      if (parameter == null) {
        throw new IllegalStateException(
            "Connector " + connector + ", tool " + operation.tool() + ": the path "
                + operation.path() + " has {" + name + "} but the operation has no path parameter "
                + name + ". Declare it in the spec and rebuild.");
      }
      JsonNode value = input.get(parameter.property());
      if (Values.absent(value)) {
        throw missing(parameter);
      }
      String expanded = expansion(name, parameter, value);
      String problem = RequestPaths.valueProblem(expanded);
      if (problem != null) {
        throw invalid(parameter, "must not be " + shown(value) + ": it fills {" + name + "} in "
            + operation.path() + " as \"" + expanded + "\", which " + problem + ". Give the value"
            + " itself (an id, a name), not a path");
      }
      return expanded;
    }

    /** The encoded text a path parameter's value fills its {@code {name}} with. */
    private String expansion(String name, OperationParameter parameter, JsonNode value) {
      if (parameter.contentType() != null) {
        return UriEncoding.encode(contentText(parameter, value));
      }
      UnaryOperator<String> e = UriEncoding::encode;
      boolean explode = parameter.explode();
      String n = e.apply(parameter.name());
      return switch (parameter.style()) {
        case SIMPLE -> {
          String text = delimited(value, explode, ",", e);
          if (text.isEmpty()) {
            throw invalid(parameter, "must not be empty: it fills {" + name + "} in "
                + operation.path());
          }
          if (text.equals(".") || text.equals("..")) {
            throw invalid(parameter, "must not be \"" + text + "\": it fills {" + name + "} in "
                + operation.path() + ", and a server would read it as a move in the path");
          }
          yield text;
        }
        case LABEL -> {
          if (value.isArray() || value.isObject()) {
            yield "." + delimited(value, explode, explode ? "." : ",", e);
          }
          yield "." + e.apply(Values.text(value));
        }
        case MATRIX -> {
          if (value.isArray()) {
            if (value.isEmpty()) {
              yield ";" + n;
            }
            List<String> items = items(value, e);
            yield explode
                ? ";" + n + "=" + String.join(";" + n + "=", items)
                : ";" + n + "=" + String.join(",", items);
          }
          if (value.isObject()) {
            yield explode
                ? ";" + String.join(";", pairs(value, "=", e))
                : ";" + n + "=" + String.join(",", pairs(value, ",", e));
          }
          yield ";" + n + "=" + e.apply(Values.text(value));
        }
        default -> throw specError(parameter, "style " + parameter.style()
            + " is not one of the path styles (simple, label, matrix)");
      };
    }

    private static String shown(JsonNode value) {
      String json = Values.json(value);
      return json.length() > 80 ? json.substring(0, 80) + "..." : json;
    }

    List<String> query(OperationParameter parameter, JsonNode value) {
      UnaryOperator<String> e =
          parameter.allowReserved()
              ? text -> UriEncoding.encode(text, UriEncoding.QUERY_RESERVED)
              : UriEncoding::encode;
      String n = UriEncoding.encode(parameter.name());
      if (parameter.contentType() != null) {
        return List.of(n + "=" + e.apply(contentText(parameter, value)));
      }
      boolean explode = parameter.explode();
      List<String> out = new ArrayList<>();
      switch (parameter.style()) {
        case FORM -> {
          if (value.isArray()) {
            if (explode) {
              items(value, e).forEach(item -> out.add(n + "=" + item));
            } else {
              out.add(n + "=" + String.join(",", items(value, e)));
            }
          } else if (value.isObject()) {
            if (explode) {
              out.addAll(pairs(value, "=", e));
            } else {
              out.add(n + "=" + String.join(",", pairs(value, ",", e)));
            }
          } else {
            out.add(n + "=" + e.apply(Values.text(value)));
          }
        }
        case SPACE_DELIMITED, PIPE_DELIMITED -> {
          String separator = parameter.style() == ParameterStyle.SPACE_DELIMITED ? "%20" : "%7C";
          if (value.isArray() && explode) {
            items(value, e).forEach(item -> out.add(n + "=" + item));
          } else if (value.isArray()) {
            out.add(n + "=" + String.join(separator, items(value, e)));
          } else if (value.isObject() && explode) {
            out.addAll(pairs(value, "=", e));
          } else if (value.isObject()) {
            out.add(n + "=" + String.join(separator, pairs(value, separator, e)));
          } else {
            out.add(n + "=" + e.apply(Values.text(value)));
          }
        }
        case DEEP_OBJECT -> {
          if (value.isObject()) {
            deep(n, value, e, out);
          } else if (value.isArray()) {
            items(value, e).forEach(item -> out.add(n + "=" + item));
          } else {
            out.add(n + "=" + e.apply(Values.text(value)));
          }
        }
        default -> throw specError(parameter, "style " + parameter.style()
            + " is not one of the query styles (form, spaceDelimited, pipeDelimited, deepObject)");
      }
      if (out.isEmpty() && !explode && parameter.style() != ParameterStyle.DEEP_OBJECT) {
        out.add(n + "=");
      }
      return out;
    }

    private static void deep(String prefix, JsonNode object, UnaryOperator<String> e,
        List<String> out) {
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        JsonNode value = entry.getValue();
        if (Values.absent(value)) {
          continue;
        }
        String key = prefix + "[" + UriEncoding.encode(entry.getKey()) + "]";
        if (value.isObject()) {
          deep(key, value, e, out);
        } else if (value.isArray()) {
          items(value, e).forEach(item -> out.add(key + "=" + item));
        } else {
          out.add(key + "=" + e.apply(Values.text(value)));
        }
      }
    }

    PreparedRequest.Header header(OperationParameter parameter, JsonNode value) {
      String text;
      if (parameter.contentType() != null) {
        text = contentText(parameter, value);
      } else if (parameter.style() != ParameterStyle.SIMPLE) {
        throw specError(parameter, "style " + parameter.style()
            + " is not the header style (simple)");
      } else {
        text = delimited(value, parameter.explode(), ",", UnaryOperator.identity());
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          throw invalid(parameter, "goes into the " + parameter.name() + " header and must not"
              + " hold line breaks or NUL characters");
        }
      }
      return new PreparedRequest.Header(parameter.name(), text);
    }

    List<String> cookie(OperationParameter parameter, JsonNode value) {
      UnaryOperator<String> e = UriEncoding::encode;
      String n = e.apply(parameter.name());
      if (parameter.contentType() != null) {
        return List.of(n + "=" + e.apply(contentText(parameter, value)));
      }
      if (parameter.style() != ParameterStyle.FORM) {
        throw specError(parameter, "style " + parameter.style()
            + " is not the cookie style (form)");
      }
      List<String> out = new ArrayList<>();
      if (value.isArray()) {
        if (parameter.explode()) {
          items(value, e).forEach(item -> out.add(n + "=" + item));
        } else {
          out.add(n + "=" + String.join(",", items(value, e)));
        }
      } else if (value.isObject()) {
        if (parameter.explode()) {
          out.addAll(pairs(value, "=", e));
        } else {
          out.add(n + "=" + String.join(",", pairs(value, ",", e)));
        }
      } else {
        out.add(n + "=" + e.apply(Values.text(value)));
      }
      return out;
    }

    /**
     * The value of a parameter described with {@code content}: JSON text, or a string as is for a
     * textual media type.
     */
    private static String contentText(OperationParameter parameter, JsonNode value) {
      String contentType = Objects.requireNonNull(parameter.contentType(), "a content parameter");
      if (!MediaTypes.isJson(contentType) && value.isString()) {
        return value.stringValue();
      }
      return Values.json(value);
    }

    /** Simple style: {@code a,b}; objects {@code k,v,k2,v2} or exploded {@code k=v,k2=v2}. */
    private static String delimited(JsonNode value, boolean explode, String separator,
        UnaryOperator<String> e) {
      if (value.isArray()) {
        return String.join(separator, items(value, e));
      }
      if (value.isObject()) {
        return explode
            ? String.join(separator, pairs(value, "=", e))
            : String.join(separator, pairs(value, separator, e));
      }
      return e.apply(Values.text(value));
    }

    private static List<String> items(JsonNode array, UnaryOperator<String> e) {
      List<String> out = new ArrayList<>();
      for (JsonNode item : array.values()) {
        if (!Values.absent(item)) {
          out.add(e.apply(Values.text(item)));
        }
      }
      return out;
    }

    /** {@code k<between>v} for each property; {@code null} properties are left out. */
    private static List<String> pairs(JsonNode object, String between, UnaryOperator<String> e) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        if (!Values.absent(entry.getValue())) {
          out.add(e.apply(entry.getKey()) + between + e.apply(Values.text(entry.getValue())));
        }
      }
      return out;
    }
  }
}
