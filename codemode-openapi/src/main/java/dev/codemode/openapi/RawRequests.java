package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code request} tool every OpenAPI connector has: any HTTP request under the API's base URL,
 * for what the operation tools do not cover. Model code chooses the method, path, query, headers
 * and body; it cannot choose the host (an absolute URL is refused), nor leave the base path
 * however a server reads the path ({@link RequestPaths}), nor set the headers that frame the
 * request, steer the connection or a proxy, or tell a proxy where the request came from or goes;
 * the connector authenticates the request as any other.
 */
final class RawRequests {

  static final String TOOL = "request";

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
  private static final Set<String> PROPERTIES = Set.of("method", "path", "query", "headers", "body");
  /**
   * Headers that frame the message: the HTTP client sets them from the body, and a second framing
   * next to its own ({@code Transfer-Encoding: chunked} beside {@code Content-Length}) is how a
   * request is smuggled past a proxy.
   */
  private static final Set<String> FRAMING =
      Set.of("content-length", "transfer-encoding", "te", "trailer", "expect");
  /** Hop-by-hop headers: they steer the connection, not the API; the HTTP client owns them. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "upgrade");
  /**
   * Headers that proxies and frameworks read as the client's address, the host, the path or the
   * method a request came with: set by model code, they would move the request somewhere the
   * connector did not send it, or make it look as if it came from elsewhere.
   */
  private static final Set<String> FORWARDING =
      Set.of(
          "forwarded", "via", "x-original-url", "x-rewrite-url", "x-override-url", "x-real-ip",
          "x-host", "x-original-host", "x-http-host-override", "x-http-method-override",
          "x-http-method", "x-method-override", "x-client-ip", "x-cluster-client-ip",
          "x-originating-ip", "x-remote-ip", "x-remote-addr", "true-client-ip", "client-ip",
          "cf-connecting-ip", "fastly-client-ip", "x-envoy-original-path");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final String INPUT_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "method": {
            "type": "string",
            "enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
            "description": "The HTTP method; GET when absent."
          },
          "path": {
            "type": "string",
            "description": "The path relative to the API's base URL, such as /pets/42. Not an absolute URL, and no query string: use query."
          },
          "query": {
            "type": "object",
            "additionalProperties": {
              "type": ["string", "number", "boolean", "array"],
              "items": {"type": ["string", "number", "boolean"]}
            },
            "description": "Query parameters; an array repeats the parameter (?tag=a&tag=b)."
          },
          "headers": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "Request headers. Authentication is added by the connector: do not send credentials."
          },
          "body": {
            "description": "The request body: an object, array, number or boolean is sent as JSON, a string as UTF-8 text. For file uploads use the operation's own tool."
          }
        },
        "required": ["path"],
        "additionalProperties": false
      }
      """;

  private RawRequests() {}

  static ToolDescriptor tool() {
    return ToolDescriptor.of(
        TOOL,
        "Sends any HTTP request to this API, for what the other tools do not cover. The path is"
            + " relative to the API's base URL; the connector adds authentication. Resolves to the"
            + " response body: parsed JSON, text, a Uint8Array for binary content, or null when"
            + " empty. Rejects when the status is not 2xx, with the status and the start of the"
            + " body.",
        JsonCodec.defaults().parse(INPUT_SCHEMA),
        null);
  }

  /** The operation {@code authenticate} sees for a request of this tool. */
  static OperationSpec operation(String method, String path) {
    return new OperationSpec(TOOL, method, path, List.of(), null, null);
  }

  static PreparedRequest build(String connector, URI base, JsonNode input) {
    ObjectNode object = object(connector, input);
    for (String name : object.propertyNames()) {
      if (!PROPERTIES.contains(name)) {
        throw invalid(connector, name, "unknown property \"" + name
            + "\"; known properties: method, path, query, headers, body");
      }
    }
    String method = method(connector, object.get("method"));
    String path = path(connector, base, object.get("path"));
    String query = query(connector, object.get("query"));
    List<PreparedRequest.Header> headers = headers(connector, object.get("headers"));
    byte[] body = null;
    JsonNode bodyNode = object.get("body");
    if (!Values.absent(bodyNode)) {
      String contentType;
      if (bodyNode.isBinary()) {
        body = bodyNode.binaryValue();
        contentType = "application/octet-stream";
      } else if (bodyNode.isString()) {
        body = bodyNode.stringValue().getBytes(StandardCharsets.UTF_8);
        contentType = "text/plain; charset=UTF-8";
      } else {
        body = Values.json(bodyNode).getBytes(StandardCharsets.UTF_8);
        contentType = "application/json";
      }
      boolean given =
          headers.stream().anyMatch(header -> header.name().equalsIgnoreCase("Content-Type"));
      if (!given) {
        headers.add(new PreparedRequest.Header("Content-Type", contentType));
      }
    }
    return new PreparedRequest(method, OperationRequests.join(base, path, query), headers, body);
  }

  private static ToolInputException invalid(
      String connector, @Nullable String property, String problem) {
    return new ToolInputException(connector, TOOL, property, problem);
  }

  private static ObjectNode object(String connector, JsonNode input) {
    if (input instanceof ObjectNode object) {
      return object;
    }
    throw invalid(connector, null, "the input must be an object {method?, path, query?, headers?,"
        + " body?}");
  }

  private static String method(String connector, JsonNode node) {
    if (Values.absent(node)) {
      return "GET";
    }
    String method = node.isString() ? node.stringValue().toUpperCase(Locale.ROOT) : "";
    if (!METHODS.contains(method)) {
      throw invalid(connector, "method", "property \"method\" must be one of GET, POST, PUT, PATCH,"
          + " DELETE, HEAD, OPTIONS, got " + node);
    }
    return method;
  }

  /**
   * The path to send: {@code \\} read as {@code /}, percent-encoding normalized, dot segments
   * resolved, and checked by {@link RequestPaths} to stay under the base path however a server
   * reads it.
   */
  private static String path(String connector, URI base, JsonNode node) {
    if (Values.absent(node)) {
      throw invalid(connector, "path", "missing required property \"path\" (a path relative to the"
          + " API's base URL, such as /pets/42)");
    }
    if (!node.isString() || node.stringValue().isEmpty()) {
      throw invalid(connector, "path", "property \"path\" must be a non-empty string such as"
          + " /pets/42, got " + node);
    }
    String path = node.stringValue();
    String slashed = path.replace('\\', '/');
    if (SCHEME.matcher(path).find() || slashed.startsWith("//")) {
      throw invalid(connector, "path", "property \"path\" must be a path relative to the API's base"
          + " URL " + base + ", such as /pets/42; got " + path + ". This tool reaches this API"
          + " only: other hosts are not allowed.");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw invalid(connector, "path", "property \"path\" must not hold a query string or a"
          + " fragment; got " + path + ". Pass query parameters as the \"query\" object.");
    }
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7F) {
        throw invalid(connector, "path", "property \"path\" must not hold control characters");
      }
    }
    try {
      return RequestPaths.relative(
          base, path, slashed.startsWith("/") ? slashed : "/" + slashed, null);
    } catch (RequestPaths.Refused e) {
      throw invalid(connector, "path", "property \"path\": " + e.getMessage());
    }
  }

  private static String query(String connector, JsonNode node) {
    if (Values.absent(node)) {
      return "";
    }
    if (!node.isObject()) {
      throw invalid(connector, "query", "property \"query\" must be an object of parameter names to"
          + " values, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = UriEncoding.encode(entry.getKey());
      JsonNode value = entry.getValue();
      if (Values.absent(value)) {
        continue;
      }
      if (value.isArray()) {
        for (JsonNode item : value.values()) {
          if (!Values.absent(item)) {
            out.add(name + "=" + UriEncoding.encode(Values.text(item)));
          }
        }
      } else {
        out.add(name + "=" + UriEncoding.encode(Values.text(value)));
      }
    }
    return String.join("&", out);
  }

  private static List<PreparedRequest.Header> headers(String connector, JsonNode node) {
    List<PreparedRequest.Header> headers = new ArrayList<>();
    if (Values.absent(node)) {
      return headers;
    }
    if (!node.isObject()) {
      throw invalid(connector, "headers", "property \"headers\" must be an object of header names"
          + " to string values, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      String property = "headers." + name;
      if (!TOKEN.matcher(name).matches()) {
        throw invalid(connector, property, "\"" + name + "\" is not a valid header name");
      }
      String refused = refusedHeader(name.toLowerCase(Locale.ROOT));
      if (refused != null) {
        throw invalid(connector, property, "the " + name + " header cannot be given: " + refused
            + "; leave it out");
      }
      if (Values.absent(value)) {
        continue;
      }
      if (value.isObject() || value.isArray()) {
        throw invalid(connector, property, "header " + name + " must be a string, got "
            + value.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      String text = Values.text(value);
      if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf(0) >= 0) {
        throw invalid(connector, property, "header " + name + " must not hold line breaks (CR, LF)"
            + " or NUL characters: a line break would end the header and start another one; give"
            + " one value on one line");
      }
      headers.add(new PreparedRequest.Header(name, text));
    }
    return headers;
  }

  /** Why a header (lower case) cannot come from model code, or {@code null} when it can. */
  private static @Nullable String refusedHeader(String name) {
    if (name.equals("host")) {
      return "it names the server, and this tool reaches the API's own host only (the HTTP client"
          + " sets it from the base URL)";
    }
    if (FRAMING.contains(name)) {
      return "it frames the request body, which the HTTP client does from the body it sends (a"
          + " second framing header is how requests are smuggled past a proxy)";
    }
    if (HOP_BY_HOP.contains(name) || name.startsWith("proxy-")) {
      return "it is a hop-by-hop header that steers the connection or a proxy, not the API, and"
          + " the HTTP client manages it";
    }
    if (FORWARDING.contains(name) || name.startsWith("x-forwarded-")) {
      return "proxies and frameworks read it as the client's address or the host, path or method"
          + " of the request, so it could send the request somewhere other than where the"
          + " connector sends it (choose the method with \"method\" and the path with \"path\")";
    }
    return null;
  }
}
