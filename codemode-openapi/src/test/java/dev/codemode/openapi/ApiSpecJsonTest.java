package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSpecJsonTest {

  static ApiSpec sample() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("photo", "image/png");
    parts.put("meta", "application/json");
    return new ApiSpec(
        "pets",
        List.of("https://pets.example/v1", "/relative"),
        List.of(
            new OperationSpec("getPet", "GET", "/pets/{petId}",
                List.of(
                    new OperationParameter("petId", "petId", ParameterLocation.PATH,
                        ParameterStyle.SIMPLE, false, false, true, null),
                    new OperationParameter("filter", "filter", ParameterLocation.QUERY,
                        ParameterStyle.DEEP_OBJECT, true, true, false, null),
                    new OperationParameter("q", "q", ParameterLocation.QUERY,
                        ParameterStyle.FORM, true, false, false, "application/json")),
                null, "application/json"),
            new OperationSpec("upload", "POST", "/pets/{petId}/photo",
                List.of(new OperationParameter("petId", "petId", ParameterLocation.PATH,
                    ParameterStyle.LABEL, true, false, true, null)),
                new RequestBodySpec("body", "multipart/form-data", BodyEncoding.MULTIPART, true,
                    parts),
                null, List.of("https://uploads.pets.example", "/uploads"))));
  }

  @Test
  void roundTrip() {
    ApiSpec spec = sample();
    String text = ApiSpecJson.write(spec);
    assertThat(ApiSpecJson.read(text, "pets.openapi.json")).isEqualTo(spec);
    assertThat(text).contains("\"style\": \"deepObject\"");
    assertThat(text).contains("\"in\": \"path\"");
    assertThat(text).contains("\"encoding\": \"multipart\"");
    assertThat(text).doesNotContain("null");
  }

  @Test
  void writeIsDeterministic() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("meta", "application/json");
    reversed.put("photo", "image/png");
    ApiSpec other = new ApiSpec("pets", sample().servers(), List.of(
        sample().operations().get(0),
        new OperationSpec("upload", "POST", "/pets/{petId}/photo",
            sample().operations().get(1).parameters(),
            new RequestBodySpec("body", "multipart/form-data", BodyEncoding.MULTIPART, true,
                reversed),
            null, sample().operations().get(1).servers())));
    assertThat(ApiSpecJson.write(other)).isEqualTo(ApiSpecJson.write(sample()));
    assertThat(ApiSpecJson.write(sample())).endsWith("}\n");
  }

  @Test
  void errorsNameTheSourceAndTheField() {
    String good = ApiSpecJson.write(sample());
    assertThat(error("{\n  \"connector\": ", "x.openapi.json"))
        .startsWith("x.openapi.json: not JSON at line 2, column 16: Unexpected end-of-input");
    assertThat(error("{", "x.openapi.json")).doesNotContain("Source:");
    assertThat(error(good.replace("\"method\": \"GET\"", "\"method\": 3"), "x.json"))
        .startsWith("x.json: $.operations[0].method: expected a string, got number 3.");
    assertThat(error(good.replace("\"style\": \"deepObject\"", "\"style\": \"deep\""), "x.json"))
        .startsWith("x.json: $.operations[0].parameters[1].style: expected one of simple, label,"
            + " matrix, form, spaceDelimited, pipeDelimited, deepObject, got \"deep\"");
    assertThat(error(good.replace("\"tool\": \"upload\"", "\"tool\": \"upload\", \"extra\": 1"),
        "x.json"))
        .startsWith("x.json: $.operations[1].extra: unknown field; the known fields are body,"
            + " method, parameters, path, responseMediaType, servers, tool");
    assertThat(error(good.replace("\"/uploads\"", "7"), "x.json"))
        .startsWith("x.json: $.operations[1].servers[1]: expected a URL string, got number 7");
    assertThat(error(good.replace("\"required\": true,\n        \"partContentTypes\"",
        "\"partContentTypes\""), "x.json"))
        .startsWith("x.json: $.operations[1].body.required: expected true or false, got nothing");
    assertThat(error(good.replace("\"tool\": \"upload\"", "\"tool\": \"getPet\""), "x.json"))
        .contains("two operations are both tool getPet");
    assertThat(error("[]", "x.json")).startsWith("x.json: $: expected an object, got array []");
    assertThat(error(good, "x.json")).isNull();
  }

  private static String error(String text, String source) {
    try {
      ApiSpecJson.read(text, source);
      return null;
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("regenerate");
      return e.getMessage();
    }
  }

  @Test
  void lookupByToolNameOverManyOperations() {
    List<OperationSpec> operations = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      operations.add(new OperationSpec("op" + i, "GET", "/p" + i, List.of(), null, null));
    }
    ApiSpec spec = new ApiSpec("big", List.of(), operations);
    assertThat(spec.operation("op1234").orElseThrow().path()).isEqualTo("/p1234");
    assertThat(spec.operation("nope")).isEmpty();
    assertThat(spec.operations()).isEqualTo(operations);
    assertThat(spec).isEqualTo(new ApiSpec("big", List.of(), operations));
    assertThat(spec.hashCode()).isEqualTo(new ApiSpec("big", List.of(), operations).hashCode());
    assertThrows(UnsupportedOperationException.class, () -> spec.operations().add(operations.get(0)));
  }

  @Test
  void duplicateToolNamesAreRefused() {
    OperationSpec a = new OperationSpec("same", "GET", "/a", List.of(), null, null);
    OperationSpec b = new OperationSpec("same", "POST", "/b", List.of(), null, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ApiSpec("x", List.of(), List.of(a, b)));
    assertThat(e).hasMessageThat().contains("GET /a and POST /b");
  }
}
