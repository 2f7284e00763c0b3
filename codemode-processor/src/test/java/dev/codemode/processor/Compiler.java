package dev.codemode.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/** Test helper: compiles sources with the Codemode processor and reads what it generated. */
final class Compiler {

  private Compiler() {}

  /** A source file from lines; line 1 is the first string. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** Compiles with the processor, {@code -parameters}, and the test class path. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new CodemodeProcessor()).withOptions("-parameters").compile(sources);
  }

  /** Compiles with an extra class path (for types that come from another jar). */
  static Compilation compile(List<java.io.File> classPath, JavaFileObject... sources) {
    List<java.io.File> path = new ArrayList<>(classPath);
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      path.add(new java.io.File(entry));
    }
    return javac()
        .withProcessors(new CodemodeProcessor())
        .withOptions("-parameters")
        .withClasspath(path)
        .compile(sources);
  }

  /**
   * Runs javac with the processor into temporary folders and lists every file it wrote (classes,
   * generated sources and resources), even when compilation fails: compile-testing hides the
   * generated files of a failed compilation, and a test must see that none were written.
   */
  static List<String> filesWritten(JavaFileObject... sources) {
    return filesWritten(new CodemodeProcessor(), sources);
  }

  /** {@link #filesWritten(JavaFileObject...)} with a given processor instance. */
  static List<String> filesWritten(CodemodeProcessor processor, JavaFileObject... sources) {
    try {
      java.nio.file.Path root = java.nio.file.Files.createTempDirectory("codemode-javac");
      java.nio.file.Path classes = java.nio.file.Files.createDirectories(root.resolve("classes"));
      java.nio.file.Path generated = java.nio.file.Files.createDirectories(root.resolve("generated"));
      javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
      javax.tools.JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              null,
              diagnostic -> {},
              List.of("-d", classes.toString(), "-s", generated.toString(), "-parameters",
                  "-classpath", System.getProperty("java.class.path")),
              null,
              List.of(sources));
      task.setProcessors(List.of(processor));
      task.call();
      List<String> written = new ArrayList<>();
      try (var files = java.nio.file.Files.walk(root)) {
        files.filter(java.nio.file.Files::isRegularFile)
            .forEach(file -> written.add(root.relativize(file).toString().replace('\\', '/')));
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a generated file by its path under the class output, if it was generated. */
  static Optional<String> generatedText(Compilation compilation, String path) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.toUri().getPath().endsWith("/" + path)) {
        return Optional.of(read(file));
      }
    }
    return Optional.empty();
  }

  /** Every generated file by its path relative to the output root, as bytes. */
  static Map<String, byte[]> generatedBytes(Compilation compilation) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      try (InputStream in = file.openInputStream()) {
        out.put(relative(file), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String relative(JavaFileObject file) {
    String path = file.toUri().getPath();
    for (String root : List.of("/CLASS_OUTPUT/", "/SOURCE_OUTPUT/")) {
      int index = path.indexOf(root);
      if (index >= 0) {
        return path.substring(index + root.length());
      }
    }
    return path;
  }

  static String read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A class loader over the compiled classes and generated resources, so tests can run the
   * generated dispatch code.
   */
  static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> files = generatedBytes(compilation);
    return new ClassLoader(Compiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = files.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }

      @Override
      protected URL findResource(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : memoryUrl(name, bytes);
      }

      @Override
      protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return Collections.enumeration(url == null ? List.of() : List.of(url));
      }
    };
  }

  private static URL memoryUrl(String name, byte[] bytes) {
    try {
      return new URL(
          null,
          "memory:/" + name,
          new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
              return new URLConnection(url) {
                @Override
                public void connect() {}

                @Override
                public InputStream getInputStream() {
                  return new java.io.ByteArrayInputStream(bytes);
                }
              };
            }
          });
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
