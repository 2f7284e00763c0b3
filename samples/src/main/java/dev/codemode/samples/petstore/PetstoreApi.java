package dev.codemode.samples.petstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The Petstore operations over HTTP: routes each request under the base path to its operation,
 * reads the parameters and body the spec describes, and answers JSON. Errors are {@link
 * ApiResponse} bodies with {@code type "error"}.
 */
final class PetstoreApi implements HttpHandler {

  /** Bodies larger than this are refused with 413. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final String PET_STATUSES = String.join(", ", Pet.STATUSES);
  private static final String ORDER_STATUSES = String.join(", ", Order.STATUSES);

  private final PetstoreStore store;
  private final String basePath;
  private final String apiKey;
  private final Consumer<RecordedRequest> listener;
  private final Clock clock;
  private final JsonMapper json = mapper();
  private final List<Route> routes = routes();

  PetstoreApi(
      PetstoreStore store,
      String basePath,
      String apiKey,
      Consumer<RecordedRequest> listener,
      Clock clock) {
    this.store = store;
    this.basePath = basePath;
    this.apiKey = apiKey;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Reads what the spec's types say and nothing else: unknown properties, strings for numbers (and
   * the reverse) and trailing content are errors. Absent values are left out when writing.
   */
  private static JsonMapper mapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .changeDefaultPropertyInclusion(
            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing: one exchange in, one JSON answer out.

  /** A request after routing: its path parameters, query, headers and body. */
  private record Call(
      RecordedRequest request, Map<String, String> pathParameters, Map<String, List<String>> query) {

    /** A path parameter; the route's pattern names it, so it is there. */
    String path(String name) {
      return Objects.requireNonNull(pathParameters.get(name), name);
    }

    @Nullable String header(String name) {
      return request.header(name);
    }

    byte[] body() {
      return request.body();
    }

    /** The media type of the body, in lower case and without parameters; empty when not sent. */
    String mediaType() {
      String contentType = header("Content-Type");
      if (contentType == null) {
        return "";
      }
      int semicolon = contentType.indexOf(';');
      return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
          .trim()
          .toLowerCase(Locale.ROOT);
    }
  }

  /** A JSON answer; {@code headers} are extra response headers. */
  private record Response(int status, Object body, Map<String, String> headers) {
    static Response ok(Object body) {
      return new Response(200, body, Map.of());
    }
  }

  @FunctionalInterface
  private interface Operation {
    Response handle(Call call);
  }

  /** One operation of the spec: a method and a path pattern whose {@code {name}} parts are parameters. */
  private record Route(String method, List<String> pattern, Operation operation) {

    static Route of(String method, String pattern, Operation operation) {
      return new Route(method, List.of(pattern.substring(1).split("/", -1)), operation);
    }

    /** The path parameters when {@code segments} fit the pattern, else null. */
    @Nullable Map<String, String> match(List<String> segments) {
      if (segments.size() != pattern.size()) {
        return null;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String part = pattern.get(i);
        if (part.startsWith("{")) {
          parameters.put(part.substring(1, part.length() - 1), segments.get(i));
        } else if (!part.equals(segments.get(i))) {
          return null;
        }
      }
      return parameters;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = respond(exchange);
      } catch (HttpError e) {
        response = error(e.status(), Objects.requireNonNullElse(e.getMessage(), ""));
      } catch (RuntimeException e) {
        response = error(500, "internal error in the Petstore server: " + e);
      }
      byte[] body = json.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      response.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Response respond(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    RecordedRequest request =
        new RecordedRequest(
            method,
            rawPath,
            rawQuery == null ? "" : rawQuery,
            exchange.getRequestHeaders(),
            readBody(exchange.getRequestBody()));
    try {
      listener.accept(request);
    } catch (RuntimeException e) {
      throw new HttpError(500, "the request listener failed: " + e);
    }
    if (!rawPath.startsWith(basePath + "/")) {
      throw new HttpError(
          404, "no Petstore operation at " + method + " " + rawPath + ": the API is served under " + basePath);
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.substring(basePath.length() + 1).split("/", -1)) {
      segments.add(decodePathSegment(segment));
    }
    Map<String, List<String>> query;
    try {
      query = FormData.parse(request.query());
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "malformed query string: " + e.getMessage());
    }
    // The first pattern that fits wins, so /pet/findByStatus is never read as /pet/{petId}.
    List<Route> fitting = new ArrayList<>();
    Map<String, String> parameters = null;
    for (Route route : routes) {
      Map<String, String> match = route.match(segments);
      if (match != null && (fitting.isEmpty() || fitting.get(0).pattern().equals(route.pattern()))) {
        fitting.add(route);
        parameters = parameters == null ? match : parameters;
      }
    }
    if (fitting.isEmpty()) {
      throw new HttpError(404, "no Petstore operation at " + method + " " + rawPath);
    }
    for (Route route : fitting) {
      if (route.method().equals(method)) {
        return route
            .operation()
            .handle(new Call(request, Objects.requireNonNull(parameters, "a route fits"), query));
      }
    }
    List<String> allowed = fitting.stream().map(Route::method).toList();
    Response refusal =
        error(405, method + " is not an operation of " + rawPath + "; it takes " + String.join(", ", allowed));
    return new Response(405, refusal.body(), Map.of("Allow", String.join(", ", allowed)));
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private static String decodePathSegment(String segment) {
    try {
      // URLDecoder reads '+' as a space, which is right for queries only.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "malformed path segment '" + segment + "': " + e.getMessage());
    }
  }

  private static Response error(int status, String message) {
    return new Response(status, ApiResponse.error(status, message), Map.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Reading parameters and bodies.

  /**
   * A path id as the spec's int64, at least {@code minimum}.
   *
   * @throws HttpError 400 otherwise, with the spec's words
   */
  private static long id(Call call, String name, long minimum) {
    String text = call.path(name);
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new HttpError(400, "Invalid ID supplied: " + name + " must be an integer, got '" + text + "'");
    }
    if (id < minimum) {
      throw new HttpError(400, "Invalid ID supplied: " + name + " must be at least " + minimum + ", got " + id);
    }
    return id;
  }

  /**
   * The values of an array query parameter, sent exploded ({@code ?a=1&a=2}) or comma-separated
   * ({@code ?a=1,2}) or both; blanks dropped, duplicates once, in the order sent.
   */
  private static Set<String> arrayParameter(Call call, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : call.query().getOrDefault(name, List.of())) {
      for (String item : value.split(",", -1)) {
        if (!item.isBlank()) {
          values.add(item.trim());
        }
      }
    }
    return values;
  }

  /**
   * The body read as JSON into {@code type}.
   *
   * @param invalidStatus the status the spec gives to invalid input for this operation
   */
  private <T> T jsonBody(Call call, TypeReference<T> type, String what, int invalidStatus) {
    requireMediaType(call, "application/json");
    if (call.body().length == 0) {
      throw new HttpError(invalidStatus, "Invalid input: the request needs a JSON " + what + " body");
    }
    try {
      T value = json.readValue(call.body(), type);
      if (value == null) {
        throw new HttpError(invalidStatus, "Invalid input: the " + what + " body is null");
      }
      return value;
    } catch (JacksonException e) {
      throw new HttpError(invalidStatus, "Invalid input: " + what + " body" + where(e) + ": " + e.getOriginalMessage());
    }
  }

  private static String where(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append('.').append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " at $" + path;
  }

  private static void requireMediaType(Call call, String mediaType) {
    if (!call.mediaType().equals(mediaType)) {
      throw new HttpError(
          415,
          "expected Content-Type "
              + mediaType
              + ", got "
              + (call.mediaType().isEmpty() ? "none" : call.mediaType()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The operations, in the spec's order.

  private List<Route> routes() {
    return List.of(
        Route.of("POST", "/pet", this::addPet),
        Route.of("PUT", "/pet", this::updatePet),
        Route.of("GET", "/pet/findByStatus", this::findPetsByStatus),
        Route.of("GET", "/pet/findByTags", this::findPetsByTags),
        Route.of("GET", "/pet/{petId}", this::getPetById),
        Route.of("POST", "/pet/{petId}", this::updatePetWithForm),
        Route.of("DELETE", "/pet/{petId}", this::deletePet),
        Route.of("POST", "/pet/{petId}/uploadImage", this::uploadFile),
        Route.of("GET", "/store/inventory", this::getInventory),
        Route.of("POST", "/store/order", this::placeOrder),
        Route.of("GET", "/store/order/{orderId}", this::getOrderById),
        Route.of("DELETE", "/store/order/{orderId}", this::deleteOrder),
        Route.of("POST", "/user", this::createUser),
        Route.of("POST", "/user/createWithArray", this::createUsers),
        Route.of("POST", "/user/createWithList", this::createUsers),
        Route.of("GET", "/user/login", this::loginUser),
        Route.of("GET", "/user/logout", this::logoutUser),
        Route.of("GET", "/user/{username}", this::getUserByName),
        Route.of("PUT", "/user/{username}", this::updateUser),
        Route.of("DELETE", "/user/{username}", this::deleteUser));
  }

  /** addPet: the pet is stored under a new id (the spec marks {@code id} read-only). */
  private Response addPet(Call call) {
    Pet pet = jsonBody(call, new TypeReference<Pet>() {}, "Pet", 405);
    validatePet(pet, 405);
    return Response.ok(store.addPet(pet));
  }

  /** updatePet: replaces the pet named by the body's {@code id}. */
  private Response updatePet(Call call) {
    Pet pet = jsonBody(call, new TypeReference<Pet>() {}, "Pet", 405);
    if (pet.id() == null || pet.id() < 1) {
      throw new HttpError(400, "Invalid ID supplied: the Pet body needs a positive id, got " + pet.id());
    }
    validatePet(pet, 405);
    return Response.ok(
        store.replacePet(pet).orElseThrow(() -> new HttpError(404, "Pet not found: no pet has id " + pet.id())));
  }

  private static void validatePet(Pet pet, int status) {
    List<String> problems = new ArrayList<>();
    if (pet.name() == null || pet.name().isBlank()) {
      problems.add("name is required");
    }
    if (pet.photoUrls() == null) {
      problems.add("photoUrls is required (an empty array will do)");
    } else if (pet.photoUrls().contains(null)) {
      problems.add("photoUrls may not contain null");
    }
    if (pet.tags() != null && pet.tags().contains(null)) {
      problems.add("tags may not contain null");
    }
    if (pet.status() != null && !Pet.isStatus(pet.status())) {
      problems.add("status '" + pet.status() + "' is not one of " + PET_STATUSES);
    }
    if (!problems.isEmpty()) {
      throw new HttpError(status, "Invalid input: " + String.join("; ", problems));
    }
  }

  /** findPetsByStatus: pets whose status is one of those asked for. */
  private Response findPetsByStatus(Call call) {
    Set<String> statuses = arrayParameter(call, "status");
    if (statuses.isEmpty()) {
      throw new HttpError(
          400, "Invalid status value: the status query parameter is required (" + PET_STATUSES + ")");
    }
    for (String status : statuses) {
      if (!Pet.isStatus(status)) {
        throw new HttpError(400, "Invalid status value: '" + status + "' is not one of " + PET_STATUSES);
      }
    }
    return Response.ok(store.petsWithStatus(statuses));
  }

  /** findPetsByTags: pets with at least one of the tags asked for. */
  private Response findPetsByTags(Call call) {
    Set<String> tags = arrayParameter(call, "tags");
    if (tags.isEmpty()) {
      throw new HttpError(400, "Invalid tag value: the tags query parameter is required");
    }
    return Response.ok(store.petsWithAnyTag(tags));
  }

  private Response getPetById(Call call) {
    long id = id(call, "petId", 1);
    return Response.ok(store.pet(id).orElseThrow(() -> petNotFound(id)));
  }

  private static HttpError petNotFound(long id) {
    return new HttpError(404, "Pet not found: no pet has id " + id);
  }

  /**
   * updatePetWithForm: sets the pet's name and status from an {@code
   * application/x-www-form-urlencoded} body; a field left out keeps its value. Answers the pet.
   */
  private Response updatePetWithForm(Call call) {
    long id = id(call, "petId", 1);
    requireMediaType(call, "application/x-www-form-urlencoded");
    Map<String, List<String>> form;
    try {
      form = FormData.parse(new String(call.body(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new HttpError(405, "Invalid input: malformed form body: " + e.getMessage());
    }
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      if (!field.getKey().equals("name") && !field.getKey().equals("status")) {
        throw new HttpError(405, "Invalid input: unknown form field '" + field.getKey() + "' (expected name, status)");
      }
      if (field.getValue().size() > 1) {
        throw new HttpError(405, "Invalid input: form field '" + field.getKey() + "' sent more than once");
      }
    }
    String name = single(form, "name");
    String status = single(form, "status");
    if (name != null && name.isBlank()) {
      throw new HttpError(405, "Invalid input: name may not be blank");
    }
    if (status != null && !Pet.isStatus(status)) {
      throw new HttpError(405, "Invalid input: status '" + status + "' is not one of " + PET_STATUSES);
    }
    return Response.ok(store.updatePet(id, name, status).orElseThrow(() -> petNotFound(id)));
  }

  private static @Nullable String single(Map<String, List<String>> fields, String name) {
    List<String> values = fields.get(name);
    return values == null ? null : values.get(0);
  }

  /** deletePet: needs the {@code api_key} header to be the server's key (401 otherwise). */
  private Response deletePet(Call call) {
    String key = call.header("api_key");
    if (key == null) {
      throw new HttpError(401, "Unauthorized: deleting a pet needs the api_key header");
    }
    if (!key.equals(apiKey)) {
      throw new HttpError(401, "Unauthorized: the api_key header does not match the server's key");
    }
    long id = id(call, "petId", 1);
    if (store.removePet(id).isEmpty()) {
      throw petNotFound(id);
    }
    return Response.ok(ApiResponse.ok("pet " + id + " deleted"));
  }

  /**
   * uploadFile: a {@code multipart/form-data} body with an optional {@code additionalMetadata}
   * text part and an optional {@code file} part. The file is counted, not kept.
   */
  private Response uploadFile(Call call) {
    long id = id(call, "petId", 1);
    requireMediaType(call, "multipart/form-data");
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(call.body(), Multipart.boundary(call.header("Content-Type")));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "Invalid input: " + e.getMessage());
    }
    Map<String, Multipart.Part> byName = new LinkedHashMap<>();
    for (Multipart.Part part : parts) {
      if (!part.name().equals("additionalMetadata") && !part.name().equals("file")) {
        throw new HttpError(
            400, "Invalid input: unknown multipart part '" + part.name() + "' (expected additionalMetadata, file)");
      }
      if (byName.put(part.name(), part) != null) {
        throw new HttpError(400, "Invalid input: multipart part '" + part.name() + "' sent more than once");
      }
    }
    if (store.pet(id).isEmpty()) {
      throw petNotFound(id);
    }
    Multipart.Part metadata = byName.get("additionalMetadata");
    Multipart.Part file = byName.get("file");
    String message =
        "additionalMetadata: "
            + (metadata == null ? "null" : new String(metadata.content(), StandardCharsets.UTF_8))
            + "\n"
            + (file == null
                ? "No file uploaded"
                : "File uploaded to ./"
                    + (file.filename() == null ? "file" : file.filename())
                    + ", "
                    + file.content().length
                    + " bytes");
    return Response.ok(new ApiResponse(200, "ok", message));
  }

  /** getInventory: how many pets have each status. */
  private Response getInventory(Call call) {
    return Response.ok(store.inventory());
  }

  /**
   * placeOrder: the order is stored under a new id; {@code petId} must name a pet of the store,
   * {@code quantity} (when sent) be positive, {@code shipDate} be an ISO-8601 date-time.
   */
  private Response placeOrder(Call call) {
    Order order = jsonBody(call, new TypeReference<Order>() {}, "Order", 400);
    List<String> problems = new ArrayList<>();
    if (order.petId() == null) {
      problems.add("petId is required");
    } else if (store.pet(order.petId()).isEmpty()) {
      problems.add("petId " + order.petId() + " is not a pet of this store");
    }
    if (order.quantity() != null && order.quantity() < 1) {
      problems.add("quantity must be at least 1, got " + order.quantity());
    }
    if (order.status() != null && !Order.STATUSES.contains(order.status())) {
      problems.add("status '" + order.status() + "' is not one of " + ORDER_STATUSES);
    }
    if (order.shipDate() != null) {
      try {
        OffsetDateTime.parse(order.shipDate());
      } catch (DateTimeParseException e) {
        problems.add("shipDate '" + order.shipDate() + "' is not an ISO-8601 date-time with an offset");
      }
    }
    if (!problems.isEmpty()) {
      throw new HttpError(400, "Invalid Order: " + String.join("; ", problems));
    }
    return Response.ok(store.placeOrder(order));
  }

  /** getOrderById: the spec limits {@code orderId} to 1..10, and so does this server. */
  private Response getOrderById(Call call) {
    long id = id(call, "orderId", 1);
    if (id > 10) {
      throw new HttpError(400, "Invalid ID supplied: orderId must be at most 10 (the spec's maximum), got " + id);
    }
    return Response.ok(store.order(id).orElseThrow(() -> orderNotFound(id)));
  }

  private Response deleteOrder(Call call) {
    long id = id(call, "orderId", 1);
    if (store.removeOrder(id).isEmpty()) {
      throw orderNotFound(id);
    }
    return Response.ok(ApiResponse.ok("order " + id + " deleted"));
  }

  private static HttpError orderNotFound(long id) {
    return new HttpError(404, "Order not found: no order has id " + id);
  }

  private Response createUser(Call call) {
    User user = jsonBody(call, new TypeReference<User>() {}, "User", 400);
    validateUser(user);
    if (!store.addUser(user)) {
      throw new HttpError(400, "Invalid user supplied: username '" + user.username() + "' is taken");
    }
    return Response.ok(ApiResponse.ok("user " + user.username() + " created"));
  }

  /** createUsersWithArrayInput and createUsersWithListInput: all the users, or none. */
  private Response createUsers(Call call) {
    List<User> users = jsonBody(call, new TypeReference<List<User>>() {}, "User array", 400);
    if (users.contains(null)) {
      throw new HttpError(400, "Invalid user supplied: the array may not contain null");
    }
    users.forEach(PetstoreApi::validateUser);
    List<String> taken = store.addUsers(users);
    if (!taken.isEmpty()) {
      throw new HttpError(400, "Invalid user supplied: usernames taken or repeated: " + String.join(", ", taken));
    }
    return Response.ok(ApiResponse.ok(users.size() + " user(s) created"));
  }

  private static void validateUser(User user) {
    if (user.username() == null || user.username().isBlank()) {
      throw new HttpError(400, "Invalid user supplied: username is required");
    }
  }

  /**
   * loginUser: a session token as a JSON string, with the spec's {@code X-Rate-Limit} and {@code
   * X-Expires-After} headers. Sessions are not checked by any other operation.
   */
  private Response loginUser(Call call) {
    String username = single(call.query(), "username");
    String password = single(call.query(), "password");
    if (username == null || password == null) {
      throw new HttpError(400, "Invalid username/password supplied: both query parameters are required");
    }
    User user = store.user(username).orElse(null);
    if (user == null || !password.equals(user.password())) {
      throw new HttpError(400, "Invalid username/password supplied");
    }
    String expires = OffsetDateTime.now(clock).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
    return new Response(
        200,
        "logged in user session:" + UUID.randomUUID(),
        Map.of("X-Rate-Limit", "5000", "X-Expires-After", expires));
  }

  private Response logoutUser(Call call) {
    return Response.ok(ApiResponse.ok("logged out"));
  }

  private Response getUserByName(Call call) {
    String username = username(call);
    return Response.ok(store.user(username).orElseThrow(() -> userNotFound(username)).withoutPassword());
  }

  /** updateUser: replaces the user, keeping its id; the body may rename it to a free username. */
  private Response updateUser(Call call) {
    String username = username(call);
    User user = jsonBody(call, new TypeReference<User>() {}, "User", 400);
    validateUser(user);
    try {
      return Response.ok(
          store.replaceUser(username, user).orElseThrow(() -> userNotFound(username)).withoutPassword());
    } catch (IllegalStateException e) {
      throw new HttpError(400, "Invalid user supplied: " + e.getMessage());
    }
  }

  private Response deleteUser(Call call) {
    String username = username(call);
    if (store.removeUser(username).isEmpty()) {
      throw userNotFound(username);
    }
    return Response.ok(ApiResponse.ok("user " + username + " deleted"));
  }

  private static String username(Call call) {
    String username = call.path("username");
    if (username.isBlank()) {
      throw new HttpError(400, "Invalid username supplied: it is blank");
    }
    return username;
  }

  private static HttpError userNotFound(String username) {
    return new HttpError(404, "User not found: no user is named '" + username + "'");
  }
}
