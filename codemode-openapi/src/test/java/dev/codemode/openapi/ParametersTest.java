package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.ParameterLocation.COOKIE;
import static dev.codemode.openapi.ParameterLocation.HEADER;
import static dev.codemode.openapi.ParameterStyle.DEEP_OBJECT;
import static dev.codemode.openapi.ParameterStyle.FORM;
import static dev.codemode.openapi.ParameterStyle.LABEL;
import static dev.codemode.openapi.ParameterStyle.MATRIX;
import static dev.codemode.openapi.ParameterStyle.PIPE_DELIMITED;
import static dev.codemode.openapi.ParameterStyle.SIMPLE;
import static dev.codemode.openapi.ParameterStyle.SPACE_DELIMITED;
import static dev.codemode.openapi.Specs.operation;
import static dev.codemode.openapi.Specs.parameter;
import static dev.codemode.openapi.Specs.path;
import static dev.codemode.openapi.Specs.query;

import dev.codemode.core.ToolInputException;
import org.junit.jupiter.api.Test;

/** Path, query, header and cookie parameters as the server receives them. */
class ParametersTest extends ServerTest {

  private static final OperationSpec GET_PET =
      operation("getPet", "GET", "/pets/{petId}", null, path("petId"));

  @Test
  void pathValueIsPercentEncodedSoSlashAndQuestionMarkStayInTheSegment() throws Exception {
    assertThat(sent(GET_PET, "{\"petId\": \"a/b?c d\"}").rawPath())
        .isEqualTo("/api/pets/a%2Fb%3Fc%20d");
  }

  @Test
  void pathValueEncodesUnicodeAsUtf8AndNumbersPlainly() throws Exception {
    assertThat(sent(GET_PET, "{\"petId\": \"chat é 🐈\"}").rawPath())
        .isEqualTo("/api/pets/chat%20%C3%A9%20%F0%9F%90%88");
    assertThat(sent(GET_PET, "{\"petId\": 42}").rawPath()).isEqualTo("/api/pets/42");
    assertThat(sent(GET_PET, "{\"petId\": 2.50}").rawPath()).isEqualTo("/api/pets/2.5");
  }

  @Test
  void missingPathParameterIsAnErrorNotALiteralTemplate() throws Exception {
    Throwable failure = Specs.failure(call(GET_PET, "{}"));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().contains("pets.getPet: missing required property \"petId\"");
    assertThat(failure).hasMessageThat().contains("path parameter petId of GET /pets/{petId}");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void emptyOrDotPathValuesAreRefused() throws Exception {
    assertThat(Specs.failure(call(GET_PET, "{\"petId\": \"\"}")))
        .hasMessageThat().contains("must not be empty");
    assertThat(Specs.failure(call(GET_PET, "{\"petId\": \"..\"}")))
        .hasMessageThat().contains("must not be \"..\"");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void pathStylesSimpleLabelMatrix() throws Exception {
    OperationSpec simple = operation("s", "GET", "/p/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, SIMPLE, true, false, true, null));
    assertThat(sent(simple, "{\"id\": [3, 4, 5]}").rawPath()).isEqualTo("/api/p/3,4,5");
    assertThat(sent(simple, "{\"id\": {\"role\": \"admin\", \"name\": \"a b\"}}").rawPath())
        .isEqualTo("/api/p/role=admin,name=a%20b");

    OperationSpec label = operation("l", "GET", "/p/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, LABEL, false, false, true, null));
    assertThat(sent(label, "{\"id\": 5}").rawPath()).isEqualTo("/api/p/.5");
    assertThat(sent(label, "{\"id\": [3, 4]}").rawPath()).isEqualTo("/api/p/.3,4");
    OperationSpec labelExploded = operation("l", "GET", "/p/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, LABEL, true, false, true, null));
    assertThat(sent(labelExploded, "{\"id\": [3, 4]}").rawPath()).isEqualTo("/api/p/.3.4");
    assertThat(sent(labelExploded, "{\"id\": {\"a\": 1, \"b\": 2}}").rawPath())
        .isEqualTo("/api/p/.a=1.b=2");

    OperationSpec matrix = operation("m", "GET", "/p/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, MATRIX, false, false, true, null));
    assertThat(sent(matrix, "{\"id\": 5}").rawPath()).isEqualTo("/api/p/;id=5");
    assertThat(sent(matrix, "{\"id\": [3, 4]}").rawPath()).isEqualTo("/api/p/;id=3,4");
    assertThat(sent(matrix, "{\"id\": {\"a\": 1, \"b\": 2}}").rawPath())
        .isEqualTo("/api/p/;id=a,1,b,2");
    OperationSpec matrixExploded = operation("m", "GET", "/p/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, MATRIX, true, false, true, null));
    assertThat(sent(matrixExploded, "{\"id\": [3, 4]}").rawPath()).isEqualTo("/api/p/;id=3;id=4");
    assertThat(sent(matrixExploded, "{\"id\": {\"a\": 1, \"b\": 2}}").rawPath())
        .isEqualTo("/api/p/;a=1;b=2");
  }

  @Test
  void queryFormExplodedAndNot() throws Exception {
    OperationSpec exploded = operation("q", "GET", "/p", null, query("id", FORM, true));
    assertThat(sent(exploded, "{\"id\": [3, 4]}").rawQuery()).isEqualTo("id=3&id=4");
    assertThat(sent(exploded, "{\"id\": {\"role\": \"admin\", \"n\": 1}}").rawQuery())
        .isEqualTo("role=admin&n=1");
    assertThat(sent(exploded, "{\"id\": \"a b&c=d+e\"}").rawQuery())
        .isEqualTo("id=a%20b%26c%3Dd%2Be");
    assertThat(sent(exploded, "{\"id\": []}").rawQuery()).isNull();

    OperationSpec flat = operation("q", "GET", "/p", null, query("id", FORM, false));
    assertThat(sent(flat, "{\"id\": [3, 4]}").rawQuery()).isEqualTo("id=3,4");
    assertThat(sent(flat, "{\"id\": [\"a,b\", \"c\"]}").rawQuery()).isEqualTo("id=a%2Cb,c");
    assertThat(sent(flat, "{\"id\": {\"role\": \"admin\", \"n\": 1}}").rawQuery())
        .isEqualTo("id=role,admin,n,1");
    assertThat(sent(flat, "{\"id\": []}").rawQuery()).isEqualTo("id=");
  }

  @Test
  void queryBooleansNumbersAndNullsAndOrder() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null,
        query("flag", FORM, true), query("n", FORM, true), query("x", FORM, true),
        query("big", FORM, true));
    assertThat(sent(op,
            "{\"big\": 12345678901234567890, \"x\": null, \"n\": 0.25, \"flag\": false}")
        .rawQuery()).isEqualTo("flag=false&n=0.25&big=12345678901234567890");
  }

  @Test
  void querySpaceAndPipeDelimited() throws Exception {
    OperationSpec space = operation("q", "GET", "/p", null, query("id", SPACE_DELIMITED, false));
    assertThat(sent(space, "{\"id\": [3, 4, \"a b\"]}").rawQuery()).isEqualTo("id=3%204%20a%20b");
    assertThat(sent(space, "{\"id\": {\"a\": 1}}").rawQuery()).isEqualTo("id=a%201");
    OperationSpec pipe = operation("q", "GET", "/p", null, query("id", PIPE_DELIMITED, false));
    assertThat(sent(pipe, "{\"id\": [3, 4, \"a|b\"]}").rawQuery()).isEqualTo("id=3%7C4%7Ca%7Cb");
    OperationSpec pipeExploded = operation("q", "GET", "/p", null, query("id", PIPE_DELIMITED, true));
    assertThat(sent(pipeExploded, "{\"id\": [3, 4]}").rawQuery()).isEqualTo("id=3&id=4");
  }

  @Test
  void queryDeepObjectNestsAndRepeatsArrays() throws Exception {
    OperationSpec deep = operation("q", "GET", "/p", null, query("filter", DEEP_OBJECT, true));
    assertThat(sent(deep,
            "{\"filter\": {\"color\": \"red\", \"size\": {\"min\": 1}, \"tags\": [\"a\", \"b c\"]}}")
        .rawQuery())
        .isEqualTo("filter[color]=red&filter[size][min]=1&filter[tags]=a&filter[tags]=b%20c");
  }

  @Test
  void queryAllowReservedKeepsReservedCharactersButNotThoseThatBreakTheQuery() throws Exception {
    OperationSpec reserved = operation("q", "GET", "/p", null,
        new OperationParameter("u", "u", ParameterLocation.QUERY, FORM, true, true, false, null));
    assertThat(sent(reserved, "{\"u\": \"http://x/y?z=[1]&a#b+c d\"}").rawQuery())
        .isEqualTo("u=http://x/y?z=[1]%26a%23b%2Bc%20d");
    OperationSpec plain = operation("q", "GET", "/p", null, query("u", FORM, true));
    assertThat(sent(plain, "{\"u\": \"http://x/y\"}").rawQuery()).isEqualTo("u=http%3A%2F%2Fx%2Fy");
  }

  @Test
  void parameterWithContentIsSentAsJsonText() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null,
        new OperationParameter(
            "filter", "filter", ParameterLocation.QUERY, FORM, true, false, false,
            "application/json"));
    assertThat(sent(op, "{\"filter\": {\"a\": [1, 2]}}").rawQuery())
        .isEqualTo("filter=%7B%22a%22%3A%5B1%2C2%5D%7D");
  }

  @Test
  void headerParametersUseSimpleStyle() throws Exception {
    OperationSpec op = operation("h", "GET", "/p", null,
        parameter("X-Ids", HEADER, SIMPLE, false),
        parameter("X-Obj", HEADER, SIMPLE, true),
        parameter("X-Flag", HEADER, SIMPLE, false));
    RecordingServer.Recorded request =
        sent(op, "{\"X-Ids\": [1, 2], \"X-Obj\": {\"a\": 1, \"b\": \"x y\"}, \"X-Flag\": true}");
    assertThat(request.header("X-Ids")).isEqualTo("1,2");
    assertThat(request.header("X-Obj")).isEqualTo("a=1,b=x y");
    assertThat(request.header("X-Flag")).isEqualTo("true");
  }

  @Test
  void headerValueWithLineBreakIsRefused() throws Exception {
    OperationSpec op = operation("h", "GET", "/p", null, parameter("X-A", HEADER, SIMPLE, false));
    Throwable failure = Specs.failure(call(op, "{\"X-A\": \"a\\r\\nHost: evil\"}"));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().contains("must not hold line breaks");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void cookieParametersGoIntoOneCookieHeader() throws Exception {
    OperationSpec op = operation("c", "GET", "/p", null,
        parameter("session", COOKIE, FORM, true),
        parameter("ids", COOKIE, FORM, false),
        parameter("prefs", COOKIE, FORM, true));
    RecordingServer.Recorded request =
        sent(op, "{\"session\": \"a b;c\", \"ids\": [1, 2], \"prefs\": {\"lang\": \"fr\"}}");
    assertThat(request.header("Cookie")).isEqualTo("session=a%20b%3Bc; ids=1,2; lang=fr");
  }

  @Test
  void unknownPropertiesAreRefusedWithTheKnownOnes() throws Exception {
    OperationSpec op = operation("q", "GET", "/p/{petId}", Specs.body(BodyEncoding.JSON,
        "application/json"), path("petId"), query("limit", FORM, true));
    Throwable failure = Specs.failure(call(op, "{\"petId\": 1, \"limt\": 5}"));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().isEqualTo(
        "pets.q: unknown property \"limt\" (did you mean \"limit\"?); known properties: petId,"
            + " limit, body");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void renamedPropertyIsReadButTheParameterNameIsSent() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null,
        new OperationParameter("queryId", "id", ParameterLocation.QUERY, FORM, true, false, false,
            null),
        new OperationParameter("headerId", "id", ParameterLocation.HEADER, SIMPLE, false, false,
            false, null));
    RecordingServer.Recorded request = sent(op, "{\"queryId\": 1, \"headerId\": 2}");
    assertThat(request.rawQuery()).isEqualTo("id=1");
    assertThat(request.header("id")).isEqualTo("2");
  }

  @Test
  void requiredQueryParameterMissingIsAnError() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null,
        new OperationParameter("limit", "limit", ParameterLocation.QUERY, FORM, true, false, true,
            null));
    assertThat(Specs.failure(call(op, "{\"limit\": null}")))
        .hasMessageThat().contains("missing required property \"limit\" (the query parameter");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void defaultsAreNotInjected() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null, query("limit", FORM, true));
    RecordingServer.Recorded request = sent(op, "{}");
    assertThat(request.rawQuery()).isNull();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.body()).isEmpty();
  }
}
