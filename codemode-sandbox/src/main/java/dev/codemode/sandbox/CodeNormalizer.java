package dev.codemode.sandbox;

import dev.codemode.core.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Engine;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a model wrote into one function expression the sandbox can call.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Markdown: the one JavaScript or TypeScript block is taken, whatever prose surrounds it and
 *       whatever the case of its tag; a missing closing fence is tolerated; a block in another
 *       language, or several candidate blocks, is an error that says so.
 *   <li>Empty code becomes {@code async () => {}}.
 *   <li>One arrow function, or one function expression (parenthesized, or a bare anonymous {@code
 *       async function () {}}), is kept as it is and called with no arguments.
 *   <li>One function declaration, or {@code export default function}, is called; {@code export
 *       default} of a class or an expression returns it.
 *   <li>Otherwise the statements are wrapped in {@code async () => {...}}, and when the last
 *       statement is an expression, its value is returned. Top-level {@code await} and {@code
 *       return} work.
 *   <li>Code that is not JavaScript but is TypeScript has its types stripped (Sucrase), then the
 *       rules above apply.
 * </ol>
 *
 * <p>Normalizing is idempotent: normalizing {@link NormalizedCode#code()} gives it back. Syntax
 * errors are reported with the line and column in the model's text.
 *
 * <p>Parsing runs acorn in long-lived GraalJS contexts; a normalizer is thread-safe and should be
 * shared. Close it to release its contexts.
 */
public final class CodeNormalizer implements AutoCloseable {

  private final JsTooling tooling;
  private final @Nullable Engine ownedEngine;

  private CodeNormalizer(Engine engine, @Nullable Engine ownedEngine, int maxContexts) {
    this.tooling = new JsTooling(engine, maxContexts);
    this.ownedEngine = ownedEngine;
  }

  /** A normalizer with its own engine and as many parsing contexts as there are processors. */
  public static CodeNormalizer create() {
    Engine engine = Sandbox.newEngine();
    return new CodeNormalizer(engine, engine, Runtime.getRuntime().availableProcessors());
  }

  /** A normalizer on an engine owned by the caller (the executor's). */
  static CodeNormalizer on(Engine engine, int maxContexts) {
    return new CodeNormalizer(engine, null, maxContexts);
  }

  /**
   * Normalizes {@code code}.
   *
   * @throws CodeSyntaxException when it cannot be run: the message, line and column say why and
   *     where
   */
  public NormalizedCode normalize(String code) {
    CodeExtraction.Extracted extracted = CodeExtraction.extract(code);
    return normalize(code, extracted, JsTooling.Interruptions.NONE);
  }

  /** Warms the parser up (loads acorn and runs it once), so the first real call is fast. */
  void warmUp() {
    normalize("const warm = 1;\nwarm");
  }

  NormalizedCode normalize(
      String original, CodeExtraction.Extracted extracted, JsTooling.Interruptions interruptions) {
    String source = extracted.code();
    if (source.isBlank()) {
      return new NormalizedCode("async () => {}", NormalizedCode.Form.BODY, false, original, extracted.positions());
    }
    JsonNode answer = parse(tooling.with(tools -> tools.normalize(source), interruptions));
    if (answer.get("ok").asBoolean()) {
      return normalized(answer, false, original, extracted.positions());
    }
    String stripped = stripTypes(source, interruptions);
    if (stripped != null && !stripped.equals(source)) {
      JsonNode typed = parse(tooling.with(tools -> tools.normalize(stripped), interruptions));
      if (typed.get("ok").asBoolean()) {
        PositionMap positions = extracted.positions().then(PositionMap.aligned(source, stripped));
        return normalized(typed, true, original, positions);
      }
    }
    SourceText text = new SourceText(original);
    int offset = extracted.positions().toSource(answer.get("pos").asInt());
    throw CodeSyntaxException.at(answer.get("message").asString() + hint(source), text, offset);
  }

  private @Nullable String stripTypes(String source, JsTooling.Interruptions interruptions) {
    JsonNode answer = parse(tooling.with(tools -> tools.stripTypes(source), interruptions));
    return answer.get("ok").asBoolean() ? answer.get("code").asString() : null;
  }

  private static NormalizedCode normalized(
      JsonNode answer, boolean typeScript, String original, PositionMap extraction) {
    List<PositionMap.Segment> segments = new ArrayList<>();
    for (JsonNode segment : answer.get("segments")) {
      segments.add(new PositionMap.Segment(segment.get(0).asInt(), segment.get(1).asInt(), segment.get(2).asInt()));
    }
    NormalizedCode.Form form =
        NormalizedCode.Form.valueOf(answer.get("form").asString().toUpperCase(Locale.ROOT));
    return new NormalizedCode(
        answer.get("code").asString(), form, typeScript, original, extraction.then(PositionMap.of(segments)));
  }

  /** Advice for the mistakes models make most. */
  private static String hint(String source) {
    String trimmed = source.strip();
    if (trimmed.startsWith("import ") || trimmed.contains("require(")) {
      return ". Modules cannot be loaded: the tool namespaces are globals already.";
    }
    return "";
  }

  private static JsonNode parse(String json) {
    return JsonCodec.defaults().parse(json);
  }

  @Override
  public void close() {
    tooling.close();
    if (ownedEngine != null) {
      ownedEngine.close();
    }
  }
}
