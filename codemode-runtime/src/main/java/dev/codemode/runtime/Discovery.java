package dev.codemode.runtime;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.discovery.Describer;
import dev.codemode.runtime.discovery.Description;
import dev.codemode.runtime.discovery.SearchIndex;
import dev.codemode.runtime.discovery.SearchResults;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.Snippet;
import dev.codemode.sandbox.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What a runtime's connectors and saved snippets offer to be found: {@code codemode.search}, {@code
 * codemode.describe}, and the code of a snippet for {@code codemode.run}. The search index is built
 * again only when the saved snippets changed.
 */
final class Discovery {

  private record Index(List<Snippet> snippets, SearchIndex search, Describer describer) {}

  private final String runtime;
  private final ExecutionStore store;
  private final Executor executor;
  private final List<ConnectorDescriptor> descriptors;
  private final Map<String, Map<String, ToolDescriptor>> tools;
  private volatile @Nullable Index index;

  Discovery(String runtime, ExecutionStore store, Executor executor, List<ConnectorDescriptor> descriptors,
      Map<String, Map<String, ToolDescriptor>> tools) {
    this.runtime = runtime;
    this.store = store;
    this.executor = executor;
    this.descriptors = descriptors;
    this.tools = tools;
  }

  SearchResults search(String query, int limit) {
    return index().search().search(query, limit);
  }

  Description describe(String target) {
    return index().describer().describe(target);
  }

  /** The tool {@code connector.tool}, or null. */
  @Nullable ToolDescriptor tool(String connector, String toolName) {
    Map<String, ToolDescriptor> byName = tools.get(connector);
    return byName == null ? null : byName.get(toolName);
  }

  /** What a snippet records of a tool, to refuse running against a tool whose types changed. */
  static String toolHash(ToolDescriptor tool) {
    return CanonicalJson.hash(CanonicalJson.of(tool.inputSchema()) + "|" + CanonicalJson.of(tool.outputSchema())
        + "|" + tool.requiresApproval());
  }

  /**
   * The code of snippet {@code name} as one function expression that takes the input, for {@code
   * codemode.run}.
   *
   * @throws IllegalArgumentException when there is no such snippet
   * @throws IllegalStateException when a tool it was written against changed
   */
  JsonNode snippetCode(String name) {
    Snippet snippet = store.snippet(runtime, name).orElseThrow(() -> new IllegalArgumentException(
        "There is no snippet named \"" + (name.length() <= 100 ? name : name.substring(0, 100) + "…") + "\". Saved snippets: "
            + store.snippets(runtime).stream().map(Snippet::name).toList() + "; codemode.search finds them too."));
    List<String> changed = new ArrayList<>();
    snippet.connectors().forEach((qualified, hash) -> {
      int dot = qualified.indexOf('.');
      ToolDescriptor tool = dot < 0 ? null : tool(qualified.substring(0, dot), qualified.substring(dot + 1));
      if (tool == null || !toolHash(tool).equals(hash)) {
        changed.add(qualified + (tool == null ? " (gone)" : " (its types changed)"));
      }
    });
    if (!changed.isEmpty()) {
      throw new IllegalStateException("The snippet \"" + name + "\" was written against tools that changed"
          + " since it was saved: " + String.join(", ", changed) + ". It does not run against them; write the"
          + " code again for the current tools, and save it as the snippet anew.");
    }
    String function = executor.normalize(snippet.code()).code();
    if (function.startsWith("async () =>")) {
      // statements: make the input available to them as `input`
      function = "async (input) =>" + function.substring("async () =>".length());
    }
    return JsonCodec.defaults().nodes().objectNode().put("code", function);
  }

  /** The search index and describer over the connectors and the snippets saved now. */
  private Index index() {
    List<Snippet> saved = store.snippets(runtime);
    Index current = index;
    if (current == null || !current.snippets().equals(saved)) {
      current = new Index(saved, new SearchIndex(descriptors, saved), new Describer(descriptors, saved));
      index = current;
    }
    return current;
  }
}
