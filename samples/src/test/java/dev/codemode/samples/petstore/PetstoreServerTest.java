package dev.codemode.samples.petstore;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Petstore server, called over real HTTP with the JDK client. */
@Timeout(60)
class PetstoreServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private PetstoreServer server;

  @BeforeEach
  void start() {
    server = PetstoreServer.builder().onRequest(requests::add).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A status, the body read as JSON, and the headers. */
  record Reply(int status, JsonNode json, HttpHeaders headers) {
    String message() {
      return json.get("message").asString();
    }

    /** Asserts an error body of the server's form with this status, and returns its message. */
    String error(int expected) {
      assertThat(status).isEqualTo(expected);
      assertThat(json.get("code").asInt()).isEqualTo(expected);
      assertThat(json.get("type").asString()).isEqualTo("error");
      return message();
    }
  }

  /** JSON written with single quotes, for readability. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private Reply send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      return new Reply(response.statusCode(), JSON.readTree(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Reply get(String path) {
    return send("GET", path, null, null);
  }

  private Reply sendJson(String method, String path, String singleQuotedJson) {
    return send(method, path, "application/json", json(singleQuotedJson).getBytes(UTF_8));
  }

  private Reply sendForm(String path, String form) {
    return send("POST", path, "application/x-www-form-urlencoded", form.getBytes(UTF_8));
  }

  private static List<String> names(JsonNode pets) {
    List<String> names = new ArrayList<>();
    pets.forEach(pet -> names.add(pet.get("name").asString()));
    return names;
  }

  private static final String NEW_PET =
      "{'name':'Fido','photoUrls':['https://example.com/fido.jpg'],'category':{'id':1,'name':'Dogs'},"
          + "'tags':[{'id':9,'name':'new'}],'status':'available'}";

  // --- pets -------------------------------------------------------------------------------------

  @Test
  void findsPetsByStatusExplodedOrCommaSeparated() {
    assertThat(names(get("/pet/findByStatus?status=available").json()))
        .containsExactly("Rex", "Whiskers", "Bella")
        .inOrder();
    assertThat(names(get("/pet/findByStatus?status=pending&status=sold").json()))
        .containsExactly("Tweety", "Nemo", "Shadow")
        .inOrder();
    assertThat(names(get("/pet/findByStatus?status=sold,pending").json()))
        .containsExactly("Tweety", "Nemo", "Shadow")
        .inOrder();
    assertThat(names(get("/pet/findByStatus?status=sold%2Cpending").json())).hasSize(3);
  }

  @Test
  void findByStatusNeedsKnownStatuses() {
    assertThat(get("/pet/findByStatus").error(400)).contains("status query parameter is required");
    assertThat(get("/pet/findByStatus?status=").error(400)).contains("required");
    assertThat(get("/pet/findByStatus?status=available,lost").error(400))
        .isEqualTo("Invalid status value: 'lost' is not one of available, pending, sold");
  }

  @Test
  void findsPetsByAnyOfTheirTags() {
    assertThat(names(get("/pet/findByTags?tags=friendly").json()))
        .containsExactly("Rex", "Whiskers", "Bella")
        .inOrder();
    assertThat(names(get("/pet/findByTags?tags=large&tags=small").json()))
        .containsExactly("Rex", "Tweety", "Nemo")
        .inOrder();
    assertThat(names(get("/pet/findByTags?tags=puppy,small").json()))
        .containsExactly("Tweety", "Nemo", "Bella")
        .inOrder();
    assertThat(get("/pet/findByTags?tags=nobody").json().size()).isEqualTo(0);
    assertThat(get("/pet/findByTags").error(400)).contains("tags query parameter is required");
  }

  @Test
  void getsAPetById() {
    Reply rex = get("/pet/1");
    assertThat(rex.status()).isEqualTo(200);
    assertThat(rex.json())
        .isEqualTo(
            JSON.readTree(
                json(
                    "{'id':1,'category':{'id':1,'name':'Dogs'},'name':'Rex',"
                        + "'photoUrls':['https://example.com/photos/rex.jpg'],"
                        + "'tags':[{'id':1,'name':'friendly'},{'id':2,'name':'large'}],'status':'available'}")));
    assertThat(get("/pet/999").error(404)).isEqualTo("Pet not found: no pet has id 999");
    assertThat(get("/pet/abc").error(400)).isEqualTo("Invalid ID supplied: petId must be an integer, got 'abc'");
    assertThat(get("/pet/0").error(400)).contains("petId must be at least 1");
    assertThat(get("/pet/99999999999999999999").error(400)).contains("must be an integer");
  }

  @Test
  void addsAPetUnderANewIdWhateverIdItCarries() {
    Reply added = sendJson("POST", "/pet", NEW_PET.replace("{'name'", "{'id':1,'name'"));
    assertThat(added.status()).isEqualTo(200);
    long id = added.json().get("id").asLong();
    assertThat(id).isEqualTo(7);
    assertThat(get("/pet/" + id).json()).isEqualTo(added.json());
    assertThat(get("/pet/1").json().get("name").asString()).isEqualTo("Rex");
    Reply minimal = sendJson("POST", "/pet", "{'name':'Plain','photoUrls':[]}");
    assertThat(minimal.json()).isEqualTo(JSON.readTree(json("{'id':8,'name':'Plain','photoUrls':[]}")));
  }

  @Test
  void refusesAnInvalidPetWith405() {
    assertThat(sendJson("POST", "/pet", "{'photoUrls':[]}").error(405))
        .isEqualTo("Invalid input: name is required");
    assertThat(sendJson("POST", "/pet", "{'name':'X','status':'lost'}").error(405))
        .isEqualTo(
            "Invalid input: photoUrls is required (an empty array will do); "
                + "status 'lost' is not one of available, pending, sold");
    assertThat(sendJson("POST", "/pet", "{'name':'X','photoUrls':[],'colour':'red'}").error(405))
        .contains("colour");
    assertThat(sendJson("POST", "/pet", "{'name':'X','photoUrls':[null],'tags':[null]}").error(405))
        .isEqualTo("Invalid input: photoUrls may not contain null; tags may not contain null");
    assertThat(sendJson("POST", "/pet", "{'name':7,'photoUrls':[]}").error(405)).contains("at $.name");
    assertThat(sendJson("POST", "/pet", "{'name':'X','photoUrls':[]").error(405)).startsWith("Invalid input: Pet body");
    assertThat(send("POST", "/pet", "application/json", new byte[0]).error(405)).contains("needs a JSON Pet body");
    assertThat(send("POST", "/pet", "application/xml", "<Pet/>".getBytes(UTF_8)).error(415))
        .isEqualTo("expected Content-Type application/json, got application/xml");
    assertThat(get("/pet/findByStatus?status=available,pending,sold").json().size()).isEqualTo(6);
  }

  @Test
  void updatesAPetByTheIdInItsBody() {
    Reply updated = sendJson("PUT", "/pet", "{'id':2,'name':'Felix','photoUrls':[],'status':'sold'}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(get("/pet/2").json()).isEqualTo(JSON.readTree(json("{'id':2,'name':'Felix','photoUrls':[],'status':'sold'}")));
    assertThat(sendJson("PUT", "/pet", "{'id':99,'name':'Ghost','photoUrls':[]}").error(404))
        .isEqualTo("Pet not found: no pet has id 99");
    assertThat(sendJson("PUT", "/pet", "{'name':'NoId','photoUrls':[]}").error(400)).startsWith("Invalid ID supplied");
    assertThat(sendJson("PUT", "/pet", "{'id':-3,'name':'Neg','photoUrls':[]}").error(400)).startsWith("Invalid ID supplied");
    assertThat(sendJson("PUT", "/pet", "{'id':2,'photoUrls':[]}").error(405)).isEqualTo("Invalid input: name is required");
  }

  @Test
  void updatesNameAndStatusFromAForm() {
    String form =
        "name=" + URLEncoder.encode("Rex & Co = ünïcode", UTF_8) + "&status=pending";
    Reply updated = sendForm("/pet/1", form);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("name").asString()).isEqualTo("Rex & Co = ünïcode");
    assertThat(updated.json().get("status").asString()).isEqualTo("pending");
    assertThat(updated.json().get("category").get("name").asString()).isEqualTo("Dogs");
    assertThat(sendForm("/pet/1", "status=sold").json().get("name").asString()).isEqualTo("Rex & Co = ünïcode");
    assertThat(get("/pet/1").json().get("status").asString()).isEqualTo("sold");

    assertThat(sendForm("/pet/1", "status=lost").error(405))
        .isEqualTo("Invalid input: status 'lost' is not one of available, pending, sold");
    assertThat(sendForm("/pet/1", "name=A&colour=red").error(405)).contains("unknown form field 'colour'");
    assertThat(sendForm("/pet/1", "name=%zz").error(405)).startsWith("Invalid input: malformed form body");
    assertThat(sendForm("/pet/1", "name=").error(405)).isEqualTo("Invalid input: name may not be blank");
    assertThat(sendForm("/pet/404", "name=Ghost").error(404)).contains("404");
    assertThat(sendForm("/pet/x", "name=Ghost").error(400)).startsWith("Invalid ID supplied");
    assertThat(sendJson("POST", "/pet/1", "{'name':'Json'}").error(415))
        .isEqualTo("expected Content-Type application/x-www-form-urlencoded, got application/json");
  }

  @Test
  void deletingAPetNeedsTheApiKey() {
    assertThat(send("DELETE", "/pet/3", null, null).error(401))
        .isEqualTo("Unauthorized: deleting a pet needs the api_key header");
    assertThat(send("DELETE", "/pet/3", null, null, "api_key", "wrong").error(401))
        .isEqualTo("Unauthorized: the api_key header does not match the server's key");
    assertThat(get("/pet/3").status()).isEqualTo(200);

    Reply deleted = send("DELETE", "/pet/3", null, null, "api_key", PetstoreServer.DEFAULT_API_KEY);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.message()).isEqualTo("pet 3 deleted");
    assertThat(get("/pet/3").status()).isEqualTo(404);
    assertThat(send("DELETE", "/pet/3", null, null, "api_key", "special-key").error(404)).contains("no pet has id 3");
    assertThat(send("DELETE", "/pet/three", null, null, "api_key", "special-key").error(400)).startsWith("Invalid ID");
  }

  @Test
  void theApiKeyIsConfigurable() {
    try (PetstoreServer other = PetstoreServer.builder().apiKey("s3cret").start()) {
      PetstoreServer mine = server;
      server = other;
      try {
        assertThat(send("DELETE", "/pet/1", null, null, "api_key", "special-key").status()).isEqualTo(401);
        assertThat(send("DELETE", "/pet/1", null, null, "api_key", "s3cret").status()).isEqualTo(200);
      } finally {
        server = mine;
      }
    }
    // Each server has its own store.
    assertThat(get("/pet/1").status()).isEqualTo(200);
  }

  // --- upload -----------------------------------------------------------------------------------

  /** Every byte value, CR LF and dashes included, and a near-boundary, to prove binary safety. */
  private static byte[] binaryFile(String boundary) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int round = 0; round < 4; round++) {
      for (int b = 0; b < 256; b++) {
        file.write(b);
      }
      file.writeBytes(("\r\n--" + boundary.substring(0, boundary.length() - 1) + "\r\n").getBytes(UTF_8));
    }
    return file.toByteArray();
  }

  private static byte[] multipart(String boundary, String metadata, String filename, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (metadata != null) {
      body.writeBytes(
          ("--" + boundary + "\r\n"
                  + "Content-Disposition: form-data; name=\"additionalMetadata\"\r\n\r\n"
                  + metadata + "\r\n")
              .getBytes(UTF_8));
    }
    if (file != null) {
      body.writeBytes(
          ("--" + boundary + "\r\n"
                  + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n")
              .getBytes(UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
    return body.toByteArray();
  }

  @Test
  void uploadsAnImageAsMultipartFormData() {
    String boundary = "----petstore-test-7MA4YWxkTrZu0gW";
    byte[] file = binaryFile(boundary);
    Reply reply =
        send(
            "POST",
            "/pet/2/uploadImage",
            "multipart/form-data; boundary=\"" + boundary + "\"",
            multipart(boundary, "front view, ünïcode", "whiskers.png", file));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("code").asInt()).isEqualTo(200);
    assertThat(reply.message())
        .isEqualTo("additionalMetadata: front view, ünïcode\nFile uploaded to ./whiskers.png, " + file.length + " bytes");

    assertThat(
            send("POST", "/pet/2/uploadImage", "multipart/form-data; boundary=b", multipart("b", "only metadata", null, null))
                .message())
        .isEqualTo("additionalMetadata: only metadata\nNo file uploaded");
    assertThat(
            send("POST", "/pet/2/uploadImage", "multipart/form-data; boundary=b", multipart("b", null, "e.bin", new byte[0]))
                .message())
        .isEqualTo("additionalMetadata: null\nFile uploaded to ./e.bin, 0 bytes");
  }

  @Test
  void refusesABadUpload() {
    byte[] body = multipart("b", "m", "f.bin", new byte[] {1, 2, 3});
    assertThat(send("POST", "/pet/2/uploadImage", "multipart/form-data", body).error(400))
        .contains("needs a boundary parameter");
    assertThat(send("POST", "/pet/2/uploadImage", "application/octet-stream", new byte[] {1}).error(415))
        .isEqualTo("expected Content-Type multipart/form-data, got application/octet-stream");
    assertThat(send("POST", "/pet/2/uploadImage", "multipart/form-data; boundary=other", body).error(400))
        .contains("no boundary line --other");
    byte[] unclosed = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(UTF_8);
    assertThat(send("POST", "/pet/2/uploadImage", "multipart/form-data; boundary=b", unclosed).error(400))
        .contains("ends before its closing boundary");
    byte[] stray = "--b\r\nContent-Disposition: form-data; name=\"photo\"\r\n\r\nabc\r\n--b--".getBytes(UTF_8);
    assertThat(send("POST", "/pet/2/uploadImage", "multipart/form-data; boundary=b", stray).error(400))
        .contains("unknown multipart part 'photo'");
    assertThat(send("POST", "/pet/99/uploadImage", "multipart/form-data; boundary=b", body).error(404))
        .contains("no pet has id 99");
  }

  // --- store ------------------------------------------------------------------------------------

  @Test
  void countsPetsByStatus() {
    assertThat(get("/store/inventory").json())
        .isEqualTo(JSON.readTree(json("{'available':3,'pending':2,'sold':1}")));
    sendForm("/pet/1", "status=sold");
    sendJson("POST", "/pet", "{'name':'Nameless','photoUrls':[]}");
    assertThat(get("/store/inventory").json())
        .isEqualTo(JSON.readTree(json("{'available':2,'pending':2,'sold':2}")));
  }

  @Test
  void placesGetsAndDeletesOrders() {
    Reply placed =
        sendJson("POST", "/store/order", "{'id':77,'petId':1,'quantity':2,'shipDate':'2026-12-01T10:00:00.000+01:00'}");
    assertThat(placed.status()).isEqualTo(200);
    assertThat(placed.json())
        .isEqualTo(
            JSON.readTree(
                json(
                    "{'id':1,'petId':1,'quantity':2,'shipDate':'2026-12-01T10:00:00.000+01:00',"
                        + "'status':'placed','complete':false}")));
    Reply second = sendJson("POST", "/store/order", "{'petId':2,'status':'approved','complete':true}");
    assertThat(second.json().get("id").asLong()).isEqualTo(2);
    assertThat(second.json().get("status").asString()).isEqualTo("approved");
    assertThat(get("/store/order/1").json()).isEqualTo(placed.json());

    Reply deleted = send("DELETE", "/store/order/1", null, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.message()).isEqualTo("order 1 deleted");
    assertThat(get("/store/order/1").error(404)).isEqualTo("Order not found: no order has id 1");
    assertThat(send("DELETE", "/store/order/1", null, null).error(404)).contains("no order has id 1");
  }

  @Test
  void refusesInvalidOrdersAndOrderIds() {
    assertThat(sendJson("POST", "/store/order", "{'quantity':1}").error(400)).isEqualTo("Invalid Order: petId is required");
    assertThat(sendJson("POST", "/store/order", "{'petId':99,'quantity':0,'status':'lost','shipDate':'soon'}").error(400))
        .isEqualTo(
            "Invalid Order: petId 99 is not a pet of this store; quantity must be at least 1, got 0; "
                + "status 'lost' is not one of placed, approved, delivered; "
                + "shipDate 'soon' is not an ISO-8601 date-time with an offset");
    assertThat(sendJson("POST", "/store/order", "{'petId':'1'}").error(400)).contains("at $.petId");
    assertThat(get("/store/order/11").error(400)).contains("orderId must be at most 10");
    assertThat(get("/store/order/0").error(400)).contains("orderId must be at least 1");
    assertThat(send("DELETE", "/store/order/-1", null, null).error(400)).contains("orderId must be at least 1");
    assertThat(get("/store/order/x").error(400)).startsWith("Invalid ID supplied");
  }

  // --- users ------------------------------------------------------------------------------------

  @Test
  void logsInTheSeededUserAndServesUsers() {
    Reply login = get("/user/login?username=user1&password=secret");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().asString()).startsWith("logged in user session:");
    assertThat(login.headers().firstValue("X-Rate-Limit")).hasValue("5000");
    assertThat(login.headers().firstValue("X-Expires-After")).isPresent();
    assertThat(get("/user/login?username=user1&password=wrong").error(400)).isEqualTo("Invalid username/password supplied");
    assertThat(get("/user/login?username=user1").error(400)).contains("both query parameters are required");
    assertThat(get("/user/logout").status()).isEqualTo(200);

    JsonNode user1 = get("/user/user1").json();
    assertThat(user1.get("firstName").asString()).isEqualTo("Ada");
    assertThat(user1.has("password")).isFalse();
    assertThat(get("/user/nobody").error(404)).isEqualTo("User not found: no user is named 'nobody'");
  }

  @Test
  void createsUpdatesAndDeletesUsers() {
    assertThat(sendJson("POST", "/user", "{'username':'bob','password':'pw','email':'bob@example.com'}").status())
        .isEqualTo(200);
    assertThat(sendJson("POST", "/user", "{'username':'bob'}").error(400)).contains("'bob' is taken");
    assertThat(sendJson("POST", "/user", "{'email':'x@example.com'}").error(400)).contains("username is required");
    assertThat(sendJson("POST", "/user/createWithArray", "[{'username':'c1'},{'username':'c2'}]").status()).isEqualTo(200);
    assertThat(sendJson("POST", "/user/createWithList", "[{'username':'c3'},{'username':'c1'}]").error(400))
        .contains("c1");
    assertThat(get("/user/c3").status()).isEqualTo(404);
    assertThat(get("/user/c2").json().get("id").asLong()).isEqualTo(4);

    Reply renamed = sendJson("PUT", "/user/bob", "{'username':'robert','password':'pw2'}");
    assertThat(renamed.json()).isEqualTo(JSON.readTree(json("{'id':2,'username':'robert'}")));
    assertThat(get("/user/login?username=robert&password=pw2").status()).isEqualTo(200);
    assertThat(sendJson("PUT", "/user/robert", "{'username':'user1'}").error(400)).contains("'user1' is taken");
    assertThat(sendJson("PUT", "/user/bob", "{'username':'bob'}").error(404)).contains("'bob'");
    assertThat(send("DELETE", "/user/robert", null, null).message()).isEqualTo("user robert deleted");
    assertThat(send("DELETE", "/user/robert", null, null).status()).isEqualTo(404);
  }

  // --- routing, listener, concurrency, main -----------------------------------------------------

  @Test
  void answersUnknownPathsAndMethodsWithJsonErrors() {
    assertThat(get("/pets").error(404)).isEqualTo("no Petstore operation at GET /v2/pets");
    Reply outside = send("GET", "/../pet/1".replace("/..", ""), null, null); // still under /v2
    assertThat(outside.status()).isEqualTo(200);
    HttpRequest root = HttpRequest.newBuilder(server.uri().resolve("/pet/1")).build();
    try {
      HttpResponse<String> response = client.send(root, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("the API is served under /v2");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
    Reply wrongMethod = send("PATCH", "/pet/1", null, null);
    assertThat(wrongMethod.error(405)).isEqualTo("PATCH is not an operation of /v2/pet/1; it takes GET, POST, DELETE");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    assertThat(send("POST", "/pet/findByStatus", null, null).error(405)).contains("it takes GET");
  }

  @Test
  void tellsTheListenerWhatArrived() {
    requests.clear();
    send("POST", "/pet/5?trace=yes%20please", "application/x-www-form-urlencoded", "status=sold".getBytes(UTF_8),
        "X-Test", "one");
    assertThat(requests).hasSize(1);
    RecordedRequest request = requests.peek();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v2/pet/5");
    assertThat(request.query()).isEqualTo("trace=yes%20please");
    assertThat(request.queryParameter("trace")).containsExactly("yes please");
    assertThat(request.header("x-test")).isEqualTo("one");
    assertThat(request.headers().get("CONTENT-TYPE")).containsExactly("application/x-www-form-urlencoded");
    assertThat(request.bodyText()).isEqualTo("status=sold");
    assertThat(request.toString()).isEqualTo("POST /v2/pet/5?trace=yes%20please");

    requests.clear();
    get("/nowhere");
    assertThat(requests.peek().path()).isEqualTo("/v2/nowhere");
  }

  @Test
  void aFailingListenerGives500() {
    try (PetstoreServer failing =
        PetstoreServer.builder().onRequest(request -> { throw new IllegalStateException("boom"); }).start()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(failing.uri() + "/pet/1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("the request listener failed: java.lang.IllegalStateException: boom");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void parallelCreationsGetDistinctIdsAndAllLand() throws Exception {
    int count = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "Clone " + i;
        replies.add(
            pool.submit(
                () -> {
                  go.await();
                  sendJson("POST", "/store/order", "{'petId':1}");
                  return sendJson("POST", "/pet", "{'name':'" + name + "','photoUrls':[],'status':'pending'}");
                }));
      }
      go.countDown();
      Set<Long> ids = new HashSet<>();
      for (Future<Reply> reply : replies) {
        assertThat(reply.get().status()).isEqualTo(200);
        ids.add(reply.get().json().get("id").asLong());
      }
      assertThat(ids).hasSize(count);
      assertThat(get("/store/inventory").json().get("pending").asInt()).isEqualTo(2 + count);
      assertThat(get("/pet/findByStatus?status=pending").json().size()).isEqualTo(2 + count);
      assertThat(get("/store/order/10").status()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void mainPrintsOneLineAndServesUntilStdinEnds() throws Exception {
    PipedOutputStream stdinWriter = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(stdinWriter);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(stdout, true, UTF_8);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return PetstoreServer.run(new String[] {"--port", "0", "--api-key", "k"}, stdin, out, System.err);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    String line = "";
    for (int i = 0; i < 200 && !line.endsWith("\n"); i++) {
      Thread.sleep(25);
      line = stdout.toString(UTF_8);
    }
    assertThat(line).matches("petstore listening on http://127\\.0\\.0\\.1:\\d+/v2\n");
    URI base = URI.create(line.substring("petstore listening on ".length()).trim());
    HttpResponse<String> inventory =
        client.send(HttpRequest.newBuilder(URI.create(base + "/store/inventory")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(inventory.statusCode()).isEqualTo(200);
    HttpResponse<String> delete =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/pet/1")).DELETE().header("api_key", "k").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(exit.isDone()).isFalse();

    stdinWriter.close();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    assertThat(stdout.toString(UTF_8)).isEqualTo(line);
    try {
      client.send(HttpRequest.newBuilder(URI.create(base + "/store/inventory")).build(), HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("the server still answers after stdin ended");
    } catch (IOException expected) {
      // closed
    }
  }

  @Test
  void mainRefusesUnknownArguments() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        PetstoreServer.run(
            new String[] {"--port", "eighty"}, null, System.out, new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("usage: PetstoreServer [--port N] [--api-key KEY]");
    assertThat(PetstoreServer.run(new String[] {"--verbose"}, null, System.out, new PrintStream(err, true, UTF_8)))
        .isEqualTo(2);
  }
}
