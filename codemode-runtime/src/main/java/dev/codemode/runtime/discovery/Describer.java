package dev.codemode.runtime.discovery;

import java.util.Objects;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code codemode.describe(target)}: the TypeScript a model needs to call a tool, the
 * declarations of a whole connector, or the code of a saved snippet.
 *
 * <p>A target is looked up in this order: a snippet of exactly that name; a connector name alone
 * ({@code tasks}); {@code <connector>.<tool>} ({@code tasks.create}); a tool name alone, when
 * exactly one connector has a tool of that name ({@code create}). Anything else gives a {@link
 * Description} of kind {@value Description#NOT_FOUND} whose description suggests the closest names
 * and lists the connectors: a value, never an exception, because the caller is model code that
 * should read it and try again.
 *
 * <p>Rendered declarations are cached per connector and per tool, so describing the same thing
 * twice costs a map look-up. Thread-safe.
 */
public final class Describer {

  /** Names listed at most in a not-found message, before "and N more". */
  static final int MAX_LISTED_NAMES = 30;

  /** Characters of a target repeated at most in a not-found description and path. */
  static final int MAX_ECHOED_TARGET = 200;

  /** Names suggested at most in a not-found message. */
  private static final int MAX_SUGGESTIONS = 3;

  /** A member line of the renderer's {@code declare const} block. */
  private static final Pattern MEMBER =
      Pattern.compile("(\\S+): \\(input: (.+)\\) => Promise<(.+)>;");

  private final Map<String, ConnectorDescriptor> connectors;
  private final Map<String, Snippet> snippets;
  /** For each tool name, the paths of the tools of that name, in connector order. */
  private final Map<String, List<String>> pathsByToolName;
  /** Every path, connector name and snippet name, for suggestions. */
  private final List<String> allNames;
  private final ConcurrentMap<String, String> connectorTypes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> toolTypes = new ConcurrentHashMap<>();

  /**
   * A describer of {@code connectors} and {@code snippets}.
   *
   * @throws IllegalArgumentException when two connectors or two snippets have the same name
   */
  public Describer(List<ConnectorDescriptor> connectors, List<Snippet> snippets) {
    Map<String, ConnectorDescriptor> byName = new LinkedHashMap<>();
    Map<String, List<String>> byToolName = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (ConnectorDescriptor connector : connectors) {
      if (byName.putIfAbsent(connector.name(), connector) != null) {
        throw new IllegalArgumentException("Two connectors are named " + connector.name());
      }
      names.add(connector.name());
      for (ToolDescriptor tool : connector.tools()) {
        String path = connector.name() + "." + tool.name();
        byToolName.computeIfAbsent(tool.name(), unused -> new ArrayList<>()).add(path);
        names.add(path);
      }
    }
    Map<String, Snippet> snippetsByName = new LinkedHashMap<>();
    for (Snippet snippet : snippets) {
      if (snippetsByName.putIfAbsent(snippet.name(), snippet) != null) {
        throw new IllegalArgumentException("Two snippets are named " + snippet.name());
      }
      names.add(snippet.name());
    }
    Map<String, List<String>> frozen = new HashMap<>();
    byToolName.forEach((name, paths) -> frozen.put(name, List.copyOf(paths)));
    this.connectors = Collections.unmodifiableMap(byName);
    this.snippets = Collections.unmodifiableMap(snippetsByName);
    this.pathsByToolName = Map.copyOf(frozen);
    this.allNames = List.copyOf(names);
  }

  /**
   * What {@code target} is: a snippet name, a connector name, {@code <connector>.<tool>}, or a tool
   * name that only one connector has. Surrounding white space is ignored.
   *
   * @param target the name; null is treated as empty
   * @return the description; kind {@value Description#NOT_FOUND} when nothing has that name
   */
  public Description describe(String target) {
    String wanted = target == null ? "" : target.strip();
    if (wanted.isEmpty()) {
      return notFound(
          wanted,
          "describe needs a name: a path from codemode.search such as \"" + examplePath()
              + "\", a connector or a snippet. " + connectorList());
    }
    Snippet snippet = snippets.get(wanted);
    if (snippet != null) {
      return describeSnippet(snippet);
    }
    int dot = wanted.indexOf('.');
    if (dot < 0) {
      ConnectorDescriptor connector = connectors.get(wanted);
      if (connector != null) {
        return describeConnector(connector);
      }
      List<String> paths = pathsByToolName.getOrDefault(wanted, List.of());
      if (paths.size() == 1) {
        return describePath(paths.get(0));
      }
      if (paths.size() > 1) {
        return notFound(
            wanted,
            "\"" + wanted + "\" is a tool of several connectors: " + String.join(", ", paths)
                + ". Describe one of them by its full path.");
      }
      return notFound(wanted, nothingNamed(wanted, suggestions(wanted, null, wanted)));
    }
    String connectorName = wanted.substring(0, dot);
    String toolName = wanted.substring(dot + 1);
    ConnectorDescriptor connector = connectors.get(connectorName);
    if (connector == null) {
      return notFound(wanted, nothingNamed(wanted, suggestions(wanted, connectorName, toolName)));
    }
    if (toolName.isEmpty()) {
      return describeConnector(connector);
    }
    Optional<ToolDescriptor> tool = connector.tool(toolName);
    if (tool.isPresent()) {
      return describeTool(connector, tool.get());
    }
    StringBuilder message =
        new StringBuilder("Connector ").append(connector.name()).append(" has no tool \"")
            .append(echo(toolName)).append("\".");
    appendDidYouMean(message, suggestions(wanted, connectorName, toolName));
    message.append(" Its tools: ").append(list(connector.toolNames())).append('.');
    return notFound(wanted, message.toString());
  }

  private Description describeSnippet(Snippet snippet) {
    StringBuilder types = new StringBuilder();
    if (!snippet.description().isBlank()) {
      types.append(snippet.description().strip()).append("\n\n");
    }
    types.append("Run it with: await codemode.run(").append(jsString(snippet.name()))
        .append(", input)\n\n");
    types.append(Fences.fenced("js", snippet.code()));
    return new Description(
        snippet.name(), Description.SNIPPET, snippet.description(), types.toString(), null);
  }

  private Description describeConnector(ConnectorDescriptor connector) {
    String types = connectorTypes.computeIfAbsent(connector.name(), name -> render(connector));
    return new Description(
        connector.name(), Description.CONNECTOR, connector.description(), types, null);
  }

  private Description describePath(String path) {
    int dot = path.indexOf('.');
    ConnectorDescriptor connector = Objects.requireNonNull(connectors.get(path.substring(0, dot)),
        "a path the index found names a connector it has");
    return describeTool(connector, connector.tool(path.substring(dot + 1)).orElseThrow());
  }

  private Description describeTool(ConnectorDescriptor connector, ToolDescriptor tool) {
    String path = connector.name() + "." + tool.name();
    String types = toolTypes.computeIfAbsent(path, unused -> render(connector, tool));
    return new Description(
        path, Description.TOOL, tool.description(), types, tool.requiresApproval());
  }

  /**
   * The connector's declarations, after a comment naming the tools that wait for approval (the
   * declarations themselves do not say).
   */
  private static String render(ConnectorDescriptor connector) {
    return ApprovalNote.of(List.of(connector)) + TypeScriptRenderer.declarations(connector);
  }

  /**
   * The tool's signature with its JSDoc ({@code tasks.create(input: CreateInput):
   * Promise<CreateOutput>;}), a blank line, then the declarations of its input and output types
   * and the named types they use, as {@link TypeScriptRenderer#toolDeclarations} renders them.
   */
  private static String render(ConnectorDescriptor connector, ToolDescriptor tool) {
    String text = TypeScriptRenderer.toolDeclarations(connector, tool.name());
    String header = "\ndeclare const " + connector.name() + ": {\n";
    int start = text.lastIndexOf(header);
    String footer = "};\n";
    if (start < 0 || !text.endsWith(footer)) {
      return text; // not the shape this code knows: show it as rendered, still correct
    }
    String types = text.substring(0, start);
    List<String> member = new ArrayList<>(List.of(
        text.substring(start + header.length(), text.length() - footer.length()).split("\n", -1)));
    while (!member.isEmpty() && member.get(member.size() - 1).isEmpty()) {
      member.remove(member.size() - 1); // as split without a limit leaves them out
    }
    StringBuilder out = new StringBuilder();
    if (tool.requiresApproval()) {
      out.append("// Each call waits for a person's approval:")
          .append(" the run pauses there and resumes by itself.\n");
    }
    for (int i = 0; i < member.size(); i++) {
      String line = member.get(i).startsWith("  ") ? member.get(i).substring(2) : member.get(i);
      Matcher signature = MEMBER.matcher(line);
      if (i == member.size() - 1 && signature.matches()) {
        line = connector.name() + "." + signature.group(1) + "(input: " + signature.group(2)
            + "): Promise<" + signature.group(3) + ">;";
      }
      out.append(line).append('\n');
    }
    return out.append('\n').append(types).toString();
  }

  /**
   * The names closest to what was asked for: among every path, connector and snippet name; among
   * the tools of the named connector; and among tool names, given as their paths.
   */
  private List<String> suggestions(String wanted, @Nullable String connectorName, String toolName) {
    Set<String> found = new LinkedHashSet<>();
    Suggestions.closest(wanted, allNames).ifPresent(found::add);
    ConnectorDescriptor connector = connectorName == null ? null : connectors.get(connectorName);
    if (connector != null) {
      Suggestions.closest(toolName, connector.toolNames())
          .ifPresent(name -> found.add(connector.name() + "." + name));
    } else {
      if (connectorName != null) {
        Suggestions.closest(connectorName, connectors.keySet())
            .map(connectors::get)
            .filter(near -> near.tool(toolName).isPresent())
            .ifPresent(near -> found.add(near.name() + "." + toolName));
      }
      List<String> sameName = pathsByToolName.get(toolName);
      if (sameName != null) {
        found.addAll(sameName);
      }
      Suggestions.closest(toolName, pathsByToolName.keySet())
          .ifPresent(name -> found.addAll(pathsByToolName.get(name)));
    }
    return found.stream().limit(MAX_SUGGESTIONS).toList();
  }

  private String nothingNamed(String wanted, List<String> suggestions) {
    StringBuilder message =
        new StringBuilder("No connector, tool or snippet is named \"").append(echo(wanted))
            .append("\".");
    appendDidYouMean(message, suggestions);
    message.append(' ').append(connectorList())
        .append(" Find tools with codemode.search(\"what you want to do\"),")
        .append(" then describe a result's path.");
    return message.toString();
  }

  private static void appendDidYouMean(StringBuilder message, List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return;
    }
    message.append(" Did you mean ");
    for (int i = 0; i < suggestions.size(); i++) {
      if (i > 0) {
        message.append(i == suggestions.size() - 1 ? " or " : ", ");
      }
      message.append('"').append(suggestions.get(i)).append('"');
    }
    message.append('?');
  }

  private String connectorList() {
    return connectors.isEmpty() ? "There are no connectors." : "Connectors: "
        + list(connectors.keySet()) + ".";
  }

  private String examplePath() {
    for (ConnectorDescriptor connector : connectors.values()) {
      if (!connector.tools().isEmpty()) {
        return connector.name() + "." + connector.tools().get(0).name();
      }
    }
    return "<connector>.<tool>";
  }

  private static Description notFound(String target, String message) {
    return new Description(echo(target), Description.NOT_FOUND, message, null, null);
  }

  /** At most {@value #MAX_LISTED_NAMES} names, then how many more there are. */
  private static String list(Collection<String> names) {
    if (names.size() <= MAX_LISTED_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.stream().limit(MAX_LISTED_NAMES).toList()) + " and "
        + (names.size() - MAX_LISTED_NAMES) + " more";
  }

  private static String echo(String target) {
    return target.length() <= MAX_ECHOED_TARGET
        ? target
        : target.substring(0, MAX_ECHOED_TARGET) + "…";
  }

  /** {@code value} as a JavaScript string literal in double quotes. */
  private static String jsString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
