package dev.codemode.processor;

import dev.codemode.annotations.Connector;
import dev.codemode.annotations.OpenApi;
import dev.codemode.annotations.Tool;
import dev.codemode.openapi.OpenApiConnector;
import dev.codemode.openapi.build.DerivedApi;
import dev.codemode.openapi.build.OpenApiDerivation;
import dev.codemode.openapi.build.SpecException;
import dev.codemode.openapi.build.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Validates an {@code @OpenApi} class and derives its tools from the spec: the class must be a
 * public subclass of {@code dev.codemode.openapi.OpenApiConnector} without {@code @Connector} or
 * {@code @Tool}, and the spec must be found on the source path or class path and derive cleanly.
 * Every problem is reported on the class, on the annotation's {@code spec} value where it is about
 * the spec.
 */
final class OpenApiReader {

  static final String BASE_CLASS = "dev.codemode.openapi.OpenApiConnector";

  /** Where a spec is looked for, in this order. */
  private static final List<JavaFileManager.Location> SPEC_LOCATIONS =
      List.of(
          StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH, StandardLocation.CLASS_OUTPUT);

  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final Annotations annotations;
  private final ConnectorReader connectors;

  OpenApiReader(ProcessingEnvironment environment, ConnectorReader connectors) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.filer = environment.getFiler();
    this.annotations = new Annotations(elements);
    this.connectors = connectors;
  }

  /**
   * Reads an {@code @OpenApi} class.
   *
   * @return the model, or empty when there were errors (recorded in {@code diagnostics})
   */
  Optional<OpenApiModel> read(TypeElement type, Diagnostics diagnostics) {
    AnnotationMirror openApi = Annotations.find(type, OpenApi.class.getName()).orElseThrow();
    connectors.checkClass(type, "@OpenApi", diagnostics);
    checkBaseClass(type, diagnostics);
    if (Annotations.find(type, Connector.class.getName()).isPresent()) {
      diagnostics.error(
          type,
          "Class " + type.getSimpleName() + " has both @OpenApi and @Connector; an @OpenApi"
              + " class gets its tools from the spec. Keep one: move hand-written tools to a"
              + " separate @Connector class");
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.find(method, Tool.class.getName()).isPresent()) {
        diagnostics.error(
            method,
            "@Tool method " + method.getSimpleName() + " is in @OpenApi class "
                + type.getSimpleName() + ", whose tools all come from the spec; move it to a"
                + " @Connector class");
      }
    }
    String name = connectors.connectorName(type, openApi, diagnostics);
    String spec = annotations.string(openApi, "spec").strip();
    AnnotationValue specValue = Annotations.explicitValue(openApi, "spec");
    if (spec.isEmpty()) {
      diagnostics.error(
          type,
          openApi,
          specValue,
          "@OpenApi(spec) is empty; give the resource path of the OpenAPI or Swagger file, such"
              + " as \"petstore.yaml\" in src/main/resources");
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    Optional<SpecSource> source = findSpec(type, spec, openApi, specValue, diagnostics);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String description = Javadoc.parse(elements.getDocComment(type)).description();
    DerivedApi derived;
    try {
      derived =
          OpenApiDerivation.derive(
              source.get(), name, description, List.of(OpenApiConnector.requestTool()));
    } catch (SpecException e) {
      diagnostics.error(
          type, openApi, specValue, Objects.requireNonNullElse(e.getMessage(), e.toString()));
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      diagnostics.error(
          type,
          openApi,
          specValue,
          "Could not derive tools from OpenAPI spec " + spec + ": " + e
              + ". This is a bug of the Codemode OpenAPI derivation; please report it with the"
              + " spec");
      return Optional.empty();
    }
    if (!derived.warnings().isEmpty()) {
      diagnostics.warning(type, warningText(spec, derived.warnings()));
    }
    return Optional.of(
        new OpenApiModel(
            type,
            spec,
            connectors.definitionClass(type),
            derived,
            connectors.instantiable(type)));
  }

  private void checkBaseClass(TypeElement type, Diagnostics diagnostics) {
    TypeElement base = elements.getTypeElement(BASE_CLASS);
    if (base == null) {
      diagnostics.error(
          type,
          "@OpenApi class " + type.getSimpleName() + " needs " + BASE_CLASS + ", which is not on"
              + " the class path; add the dependency dev.codemode:codemode-openapi");
      return;
    }
    if (!types.isSubtype(types.erasure(type.asType()), types.erasure(base.asType()))) {
      diagnostics.error(
          type,
          "@OpenApi class " + type.getSimpleName() + " must extend " + BASE_CLASS + ", which"
              + " sends the spec's operations over HTTP; declare it `extends OpenApiConnector`");
    }
  }

  /**
   * Finds the spec: the path as given from the root of the source path, class path and class
   * output, then relative to the class's package.
   */
  private Optional<SpecSource> findSpec(
      TypeElement type,
      String spec,
      AnnotationMirror openApi,
      @Nullable AnnotationValue specValue,
      Diagnostics diagnostics) {
    String path = spec.startsWith("/") ? spec.substring(1) : spec;
    List<String> candidates = new ArrayList<>();
    candidates.add(path);
    PackageElement pkg = elements.getPackageOf(type);
    if (!spec.startsWith("/") && !pkg.isUnnamed()) {
      candidates.add(pkg.getQualifiedName().toString().replace('.', '/') + "/" + path);
    }
    List<String> tried = new ArrayList<>();
    for (String candidate : candidates) {
      for (JavaFileManager.Location location : SPEC_LOCATIONS) {
        tried.add(location.getName() + ":" + candidate);
        Optional<SpecSource> found = read(location, candidate, spec);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    diagnostics.error(
        type,
        openApi,
        specValue,
        "OpenAPI spec \"" + spec + "\" was not found on the source path, class path or class"
            + " output (tried " + String.join(", ", tried) + "). Put the file in"
            + " src/main/resources (or next to the class) and give its path from there");
    return Optional.empty();
  }

  private Optional<SpecSource> read(JavaFileManager.Location location, String path, String spec) {
    FileObject file;
    try {
      file = filer.getResource(location, "", path);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty(); // the location is not configured in this compilation
    }
    String text;
    try (InputStream in = file.openInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = file.toUri();
    } catch (RuntimeException e) {
      uri = null;
    }
    return Optional.of(new SpecSource(spec, uri, text));
  }

  /** All warnings in one message, at most {@value #SHOWN_WARNINGS} of them listed. */
  private static String warningText(String spec, List<String> warnings) {
    StringBuilder text =
        new StringBuilder("OpenAPI spec ")
            .append(spec)
            .append(": ")
            .append(warnings.size())
            .append(warnings.size() == 1 ? " warning" : " warnings");
    for (int i = 0; i < Math.min(SHOWN_WARNINGS, warnings.size()); i++) {
      text.append("\n  - ").append(warnings.get(i));
    }
    if (warnings.size() > SHOWN_WARNINGS) {
      text.append("\n  ... and ").append(warnings.size() - SHOWN_WARNINGS).append(" more");
    }
    return text.toString();
  }

  private static final int SHOWN_WARNINGS = 25;
}
