package dev.codemode.runtime;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.NoSuchToolException;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.OrderedToolProvider;
import dev.codemode.sandbox.ToolReply;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A connector as the code of one pass sees it: the same namespace and tools, every call taken in
 * the order the code made it and decided by the pass's journal before anything runs.
 */
final class JournalingConnector implements OrderedToolProvider {

  private final DurablePass pass;
  private final RuntimeConnector connector;
  private final Discovery discovery;

  JournalingConnector(DurablePass pass, RuntimeConnector connector, Discovery discovery) {
    this.pass = pass;
    this.connector = connector;
    this.discovery = discovery;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return connector.descriptor();
  }

  @Override
  public String name() {
    return connector.name();
  }

  @Override
  public @Nullable JsonNode start(String tool, JsonNode input, ToolReply reply) {
    ToolDescriptor descriptor = discovery.tool(connector.name(), tool);
    if (descriptor == null) {
      throw new NoSuchToolException(connector.name(), tool, connector.descriptor().toolNames());
    }
    return pass.toolCall(connector, descriptor, input, reply);
  }

  @Override
  public String toString() {
    return "JournalingConnector(" + connector.name() + ")";
  }
}
