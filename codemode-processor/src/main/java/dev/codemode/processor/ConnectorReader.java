package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import dev.codemode.annotations.Connector;
import dev.codemode.annotations.Param;
import dev.codemode.annotations.Replay;
import dev.codemode.annotations.Revert;
import dev.codemode.annotations.Tool;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolNames;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.processor.SchemaFactory.Conversion;
import dev.codemode.processor.SchemaFactory.Definitions;
import dev.codemode.processor.SchemaFactory.Problem;
import dev.codemode.processor.ToolModel.Output;
import dev.codemode.processor.ToolModel.ParameterModel;
import dev.codemode.processor.ToolModel.RevertModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one {@code @Connector} class and reads it into a {@link ConnectorModel}. Every problem
 * is recorded in {@link Diagnostics} on the offending element (and annotation attribute), with a
 * message that says how to fix it; nothing is generated for a connector with errors.
 */
final class ConnectorReader {

  static final String SUFFIX = "_Codemode";

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;
  private final SchemaFactory schemas;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  ConnectorReader(ProcessingEnvironment environment, SchemaFactory schemas) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.annotations = new Annotations(elements);
    this.schemas = schemas;
  }

  /**
   * Reads a connector class.
   *
   * @return the model, or empty when there were errors (recorded in {@code diagnostics})
   * @throws SchemaFactory.UnresolvedTypeException when a type it uses is not generated yet
   */
  Optional<ConnectorModel> read(TypeElement type, Diagnostics diagnostics) {
    AnnotationMirror connector = Annotations.find(type, Connector.class.getName()).orElseThrow();
    checkClass(type, "@Connector", diagnostics);
    String name = connectorName(type, connector, diagnostics);
    String description = annotations.string(connector, "description");
    if (description.isEmpty()) {
      description = Javadoc.parse(elements.getDocComment(type)).description();
    }

    Definitions definitions = schemas.newDefinitions();
    List<ToolModel> tools = new ArrayList<>();
    Map<String, ExecutableElement> toolNames = new LinkedHashMap<>();
    Map<String, ExecutableElement> typeNames = new LinkedHashMap<>();
    List<ExecutableElement> toolMethods = toolMethods(type);
    Map<ExecutableElement, ToolModel> drafts = new LinkedHashMap<>();
    for (ExecutableElement method : toolMethods) {
      ToolModel draft = readTool(method, definitions, diagnostics);
      if (draft == null) {
        continue;
      }
      ExecutableElement earlier = toolNames.putIfAbsent(ToolNames.sanitize(draft.name()), method);
      AnnotationMirror tool = Annotations.find(method, Tool.class.getName()).orElseThrow();
      if (earlier != null) {
        diagnostics.error(
            method,
            tool,
            Annotations.explicitValue(tool, "name"),
            "Tool name \"" + draft.name() + "\" is already used by " + describe(earlier)
                + " in this connector; give one of them another name with @Tool(name = \"...\")");
        continue;
      }
      ExecutableElement sameTypeName =
          typeNames.putIfAbsent(ToolNames.pascalCase(draft.name()), method);
      if (sameTypeName != null) {
        diagnostics.warning(
            method,
            "Tool \"" + draft.name() + "\" and " + describe(sameTypeName) + " both give the"
                + " TypeScript type name " + ToolNames.pascalCase(draft.name()) + "Input; the"
                + " later one is renamed with a number. Rename one of the tools to keep the"
                + " names readable");
      }
      drafts.put(method, draft);
    }
    Map<String, RevertModel> reverts = readReverts(type, drafts, diagnostics);
    for (ToolModel draft : drafts.values()) {
      tools.add(draft.withRevert(reverts.get(draft.name())));
    }
    if (toolMethods.isEmpty()) {
      diagnostics.warning(
          type,
          "@Connector class " + type.getSimpleName() + " has no @Tool methods, so model code"
              + " cannot do anything with it; annotate its public methods with @Tool");
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new ConnectorModel(
            type, name, description, definitionClass(type), tools, instantiable(type)));
  }

  /** The class generated for a connector: {@code Outer_Inner_Codemode} in the same package. */
  ClassName definitionClass(TypeElement type) {
    ClassName connector = ClassName.get(type);
    return ClassName.get(
        connector.packageName(), String.join("_", connector.simpleNames()) + SUFFIX);
  }

  /**
   * Checks what every connector class needs, whichever annotation makes it one: a public class,
   * top level or static nested in public classes, not generic.
   *
   * @param label the annotation, for messages ({@code @Connector}, {@code @OpenApi})
   */
  void checkClass(TypeElement type, String label, Diagnostics diagnostics) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      diagnostics.error(
          type,
          label + " goes on a class, not on " + kindName(type) + " " + type.getSimpleName()
              + "; put it on the class that implements the tools");
      return;
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      diagnostics.error(
          type,
          label + " class " + type.getSimpleName() + " must be public so the runtime can"
              + " use it; declare it public");
    }
    if (type.getNestingKind() == NestingKind.MEMBER) {
      if (!type.getModifiers().contains(Modifier.STATIC)) {
        diagnostics.error(
            type,
            label + " class " + type.getSimpleName() + " is an inner class; declare it static"
                + " (or move it to its own file)");
      }
      Element enclosing = type.getEnclosingElement();
      while (enclosing instanceof TypeElement outer) {
        if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
          diagnostics.error(
              type,
              label + " class " + type.getSimpleName() + " is nested in "
                  + outer.getSimpleName() + ", which is not public; make "
                  + outer.getSimpleName() + " public");
        }
        enclosing = outer.getEnclosingElement();
      }
    } else if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      diagnostics.error(
          type, label + " goes on a top-level or static nested class, not a local class");
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(
          type,
          label + " class " + type.getSimpleName() + " is generic; the types of its tools must"
              + " be fixed at compile time. Remove the type parameters (a subclass that binds"
              + " them can be the connector)");
    }
  }

  /**
   * The connector's name: the annotation's {@code name}, or the one derived from the class name.
   * A name that cannot be a sandbox global is an error on the annotation's {@code name}.
   */
  String connectorName(TypeElement type, AnnotationMirror connector, Diagnostics diagnostics) {
    String explicit = annotations.string(connector, "name");
    String name =
        explicit.isEmpty()
            ? ToolNames.defaultConnectorName(type.getSimpleName().toString())
            : explicit;
    String problem = ToolNames.connectorNameProblem(name);
    if (problem != null) {
      String suggestion = ToolNames.sanitize(name);
      if (ToolNames.connectorNameProblem(suggestion) != null) {
        suggestion = suggestion + "Connector";
      }
      diagnostics.error(
          type,
          connector,
          Annotations.explicitValue(connector, "name"),
          "Connector name \"" + name + "\" cannot be used: " + problem + ". It becomes a"
              + " global of the sandbox; set @"
              + connector.getAnnotationType().asElement().getSimpleName() + "(name = \""
              + suggestion + "\")");
    }
    return name;
  }

  /** The {@code @Tool} methods declared by the connector class, in source order. */
  private static List<ExecutableElement> toolMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.has(method, Tool.class.getName())) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** Reads one tool; its revert method is attached later. {@code null} after errors. */
  private @Nullable ToolModel readTool(
      ExecutableElement method, Definitions definitions, Diagnostics diagnostics) {
    AnnotationMirror tool = Annotations.find(method, Tool.class.getName()).orElseThrow();
    boolean valid = true;
    String methodName = method.getSimpleName().toString();
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      diagnostics.error(
          method,
          "@Tool method " + methodName + " must be public so the generated dispatch code can"
              + " call it; declare it public");
      valid = false;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(
          method,
          "@Tool method " + methodName + " must not be static: tools run on a connector"
              + " instance. Remove static");
      valid = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      diagnostics.error(
          method,
          "@Tool method " + methodName + " is generic; its JSON types must be fixed at compile"
              + " time. Replace the type parameters with concrete types");
      valid = false;
    }
    String explicitName = annotations.string(tool, "name");
    String name = explicitName.isEmpty() ? methodName : explicitName;
    String nameProblem = ToolNames.toolNameProblem(name);
    if (nameProblem != null) {
      diagnostics.error(
          method,
          tool,
          Annotations.explicitValue(tool, "name"),
          "Tool name \"" + name + "\" cannot be used: " + nameProblem + ". Set @Tool(name = \""
              + ToolNames.sanitize(name) + "\")");
      valid = false;
    }
    boolean requiresApproval = annotations.bool(tool, "requiresApproval");
    Replay replay = Replay.valueOf(annotations.enumConstant(tool, "replay"));
    if (requiresApproval && replay == Replay.REEXECUTE) {
      diagnostics.error(
          method,
          tool,
          Annotations.explicitValue(tool, "replay"),
          "@Tool " + name + " has requiresApproval = true and replay = REEXECUTE: an approved"
              + " call must run once and be recorded, not run again on every replay. Use"
              + " replay = RECORD, or drop requiresApproval");
      valid = false;
    }
    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    String description = annotations.string(tool, "description");
    if (description.isEmpty()) {
      description = doc.description();
    }

    Conversion input = definitions.conversion();
    ObjectNode properties = nodes.objectNode();
    ArrayNode required = nodes.arrayNode();
    List<String> propertyNames = new ArrayList<>();
    List<Boolean> requiredFlags = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> param = Annotations.find(parameter, Param.class.getName());
      String javaName = parameter.getSimpleName().toString();
      String propertyName =
          param.map(mirror -> annotations.string(mirror, "name"))
              .filter(text -> !text.isEmpty())
              .orElse(javaName);
      if (propertyNames.contains(propertyName)) {
        diagnostics.error(
            parameter,
            param.orElse(null),
            param.map(mirror -> Annotations.explicitValue(mirror, "name")).orElse(null),
            "Two parameters of tool " + name + " are named \"" + propertyName + "\"; give one"
                + " another name with @Param(name = \"...\")");
        valid = false;
      }
      TypeMirror type = parameter.asType();
      List<AnnotatedConstruct> sources = List.of(parameter, type);
      boolean optionalType = schemas.isOptional(type);
      boolean nullable = Constraints.nullable(sources);
      if (nullable && type.getKind().isPrimitive()) {
        diagnostics.error(
            parameter,
            "Parameter " + javaName + " of tool " + name + " is @Nullable but has the primitive"
                + " type " + type + ", which cannot be null; use "
                + types.boxedClass((javax.lang.model.type.PrimitiveType) type).getSimpleName());
        valid = false;
      }
      boolean isRequired = !(optionalType || nullable);
      String paramDescription =
          param.map(mirror -> annotations.string(mirror, "description"))
              .filter(text -> !text.isEmpty())
              .orElse(doc.param(javaName));
      ObjectNode schema =
          input.property(
              type, sources, !isRequired, paramDescription, "parameter " + javaName);
      properties.set(propertyName, schema);
      if (isRequired) {
        required.add(propertyName);
      }
      propertyNames.add(propertyName);
      requiredFlags.add(isRequired);
    }
    ObjectNode inputRoot = nodes.objectNode().put("type", "object");
    inputRoot.set("properties", properties);
    if (!required.isEmpty()) {
      inputRoot.set("required", required);
    }
    inputRoot.put("additionalProperties", false);
    ObjectNode inputSchema = input.finish(inputRoot);
    for (Problem problem : input.problems()) {
      diagnostics.error(
          elementFor(method, problem),
          "Tool " + name + ": " + problem.location() + ": " + problem.message());
      valid = false;
    }
    for (Problem problem : input.creationProblems()) {
      diagnostics.error(
          method,
          "Tool " + name + ": its input uses " + problem.location() + ", which "
              + problem.message());
      valid = false;
    }

    Output output = output(method, name, diagnostics);
    JsonNode outputSchema = NullNode.getInstance();
    TypeMirror valueType = output == null ? null : output.valueType();
    if (output == null) {
      valid = false;
    } else if (valueType != null) {
      Conversion result = definitions.conversion();
      boolean nullableResult =
          schemas.isOptional(valueType) || Constraints.nullable(List.of(method, valueType));
      ObjectNode value =
          result.property(
              valueType,
              List.of(method),
              nullableResult,
              doc.returns(),
              "return type");
      outputSchema = result.finish(value);
      for (Problem problem : result.problems()) {
        diagnostics.error(
            method, "Tool " + name + ": " + problem.location() + ": " + problem.message());
        valid = false;
      }
    }
    if (!valid || output == null) {
      return null;
    }
    List<ParameterModel> parameters = new ArrayList<>();
    for (int i = 0; i < propertyNames.size(); i++) {
      String property = propertyNames.get(i);
      String expected = expected(properties.get(property), inputSchema);
      parameters.add(
          new ParameterModel(
              property, method.getParameters().get(i).asType(), requiredFlags.get(i), expected));
    }
    return new ToolModel(
        method,
        name,
        description,
        parameters,
        output,
        requiresApproval,
        replay,
        null,
        inputSchema,
        outputSchema);
  }

  /**
   * What a property must be, for error messages: its TypeScript type, except that JSON Schema's
   * {@code integer} is named as such (TypeScript only has {@code number}, and "expected number, got
   * number 1.5" would not say what is wrong).
   */
  static String expected(JsonNode property, JsonNode root) {
    String type = TypeScriptRenderer.typeExpression(property, root);
    JsonNode value = property;
    JsonNode anyOf = property.get("anyOf");
    if (anyOf != null && anyOf.size() == 2 && "null".equals(anyOf.get(1).path("type").asString(""))) {
      value = anyOf.get(0);
    }
    if ("integer".equals(value.path("type").asString("")) && type.startsWith("number")) {
      return "integer" + type.substring("number".length());
    }
    return type;
  }

  /** The parameter a problem is about, so the error points at it; else the method. */
  private static Element elementFor(ExecutableElement method, Problem problem) {
    for (VariableElement parameter : method.getParameters()) {
      String prefix = "parameter " + parameter.getSimpleName();
      if (problem.location().equals(prefix)
          || problem.location().startsWith(prefix + ".")
          || problem.location().startsWith(prefix + "[")) {
        return parameter;
      }
    }
    return method;
  }

  /** The tool's output, or {@code null} after reporting an unsupported return type. */
  private @Nullable Output output(
      ExecutableElement method, String toolName, Diagnostics diagnostics) {
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      return new Output(false, null);
    }
    if (returnType.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) returnType;
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      if (name.equals("java.lang.Void")) {
        return new Output(false, null);
      }
      if (name.equals("java.util.concurrent.CompletionStage")
          || name.equals("java.util.concurrent.CompletableFuture")) {
        if (declared.getTypeArguments().isEmpty()) {
          diagnostics.error(
              method,
              "Tool " + toolName + " returns a raw " + declared.asElement().getSimpleName()
                  + "; say what it completes with, for example CompletionStage<Task>, or"
                  + " CompletionStage<Void> for nothing");
          return null;
        }
        TypeMirror value = declared.getTypeArguments().get(0);
        if (value.getKind() == TypeKind.WILDCARD) {
          TypeMirror bound = ((javax.lang.model.type.WildcardType) value).getExtendsBound();
          value = bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
        }
        boolean nothing =
            value.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) value).asElement())
                    .getQualifiedName()
                    .contentEquals("java.lang.Void");
        return new Output(true, nothing ? null : value);
      }
      if (isSubtypeOf(declared, "java.util.concurrent.Future")
          || isSubtypeOf(declared, "java.util.concurrent.CompletionStage")) {
        diagnostics.error(
            method,
            "Tool " + toolName + " returns " + name + "; an asynchronous tool must be declared to"
                + " return CompletionStage<T> or CompletableFuture<T>");
        return null;
      }
    }
    return new Output(false, returnType);
  }

  private boolean isSubtypeOf(DeclaredType type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
  }

  private Map<String, RevertModel> readReverts(
      TypeElement type, Map<ExecutableElement, ToolModel> drafts, Diagnostics diagnostics) {
    Map<String, ToolModel> byName = new LinkedHashMap<>();
    drafts.values().forEach(draft -> byName.put(draft.name(), draft));
    Map<String, RevertModel> reverts = new LinkedHashMap<>();
    Map<String, ExecutableElement> seen = new LinkedHashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> revert = Annotations.find(method, Revert.class.getName());
      if (revert.isEmpty()) {
        continue;
      }
      AnnotationValue target = Annotations.explicitValue(revert.get(), "value");
      String toolName = annotations.string(revert.get(), "value");
      if (!method.getModifiers().contains(Modifier.PUBLIC)
          || method.getModifiers().contains(Modifier.STATIC)) {
        diagnostics.error(
            method,
            "@Revert method " + method.getSimpleName() + " must be a public instance method;"
                + " declare it public and not static");
        continue;
      }
      ToolModel tool = byName.get(toolName);
      if (tool == null) {
        if (isToolWithErrors(toolName, type)) {
          continue; // the tool itself was reported
        }
        String hint =
            Suggestions.closest(toolName, byName.keySet())
                .map(match -> " Did you mean \"" + match + "\"?")
                .orElse("");
        diagnostics.error(
            method,
            revert.get(),
            target,
            "@Revert(\"" + toolName + "\") names no tool of this connector." + hint
                + (byName.isEmpty()
                    ? " It has no valid tools."
                    : " Its tools: " + String.join(", ", byName.keySet())));
        continue;
      }
      ExecutableElement earlier = seen.putIfAbsent(toolName, method);
      if (earlier != null) {
        diagnostics.error(
            method,
            revert.get(),
            target,
            "Tool " + toolName + " already has the @Revert method " + earlier.getSimpleName()
                + "; keep one");
        continue;
      }
      RevertModel model = readRevert(method, tool, diagnostics);
      if (model != null) {
        reverts.put(toolName, model);
      }
    }
    return reverts;
  }

  private boolean isToolWithErrors(String toolName, TypeElement type) {
    for (ExecutableElement method : toolMethods(type)) {
      AnnotationMirror tool = Annotations.find(method, Tool.class.getName()).orElseThrow();
      String explicit = annotations.string(tool, "name");
      String name = explicit.isEmpty() ? method.getSimpleName().toString() : explicit;
      if (name.equals(toolName)) {
        return true;
      }
    }
    return false;
  }

  private @Nullable RevertModel readRevert(
      ExecutableElement method, ToolModel tool, Diagnostics diagnostics) {
    List<Integer> sources = new ArrayList<>();
    List<? extends VariableElement> toolParameters = tool.method().getParameters();
    List<? extends VariableElement> parameters = method.getParameters();
    boolean valid = true;
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      String name = parameter.getSimpleName().toString();
      int match = -1;
      for (int j = 0; j < toolParameters.size(); j++) {
        if (toolParameters.get(j).getSimpleName().contentEquals(name)) {
          match = j;
        }
      }
      if (match >= 0) {
        TypeMirror expected = toolParameters.get(match).asType();
        if (!types.isSameType(types.erasure(expected), types.erasure(parameter.asType()))
            || !types.isSameType(expected, parameter.asType())) {
          diagnostics.error(
              parameter,
              "Parameter " + name + " of @Revert method " + method.getSimpleName()
                  + " receives the argument " + name + " of tool " + tool.name()
                  + ", so its type must be " + expected + ", not " + parameter.asType());
          valid = false;
        }
        sources.add(match);
        continue;
      }
      boolean last = i == parameters.size() - 1;
      TypeMirror result = tool.output().valueType();
      if (last
          && result != null
          && types.isAssignable(types.erasure(result), types.erasure(parameter.asType()))) {
        sources.add(RevertModel.RESULT);
        continue;
      }
      String toolParameterNames =
          toolParameters.isEmpty()
              ? "it has none"
              : "it has "
                  + String.join(
                      ", ", toolParameters.stream().map(p -> p.getSimpleName().toString()).toList());
      diagnostics.error(
          parameter,
          "Parameter " + name + " of @Revert method " + method.getSimpleName() + " matches no"
              + " parameter of tool " + tool.name() + " by name (" + toolParameterNames + ")"
              + (result == null
                  ? ", and the tool returns nothing"
                  : last
                      ? " and is not of the tool's result type " + result
                      : "; only the last parameter can receive the tool's result (" + result
                          + ")")
              + ". Name it after a tool parameter, or make it the last parameter with the"
              + " tool's result type");
      valid = false;
    }
    TypeMirror returnType = method.getReturnType();
    boolean async = false;
    if (returnType.getKind() != TypeKind.VOID) {
      if (returnType.getKind() == TypeKind.DECLARED
          && isSubtypeOf((DeclaredType) returnType, "java.util.concurrent.CompletionStage")) {
        async = true;
      } else {
        diagnostics.error(
            method,
            "@Revert method " + method.getSimpleName() + " returns " + returnType + "; a revert"
                + " method returns void, or a CompletionStage when it finishes later");
        valid = false;
      }
    }
    return valid ? new RevertModel(method, sources, async) : null;
  }

  /** Whether the class is concrete with a public no-arg constructor. */
  boolean instantiable(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(type.getEnclosedElements());
    for (ExecutableElement constructor : constructors) {
      if (constructor.getParameters().isEmpty()
          && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ExecutableElement method) {
    return "method " + method.getSimpleName() + "()";
  }

  private static String kindName(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case ANNOTATION_TYPE -> "annotation type";
      default -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
