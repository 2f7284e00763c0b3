package dev.codemode.sandbox;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Trusted JavaScript a tool provider runs in each sandbox before the model's code, to add members to
 * its namespace that are written in JavaScript (the durable runtime's {@code codemode.step}, which
 * must call a function of the model's) or to adjust globals (a recorded {@code Math.random}).
 *
 * <p>{@code script} is a function expression, called once per execution as {@code script(tools,
 * global, config)}: {@code tools} is the provider's namespace (its tools), {@code global} is
 * {@code globalThis} and {@code config} is {@code config} parsed in the sandbox. It may return an
 * object whose own properties become extra, read-only members of the namespace. The script is host
 * code, not model code: it is parsed once per engine and sees everything model code sees, nothing
 * more.
 *
 * @param script the function expression's source
 * @param config JSON passed to it (per execution: a seed, a clock)
 */
public record SandboxSetup(String script, JsonNode config) {

  public SandboxSetup {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(config, "config");
  }
}
