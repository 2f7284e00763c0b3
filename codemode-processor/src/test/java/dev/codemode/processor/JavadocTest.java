package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Javadoc as models read it: plain text, paragraphs, inline tags resolved, block tags split. */
class JavadocTest {

  @Test
  void nothingGivesEmptyParts() {
    assertThat(Javadoc.parse(null)).isEqualTo(Javadoc.EMPTY);
    assertThat(Javadoc.parse("   \n ")).isEqualTo(Javadoc.EMPTY);
  }

  @Test
  void wrappedLinesBecomeParagraphs() {
    Javadoc doc =
        Javadoc.parse(
            " Creates a task in the\n list of the user.\n\n Tasks start\n open.\n");
    assertThat(doc.description()).isEqualTo("Creates a task in the list of the user.\n\nTasks start open.");
  }

  @Test
  void paramsAndReturnAreSplitOff() {
    Javadoc doc =
        Javadoc.parse(
            " Finds one.\n @param id the identifier,\n   as a UUID\n @param other\n"
                + " @return the task\n @throws IllegalStateException never shown\n");
    assertThat(doc.description()).isEqualTo("Finds one.");
    assertThat(doc.param("id")).isEqualTo("the identifier, as a UUID");
    assertThat(doc.param("other")).isEmpty();
    assertThat(doc.param("missing")).isEmpty();
    assertThat(doc.returns()).isEqualTo("the task");
  }

  @Test
  void inlineTagsBecomeText() {
    Javadoc doc =
        Javadoc.parse(
            " Uses {@code Map<String, Task>}, {@link Task}, {@link Task#title() the title},"
                + " {@linkplain #create} and {@literal a<b}.{@inheritDoc}\n");
    assertThat(doc.description())
        .isEqualTo("Uses `Map<String, Task>`, `Task`, the title, `create` and a<b.");
  }

  @Test
  void htmlBecomesParagraphsAndItems() {
    Javadoc doc =
        Javadoc.parse(
            " First &amp; only.<p>Second paragraph\n with <b>bold</b>.\n <ul>\n <li>one\n"
                + " <li>two</li>\n </ul>\n Line<br>break &lt;ok&gt;\n");
    assertThat(doc.description())
        .isEqualTo("First & only.\n\nSecond paragraph with bold.\n\n- one\n- two\n\nLine\nbreak <ok>");
  }

  @Test
  void preformattedBlocksKeepTheirLines() {
    Javadoc doc = Javadoc.parse(" Example:\n <pre>\n   tasks.create(\n     {title: 1});\n </pre>\n After.\n");
    assertThat(doc.description()).isEqualTo("Example:\n\n  tasks.create(\n    {title: 1});\n\nAfter.");
  }

  @Test
  void blockTagsInsidePreformattedTextAreText() {
    Javadoc doc = Javadoc.parse(" Code:\n <pre>\n @Tool void x();\n </pre>\n");
    assertThat(doc.description()).isEqualTo("Code:\n\n@Tool void x();");
  }
}
