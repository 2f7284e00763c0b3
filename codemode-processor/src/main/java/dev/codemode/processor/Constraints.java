package dev.codemode.processor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nullness and Jakarta (or javax) Bean Validation constraints, read by annotation name from the
 * elements and types that make a property, and written into its JSON Schema.
 */
final class Constraints {

  private static final String[] NULLABLE = {"Nullable", "CheckForNull"};
  private static final String[] NOT_NULL = {"NotNull", "NonNull", "Nonnull"};
  private static final String[] PACKAGES = {
    "jakarta.validation.constraints.", "javax.validation.constraints."
  };

  private final Annotations annotations;

  Constraints(Annotations annotations) {
    this.annotations = annotations;
  }

  /** Whether a {@code @Nullable} (any package) is present and no not-null annotation. */
  static boolean nullable(List<? extends AnnotatedConstruct> sources) {
    return Annotations.hasSimpleName(sources, NULLABLE) && !notNull(sources);
  }

  /** Whether a not-null constraint ({@code @NotNull}, {@code @NotEmpty}, {@code @NotBlank}). */
  static boolean notNull(List<? extends AnnotatedConstruct> sources) {
    return Annotations.hasSimpleName(sources, NOT_NULL)
        || !constraintsNamed(sources, "NotEmpty").isEmpty()
        || !constraintsNamed(sources, "NotBlank").isEmpty();
  }

  /**
   * Writes the constraints of {@code sources} into {@code schema}, a schema of JSON type {@code
   * jsonType} ({@code string}, {@code array}, {@code object}, {@code integer}, {@code number}).
   */
  void apply(ObjectNode schema, String jsonType, List<? extends AnnotatedConstruct> sources) {
    for (AnnotationMirror mirror : constraintsNamed(sources, "Size")) {
      int min = (Integer) attribute(mirror, "min").getValue();
      int max = (Integer) attribute(mirror, "max").getValue();
      String prefix = sizePrefix(jsonType);
      if (prefix != null) {
        if (min > 0) {
          schema.put("min" + prefix, min);
        }
        if (max < Integer.MAX_VALUE) {
          schema.put("max" + prefix, max);
        }
      }
    }
    if (!constraintsNamed(sources, "NotEmpty").isEmpty() || !constraintsNamed(sources, "NotBlank").isEmpty()) {
      String prefix = sizePrefix(jsonType);
      if (prefix != null && !schema.has("min" + prefix)) {
        schema.put("min" + prefix, 1);
      }
    }
    if (!constraintsNamed(sources, "NotBlank").isEmpty() && jsonType.equals("string")) {
      schema.put("pattern", "\\S");
    }
    if (isNumeric(jsonType)) {
      for (AnnotationMirror mirror : constraintsNamed(sources, "Min")) {
        schema.put("minimum", (Long) attribute(mirror, "value").getValue());
      }
      for (AnnotationMirror mirror : constraintsNamed(sources, "Max")) {
        schema.put("maximum", (Long) attribute(mirror, "value").getValue());
      }
      for (AnnotationMirror mirror : constraintsNamed(sources, "DecimalMin")) {
        BigDecimal value = new BigDecimal(annotations.string(mirror, "value"));
        schema.put(annotations.bool(mirror, "inclusive") ? "minimum" : "exclusiveMinimum", value);
      }
      for (AnnotationMirror mirror : constraintsNamed(sources, "DecimalMax")) {
        BigDecimal value = new BigDecimal(annotations.string(mirror, "value"));
        schema.put(annotations.bool(mirror, "inclusive") ? "maximum" : "exclusiveMaximum", value);
      }
      if (!constraintsNamed(sources, "Positive").isEmpty()) {
        schema.put("exclusiveMinimum", 0);
      }
      if (!constraintsNamed(sources, "PositiveOrZero").isEmpty()) {
        schema.put("minimum", 0);
      }
      if (!constraintsNamed(sources, "Negative").isEmpty()) {
        schema.put("exclusiveMaximum", 0);
      }
      if (!constraintsNamed(sources, "NegativeOrZero").isEmpty()) {
        schema.put("maximum", 0);
      }
    }
    if (jsonType.equals("string")) {
      for (AnnotationMirror mirror : constraintsNamed(sources, "Pattern")) {
        // Bean Validation matches the whole value; JSON Schema patterns search, so anchor it.
        schema.put("pattern", "^(?:" + annotations.string(mirror, "regexp") + ")$");
      }
      if (!constraintsNamed(sources, "Email").isEmpty()) {
        schema.put("format", "email");
      }
    }
  }

  private static @Nullable String sizePrefix(String jsonType) {
    return switch (jsonType) {
      case "string" -> "Length";
      case "array" -> "Items";
      case "object" -> "Properties";
      default -> null;
    };
  }

  /** An attribute that every Bean Validation annotation of this name has (with its default). */
  private AnnotationValue attribute(AnnotationMirror mirror, String name) {
    return Objects.requireNonNull(
        annotations.value(mirror, name),
        () -> "@" + Annotations.qualifiedName(mirror) + " has no " + name);
  }

  private static boolean isNumeric(String jsonType) {
    return jsonType.equals("integer") || jsonType.equals("number");
  }

  /** The Bean Validation constraints with the given simple name on any source. */
  private static List<AnnotationMirror> constraintsNamed(
      List<? extends AnnotatedConstruct> sources, String simpleName) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotatedConstruct source : sources) {
      if (source == null) {
        continue;
      }
      for (AnnotationMirror mirror : source.getAnnotationMirrors()) {
        String name = Annotations.qualifiedName(mirror);
        for (String prefix : PACKAGES) {
          if (name.equals(prefix + simpleName)) {
            found.add(mirror);
          }
        }
      }
    }
    return found;
  }
}
