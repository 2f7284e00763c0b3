package dev.codemode.runtime.discovery;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.testing.GoldenFiles;

/** The two small connectors of the discovery tests, from {@code src/test/resources/discovery}. */
final class Connectors {

  /** tasks: create, list, remove (which needs approval); two sentences of description. */
  static final ConnectorDescriptor TASKS = read("tasks");

  /** mail: send_message (needs approval); a description without a full stop. */
  static final ConnectorDescriptor MAIL = read("mail");

  private Connectors() {}

  private static ConnectorDescriptor read(String name) {
    String resource = "discovery/" + name + ".connector.json";
    return DescriptorJson.read(GoldenFiles.read(resource), resource);
  }
}
