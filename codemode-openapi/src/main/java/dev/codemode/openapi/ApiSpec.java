package dev.codemode.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an OpenAPI connector needs at run time to send its operations: the server URLs of the spec
 * and every operation by tool name. The build-time derivation writes it as {@code
 * META-INF/codemode/<name>.openapi.json} next to the descriptor.
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
    operations = List.copyOf(operations);
    Map<String, OperationSpec> seen = new LinkedHashMap<>();
    for (OperationSpec operation : operations) {
      if (seen.putIfAbsent(operation.tool(), operation) != null) {
        throw new IllegalArgumentException(
            "Connector " + connector + ": two operations are both tool " + operation.tool());
      }
    }
  }

  /** The operation behind the tool named {@code tool}, if there is one. */
  public Optional<OperationSpec> operation(String tool) {
    for (OperationSpec operation : operations) {
      if (operation.tool().equals(tool)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
