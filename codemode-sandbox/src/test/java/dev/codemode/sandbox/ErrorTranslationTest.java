package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error translation on its own, without an engine: positions, hints, bounds. */
class ErrorTranslationTest {

  private static final String MODEL_TEXT = "Here is the code:\n```js\nconst x = 1;\nthrow new Error('boom');\n```\n";

  private static ErrorTranslation translation() {
    Map<String, List<String>> tools = new LinkedHashMap<>();
    tools.put("tasks", List.of("create", "list", "remove"));
    tools.put("mail", List.of("send"));
    return new ErrorTranslation(tools);
  }

  /** The model's statements as the normalizer would wrap them: code starting at the fence's first line. */
  private static ErrorTranslation.Source source() {
    String statements = "const x = 1;\nthrow new Error('boom');";
    int start = MODEL_TEXT.indexOf("const");
    String wrapped = "async () => {\n" + statements + "\n}";
    // the wrapper adds one line before the statements: positions in it map back by the offset shift
    PositionMap positions = PositionMap.of(List.of(
        new PositionMap.Segment("async () => {\n".length(), start, statements.length())));
    return ErrorTranslation.Source.of(new NormalizedCode(wrapped, NormalizedCode.Form.BODY, false, MODEL_TEXT, positions));
  }

  @Test
  void aThrownErrorIsPlacedOnTheModelsOwnLine() {
    // The engine's frame is in the evaluated text: "(\n" + wrapped + "\n)", so the throw is on line 4.
    ExecutionError error = translation().fromPrelude(JsonCodec.defaults().parse(
        "{\"name\":\"Error\",\"message\":\"boom\",\"stack\":\"Error: boom\\n    at <anonymous> (code.js:4:7)\"}"), source());
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("Error");
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.column()).isEqualTo(7);
    assertThat(error.excerpt()).contains("throw new Error('boom');");
    assertThat(error.excerpt()).contains("^");
  }

  @Test
  void aToolErrorKeepsItsToolAndNamesAreBounded() {
    ExecutionError error = translation().thrown("no such task", "X".repeat(500), null, "tasks.remove", null);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertThat(error.tool()).isEqualTo("tasks.remove");
    assertThat(error.name()).hasLength(ErrorTranslation.MAX_ERROR_NAME_CHARS + "… [cut: the text has 500 characters]".length());
    assertThat(error.line()).isNull();
  }

  @Test
  void anUndefinedNameGetsAHintWithWhatExists() {
    ExecutionError error = translation().thrown("create is not defined", "ReferenceError", "", null, null);
    assertThat(error.message()).startsWith("create is not defined. Tools are called on their namespace:"
        + " did you mean tasks.create?");
    assertThat(error.message()).contains("The tool namespaces are tasks, mail");
    ExecutionError close = translation().thrown("taks is not defined", "ReferenceError", "", null, null);
    assertThat(close.message()).contains("Did you mean \"tasks\"?");
  }

  @Test
  void anUnknownToolNamesTheClosestAndListsTheTools() {
    assertThat(translation().unknownTool("tasks", "creat"))
        .isEqualTo("tasks has no tool named \"creat\"; did you mean \"create\"? Its tools: create, list, remove.");
    assertThat(translation().unknownTool("tasks", "x".repeat(300)))
        .contains("… [cut: the text has 300 characters]");
  }

  @Test
  void aSyntaxErrorLosesTheEnginesPrefixAndIsPlaced() {
    ExecutionError error = translation().syntaxError("code.js:4:7 Expected ; but found boom", source(), 4, 7);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.SYNTAX);
    assertThat(error.message()).isEqualTo("Expected ; but found boom");
    assertThat(error.line()).isEqualTo(4);
    ExecutionError unplaced = translation().syntaxError("somewhere else", null, null, null);
    assertThat(unplaced.line()).isNull();
  }
}
