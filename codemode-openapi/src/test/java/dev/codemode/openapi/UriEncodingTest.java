package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class UriEncodingTest {

  @Test
  void keepsUnreservedOnly() {
    assertThat(UriEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    assertThat(UriEncoding.encode("a b+c/d?e#f&g=h%i")).isEqualTo("a%20b%2Bc%2Fd%3Fe%23f%26g%3Dh%25i");
    assertThat(UriEncoding.encode(":/?#[]@!$&'()*+,;="))
        .isEqualTo("%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
  }

  @Test
  void encodesUtf8IncludingSurrogatePairs() {
    assertThat(UriEncoding.encode("é")).isEqualTo("%C3%A9");
    assertThat(UriEncoding.encode("日本")).isEqualTo("%E6%97%A5%E6%9C%AC");
    assertThat(UriEncoding.encode("🐈")).isEqualTo("%F0%9F%90%88");
  }

  @Test
  void keepsTheNamedCharacters() {
    assertThat(UriEncoding.encode("a:b/c?d#e&f+g h", UriEncoding.QUERY_RESERVED))
        .isEqualTo("a:b/c?d%23e%26f%2Bg%20h");
  }

  @Test
  void unchangedTextIsReturnedAsIs() {
    String text = "plain-text";
    assertThat(UriEncoding.encode(text)).isSameInstanceAs(text);
  }
}
