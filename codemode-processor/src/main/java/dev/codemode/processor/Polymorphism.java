package dev.codemode.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Jackson polymorphism as the processor maps it: a type with {@code @JsonTypeInfo} (on itself or a
 * supertype) and its subtypes (from {@code @JsonSubTypes} and, for sealed types, the permitted
 * subclasses), each with the type id Jackson writes.
 */
final class Polymorphism {

  /**
   * How a polymorphic base type is written.
   *
   * @param base the type carrying {@code @JsonTypeInfo}
   * @param annotation the {@code @JsonTypeInfo}
   * @param use the {@code JsonTypeInfo.Id} constant name
   * @param include the {@code JsonTypeInfo.As} constant name
   * @param property the type id property, empty for {@code DEDUCTION}
   */
  record TypeInfo(
      TypeElement base,
      @Nullable AnnotationMirror annotation,
      String use,
      String include,
      String property) {

    boolean deduction() {
      return use.equals("DEDUCTION");
    }

    /** Why this type info cannot be mapped to JSON Schema, or empty when it can. */
    Optional<String> unsupported() {
      if (!use.equals("NAME") && !use.equals("SIMPLE_NAME") && !use.equals("DEDUCTION")) {
        return Optional.of(
            "@JsonTypeInfo(use = " + use + ") on " + base.getQualifiedName() + " puts Java class"
                + " names into JSON; use JsonTypeInfo.Id.NAME with @JsonTypeName on the"
                + " subtypes");
      }
      if (!deduction() && !include.equals("PROPERTY") && !include.equals("EXISTING_PROPERTY")) {
        return Optional.of(
            "@JsonTypeInfo(include = " + include + ") on " + base.getQualifiedName() + " is not"
                + " supported; use JsonTypeInfo.As.PROPERTY (the default)");
      }
      return Optional.empty();
    }
  }

  /**
   * One subtype.
   *
   * @param type the subtype
   * @param id its type id
   */
  record Subtype(DeclaredType type, String id) {}

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;

  Polymorphism(Elements elements, Types types, Annotations annotations) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
  }

  /** The type info that applies to {@code type}: its own or the nearest supertype's. */
  Optional<TypeInfo> typeInfo(TypeElement type) {
    Optional<AnnotationMirror> own = Annotations.find(type, Annotations.JSON_TYPE_INFO);
    if (own.isPresent()) {
      AnnotationMirror mirror = own.get();
      String use = annotations.enumConstant(mirror, "use");
      if (use.equals("NONE")) {
        return Optional.empty();
      }
      String include = annotations.enumConstant(mirror, "include");
      String property = annotations.string(mirror, "property");
      if (property.isEmpty() && !use.equals("DEDUCTION")) {
        property = use.equals("NAME") || use.equals("SIMPLE_NAME") ? "@type" : "@class";
      }
      return Optional.of(new TypeInfo(type, mirror, use, include, property));
    }
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        Optional<TypeInfo> inherited =
            typeInfo((TypeElement) ((DeclaredType) supertype).asElement());
        if (inherited.isPresent()) {
          return inherited;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code type} is a base whose instances are one of several subtypes. */
  boolean isBase(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || type.getModifiers().contains(Modifier.SEALED)
        || Annotations.has(type, Annotations.JSON_SUB_TYPES);
  }

  /** The concrete subtypes of {@code base} with their ids, in declaration order, no duplicates. */
  List<Subtype> subtypes(TypeElement base, TypeInfo info) {
    List<Subtype> out = new ArrayList<>();
    collect(base, info, out);
    return out;
  }

  private void collect(TypeElement type, TypeInfo info, List<Subtype> out) {
    Optional<AnnotationMirror> subTypes = Annotations.find(type, Annotations.JSON_SUB_TYPES);
    if (subTypes.isPresent()) {
      for (AnnotationValue entry : annotations.list(subTypes.get(), "value")) {
        AnnotationMirror typeEntry = (AnnotationMirror) entry.getValue();
        TypeMirror subtype = annotations.type(typeEntry, "value");
        if (subtype == null) {
          continue;
        }
        String name = annotations.string(typeEntry, "name");
        if (name.isEmpty()) {
          List<String> names = annotations.strings(typeEntry, "names");
          name = names.isEmpty() ? "" : names.get(0);
        }
        add((DeclaredType) subtype, name, info, out);
      }
    }
    for (TypeMirror permitted : type.getPermittedSubclasses()) {
      add((DeclaredType) permitted, "", info, out);
    }
  }

  private void add(DeclaredType subtype, String explicitId, TypeInfo info, List<Subtype> out) {
    TypeElement element = (TypeElement) subtype.asElement();
    if (out.stream().anyMatch(existing -> types.isSameType(existing.type(), subtype))) {
      return;
    }
    if (isBase(element) && element.getKind() != ElementKind.RECORD
        && (element.getKind() == ElementKind.INTERFACE
            || element.getModifiers().contains(Modifier.ABSTRACT))) {
      collect(element, info, out); // a sealed sub-interface: its own subtypes
      return;
    }
    out.add(new Subtype(subtype, explicitId.isEmpty() ? typeId(element, info) : explicitId));
  }

  /** The id Jackson writes for a concrete subtype: {@code @JsonTypeName}, else a default. */
  String typeId(TypeElement subtype, TypeInfo info) {
    Optional<AnnotationMirror> typeName = Annotations.find(subtype, Annotations.JSON_TYPE_NAME);
    if (typeName.isPresent()) {
      String value = annotations.string(typeName.get(), "value");
      if (!value.isEmpty()) {
        return value;
      }
    }
    if (info.use().equals("SIMPLE_NAME")) {
      return subtype.getSimpleName().toString();
    }
    // Id.NAME default: the binary class name without its package (Outer$Inner for nested types)
    String binary = elements.getBinaryName(subtype).toString();
    PackageElement pkg = elements.getPackageOf(subtype);
    return pkg.isUnnamed() ? binary : binary.substring(pkg.getQualifiedName().length() + 1);
  }
}
