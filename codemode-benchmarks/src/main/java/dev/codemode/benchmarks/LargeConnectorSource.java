package dev.codemode.benchmarks;

/**
 * Writes the source of a connector with many tools, for build-time benchmarks. Each tool takes a
 * string, a list, an optional enum and a nested record, and returns a record, so the processor
 * maps several kinds of types per tool.
 */
public final class LargeConnectorSource {

  private LargeConnectorSource() {}

  /**
   * Writes {@code bench/Big.java} with {@code args[1]} tools (default 500) under the folder {@code
   * args[0]}, for timing a cold {@code javac} run (see {@code scripts/cold-javac.sh}).
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path folder = java.nio.file.Path.of(args[0], "bench");
    java.nio.file.Files.createDirectories(folder);
    int tools = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    java.nio.file.Files.writeString(folder.resolve("Big.java"), of("bench", "Big", tools));
  }

  /** The source of {@code packageName.className}, a connector with {@code tools} tools. */
  static String of(String packageName, String className, int tools) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(packageName).append(";\n\n")
        .append("import dev.codemode.annotations.*;\n")
        .append("import java.util.List;\nimport java.util.Optional;\n\n")
        .append("/** A connector with ").append(tools).append(" tools. */\n")
        .append("@Connector\npublic class ").append(className).append(" {\n\n")
        .append("  /** How urgent something is. */\n")
        .append("  public enum Urgency { LOW, NORMAL, HIGH }\n\n")
        .append("  /**\n   * Where a request came from.\n   *\n")
        .append("   * @param user who asked\n   * @param channel where they asked\n   */\n")
        .append("  public record Origin(String user, String channel) {}\n\n")
        .append("  /** What each tool returns. */\n")
        .append("  public record Echo(int tool, String text, List<String> tags, Urgency urgency) {}\n");
    for (int i = 0; i < tools; i++) {
      out.append("\n  /**\n   * Tool number ").append(i).append(".\n   *\n")
          .append("   * @param text any text\n   * @param tags some labels\n")
          .append("   * @param urgency how urgent, normal when left out\n")
          .append("   * @param origin who asked\n   */\n")
          .append("  @Tool public Echo tool").append(i)
          .append("(String text, List<String> tags, Optional<Urgency> urgency, Origin origin) {\n")
          .append("    return new Echo(").append(i)
          .append(", text, tags, urgency.orElse(Urgency.NORMAL));\n  }\n");
    }
    return out.append("}\n").toString();
  }
}
