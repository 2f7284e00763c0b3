package dev.codemode.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code codemode types}. */
@Command(name = "types", mixinStandardHelpOptions = true,
    description = "Prints the TypeScript declarations of every connector found: what model code is written against.")
final class TypesCommand extends CliCommand {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Integer call() {
    TreeMap<String, String> declarations = new TreeMap<>();
    for (dev.codemode.core.ConnectorDefinition definition
        : ServiceLoader.load(dev.codemode.core.ConnectorDefinition.class, connectorClassLoader())) {
      declarations.put(definition.descriptor().name(), definition.typeScript());
    }
    if (declarations.isEmpty()) {
      throw new UserError("No connectors were found on the class path. Put connector jars on it, or name them with"
          + " --classpath.");
    }
    List<String> blocks = new ArrayList<>(declarations.values());
    terminal.out().println(String.join("\n", blocks).strip());
    return Main.OK;
  }
}
