package dev.codemode.runtime.discovery;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The TypeScript line comment that names the tools whose calls wait for a person's approval, put
 * above declarations because the declarations themselves do not say.
 */
final class ApprovalNote {

  private ApprovalNote() {}

  /** The comment line, with its line end, or the empty text when no tool needs approval. */
  static String of(List<ConnectorDescriptor> connectors) {
    List<String> paths = new ArrayList<>();
    for (ConnectorDescriptor connector : connectors) {
      for (ToolDescriptor tool : connector.tools()) {
        if (tool.requiresApproval()) {
          paths.add(connector.name() + "." + tool.name());
        }
      }
    }
    if (paths.isEmpty()) {
      return "";
    }
    return "// Calls of " + String.join(", ", paths)
        + " wait for a person's approval: the run pauses there and resumes by itself.\n";
  }
}
