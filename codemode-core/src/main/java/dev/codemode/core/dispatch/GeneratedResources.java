package dev.codemode.core.dispatch;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The descriptor and TypeScript files the annotation processor wrote next to a generated
 * definition class, found on that class's class loader by their SHA-256. Two jars may each hold a
 * {@code META-INF/codemode/tasks.json}; the hash picks the one written together with the class, and
 * a stale or missing file is an error that says so.
 *
 * @param definitionClass the generated class, whose class loader holds the files
 * @param connectorName the connector's name: the files are {@code META-INF/codemode/<name>.json}
 *     and {@code .d.ts}
 * @param descriptorSha256 hex SHA-256 of the {@code .json} file
 * @param typeScriptSha256 hex SHA-256 of the {@code .d.ts} file
 */
public record GeneratedResources(
    Class<?> definitionClass,
    String connectorName,
    String descriptorSha256,
    String typeScriptSha256) {

  /** Checks that no component is null. */
  public GeneratedResources {
    Objects.requireNonNull(definitionClass, "definitionClass");
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(descriptorSha256, "descriptorSha256");
    Objects.requireNonNull(typeScriptSha256, "typeScriptSha256");
  }

  /** The folder of the generated files on the class path. */
  public static final String FOLDER = "META-INF/codemode/";

  /** Hex SHA-256 of a text's UTF-8 bytes: what the processor records for each file. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Reads and parses the descriptor file. */
  public ConnectorDescriptor descriptor() {
    String fileName = connectorName + ".json";
    return DescriptorJson.read(text(fileName, descriptorSha256), FOLDER + fileName);
  }

  /** Reads the TypeScript declarations file. */
  public String typeScript() {
    return text(connectorName + ".d.ts", typeScriptSha256);
  }

  /**
   * Reads another file the annotation processor wrote for this connector, such as an OpenAPI
   * connector's {@code <name>.openapi.json}, picked among the class path's candidates by its hash.
   *
   * @param fileName the file's name in {@value #FOLDER}
   * @param sha256 hex SHA-256 of the file's UTF-8 text, as the processor recorded it
   * @throws IllegalStateException when no file of that name and hash is on the class path; the
   *     message says whether the file is missing or stale
   */
  public String text(String fileName, String sha256) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
    String path = FOLDER + fileName;
    ClassLoader loader = definitionClass.getClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    List<String> mismatched = new ArrayList<>();
    try {
      Enumeration<URL> candidates = loader.getResources(path);
      while (candidates.hasMoreElements()) {
        URL url = candidates.nextElement();
        String text = read(url);
        if (sha256(text).equals(sha256)) {
          return text;
        }
        mismatched.add(url.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + " for " + definitionClass.getName(), e);
    }
    if (mismatched.isEmpty()) {
      throw new IllegalStateException(
          definitionClass.getName() + " needs " + path + " on its class path, and it is missing."
              + " The annotation processor writes it next to the class: package the class"
              + " output's META-INF/codemode folder together with the classes.");
    }
    throw new IllegalStateException(
        definitionClass.getName() + " was generated with a different " + path + " than the one"
            + " found at " + String.join(", ", mismatched) + ". A stale build, or another jar with"
            + " a connector of the same name, is on the class path: rebuild, or rename one"
            + " connector with @Connector(name = ...).");
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
