package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * The base class of OpenAPI connectors: sends each operation of a spec as an HTTP request. With
 * {@code @OpenApi(spec = "petstore.yaml")} on a subclass, the annotation processor derives one tool
 * per operation plus the {@link #requestTool() request} tool, and the generated {@link
 * OpenApiDefinition} calls {@link #call} and {@link #request} on an instance.
 *
 * <p>Used as is (public no-arg constructor), a connector sends requests to the spec's first server
 * URL without authentication. A subclass changes that by overriding a few small methods:
 *
 * <ul>
 *   <li>{@link #baseUri(ApiSpec)}: where requests go (or pass it to {@link
 *       #OpenApiConnector(URI)});
 *   <li>{@link #authenticate(HttpRequest.Builder, OperationSpec)}: add credentials to a request;
 *   <li>{@link #requestTimeout(OperationSpec)}: how long a request may take;
 *   <li>{@link #send(HttpRequest)}: route requests through another client or a gateway.
 * </ul>
 *
 * <pre>{@code
 * @OpenApi(spec = "github.yaml")
 * public class GitHub extends OpenApiConnector {
 *   @Override
 *   protected HttpRequest.Builder authenticate(HttpRequest.Builder request, OperationSpec op) {
 *     return request.setHeader("Authorization", "Bearer " + System.getenv("GITHUB_TOKEN"));
 *   }
 * }
 * }</pre>
 *
 * <p>Credentials stay on the Java side: they are added after the request is built from the tool's
 * input, and no error message shows request headers or the query string (a failed call names the
 * method, the path and the status). Every value the connector added that the tool's input did not
 * give (header values set by {@code authenticate}, query parameters or headers an override of
 * {@link #send} added, the base URL's user info), with the token of {@code Bearer <token>} and the
 * password of {@code Basic} credentials, is replaced by {@code [redacted]} in everything returned
 * to model code: response bodies (2xx ones too: JSON strings and property names, text, bytes),
 * error messages and the redirect locations they name. A value shorter than 8 characters is not
 * taken for a secret, so that a header such as {@code X-Api-Version: 2} does not blank every
 * {@code 2} of every response; no real credential is that short.
 *
 * <p>A tool call resolves to the response body: JSON when the response's {@code Content-Type} is
 * JSON (or, without one, when the operation's response media type is), a string for text, JSON
 * {@code null} for an empty body, and bytes ({@link BinaryNode}, a {@code Uint8Array} in the
 * sandbox) for any other content. A status outside 2xx fails the call with an {@link
 * HttpStatusException}; a timeout or a connection failure with an {@link IOException} that says
 * what happened.
 *
 * <p>An instance is thread-safe; it creates one {@link HttpClient} on first use.
 */
public class OpenApiConnector {

  /** How long connecting to the server may take. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default of {@link #requestTimeout}. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** Redirects followed per call, all on the request's origin and under the base path. */
  private static final int MAX_REDIRECTS = 5;
  private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final @Nullable URI baseUri;
  private final Object clientLock = new Object();
  private volatile @Nullable HttpClient client;

  /** A connector that sends requests to the spec's first server URL. */
  public OpenApiConnector() {
    this.baseUri = null;
  }

  /**
   * A connector that sends requests to {@code baseUri} instead of the spec's servers.
   *
   * @param baseUri an absolute {@code http} or {@code https} URL; its path prefixes every
   *     operation's path ({@code https://api.example/v3} + {@code /pets} = {@code
   *     https://api.example/v3/pets})
   * @throws IllegalArgumentException when the URL is not absolute {@code http(s)}
   */
  public OpenApiConnector(URI baseUri) {
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    String problem = baseUriProblem(baseUri);
    if (problem != null) {
      throw new IllegalArgumentException(
          "OpenApiConnector(URI): " + problem + "; give an absolute URL such as"
              + " https://api.example.com/v1");
    }
  }

  /**
   * The descriptor of the {@code request} tool every OpenAPI connector has: any HTTP request under
   * the API's base URL, for what the operation tools do not cover. Input {@code {method?, path,
   * query?, headers?, body?}}; output unknown (the response body). The build-time derivation adds it
   * to each OpenAPI connector's descriptor.
   */
  public static ToolDescriptor requestTool() {
    return RawRequests.tool();
  }

  /**
   * Calls one operation: builds the HTTP request from the tool's input, sends it and decodes the
   * response (see the class description).
   *
   * <p>The input is checked before anything is sent: a property that no parameter and no body
   * maps to, a missing required parameter or body, or a value the parameter cannot take (an empty
   * path segment, a line break in a header, text that is not base64 where bytes are expected) fails
   * the call with a {@link dev.codemode.core.ToolInputException} that names the property. Default
   * values of the spec are not filled in: the server applies them.
   *
   * @param api the connector's spec
   * @param operation the operation to call, one of {@code api}'s
   * @param input the tool's input object; {@code null} or JSON {@code null} counts as {@code {}}
   * @return the response body as JSON; never throws: every failure completes the stage
   *     exceptionally
   */
  public final CompletionStage<JsonNode> call(ApiSpec api, OperationSpec operation, JsonNode input) {
    try {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(operation, "operation");
      URI base = operationBaseUri(api, operation);
      PreparedRequest prepared = OperationRequests.build(api, operation, base, input);
      return exchange(prepared, operation, operation.responseMediaType(), base);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Runs the {@code request} tool: sends {@code {method?, path, query?, headers?, body?}} under the
   * API's base URL. The path is relative to the base URL; an absolute URL is refused, so model code
   * cannot reach another host. Nor can it leave the base path: the path is read as a strict and as
   * a lenient server would read it (percent-escapes decoded until none is left, {@code \} as
   * {@code /}, {@code ;} parameters dropped, dot segments resolved), a path that either reading
   * puts outside the base path, a dot segment that only some servers see ({@code ..;}, {@code
   * ..%2f}) and an escape that is not UTF-8 ({@code %c0%ae}) are refused, and what is sent is the
   * checked form, normalized. Headers that frame the request or steer the connection or a proxy
   * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code Host}, {@code
   * Proxy-*}, {@code X-Forwarded-*}, {@code Forwarded}, {@code X-Original-URL}, {@code
   * X-HTTP-Method-Override} and the like) are refused. The query is an object (an array repeats
   * the parameter); an object, array, number or boolean body is sent as JSON, a string as UTF-8
   * text, and (from Java) a {@link BinaryNode} as {@code application/octet-stream}. {@link
   * #authenticate} sees an operation with tool {@code request}, the method and the path as given.
   *
   * @param api the connector's spec (for the base URL)
   * @param input the tool's input
   * @return the response body as JSON, as for {@link #call}; never throws
   */
  public final CompletionStage<JsonNode> request(ApiSpec api, JsonNode input) {
    try {
      Objects.requireNonNull(api, "api");
      URI base = resolvedBaseUri(api);
      PreparedRequest prepared = RawRequests.build(api.connector(), base, input);
      OperationSpec operation =
          RawRequests.operation(prepared.method(), input.get("path").stringValue());
      return exchange(prepared, operation, null, base);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The URL that operation paths are appended to. The default is the URL given to {@link
   * #OpenApiConnector(URI)}, else the spec's first server URL. Override it to choose another
   * server, or when the spec's servers are relative ({@code /api/v3}) or absent.
   *
   * @param api the connector's spec
   * @return an absolute {@code http} or {@code https} URL
   * @throws IllegalStateException when the spec has no absolute server URL and none was given
   */
  protected URI baseUri(ApiSpec api) {
    if (baseUri != null) {
      return baseUri;
    }
    String how =
        " Override baseUri(ApiSpec) in " + getClass().getName() + " to return the API's URL, or"
            + " pass it to the constructor OpenApiConnector(URI).";
    if (api.servers().isEmpty()) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ": the spec names no server, so there is no URL to send"
              + " requests to." + how);
    }
    String server = api.servers().get(0);
    URI uri;
    try {
      uri = new URI(server);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ": the spec's server URL " + server + " is not a valid"
              + " URL (" + e.getReason() + ")." + how, e);
    }
    if (!uri.isAbsolute()) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ": the spec's server URL " + server + " is relative"
              + " (to wherever the spec was served from), so there is no host to send requests"
              + " to." + how);
    }
    return uri;
  }

  /**
   * Adds credentials to a request before it is sent, for example {@code
   * request.setHeader("Authorization", "Bearer " + token)}. Use {@code setHeader} so a header of
   * the same name given by model code (through the {@code request} tool) is replaced. The default
   * adds nothing. To put a key in the query string, override {@link #send} instead and rebuild the
   * request with {@link HttpRequest#newBuilder(HttpRequest, java.util.function.BiPredicate)}.
   *
   * @param request the request, complete but for credentials
   * @param operation the operation being called; for the {@code request} tool, an operation with
   *     tool {@code request}, its method and path and no parameters
   * @return the builder to send (usually {@code request} itself)
   */
  protected HttpRequest.Builder authenticate(HttpRequest.Builder request, OperationSpec operation) {
    return request;
  }

  /**
   * How long a request may take, from sending it to the end of the response, before the call
   * fails with a timeout. The default is 30 seconds.
   *
   * @param operation the operation being called
   */
  protected Duration requestTimeout(OperationSpec operation) {
    return REQUEST_TIMEOUT;
  }

  /**
   * Sends a request. The default sends it with {@link #httpClient()}; override it to route
   * requests through a gateway, add tracing, or use another client.
   *
   * @param request the authenticated request
   * @return the response, its body as bytes
   */
  protected CompletionStage<HttpResponse<byte[]>> send(HttpRequest request) {
    return httpClient().sendAsync(request, LimitedBody.upTo(maxResponseBytes()));
  }

  /**
   * The largest response body {@link #send} reads, in bytes; a larger one fails the call with a
   * message that gives the limit. The default is 16 MiB.
   */
  protected long maxResponseBytes() {
    return MAX_RESPONSE_BYTES;
  }

  /**
   * The connector's HTTP client, created on first use, with a 10 second connect timeout. It
   * follows no redirects itself: the connector follows up to {@value #MAX_REDIRECTS} redirects
   * that stay on the origin (scheme, host and port) of the request and under the base URL's path
   * (read as the {@link #request} tool's paths are, and sent normalized), so neither credentials
   * nor the {@code request} tool ever reach another host or another part of the host through a
   * redirect; a redirect elsewhere fails the call as a 3xx status whose message says why it was
   * not followed.
   */
  protected final HttpClient httpClient() {
    HttpClient current = client;
    if (current == null) {
      synchronized (clientLock) {
        current = client;
        if (current == null) {
          current =
              HttpClient.newBuilder()
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(CONNECT_TIMEOUT)
                  .build();
          client = current;
        }
      }
    }
    return current;
  }

  /**
   * The URL an operation's path is appended to. An operation with servers of its own (GitHub sends
   * release assets to {@code uploads.github.com}) goes to the first of them while the connector
   * sends to the spec's servers; a connector given another base URL (by the constructor or an
   * override of {@link #baseUri(ApiSpec)}) sends every operation there.
   */
  private URI operationBaseUri(ApiSpec api, OperationSpec operation) {
    URI base = resolvedBaseUri(api);
    if (operation.servers().isEmpty()
        || api.servers().isEmpty()
        || !base.toString().equals(api.servers().get(0))) {
      return base;
    }
    String server = operation.servers().get(0);
    URI own;
    try {
      own = base.resolve(new URI(server));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ": the server URL " + server + " of operation "
              + operation.tool() + " is not a valid URL (" + e.getReason() + "); fix the spec or"
              + " override baseUri(ApiSpec) to send every operation to one URL", e);
    }
    String problem = baseUriProblem(own);
    if (problem != null) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ", operation " + operation.tool() + ": " + problem
              + "; fix the spec's servers or override baseUri(ApiSpec) to send every operation to"
              + " one URL");
    }
    return own;
  }

  private URI resolvedBaseUri(ApiSpec api) {
    URI uri = baseUri(api);
    if (uri == null) {
      throw new IllegalStateException(
          getClass().getName() + ".baseUri(ApiSpec) returned null; return the API's absolute URL");
    }
    String problem = baseUriProblem(uri);
    if (problem != null) {
      throw new IllegalStateException(
          "Connector " + api.connector() + ": " + problem + ". Override baseUri(ApiSpec) in "
              + getClass().getName() + " to return the API's absolute URL, such as"
              + " https://api.example.com/v1, or pass it to OpenApiConnector(URI).");
    }
    return uri;
  }

  private static @Nullable String baseUriProblem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
      return "the base URL " + uri + " is not an absolute URL with a host";
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "the base URL " + uri + " is not http or https";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "the base URL " + uri + " has a query or a fragment, which operation paths cannot"
          + " follow";
    }
    return null;
  }

  private CompletionStage<JsonNode> exchange(
      PreparedRequest prepared,
      OperationSpec operation,
      @Nullable String responseMediaType,
      URI base) {
    HttpRequest request;
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(prepared.uri()).timeout(requestTimeout(operation));
      boolean accept = false;
      for (PreparedRequest.Header header : prepared.headers()) {
        builder.header(header.name(), header.value());
        accept |= header.name().equalsIgnoreCase("Accept");
      }
      if (!accept && responseMediaType != null) {
        builder.header("Accept", responseMediaType);
      }
      builder.method(
          prepared.method(),
          prepared.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(prepared.body()));
      HttpRequest.Builder authenticated = authenticate(builder, operation);
      if (authenticated == null) {
        throw new IllegalStateException(
            getClass().getName() + ".authenticate returned null; return the request builder");
      }
      request = authenticated.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          prepared.display() + ": the HTTP client refused the request: " + e.getMessage(), e);
    }
    Secrets secrets = Secrets.of(prepared, request);
    CompletionStage<Answered> sent = sendFollowingRedirects(request, base, 0);
    Duration timeout = request.timeout().orElse(null);
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    sent.whenComplete(
        (answered, failure) -> {
          try {
            if (failure != null) {
              result.completeExceptionally(transportFailure(prepared, timeout, failure, secrets));
            } else {
              HttpResponse<byte[]> response = answered.response();
              result.complete(
                  decode(prepared, response, responseMediaType, base,
                      secrets.with(answered.request(), response.request())));
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /**
   * Sends a request and follows the redirects that stay on its origin and under the base path, at
   * most {@value #MAX_REDIRECTS} of them: 303, and 301/302 after anything but GET or HEAD, become a
   * GET without body, as browsers do; 307 and 308 repeat the request. Any other response, a
   * redirect to another origin or outside the base path included, is the answer.
   */
  private CompletionStage<Answered> sendFollowingRedirects(
      HttpRequest request, URI base, int hops) {
    CompletionStage<HttpResponse<byte[]>> sent = send(request);
    if (sent == null) {
      throw new IllegalStateException(
          getClass().getName() + ".send returned null; return a CompletionStage of the response");
    }
    return sent.thenCompose(
        response -> {
          HttpRequest next = hops < MAX_REDIRECTS ? redirected(request, response, base) : null;
          return next == null
              ? CompletableFuture.completedFuture(new Answered(request, response))
              : sendFollowingRedirects(next, base, hops + 1);
        });
  }

  /**
   * The last response of an exchange.
   *
   * @param request the request handed to {@link #send} for it
   * @param response the response
   */
  private record Answered(HttpRequest request, HttpResponse<byte[]> response) {}

  /**
   * The request a redirect asks for, or {@code null} when the connector does not follow it: not a
   * redirect, to another origin, or to a path outside the base path (read as {@link RequestPaths}
   * reads every path). The request goes to the normalized path that was checked.
   */
  private static @Nullable HttpRequest redirected(
      HttpRequest request, HttpResponse<byte[]> response, URI base) {
    if (!followable(response.statusCode())) {
      return null;
    }
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null) {
      return null;
    }
    URI target;
    try {
      URI resolved = request.uri().resolve(location);
      String path = RequestPaths.redirectPath(base, resolved.getRawPath());
      if (!sameOrigin(request.uri(), resolved) || path == null) {
        return null;
      }
      target = new URI(resolved.getScheme() + "://" + resolved.getRawAuthority() + path
          + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery()));
    } catch (IllegalArgumentException | URISyntaxException e) {
      return null;
    }
    int status = response.statusCode();
    String method = request.method();
    boolean toGet =
        status == 303
            || ((status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD"));
    if (!toGet) {
      return HttpRequest.newBuilder(request, (name, value) -> true).uri(target).build();
    }
    return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Content-Type"))
        .uri(target)
        .method("GET", HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static boolean followable(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getRawAuthority() != null
        && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
  }

  private static Throwable transportFailure(
      PreparedRequest prepared,
      @Nullable Duration timeout,
      Throwable failure,
      Secrets secrets) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String detail = cause.getMessage() == null ? "" : cause.getMessage();
    IOException wrapped;
    if (cause instanceof HttpTimeoutException) {
      String limit = timeout == null ? "the time allowed" : format(timeout);
      wrapped = new HttpTimeoutException(secrets.redact(
          prepared.display() + " got no response within " + limit + " (the connector's request"
              + " timeout). The server is slow or unreachable: try again later, or ask for less"
              + " at a time."));
    } else if (cause instanceof ConnectException) {
      wrapped = new ConnectException(secrets.redact(
          prepared.display() + ": cannot connect to " + prepared.uri().getScheme() + "://"
              + prepared.uri().getRawAuthority() + (detail.isEmpty() ? "" : " (" + detail + ")")
              + ". The server is down or the connector's base URL is wrong."));
    } else if (cause instanceof RuntimeException runtime && !(cause instanceof IOException)) {
      return runtime;
    } else {
      wrapped = new IOException(secrets.redact(
          prepared.display() + " failed: " + cause.getClass().getSimpleName()
              + (detail.isEmpty() ? "" : ": " + detail)));
    }
    wrapped.initCause(cause);
    return wrapped;
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /**
   * The response body as JSON, every secret redacted; a status outside 2xx fails with an {@link
   * HttpStatusException} (a redirect that was not followed says why).
   */
  private static JsonNode decode(
      PreparedRequest prepared,
      HttpResponse<byte[]> response,
      @Nullable String responseMediaType,
      URI base,
      Secrets secrets) {
    byte[] body = response.body() == null ? new byte[0] : response.body();
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      URI uri = response.uri() == null ? prepared.uri() : response.uri();
      String excerpt = excerpt(body, contentType);
      String location = response.headers().firstValue("Location").orElse(null);
      if (status >= 300 && status <= 399 && location != null) {
        String why = notFollowed(uri, status, location, base);
        excerpt = excerpt.isEmpty() ? why : why + ". " + excerpt;
      }
      String redacted = secrets.redact(excerpt);
      throw new HttpStatusException(
          prepared.method(),
          secrets.redact(withoutQuery(uri)),
          secrets.redact(String.valueOf(uri.getRawPath())),
          status,
          redacted.length() > HttpStatusException.MAX_BODY_CHARACTERS
              ? redacted.substring(0, HttpStatusException.MAX_BODY_CHARACTERS)
              : redacted,
          redacted.length());
    }
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    String mediaType = contentType != null ? contentType : responseMediaType;
    if (mediaType == null) {
      try {
        return secrets.redact(JsonCodec.defaults().mapper().readTree(body));
      } catch (JacksonException notJson) {
        String text = strictText(body, StandardCharsets.UTF_8);
        return text != null
            ? StringNode.valueOf(secrets.redact(text))
            : BinaryNode.valueOf(secrets.redact(body));
      }
    }
    if (MediaTypes.isJson(mediaType)) {
      try {
        return secrets.redact(JsonCodec.defaults().mapper().readTree(body));
      } catch (JacksonException e) {
        String text = new String(body, MediaTypes.charset(mediaType));
        throw new IllegalStateException(
            prepared.display() + " answered " + status + " with " + mediaType + ", but the body is"
                + " not JSON (" + secrets.redact(e.getOriginalMessage().lines().findFirst()
                    .orElse("")) + "): "
                + secrets.redact(text.length() > 200 ? text.substring(0, 200) + "..." : text),
            e);
      }
    }
    if (MediaTypes.isText(mediaType)) {
      return StringNode.valueOf(secrets.redact(new String(body, MediaTypes.charset(mediaType))));
    }
    return BinaryNode.valueOf(secrets.redact(body));
  }

  /** Why a redirect answered to a request to {@code uri} was not followed. */
  private static String notFollowed(URI uri, int status, String location, URI base) {
    URI target;
    try {
      target = uri.resolve(location);
    } catch (IllegalArgumentException e) {
      return "redirects to an invalid location, which the connector does not follow";
    }
    String why;
    if (!followable(status)) {
      why = "it follows 301, 302, 303, 307 and 308 only";
    } else if (!sameOrigin(uri, target)) {
      why = "it follows redirects on the API's own host only";
    } else if (RequestPaths.redirectPath(base, target.getRawPath()) == null) {
      String basePath = RequestPaths.basePath(base);
      why = "it follows redirects under the API's base path " + (basePath.isEmpty() ? "/" : basePath)
          + " only, and this one leaves it (" + RequestPaths.LENIENT + ")";
    } else {
      why = "it follows at most " + MAX_REDIRECTS + " redirects per call";
    }
    return "redirects to " + withoutQuery(target) + ", which the connector does not follow: " + why;
  }

  /** The body of an error response as text, or a description of bytes that are not text. */
  private static String excerpt(byte[] body, @Nullable String contentType) {
    if (body.length == 0) {
      return "";
    }
    boolean textual =
        contentType == null || MediaTypes.isJson(contentType) || MediaTypes.isText(contentType);
    Charset charset = contentType == null ? StandardCharsets.UTF_8 : MediaTypes.charset(contentType);
    String text = textual ? strictText(body, charset) : null;
    if (text == null) {
      return "(" + body.length + " bytes" + (contentType == null ? "" : " of " + contentType) + ")";
    }
    return text.strip();
  }

  /** {@code bytes} decoded as {@code charset}, or null when they are not valid in it. */
  static @Nullable String strictText(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The URL without user info, query or fragment, all of which may hold secrets. */
  private static String withoutQuery(URI uri) {
    String host = uri.getHost() != null ? uri.getHost() : String.valueOf(uri.getRawAuthority());
    return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

}
