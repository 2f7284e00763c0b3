package dev.codemode.core;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The name rules that type names are built from. */
class ToolNamesTest {

  @Test
  void sanitizeFollowsTheReferenceExamples() {
    assertThat(ToolNames.sanitize("get-weather")).isEqualTo("get_weather");
    assertThat(ToolNames.sanitize("api.v2.search")).isEqualTo("api_v2_search");
    assertThat(ToolNames.sanitize("my tool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("3drender")).isEqualTo("_3drender");
    assertThat(ToolNames.sanitize("3d-render")).isEqualTo("_3d_render");
    assertThat(ToolNames.sanitize("class")).isEqualTo("class_");
    assertThat(ToolNames.sanitize("hello@world!")).isEqualTo("helloworld");
    assertThat(ToolNames.sanitize("@#$")).isEqualTo("$");
    assertThat(ToolNames.sanitize("@#!")).isEqualTo("_");
    assertThat(ToolNames.sanitize("")).isEqualTo("_");
    assertThat(ToolNames.sanitize("my-server.list-items")).isEqualTo("my_server_list_items");
  }

  @Test
  void sanitizeTreatsUnicodeSpacesAsJavaScriptDoes() {
    // JavaScript's \s matches these, Java's default \s does not: they must become _, not vanish.
    assertThat(ToolNames.sanitize("my\u00A0tool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("my\u2003tool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("my\u3000tool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("my\uFEFFtool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("my\u2028tool")).isEqualTo("my_tool");
    assertThat(ToolNames.sanitize("my\u000Btool")).isEqualTo("my_tool");
    // U+0085 (next line) is not white space in JavaScript: it is dropped like any other character.
    assertThat(ToolNames.sanitize("my\u0085tool")).isEqualTo("mytool");
  }

  @Test
  void pascalCase() {
    assertThat(ToolNames.pascalCase("get_item")).isEqualTo("GetItem");
    assertThat(ToolNames.pascalCase("getWeather")).isEqualTo("GetWeather");
    assertThat(ToolNames.pascalCase("_3d_render")).isEqualTo("_3dRender");
    assertThat(ToolNames.pascalCase("delete_")).isEqualTo("Delete_");
  }
}
