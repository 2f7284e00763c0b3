package dev.codemode.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Runs the CLI in this JVM or in a new one, and reads what it printed. */
final class Cli {

  /** What one command printed and its exit code. */
  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      return JsonCodec.defaults().parse(out);
    }

    Result expectExit(int expected) {
      assertWithMessage("exit code; stdout:%n%s%nstderr:%n%s", out, err).that(exitCode).isEqualTo(expected);
      return this;
    }
  }

  private Cli() {}

  /** Runs {@code args} in this JVM. */
  static Result inProcess(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A new JVM running the CLI with this test's class path, in {@code directory}. */
  static ProcessBuilder newJvm(Path directory, Map<String, String> properties, String... args) {
    return newJvm(directory, properties, Main.class, args);
  }

  /** A new JVM running {@code mainClass} with this test's class path, in {@code directory}. */
  static ProcessBuilder newJvm(Path directory, Map<String, String> properties, Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    String flags = System.getProperty("codemode.test.jvmFlags", "");
    for (String flag : flags.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).directory(directory.toFile());
  }

  /** Runs the CLI in a new JVM to its end. */
  static Result inNewJvm(Path directory, Map<String, String> properties, String... args)
      throws IOException, InterruptedException {
    Process process = newJvm(directory, properties, args).start();
    byte[] err = process.getErrorStream().readAllBytes();
    byte[] out = process.getInputStream().readAllBytes();
    int code = process.waitFor();
    return new Result(code, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
