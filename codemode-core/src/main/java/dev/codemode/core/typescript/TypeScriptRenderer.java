package dev.codemode.core.typescript;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolNames;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Renders connectors as TypeScript declarations for the model to read: for each tool a {@code
 * type <Tool>Input} and {@code type <Tool>Output}, the named types of the schemas' {@code $defs},
 * and a {@code declare const <connector>: { ... }} with one method per tool.
 *
 * <p>It takes plain JSON Schema (draft 2020-12, also draft-07 {@code definitions} and array-form
 * {@code items}, and OpenAPI's {@code nullable}) from any source, and never fails on a malformed
 * schema: what it cannot read soundly becomes {@code unknown}. Output is deterministic, uses
 * {@code \n} line ends and two-space indentation, and ends with one line end. A connector's text
 * type-checks on its own with {@code tsc --strict --lib es2022}.
 */
public final class TypeScriptRenderer {

  private TypeScriptRenderer() {}

  /** The whole declaration text of one connector: the text of {@code
   * META-INF/codemode/<name>.d.ts}. */
  public static String declarations(ConnectorDescriptor connector) {
    Objects.requireNonNull(connector, "connector");
    return ConnectorTypes.of(connector, 0, new TypeNameAllocator()).declarations();
  }

  /**
   * Declarations of several connectors in one text, every type name unique across all of them: a
   * name an earlier connector took gets the connector's PascalCased name in front ({@code
   * ProjectsListInput}), then a numeric suffix if that is taken too. Connectors are separated by a
   * blank line; no connectors give the empty text.
   *
   * @throws IllegalArgumentException when two connectors have the same name
   */
  public static String declarations(List<ConnectorDescriptor> connectors) {
    Set<String> names = new HashSet<>();
    for (ConnectorDescriptor connector : connectors) {
      if (!names.add(connector.name())) {
        throw new IllegalArgumentException(
            "Two connectors are named " + connector.name()
                + "; each becomes a global of that name, so names must be distinct");
      }
    }
    TypeNameAllocator allocator = new TypeNameAllocator();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < connectors.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(ConnectorTypes.of(connectors.get(i), i, allocator).declarations());
    }
    return out.toString();
  }

  /**
   * Only what one tool needs: its Input and Output types, the named types they reach
   * (transitively), and a {@code declare const <connector>: { <that tool> }} block. Type names are
   * the same as in {@link #declarations(ConnectorDescriptor)}.
   *
   * @throws IllegalArgumentException naming the known tools when the tool does not exist
   */
  public static String toolDeclarations(ConnectorDescriptor connector, String toolName) {
    Objects.requireNonNull(connector, "connector");
    return ConnectorTypes.of(connector, 0, new TypeNameAllocator()).toolDeclarations(toolName);
  }

  /**
   * One schema as a TypeScript type expression on one line (no declarations, no JSDoc), for
   * messages such as "expected ...". A {@code $ref} to a {@code $defs}/{@code definitions} entry is
   * shown by its type name ({@code Task}); other internal references are shown inline, with
   * {@code unknown} where they recur.
   *
   * @param schema the schema; {@code null} gives {@code unknown}
   * @param root the document that {@code $ref}s resolve against; {@code null} means {@code schema}
   *     itself
   */
  public static String typeExpression(@Nullable JsonNode schema, @Nullable JsonNode root) {
    if (schema == null) {
      return TsPrinter.compact(TsType.UNKNOWN);
    }
    JsonNode document = root == null ? schema : root;
    SchemaConverter.ReferenceNaming byKey =
        new SchemaConverter.ReferenceNaming() {
          @Override
          public TsType definition(String key, String pointer, JsonNode definition) {
            return new TsType.NamedRef(ToolNames.pascalCase(ToolNames.sanitize(key)));
          }

          @Override
          public @Nullable TsType root() {
            return null;
          }
        };
    TsType type;
    try {
      type = new SchemaConverter(document, byKey).convert(schema);
    } catch (RuntimeException unforeseen) {
      type = TsType.UNKNOWN;
    }
    return TsPrinter.compact(type);
  }

  /**
   * The hints JSDoc shows for a property schema, one per line ({@code @format date}, {@code
   * @minimum 1}), looking through a nullable wrapper; empty when there are none.
   */
  public static List<String> hints(JsonNode schema) {
    return schema == null ? List.of() : JsDoc.hintLines(schema);
  }
}
