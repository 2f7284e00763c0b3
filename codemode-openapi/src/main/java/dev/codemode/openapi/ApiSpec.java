package dev.codemode.openapi;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * What an OpenAPI connector needs at run time to send its operations: the server URLs of the spec
 * and every operation by tool name. The build-time derivation writes it as {@code
 * META-INF/codemode/<name>.openapi.json} next to the descriptor (see {@link ApiSpecJson}).
 *
 * @param connector the connector's name
 * @param servers the spec's server URLs, server variables replaced by their defaults, in spec order;
 *     may be relative ({@code /api/v3}), and then the connector must be given a base URL
 * @param operations the operations, in spec order, with distinct tool names
 */
public record ApiSpec(String connector, List<String> servers, List<OperationSpec> operations) {

  /** Checks the names and copies the lists; tool names must be distinct. */
  public ApiSpec {
    Objects.requireNonNull(connector, "connector");
    servers = List.copyOf(servers);
    operations = OperationList.of(connector, operations);
  }

  /** The operation behind the tool named {@code tool}, if there is one; constant time. */
  public Optional<OperationSpec> operation(String tool) {
    return Optional.ofNullable(((OperationList) operations).byTool.get(tool));
  }

  /**
   * The immutable operation list, indexed by tool name. A record holds no fields beyond its
   * components, so the index travels inside the list; it equals and hashes as any list of the same
   * operations.
   */
  private static final class OperationList extends AbstractList<OperationSpec>
      implements RandomAccess {

    private final List<OperationSpec> items;
    private final Map<String, OperationSpec> byTool;

    private OperationList(List<OperationSpec> items, Map<String, OperationSpec> byTool) {
      this.items = items;
      this.byTool = byTool;
    }

    static OperationList of(String connector, List<OperationSpec> operations) {
      if (operations instanceof OperationList indexed) {
        return indexed;
      }
      List<OperationSpec> items = List.copyOf(operations);
      Map<String, OperationSpec> byTool = new HashMap<>();
      for (OperationSpec operation : items) {
        OperationSpec earlier = byTool.putIfAbsent(operation.tool(), operation);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "Connector " + connector + ": two operations are both tool " + operation.tool()
                  + " (" + earlier.method() + " " + earlier.path() + " and " + operation.method()
                  + " " + operation.path() + "); tool names must be distinct");
        }
      }
      return new OperationList(items, Map.copyOf(byTool));
    }

    @Override
    public OperationSpec get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
