package dev.codemode.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Trusted JavaScript a tool provider runs in each sandbox before the model's code, to add members to
 * its namespace that are written in JavaScript (the durable runtime's {@code codemode.step}, which
 * must call a function of the model's) or to adjust globals (a recorded {@code Math.random}).
 *
 * <p>{@code script} is a function expression, called once per execution as {@code script(host,
 * global, config)}:
 *
 * <ul>
 *   <li>{@code host} has one function per name in {@code hostFunctions}: {@code host.name(input)}
 *       calls the provider with that tool name and returns a Promise, like a tool. These functions
 *       are the setup's private channel to the host: they are not members of the namespace, model
 *       code cannot name or reach them, and the provider is called with those names only through
 *       them. A setup keeps {@code host} in its closure and never hands it out.
 *   <li>{@code global} is {@code globalThis}; the provider's namespace is {@code global[name]}.
 *   <li>{@code config} is {@code config} parsed in the sandbox.
 * </ul>
 *
 * <p>The script may return an object whose own properties become extra, read-only members of the
 * namespace. It is host code, not model code: it is parsed once per engine and sees everything
 * model code sees, nothing more.
 *
 * @param script the function expression's source
 * @param config JSON passed to it (per execution: a seed, a clock)
 * @param hostFunctions the names of the provider's calls that only the script can make
 * @param members the names of the members the script adds to the namespace, for messages that list
 *     what the namespace has (a hint for a name that does not exist)
 */
public record SandboxSetup(String script, JsonNode config, List<String> hostFunctions, List<String> members) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,99}");

  /** Checks that the script and config are present and the host functions are identifiers. */
  public SandboxSetup {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(config, "config");
    hostFunctions = List.copyOf(hostFunctions);
    members = List.copyOf(members);
    for (String name : hostFunctions) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("host function name \"" + name + "\" is not a JavaScript identifier");
      }
    }
    if (hostFunctions.stream().distinct().count() != hostFunctions.size()) {
      throw new IllegalArgumentException("host function names repeat: " + hostFunctions);
    }
  }

  /** A setup with no host functions, whose members messages do not list. */
  public SandboxSetup(String script, JsonNode config) {
    this(script, config, List.of(), List.of());
  }
}
