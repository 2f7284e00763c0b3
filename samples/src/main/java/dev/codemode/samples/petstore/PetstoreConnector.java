package dev.codemode.samples.petstore;

import dev.codemode.annotations.OpenApi;
import dev.codemode.openapi.ApiSpec;
import dev.codemode.openapi.OpenApiConnector;
import dev.codemode.openapi.OperationSpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pet shop: find, add, change and remove pets, place and look up orders, and manage user
 * accounts. Every operation of the Swagger Petstore spec is a tool, named after its operationId.
 *
 * <p>The tools are derived at compile time from {@code petstore/petstore.yaml}. Requests go to the
 * URL in the system property {@value #URL_PROPERTY} (the local {@link PetstoreServer} in the demo),
 * else to the spec's server; the API key comes from the system property {@value
 * #API_KEY_PROPERTY} or the environment variable {@value #API_KEY_VARIABLE}, else {@value
 * PetstoreServer#DEFAULT_API_KEY}. It is added to every request here, on the host: model code never
 * sees it.
 */
@OpenApi(spec = "petstore/petstore.yaml")
public class PetstoreConnector extends OpenApiConnector {

  /** System property with the API's base URL, such as {@code http://127.0.0.1:8080/v2}. */
  public static final String URL_PROPERTY = "codemode.samples.petstoreUrl";

  /** System property with the API key. */
  public static final String API_KEY_PROPERTY = "codemode.samples.petstoreApiKey";

  /** Environment variable with the API key, used when the property is not set. */
  public static final String API_KEY_VARIABLE = "PETSTORE_API_KEY";

  private final @Nullable URI baseUri;
  private final String apiKey;

  /** A connector configured from the system properties and environment (see the class notes). */
  public PetstoreConnector() {
    this(configuredUrl(), configuredApiKey());
  }

  /**
   * A connector for the Petstore at {@code baseUri}.
   *
   * @param baseUri the API's base URL, or {@code null} for the spec's server
   * @param apiKey the key sent as header {@code api_key}
   */
  public PetstoreConnector(@Nullable URI baseUri, String apiKey) {
    this.baseUri = baseUri;
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  @Override
  protected URI baseUri(ApiSpec api) {
    return baseUri != null ? baseUri : super.baseUri(api);
  }

  @Override
  protected HttpRequest.Builder authenticate(HttpRequest.Builder request, OperationSpec operation) {
    return request.setHeader("api_key", apiKey);
  }

  private static @Nullable URI configuredUrl() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "System property " + URL_PROPERTY + " is not a URL (" + e.getMessage() + "); set it to"
              + " the Petstore's base URL, such as http://127.0.0.1:8080/v2",
          e);
    }
  }

  private static String configuredApiKey() {
    String key = System.getProperty(API_KEY_PROPERTY);
    if (key == null || key.isBlank()) {
      key = System.getenv(API_KEY_VARIABLE);
    }
    return key == null || key.isBlank() ? PetstoreServer.DEFAULT_API_KEY : key.strip();
  }
}
