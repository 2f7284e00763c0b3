package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How {@link RequestPaths} reads, normalizes and refuses paths, without a server. */
class RequestPathsTest {

  private static final URI BASE = URI.create("https://api.example/v2");

  private static String relative(String path) {
    return RequestPaths.relative(BASE, path, path, null);
  }

  private static String refused(String path) {
    return assertThrows(RequestPaths.Refused.class, () -> relative(path)).getMessage();
  }

  @Test
  void normalizesEncodingAndResolvesDots() {
    assertThat(relative("/pets/a%20b")).isEqualTo("/pets/a%20b");
    assertThat(relative("/a b/%2F/é/100%/x;y=1")).isEqualTo("/a%20b/%2F/%C3%A9/100%25/x;y=1");
    assertThat(relative("/%70ets/%7e%2fx%3b")).isEqualTo("/pets/~%2Fx%3B");
    assertThat(relative("/pets/1/../2")).isEqualTo("/pets/2");
    assertThat(relative("/pets/./x/.")).isEqualTo("/pets/x/");
    assertThat(relative("/pets/..")).isEqualTo("/");
    assertThat(relative("/projects/group%2Fproject")).isEqualTo("/projects/group%2Fproject");
    assertThat(relative("/files/100%2525")).isEqualTo("/files/100%2525");
  }

  @Test
  void refusesWhatLeavesTheBasePath() {
    for (String path : new String[] {
        "/..", "/../admin", "/%2e%2e/admin", "/..;/admin", "/..%2f..%2fadmin", "/%2e%2e%2Fadmin",
        "/..%5cadmin", "/%252e%252e/admin", "/%25252e%25252e%25252fadmin", "/%u002e%u002e/admin",
        "/\uff0e\uff0e/admin", "/pets/..%2F..%2F..%2Fadmin", "/a%2Fb/../..",
        "//..", "/x/..;jsessionid=1/..;/admin"}) {
      assertThat(refused(path)).contains("outside the API's base path /v2");
    }
    assertThat(refused("/..;/admin"))
        .startsWith("\"/..;/admin\" resolves to /admin (read as a lenient server may");
    assertThat(refused("/../admin"))
        .isEqualTo("\"/../admin\" resolves to /admin, outside the API's base path /v2. Use a path"
            + " under /v2: give it relative to the base URL, without \"..\" segments, such as"
            + " /pets/42 for /v2/pets/42");
  }

  @Test
  void refusesDotSegmentsThatOnlySomeServersSee() {
    assertThat(refused("/pets/x%2f../y"))
        .isEqualTo("the segment \"x%2f..\" of \"/pets/x%2f../y\" reads as a dot segment (\".\" or"
            + " \"..\") to some servers (" + RequestPaths.LENIENT + "), so servers would disagree"
            + " on where the path goes. Write the path without it, such as /pets/y");
    assertThat(refused("/pets/..;x/1")).contains("the segment \"..;x\"");
    assertThat(refused("/pets/%252e/1")).contains("reads as a dot segment");
    assertThat(refused("/pets/.../1")).contains("reads as a dot segment");
  }

  @Test
  void refusesEscapesThatAreNotUtf8() {
    assertThat(refused("/%c0%ae%c0%ae/admin"))
        .isEqualTo("the segment \"%c0%ae%c0%ae\" of \"/%c0%ae%c0%ae/admin\" holds percent-escapes"
            + " that are not valid UTF-8 (an overlong or broken sequence; some servers read %C0%AE"
            + " as \".\"). Percent-encode text as UTF-8, such as %C3%A9 for \u00e9, or give the"
            + " text itself");
    assertThat(refused("/pets/%25c0%25ae")).contains("not valid UTF-8");
    assertThat(refused("/pets/%ff")).contains("not valid UTF-8");
    assertThat(refused("/..%c0%afadmin")).contains("not valid UTF-8");
  }

  @Test
  void aRootBaseCannotBeLeft() {
    URI root = URI.create("https://api.example/");
    assertThat(RequestPaths.relative(root, "/../x", "/../x", null)).isEqualTo("/x");
  }

  @Test
  void redirectPathsStayUnderTheBase() {
    assertThat(RequestPaths.redirectPath(BASE, "/v2/pets/%2e/1")).isEqualTo("/v2/pets/1");
    assertThat(RequestPaths.redirectPath(BASE, "/v2")).isEqualTo("/v2");
    assertThat(RequestPaths.redirectPath(BASE, "/v2x/pets")).isNull();
    assertThat(RequestPaths.redirectPath(BASE, "/admin")).isNull();
    assertThat(RequestPaths.redirectPath(BASE, "/v2/..;/admin")).isNull();
    assertThat(RequestPaths.redirectPath(BASE, "/v2/%2e%2e/admin")).isNull();
    assertThat(RequestPaths.redirectPath(BASE, "")).isNull();
  }

  @Test
  void pathParameterValues() {
    assertThat(RequestPaths.valueProblem("a%2Fb")).isNull();
    assertThat(RequestPaths.valueProblem("a..b")).isNull();
    assertThat(RequestPaths.valueProblem(";id=1")).isNull();
    assertThat(RequestPaths.valueProblem("..%2Fadmin")).contains("reads as a dot segment (\"..\")");
    assertThat(RequestPaths.valueProblem("%252e%252e")).contains("reads as a dot segment");
    assertThat(RequestPaths.valueProblem("..")).contains("reads as a dot segment");
    assertThat(RequestPaths.valueProblem("%2525c0%2525ae")).contains("not valid UTF-8");
  }
}
