package dev.codemode.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Reads annotations by name from the language model, so the processor needs none of the annotated
 * libraries (Jackson, Bean Validation, nullness annotations) on its own class path.
 */
final class Annotations {

  static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
  static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";
  static final String JSON_IGNORE_PROPERTIES =
      "com.fasterxml.jackson.annotation.JsonIgnoreProperties";
  static final String JSON_PROPERTY_DESCRIPTION =
      "com.fasterxml.jackson.annotation.JsonPropertyDescription";
  static final String JSON_CLASS_DESCRIPTION =
      "com.fasterxml.jackson.annotation.JsonClassDescription";
  static final String JSON_VALUE = "com.fasterxml.jackson.annotation.JsonValue";
  static final String JSON_CREATOR = "com.fasterxml.jackson.annotation.JsonCreator";
  static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";
  static final String JSON_SUB_TYPES = "com.fasterxml.jackson.annotation.JsonSubTypes";
  static final String JSON_TYPE_NAME = "com.fasterxml.jackson.annotation.JsonTypeName";
  static final String JSON_UNWRAPPED = "com.fasterxml.jackson.annotation.JsonUnwrapped";
  static final String JSON_ANY_GETTER = "com.fasterxml.jackson.annotation.JsonAnyGetter";
  static final String JSON_ANY_SETTER = "com.fasterxml.jackson.annotation.JsonAnySetter";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of the given type on a construct, if present. */
  static Optional<AnnotationMirror> find(AnnotatedConstruct construct, String qualifiedName) {
    if (construct == null) {
      return Optional.empty();
    }
    for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The first annotation of the given type on any of the constructs. */
  static Optional<AnnotationMirror> find(List<? extends AnnotatedConstruct> constructs, String name) {
    for (AnnotatedConstruct construct : constructs) {
      Optional<AnnotationMirror> found = find(construct, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static boolean has(AnnotatedConstruct construct, String qualifiedName) {
    return find(construct, qualifiedName).isPresent();
  }

  static boolean has(List<? extends AnnotatedConstruct> constructs, String qualifiedName) {
    return find(constructs, qualifiedName).isPresent();
  }

  /** Whether any construct carries an annotation with one of the simple names. */
  static boolean hasSimpleName(List<? extends AnnotatedConstruct> constructs, String... names) {
    for (AnnotatedConstruct construct : constructs) {
      if (construct == null) {
        continue;
      }
      for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
        String simple = mirror.getAnnotationType().asElement().getSimpleName().toString();
        for (String name : names) {
          if (simple.equals(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** An attribute's value, the default when it is not written. */
  @Nullable AnnotationValue value(AnnotationMirror mirror, String attribute) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** An attribute's value only when it is written explicitly, for pointing diagnostics at it. */
  static @Nullable AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  String string(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  boolean bool(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value != null && Boolean.TRUE.equals(value.getValue());
  }

  /** An enum attribute's constant name ({@code "NAME"} for {@code JsonTypeInfo.Id.NAME}). */
  String enumConstant(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  /** An array attribute's elements (a single value counts as an array of one). */
  List<AnnotationValue> list(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    List<AnnotationValue> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value.getValue() instanceof List<?> items) {
      for (Object item : items) {
        out.add((AnnotationValue) item);
      }
    } else {
      out.add(value);
    }
    return out;
  }

  List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue value : list(mirror, attribute)) {
      out.add(String.valueOf(value.getValue()));
    }
    return out;
  }

  /** A class attribute's type ({@code Class<?> value()}). */
  @Nullable TypeMirror type(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value != null && value.getValue() instanceof DeclaredType type ? type : null;
  }
}
