package dev.codemode.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * The JSON properties of a record or class as Jackson 3 sees them: record components, public
 * fields, getters ({@code getX()}, {@code isX()} for {@code boolean}/{@code Boolean}) and setters,
 * named by the JavaBeans rules ({@code getURL} → {@code URL}, {@code getName} → {@code name}),
 * renamed by {@code @JsonProperty}, dropped by {@code @JsonIgnore} and
 * {@code @JsonIgnoreProperties}; superclass properties first.
 */
final class BeanProperties {

  /**
   * One property.
   *
   * @param name the JSON name
   * @param type its Java type, with the bean's type arguments substituted
   * @param sources the elements that make it (component, field, getter, setter, creator
   *     parameter), whose annotations count
   * @param readable whether serialization writes it
   * @param writable whether deserialization reads it
   * @param description its documentation
   */
  record Property(
      String name,
      TypeMirror type,
      List<Element> sources,
      boolean readable,
      boolean writable,
      String description) {}

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;

  BeanProperties(Elements elements, Types types, Annotations annotations) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
  }

  /** The properties of {@code type}, a record or class. */
  List<Property> of(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    Collector collected = new Collector();
    List<DeclaredType> hierarchy = hierarchy(type);
    for (DeclaredType level : hierarchy) {
      TypeElement levelElement = (TypeElement) level.asElement();
      if (levelElement.getKind() == ElementKind.RECORD) {
        Javadoc doc = Javadoc.parse(elements.getDocComment(levelElement));
        for (RecordComponentElement component : levelElement.getRecordComponents()) {
          ExecutableElement accessor = component.getAccessor();
          TypeMirror componentType =
              accessor != null
                  ? ((ExecutableType) types.asMemberOf(level, accessor)).getReturnType()
                  : component.asType();
          Builder builder = collected.builder(component.getSimpleName().toString(), componentType);
          builder.sources.add(component);
          if (accessor != null) {
            builder.sources.add(accessor);
          }
          builder.readable = true;
          builder.writable = true;
          builder.describe(doc.param(component.getSimpleName().toString()));
        }
      }
      for (VariableElement field : ElementFilter.fieldsIn(levelElement.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        boolean annotated = Annotations.has(field, Annotations.JSON_PROPERTY);
        boolean visible =
            field.getModifiers().contains(Modifier.PUBLIC)
                && !field.getModifiers().contains(Modifier.TRANSIENT);
        String name = field.getSimpleName().toString();
        if (!visible && !annotated) {
          collected.hiddenField(name, field);
          continue;
        }
        Builder builder = collected.builder(name, types.asMemberOf(level, field));
        builder.sources.add(field);
        builder.readable = true;
        builder.writable |= !field.getModifiers().contains(Modifier.FINAL);
        builder.describe(Javadoc.parse(elements.getDocComment(field)).description());
      }
      for (ExecutableElement method : ElementFilter.methodsIn(levelElement.getEnclosedElements())) {
        if (method.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        boolean annotated = Annotations.has(method, Annotations.JSON_PROPERTY);
        if (!method.getModifiers().contains(Modifier.PUBLIC) && !annotated) {
          continue;
        }
        ExecutableType member = (ExecutableType) types.asMemberOf(level, method);
        String getter = getterName(method, member);
        if (getter != null) {
          Builder builder = collected.builder(getter, member.getReturnType());
          builder.sources.add(method);
          builder.readable = true;
          Javadoc doc = Javadoc.parse(elements.getDocComment(method));
          builder.describe(doc.description().isEmpty() ? doc.returns() : doc.description());
          continue;
        }
        String setter = setterName(method);
        if (setter != null) {
          Builder builder = collected.builder(setter, member.getParameterTypes().get(0));
          builder.sources.add(method);
          builder.writable = true;
          builder.describe(Javadoc.parse(elements.getDocComment(method)).description());
        }
      }
    }
    addCreatorParameters(type, element, collected);

    Set<String> ignored = new HashSet<>();
    for (DeclaredType level : hierarchy) {
      Annotations.find(level.asElement(), Annotations.JSON_IGNORE_PROPERTIES)
          .ifPresent(mirror -> ignored.addAll(annotations.strings(mirror, "value")));
    }
    List<Property> properties = new ArrayList<>();
    Map<String, Property> renamed = new LinkedHashMap<>();
    for (Builder builder : collected.byName.values()) {
      if (builder.ignored() || ignored.contains(builder.javaName)) {
        continue;
      }
      String name = builder.jsonName(annotations);
      if (ignored.contains(name)) {
        continue;
      }
      Property property =
          new Property(
              name,
              builder.type,
              List.copyOf(builder.sources),
              builder.readable,
              builder.writable,
              builder.description(annotations));
      Property earlier = renamed.putIfAbsent(name, property);
      if (earlier == null) {
        properties.add(property);
      }
    }
    return properties;
  }

  /**
   * Whether Jackson can create an instance from JSON: a record, a concrete class with an
   * accessible no-arg constructor, or a {@code @JsonCreator}.
   */
  Optional<String> whyNotCreatable(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
      return Optional.empty();
    }
    if (element.getKind() == ElementKind.INTERFACE
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(
          "it is " + (element.getKind() == ElementKind.INTERFACE ? "an interface" : "abstract")
              + " and has no @JsonTypeInfo naming its subtypes, so JSON cannot say which class"
              + " to create");
    }
    if (element.getNestingKind().isNested()
        && !element.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of("it is an inner class; make it static (or a record)");
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (Annotations.has(constructor, Annotations.JSON_CREATOR)) {
        return Optional.empty();
      }
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.empty();
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC)
          && Annotations.has(method, Annotations.JSON_CREATOR)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "it has no no-arg constructor and no @JsonCreator; add one, or make it a record");
  }

  private void addCreatorParameters(DeclaredType type, TypeElement element, Collector collected) {
    if (element.getKind() == ElementKind.RECORD) {
      return;
    }
    List<ExecutableElement> creators = new ArrayList<>();
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (Annotations.has(constructor, Annotations.JSON_CREATOR)) {
        creators.add(constructor);
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC)
          && Annotations.has(method, Annotations.JSON_CREATOR)) {
        creators.add(method);
      }
    }
    for (ExecutableElement creator : creators) {
      ExecutableType member =
          creator.getKind() == ElementKind.CONSTRUCTOR
              ? (ExecutableType) types.asMemberOf(type, creator)
              : (ExecutableType) creator.asType();
      for (int i = 0; i < creator.getParameters().size(); i++) {
        VariableElement parameter = creator.getParameters().get(i);
        Optional<AnnotationMirror> property =
            Annotations.find(parameter, Annotations.JSON_PROPERTY);
        String name =
            property
                .map(mirror -> annotations.string(mirror, "value"))
                .filter(value -> !value.isEmpty())
                .orElse(parameter.getSimpleName().toString());
        Builder builder = collected.byName.get(name);
        if (builder == null) {
          for (Builder candidate : collected.byName.values()) {
            if (name.equals(candidate.explicitName(annotations))) {
              builder = candidate;
              break;
            }
          }
        }
        if (builder == null) {
          builder = collected.builder(name, member.getParameterTypes().get(i));
        }
        builder.sources.add(parameter);
        builder.writable = true;
      }
    }
  }

  private List<DeclaredType> hierarchy(DeclaredType type) {
    List<DeclaredType> chain = new ArrayList<>();
    DeclaredType current = type;
    while (current != null) {
      TypeElement element = (TypeElement) current.asElement();
      if (element.getQualifiedName().contentEquals("java.lang.Object")
          || element.getQualifiedName().contentEquals("java.lang.Record")
          || element.getQualifiedName().contentEquals("java.lang.Enum")) {
        break;
      }
      chain.add(0, current);
      DeclaredType next = null;
      for (TypeMirror supertype : types.directSupertypes(current)) {
        if (supertype.getKind() == TypeKind.DECLARED
            && ((DeclaredType) supertype).asElement().getKind() != ElementKind.INTERFACE) {
          next = (DeclaredType) supertype;
          break;
        }
      }
      current = next;
    }
    if (((TypeElement) type.asElement()).getKind() == ElementKind.INTERFACE) {
      // an interface's getters, inherited ones first
      List<DeclaredType> interfaces = new ArrayList<>();
      collectInterfaces(type, interfaces);
      return interfaces;
    }
    return chain;
  }

  private void collectInterfaces(DeclaredType type, List<DeclaredType> out) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED
          && ((DeclaredType) supertype).asElement().getKind() == ElementKind.INTERFACE) {
        collectInterfaces((DeclaredType) supertype, out);
      }
    }
    if (out.stream().noneMatch(existing -> types.isSameType(existing, type))) {
      out.add(type);
    }
  }

  private static @Nullable String getterName(ExecutableElement method, ExecutableType member) {
    if (!method.getParameters().isEmpty() || member.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String name = method.getSimpleName().toString();
    if (name.equals("getClass")) {
      return null;
    }
    if (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
      return decapitalize(name.substring(3));
    }
    if (name.startsWith("is")
        && name.length() > 2
        && Character.isUpperCase(name.charAt(2))
        && isBoolean(member.getReturnType())) {
      return decapitalize(name.substring(2));
    }
    if (Annotations.has(method, Annotations.JSON_PROPERTY)) {
      return name;
    }
    return null;
  }

  private static @Nullable String setterName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    if (method.getParameters().size() != 1) {
      return null;
    }
    if (name.startsWith("set") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
      return decapitalize(name.substring(3));
    }
    return null;
  }

  private static boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN
        || (type.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .contentEquals("java.lang.Boolean"));
  }

  /** JavaBeans decapitalization: {@code Name} → {@code name}, {@code URL} → {@code URL}. */
  static String decapitalize(String name) {
    if (name.length() > 1
        && Character.isUpperCase(name.charAt(0))
        && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** The properties found so far, by Java name, and the hidden fields that may back them. */
  private final class Collector {
    final Map<String, Builder> byName = new LinkedHashMap<>();
    private final Map<String, VariableElement> hiddenFields = new LinkedHashMap<>();

    /** A private field still carries annotations and docs for its getter and setter. */
    void hiddenField(String name, VariableElement field) {
      Builder existing = byName.get(name);
      if (existing != null) {
        existing.sources.add(field);
      } else {
        hiddenFields.put(name, field);
      }
    }

    Builder builder(String javaName, TypeMirror type) {
      Builder builder = byName.get(javaName);
      if (builder == null) {
        builder = new Builder(javaName, type);
        VariableElement field = hiddenFields.remove(javaName);
        if (field != null) {
          builder.sources.add(field);
          builder.describe(Javadoc.parse(elements.getDocComment(field)).description());
        }
        byName.put(javaName, builder);
      }
      return builder;
    }
  }

  private static final class Builder {
    final String javaName;
    final TypeMirror type;
    final List<Element> sources = new ArrayList<>();
    boolean readable;
    boolean writable;
    String description = "";

    Builder(String javaName, TypeMirror type) {
      this.javaName = javaName;
      this.type = type;
    }

    void describe(String text) {
      if (description.isEmpty() && text != null) {
        description = text;
      }
    }

    boolean ignored() {
      for (Element source : sources) {
        Optional<AnnotationMirror> ignore = Annotations.find(source, Annotations.JSON_IGNORE);
        if (ignore.isPresent()) {
          return true;
        }
      }
      return false;
    }

    @Nullable String explicitName(Annotations annotations) {
      for (Element source : sources) {
        Optional<AnnotationMirror> property = Annotations.find(source, Annotations.JSON_PROPERTY);
        if (property.isPresent()) {
          String value = annotations.string(property.get(), "value");
          if (!value.isEmpty()) {
            return value;
          }
        }
      }
      return null;
    }

    String jsonName(Annotations annotations) {
      String explicit = explicitName(annotations);
      return explicit != null ? explicit : javaName;
    }

    String description(Annotations annotations) {
      for (Element source : sources) {
        Optional<AnnotationMirror> doc =
            Annotations.find(source, Annotations.JSON_PROPERTY_DESCRIPTION);
        if (doc.isPresent()) {
          return annotations.string(doc.get(), "value");
        }
      }
      return description;
    }
  }
}
