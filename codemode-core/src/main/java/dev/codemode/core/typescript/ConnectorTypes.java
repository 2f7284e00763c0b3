package dev.codemode.core.typescript;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The TypeScript types of one connector: for each tool its input and output types, and the named
 * types ({@code $defs}) they reach, each with its final name. Built once, then printed whole or
 * for one tool.
 */
final class ConnectorTypes {

  /** A tool with the names and types of its input and output. */
  record ToolTypes(
      ToolDescriptor tool, String inputName, TsType input, String outputName, TsType output) {}

  /** A named type declaration: {@code type <name> = <type>;} with JSDoc lines above it. */
  record NamedType(String name, List<String> doc, TsType type) {}

  private final ConnectorDescriptor connector;
  private final List<ToolTypes> tools;
  private final List<NamedType> namedTypes;

  private ConnectorTypes(
      ConnectorDescriptor connector, List<ToolTypes> tools, List<NamedType> namedTypes) {
    this.connector = connector;
    this.tools = tools;
    this.namedTypes = namedTypes;
  }

  /**
   * Converts every schema of {@code connector}, taking names from {@code allocator}: first the
   * tools' input and output type names, in tool order, then the named types in order of first
   * use.
   *
   * @param index the connector's position in the declaration text, for name collisions
   */
  static ConnectorTypes of(
      ConnectorDescriptor connector, int index, TypeNameAllocator allocator) {
    String connectorPascal = ToolNames.pascalCase(connector.name());
    List<String> stems = new ArrayList<>();
    for (ToolDescriptor tool : connector.tools()) {
      stems.add(allocator.toolStem(ToolNames.pascalCase(tool.name()), index, connectorPascal));
    }
    Definitions definitions = new Definitions(index, connectorPascal, allocator);
    Map<String, TsType> declarations = new LinkedHashMap<>();
    for (int i = 0; i < connector.tools().size(); i++) {
      ToolDescriptor tool = connector.tools().get(i);
      String inputName = stems.get(i) + "Input";
      String outputName = stems.get(i) + "Output";
      declarations.put(inputName, definitions.convertDocument(tool.inputSchema(), inputName));
      TsType output;
      if (tool.returnsNothing()) {
        output = TsType.UNDEFINED;
      } else if (tool.hasOutputSchema()) {
        output =
            definitions.convertDocument(
                Objects.requireNonNull(tool.outputSchema(), "hasOutputSchema()"), outputName);
      } else {
        output = TsType.UNKNOWN;
      }
      declarations.put(outputName, output);
    }
    // Converting a definition may add more definitions to the end of the list.
    for (int i = 0; i < definitions.pending.size(); i++) {
      PendingDefinition definition = definitions.pending.get(i);
      declarations.put(definition.name(), definitions.convertDefinition(definition));
    }
    Map<String, TsType> acyclic = TypeReferences.withoutCircularAliases(declarations);
    List<ToolTypes> tools = new ArrayList<>();
    for (int i = 0; i < connector.tools().size(); i++) {
      String inputName = stems.get(i) + "Input";
      String outputName = stems.get(i) + "Output";
      tools.add(
          new ToolTypes(
              connector.tools().get(i),
              inputName,
              declared(acyclic, inputName),
              outputName,
              declared(acyclic, outputName)));
    }
    List<NamedType> namedTypes = new ArrayList<>();
    for (PendingDefinition definition : definitions.pending) {
      namedTypes.add(
          new NamedType(
              definition.name(),
              JsDoc.schemaLines(definition.definition()),
              declared(acyclic, definition.name())));
    }
    return new ConnectorTypes(connector, List.copyOf(tools), List.copyOf(namedTypes));
  }

  /** The whole declaration text of the connector. */
  String declarations() {
    StringBuilder out = new StringBuilder();
    for (ToolTypes tool : tools) {
      appendToolTypes(out, tool);
    }
    for (NamedType namedType : namedTypes) {
      appendNamedType(out, namedType);
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    List<String> doc = JsDoc.textLines(connector.description());
    if (!doc.isEmpty()) {
      JsDoc.appendBlock(out, doc, "");
    }
    appendNamespace(out, tools);
    return out.toString();
  }

  /** The declarations one tool needs; see {@link TypeScriptRenderer#toolDeclarations}. */
  String toolDeclarations(String toolName) {
    ToolTypes tool = null;
    for (ToolTypes candidate : tools) {
      if (candidate.tool().name().equals(toolName)) {
        tool = candidate;
        break;
      }
    }
    if (tool == null) {
      throw new IllegalArgumentException(
          "Connector " + connector.name() + " has no tool named \"" + toolName
              + "\"; its tools are: " + String.join(", ", connector.toolNames()));
    }
    Set<String> reachable = reachableNames(List.of(tool.input(), tool.output()));
    StringBuilder out = new StringBuilder();
    appendToolTypes(out, tool);
    for (NamedType namedType : namedTypes) {
      if (reachable.contains(namedType.name())) {
        appendNamedType(out, namedType);
      }
    }
    out.append('\n');
    appendNamespace(out, List.of(tool));
    return out.toString();
  }

  private Set<String> reachableNames(List<TsType> roots) {
    Map<String, TsType> byName = new HashMap<>();
    for (NamedType namedType : namedTypes) {
      byName.put(namedType.name(), namedType.type());
    }
    Set<String> reached = new HashSet<>();
    Deque<TsType> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      for (String name : TypeReferences.all(work.pop())) {
        if (reached.add(name) && byName.containsKey(name)) {
          work.push(byName.get(name));
        }
      }
    }
    return reached;
  }

  private static void appendToolTypes(StringBuilder out, ToolTypes tool) {
    appendAlias(out, tool.inputName(), tool.input());
    appendAlias(out, tool.outputName(), tool.output());
  }

  private static void appendNamedType(StringBuilder out, NamedType namedType) {
    JsDoc.append(out, namedType.doc(), "");
    appendAlias(out, namedType.name(), namedType.type());
  }

  /** The type declared as {@code name}; every tool's input and output and every definition is. */
  private static TsType declared(Map<String, TsType> declarations, String name) {
    return Objects.requireNonNull(declarations.get(name), name);
  }

  private static void appendAlias(StringBuilder out, String name, TsType type) {
    out.append("type ").append(name).append(" = ").append(TsPrinter.multiLine(type, 0))
        .append(";\n");
  }

  private void appendNamespace(StringBuilder out, List<ToolTypes> members) {
    out.append("declare const ").append(connector.name()).append(": {");
    if (members.isEmpty()) {
      out.append("};\n");
      return;
    }
    out.append('\n');
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      ToolTypes member = members.get(i);
      JsDoc.append(out, toolDoc(member.tool()), TsPrinter.indent(1));
      out.append(TsPrinter.indent(1)).append(member.tool().name())
          .append(": (input: ").append(member.inputName())
          .append(") => Promise<").append(member.outputName()).append(">;\n");
    }
    out.append("};\n");
  }

  /**
   * The tool's description (or its name when there is none), then one <code>&#64;param
   * input.NAME - DESCRIPTION</code> line per top-level input property that has a description.
   */
  private static List<String> toolDoc(ToolDescriptor tool) {
    List<String> lines = new ArrayList<>(JsDoc.textLines(tool.description()));
    if (lines.isEmpty()) {
      lines.add(tool.name());
    }
    JsonNode properties =
        tool.inputSchema().isObject() ? tool.inputSchema().get("properties") : null;
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        List<String> description = JsDoc.descriptionLines(property.getValue());
        if (!description.isEmpty()) {
          lines.add("@param input." + JsDoc.escape(JsDoc.singleLine(property.getKey())) + " - "
              + description.get(0));
          lines.addAll(description.subList(1, description.size()));
        }
      }
    }
    return lines;
  }

  /** A definition that has its name and waits for its type to be converted. */
  private record PendingDefinition(
      String name, JsonNode document, String rootName, JsonNode definition) {}

  /**
   * What makes two definitions one declaration: the same key, equal JSON, and equal targets of
   * every internal {@code $ref} they reach (and the same root type name when they reach {@code
   * #}), so that equal text also means equal type.
   */
  private record DefinitionIdentity(
      String key,
      JsonNode definition,
      Map<String, JsonNode> reachedRefs,
      @Nullable String rootName) {}

  /** The named types of one connector: which definitions exist, their names and order. */
  private static final class Definitions {

    private final int connector;
    private final String connectorPascal;
    private final TypeNameAllocator allocator;
    private final Map<DefinitionIdentity, String> names = new HashMap<>();
    private final IdentityHashMap<JsonNode, Map<String, String>> namesByDocument =
        new IdentityHashMap<>();
    private final List<PendingDefinition> pending = new ArrayList<>();

    Definitions(int connector, String connectorPascal, TypeNameAllocator allocator) {
      this.connector = connector;
      this.connectorPascal = connectorPascal;
      this.allocator = allocator;
    }

    /** The type of a document root whose own type is named {@code rootName}. */
    TsType convertDocument(JsonNode document, String rootName) {
      return convertSafely(document, rootName, document);
    }

    /** The type of a definition's declaration. */
    TsType convertDefinition(PendingDefinition definition) {
      return convertSafely(definition.document(), definition.rootName(), definition.definition());
    }

    /**
     * Converts; any exception from a schema this code did not foresee gives {@code unknown} for
     * this declaration only, so one bad tool never breaks the others.
     */
    private TsType convertSafely(JsonNode document, String rootName, JsonNode schema) {
      try {
        return new SchemaConverter(document, naming(document, rootName)).convert(schema);
      } catch (RuntimeException unforeseen) {
        return TsType.UNKNOWN;
      }
    }

    private SchemaConverter.ReferenceNaming naming(JsonNode document, String rootName) {
      return new SchemaConverter.ReferenceNaming() {
        @Override
        public TsType definition(String key, String pointer, JsonNode definition) {
          return new TsType.NamedRef(nameFor(document, rootName, key, pointer, definition));
        }

        @Override
        public TsType root() {
          return new TsType.NamedRef(rootName);
        }
      };
    }

    private String nameFor(
        JsonNode document, String rootName, String key, String pointer, JsonNode definition) {
      Map<String, String> byPointer =
          namesByDocument.computeIfAbsent(document, unused -> new HashMap<>());
      String known = byPointer.get(pointer);
      if (known != null) {
        return known;
      }
      Map<String, JsonNode> reached = reachedRefs(document, definition);
      DefinitionIdentity identity =
          new DefinitionIdentity(
              key, definition, reached, reached.containsKey("#") ? rootName : null);
      String name = names.get(identity);
      if (name == null) {
        String wanted = ToolNames.pascalCase(ToolNames.sanitize(key));
        name = allocator.typeName(wanted, connector, connectorPascal);
        names.put(identity, name);
        pending.add(new PendingDefinition(name, document, rootName, definition));
      }
      byPointer.put(pointer, name);
      return name;
    }

    /** Every internal {@code $ref} reachable from {@code start}, with what it points to. */
    private static Map<String, JsonNode> reachedRefs(JsonNode document, JsonNode start) {
      Map<String, JsonNode> reached = new TreeMap<>();
      Deque<JsonNode> work = new ArrayDeque<>();
      work.push(start);
      while (!work.isEmpty()) {
        JsonNode node = work.pop();
        if (node.isObject()) {
          JsonNode ref = node.get("$ref");
          if (ref != null && ref.isString() && ref.stringValue().startsWith("#")
              && !reached.containsKey(ref.stringValue())) {
            JsonNode target = target(document, ref.stringValue());
            reached.put(ref.stringValue(), target == null ? MissingNode.getInstance() : target);
            if (target != null) {
              work.push(target);
            }
          }
        }
        for (JsonNode child : node.values()) {
          work.push(child);
        }
      }
      return reached;
    }

    private static @Nullable JsonNode target(JsonNode document, String ref) {
      if (ref.equals("#")) {
        return document;
      }
      if (!ref.startsWith("#/")) {
        return null;
      }
      return JsonPointers.resolve(document, JsonPointers.segments(ref));
    }
  }
}
