package dev.codemode.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The locked-down GraalJS configuration every context of codemode-sandbox uses.
 *
 * <p>{@link SandboxPolicy#CONSTRAINED} on engine and context; no host class lookup (not even a
 * deny-all predicate, which would add the {@code Java} and {@code Packages} globals), host access
 * limited to what the polyglot API itself needs, no IO, threads, native access, processes,
 * environment or polyglot access; the non-standard globals {@code load}, {@code print}, {@code
 * Graal} and GraalJS's own {@code console} removed; standard streams discarded; UTC as the time
 * zone, so the host's zone does not leak.
 */
final class Sandbox {

  private Sandbox() {}

  /** A new engine with the sandbox policy; share one per process. */
  static Engine newEngine() {
    return Engine.newBuilder("js")
        .sandbox(SandboxPolicy.CONSTRAINED)
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .option("engine.WarnInterpreterOnly", "false")
        .build();
  }

  /** A context builder on {@code engine} with every sandbox rule applied. */
  static Context.Builder contextBuilder(Engine engine) {
    return Context.newBuilder("js")
        .engine(engine)
        .sandbox(SandboxPolicy.CONSTRAINED)
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .allowHostAccess(HostAccess.CONSTRAINED)
        .allowHostClassLoading(false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowNativeAccess(false)
        .allowCreateProcess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .allowValueSharing(false)
        .timeZone(ZoneOffset.UTC)
        .option("js.load", "false")
        .option("js.print", "false")
        .option("js.graal-builtin", "false")
        .option("js.console", "false");
  }

  /** A cached source from a resource of this package. */
  static Source resource(String name) {
    try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("codemode-sandbox is missing its resource " + name);
      }
      return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name)
          .cached(true)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cached source from a class path resource (a webjar). */
  static Source classPathResource(String path, String name) {
    try (InputStream in = Sandbox.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("codemode-sandbox needs " + path + " on the class path");
      }
      return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name)
          .cached(true)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
