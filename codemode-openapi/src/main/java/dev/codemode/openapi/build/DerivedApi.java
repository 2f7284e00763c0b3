package dev.codemode.openapi.build;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.openapi.ApiSpec;
import java.util.List;
import java.util.Objects;

/**
 * What a spec derives into: the connector's tools as model code sees them, the operations as the
 * connector sends them, and what the derivation had to decide or ignore.
 *
 * @param descriptor the connector descriptor: the reserved tools given to the derivation first,
 *     then one tool per operation in spec order; its {@code .d.ts} comes from {@link
 *     dev.codemode.core.typescript.TypeScriptRenderer#declarations}
 * @param api the operations behind the tools, one per tool except the reserved ones
 * @param warnings the parser's messages and the derivation's renamings and guesses, each naming
 *     where in the spec it applies; deterministic
 */
public record DerivedApi(ConnectorDescriptor descriptor, ApiSpec api, List<String> warnings) {

  /** Checks that the parts are given and copies the list. */
  public DerivedApi {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(api, "api");
    warnings = List.copyOf(warnings);
  }
}
