package dev.codemode.core.docs;

import dev.codemode.annotations.Replay;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Human documentation of a connector in Markdown, the text of {@code META-INF/codemode/<name>.md}:
 * an overview table, then per tool its description, input properties, output and flags, then the
 * full TypeScript declarations.
 */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  /** The Markdown documentation of one connector. */
  public static String render(ConnectorDescriptor connector) {
    StringBuilder out = new StringBuilder();
    out.append("# Connector `").append(connector.name()).append("`\n\n");
    if (!connector.description().isEmpty()) {
      out.append(connector.description().strip()).append("\n\n");
    }
    out.append("In the sandbox: the global `").append(connector.name())
        .append("`; every tool takes one object and returns a Promise.\n\n");
    if (connector.tools().isEmpty()) {
      out.append("This connector has no tools.\n");
      return out.toString();
    }
    out.append("| Tool | What it does | Approval |\n|---|---|---|\n");
    for (ToolDescriptor tool : connector.tools()) {
      out.append("| [`").append(tool.name()).append("`](#").append(anchor(tool.name()))
          .append(") | ").append(cell(firstSentence(tool.description())))
          .append(" | ").append(tool.requiresApproval() ? "required" : "").append(" |\n");
    }
    for (ToolDescriptor tool : connector.tools()) {
      renderTool(connector, tool, out);
    }
    out.append("\n## TypeScript declarations\n\n```ts\n")
        .append(TypeScriptRenderer.declarations(connector))
        .append("```\n");
    return out.toString();
  }

  private static void renderTool(ConnectorDescriptor connector, ToolDescriptor tool, StringBuilder out) {
    out.append("\n## ").append(tool.name()).append("\n\n");
    String types = ToolNames.pascalCase(tool.name());
    out.append("```ts\n").append(connector.name()).append('.').append(tool.name())
        .append("(input: ").append(types).append("Input): Promise<").append(types)
        .append("Output>\n```\n\n");
    if (!tool.description().isEmpty()) {
      out.append(tool.description().strip()).append("\n\n");
    }
    JsonNode input = tool.inputSchema();
    JsonNode properties = input.path("properties");
    if (properties.isObject() && !properties.isEmpty()) {
      Set<String> required = new HashSet<>();
      input.path("required").forEach(name -> required.add(name.asString()));
      out.append("**Input**\n\n| Property | Type | Required | Description |\n|---|---|---|---|\n");
      for (String name : properties.propertyNames()) {
        JsonNode property = properties.get(name);
        out.append("| `").append(name).append("` | `")
            .append(cell(TypeScriptRenderer.typeExpression(property, input)))
            .append("` | ").append(required.contains(name) ? "yes" : "no")
            .append(" | ").append(cell(describe(property)))
            .append(" |\n");
      }
      out.append('\n');
    } else {
      out.append("**Input:** none (`{}`)\n\n");
    }
    out.append("**Output:** ");
    if (tool.returnsNothing()) {
      out.append("nothing (`undefined`)");
    } else if (!tool.hasOutputSchema()) {
      out.append("not described (`unknown`)");
    } else {
      JsonNode output = Objects.requireNonNull(tool.outputSchema(), "hasOutputSchema()");
      out.append('`').append(cell(TypeScriptRenderer.typeExpression(output, output))).append('`');
      String description = output.path("description").asString("");
      if (!description.isEmpty()) {
        out.append(" — ").append(description.strip());
      }
    }
    out.append("\n");
    if (tool.requiresApproval()) {
      out.append("\n**Requires approval:** each call waits until a person approves it.\n");
    }
    if (tool.replay() == Replay.REEXECUTE) {
      out.append("\n**Replay:** runs again when a paused run resumes (not recorded).\n");
    }
    if (tool.revertible()) {
      out.append("\n**Revertible:** a rollback undoes its calls.\n");
    }
  }

  /** A property's description followed by its hints: {@code the day it is due (`@format date`)}. */
  private static String describe(JsonNode property) {
    String description = property.path("description").asString("").strip();
    List<String> hints = TypeScriptRenderer.hints(property);
    if (hints.isEmpty()) {
      return description;
    }
    StringBuilder text = new StringBuilder(description);
    text.append(description.isEmpty() ? "" : " ").append('(');
    for (int i = 0; i < hints.size(); i++) {
      text.append(i == 0 ? "" : ", ").append('`').append(hints.get(i)).append('`');
    }
    return text.append(')').toString();
  }

  private static String firstSentence(String text) {
    String paragraph = text.strip().split("\n\n", 2)[0].replace('\n', ' ');
    int end = paragraph.indexOf(". ");
    return end < 0 ? paragraph : paragraph.substring(0, end + 1);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").strip();
  }

  /** The anchor GitHub-flavoured Markdown gives a heading. */
  private static String anchor(String heading) {
    return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
  }
}
