package dev.codemode.samples.petstore;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The multipart parser on its own: the edges of RFC 2046 framing that HTTP clients rarely send. */
class MultipartTest {

  private static List<Multipart.Part> parse(String body, String boundary) {
    return Multipart.parse(body.getBytes(UTF_8), boundary);
  }

  private static String error(String body, String boundary) {
    return assertThrows(IllegalArgumentException.class, () -> parse(body, boundary)).getMessage();
  }

  @Test
  void readsTheBoundaryFromTheContentType() {
    assertThat(Multipart.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
    assertThat(Multipart.boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a;b c\"")).isEqualTo("a;b c");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Multipart.boundary("text/plain")).getMessage())
        .isEqualTo("expected Content-Type multipart/form-data, got text/plain");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Multipart.boundary(null)).getMessage())
        .contains("got none");
    assertThrows(IllegalArgumentException.class, () -> Multipart.boundary("multipart/form-data; boundary="));
    assertThrows(IllegalArgumentException.class, () -> Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71)));
  }

  @Test
  void skipsPreambleAndEpilogueAndReadsNamesFilenamesAndTypes() {
    List<Multipart.Part> parts =
        parse(
            "This is the preamble.\r\n--xyz  \r\n"
                + "content-disposition: form-data; name=\"a\"\r\n\r\n"
                + "first\r\n"
                + "--xyz\r\n"
                + "Content-Disposition: form-data; name=\"b\"; filename=\"semi;colon \\\"q\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "\r\n--xy\r\n\r\n"
                + "--xyz\r\n"
                + "Content-Disposition: form-data; name=empty\r\n\r\n"
                + "\r\n--xyz--\r\nThis is the epilogue, with --xyz in it.",
            "xyz");
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).name()).isEqualTo("a");
    assertThat(parts.get(0).filename()).isNull();
    assertThat(new String(parts.get(0).content(), UTF_8)).isEqualTo("first");
    assertThat(parts.get(1).name()).isEqualTo("b");
    assertThat(parts.get(1).filename()).isEqualTo("semi;colon \"q\".txt");
    assertThat(parts.get(1).contentType()).isEqualTo("text/plain");
    assertThat(new String(parts.get(1).content(), UTF_8)).isEqualTo("\r\n--xy\r\n");
    assertThat(parts.get(2).name()).isEqualTo("empty");
    assertThat(parts.get(2).content()).isEmpty();
  }

  @Test
  void keepsBinaryContentExactly() {
    byte[] content = new byte[512];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    byte[] head = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".getBytes(UTF_8);
    byte[] tail = "\r\n--b--".getBytes(UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    assertThat(Multipart.parse(body, "b").get(0).content()).isEqualTo(content);
  }

  @Test
  void acceptsABodyWithNoParts() {
    assertThat(parse("--b--\r\n", "b")).isEmpty();
  }

  @Test
  void saysWhatIsWrongWithAMalformedBody() {
    assertThat(error("no boundary here", "b")).isEqualTo("multipart body has no boundary line --b");
    assertThat(error("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc", "b"))
        .isEqualTo("multipart body ends before its closing boundary --b--");
    assertThat(error("--bx\r\n", "b")).isEqualTo("multipart boundary line --b is not followed by a line end");
    assertThat(error("--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--", "b"))
        .isEqualTo("multipart part 1 has no Content-Disposition header");
    assertThat(error("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nabc\r\n--b--", "b"))
        .startsWith("multipart part 1 needs Content-Disposition: form-data; name=\"...\"");
    assertThat(error("--b\r\nno colon\r\n\r\nabc\r\n--b--", "b"))
        .isEqualTo("multipart part 1 has a malformed header line: no colon");
    assertThat(error("--b\r\nContent-Disposition: form-data; name=\"a\"", "b"))
        .isEqualTo("multipart part 1 has no end of headers");
  }
}
