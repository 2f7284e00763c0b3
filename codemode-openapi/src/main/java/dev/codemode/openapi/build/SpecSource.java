package dev.codemode.openapi.build;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an OpenAPI or Swagger spec comes from: its name as the user wrote it, and its location,
 * its text, or both.
 *
 * <p>With a {@code file:} URI the spec is parsed from that location, so relative-file {@code
 * $ref}s ({@code ./schemas/pet.yaml#/Pet}) resolve against its folder. Without one (a {@code jar:}
 * URI, or only text) the text is parsed on its own and only references inside it resolve.
 *
 * @param name the spec as the user named it, such as the resource path {@code petstore.yaml}; it
 *     is what error messages call the spec
 * @param uri the spec's location, or {@code null}
 * @param text the spec's text, or {@code null} when it is to be read from {@code uri}
 */
public record SpecSource(String name, @Nullable URI uri, @Nullable String text) {

  /** Checks that there is a name and something to read. */
  public SpecSource {
    Objects.requireNonNull(name, "name");
    if (uri == null && text == null) {
      throw new IllegalArgumentException("Spec " + name + ": give its URI, its text or both");
    }
  }

  /** A spec file, named by its path. */
  public static SpecSource of(Path file) {
    return new SpecSource(file.toString(), file.toAbsolutePath().toUri(), null);
  }

  /** A spec given as text only: references to other files cannot be resolved. */
  public static SpecSource ofText(String name, String text) {
    return new SpecSource(name, null, Objects.requireNonNull(text, "text"));
  }

  /** Whether the spec can be parsed by location (a {@code file:} URI). */
  boolean hasFileLocation() {
    return uri != null && "file".equalsIgnoreCase(uri.getScheme());
  }

  /** The text, read from the URI when it was not given. */
  String readText() throws IOException {
    if (text != null) {
      return text;
    }
    URI location = Objects.requireNonNull(uri, "a source has a text or a URI");
    if (hasFileLocation()) {
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    }
    try (var in = location.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
