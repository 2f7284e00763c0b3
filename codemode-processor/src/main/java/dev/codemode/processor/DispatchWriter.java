package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolNames;
import dev.codemode.core.dispatch.AbstractConnectorDefinition;
import dev.codemode.core.dispatch.JavaTypes;
import dev.codemode.core.dispatch.ParameterSignature;
import dev.codemode.core.dispatch.ToolArguments;
import dev.codemode.core.dispatch.ToolSignature;
import dev.codemode.processor.ToolModel.ParameterModel;
import dev.codemode.processor.ToolModel.RevertModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * Writes the {@code X_Codemode} class of a {@code @Connector} class (the parts every definition
 * class has come from {@link DefinitionWriter}): a reflection-free dispatch table that decodes
 * each argument from the JSON input, calls the tool method and encodes its result.
 *
 * <p>Per tool there is a {@link ToolSignature} constant (property names, which are required, what
 * each expects), a {@code JavaType} constant per generic parameter, and a private method that does
 * the call. Connectors with many tools keep their constants in nested holder classes of {@value
 * #TOOLS_PER_HOLDER} tools and split the dispatch switch in methods of {@value
 * #TOOLS_PER_SWITCH} cases, so no method nears the JVM's 64 KB limit.
 */
final class DispatchWriter extends DefinitionWriter<ConnectorModel> {

  static final int TOOLS_PER_HOLDER = 150;
  static final int TOOLS_PER_SWITCH = 400;

  private static final TypeName JSON_NODE = ClassName.get(JsonNode.class);
  private static final TypeName JSON_RESULT =
      ParameterizedTypeName.get(ClassName.get(CompletionStage.class), JSON_NODE);
  private static final TypeName VOID_RESULT =
      ParameterizedTypeName.get(ClassName.get(CompletionStage.class), ClassName.get(Void.class));

  DispatchWriter(Elements elements, Types types) {
    super(elements, types);
  }

  /** Constant names of one tool, and the holder class they live in ({@code null}: top level). */
  private record ToolConstants(
      @Nullable String holder,
      String signature,
      Map<Integer, String> parameterTypes,
      @Nullable String resultType) {

    CodeBlock signatureReference() {
      return holder == null ? CodeBlock.of("$N", signature) : CodeBlock.of("$N.$N", holder, signature);
    }

    CodeBlock typeReference(String field) {
      return holder == null ? CodeBlock.of("$N", field) : CodeBlock.of("$N.$N", holder, field);
    }
  }

  @Override
  protected TypeName superclass(TypeName connectorType) {
    return ParameterizedTypeName.get(
        ClassName.get(AbstractConnectorDefinition.class), connectorType);
  }

  @Override
  protected CodeBlock description(ConnectorModel connector, TypeName connectorType) {
    return CodeBlock.of(
        """
        The Codemode definition of connector {@code $L}: descriptor, TypeScript and a
        dispatch table for {@link $T}.""",
        connector.name(),
        connectorType);
  }

  @Override
  protected void addMembers(
      TypeSpec.Builder definition,
      ConnectorModel connector,
      TypeName connectorType,
      ResourceHashes hashes) {
    NameAllocator classNames = new NameAllocator();
    for (String reserved :
        List.of("RESOURCES", "codec", "dispatch", "dispatchRevert", "newInstance")) {
      classNames.newName(reserved, reserved);
    }
    List<ToolModel> tools = connector.tools();
    Map<ToolModel, ToolConstants> constants = new LinkedHashMap<>();
    boolean holders = tools.size() > TOOLS_PER_HOLDER;
    List<TypeSpec.Builder> holderClasses = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      ToolModel tool = tools.get(i);
      TypeSpec.Builder target = definition;
      String holder = null;
      if (holders) {
        int index = i / TOOLS_PER_HOLDER;
        holder = "Tools" + index;
        if (index == holderClasses.size()) {
          holderClasses.add(
              TypeSpec.classBuilder(holder)
                  .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                  .addJavadoc(
                      "Constants of tools $L to $L, apart so no static initializer grows too"
                          + " large.\n",
                      index * TOOLS_PER_HOLDER + 1,
                      Math.min(tools.size(), (index + 1) * TOOLS_PER_HOLDER)));
        }
        target = holderClasses.get(index);
      }
      constants.put(tool, addConstants(connector, tool, target, holder, holders, classNames));
    }
    holderClasses.forEach(holder -> definition.addType(holder.build()));

    definition.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A definition that reads and writes JSON with the default codec.\n")
            .addStatement("this($T.defaults())", JsonCodec.class)
            .build());
    definition.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                """
                A definition that reads and writes JSON with {@code codec}.

                @param codec converts arguments and results
                """)
            .addParameter(JsonCodec.class, "codec")
            .addStatement(
                "super($T.class, RESOURCES.descriptor(), RESOURCES::typeScript, codec)",
                connectorType)
            .build());

    addDispatch(definition, connectorType, tools, constants, classNames);
    List<ToolModel> revertible = tools.stream().filter(tool -> tool.revert() != null).toList();
    if (!revertible.isEmpty()) {
      addRevertDispatch(definition, connectorType, revertible, constants, classNames);
    }
  }

  private ToolConstants addConstants(
      ConnectorModel connector,
      ToolModel tool,
      TypeSpec.Builder target,
      @Nullable String holder,
      boolean packagePrivate,
      NameAllocator classNames) {
    Modifier[] modifiers =
        packagePrivate
            ? new Modifier[] {Modifier.STATIC, Modifier.FINAL}
            : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};
    String constantBase = upperSnake(tool.name());
    String signature = classNames.newName(constantBase, tool.name() + "#signature");
    CodeBlock.Builder parameters = CodeBlock.builder();
    for (int i = 0; i < tool.parameters().size(); i++) {
      ParameterModel parameter = tool.parameters().get(i);
      parameters.add(
          ",\n$T.$L($S, $S)",
          ParameterSignature.class,
          parameter.required() ? "required" : "optional",
          parameter.name(),
          parameter.expected());
    }
    target.addField(
        FieldSpec.builder(ToolSignature.class, signature, modifiers)
            .initializer(
                "$T.of(\n$>$>$S,\n$S$L$<$<)",
                ToolSignature.class,
                connector.name(),
                tool.name(),
                parameters.build())
            .build());
    Map<Integer, String> parameterTypes = new LinkedHashMap<>();
    for (int i = 0; i < tool.parameters().size(); i++) {
      TypeMirror parameterType = tool.method().getParameters().get(i).asType();
      if (needsJavaType(parameterType)) {
        String field =
            classNames.newName(
                constantBase + "_" + upperSnake(tool.method().getParameters().get(i).getSimpleName().toString()),
                tool.name() + "#" + i);
        target.addField(
            FieldSpec.builder(JavaType.class, field, modifiers)
                .initializer(javaType(parameterType))
                .build());
        parameterTypes.put(i, field);
      }
    }
    String resultType = null;
    RevertModel revert = tool.revert();
    TypeMirror valueType = tool.output().valueType();
    if (revert != null
        && revert.sources().contains(RevertModel.RESULT)
        && valueType != null
        && needsJavaType(valueType)) {
      resultType = classNames.newName(constantBase + "_RESULT", tool.name() + "#result");
      target.addField(
          FieldSpec.builder(JavaType.class, resultType, modifiers)
              .initializer(javaType(valueType))
              .build());
    }
    return new ToolConstants(holder, signature, parameterTypes, resultType);
  }

  private void addDispatch(
      TypeSpec.Builder definition,
      TypeName connectorType,
      List<ToolModel> tools,
      Map<ToolModel, ToolConstants> constants,
      NameAllocator classNames) {
    Map<ToolModel, String> methods = new LinkedHashMap<>();
    for (ToolModel tool : tools) {
      String method =
          classNames.newName("call" + ToolNames.pascalCase(tool.name()), tool.name() + "#call");
      methods.put(tool, method);
      definition.addMethod(callMethod(method, connectorType, tool, constantsOf(constants, tool)));
    }
    List<List<ToolModel>> groups = chunks(tools, TOOLS_PER_SWITCH);
    MethodSpec.Builder dispatch =
        MethodSpec.methodBuilder("dispatch")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(nullable(JSON_RESULT))
            .addParameter(connectorType, "target")
            .addParameter(String.class, "toolName")
            .addParameter(JSON_NODE, "input")
            .addException(Exception.class);
    if (groups.size() <= 1) {
      dispatch.addCode(switchOver(tools, methods, "target, input"));
    } else {
      dispatch.addStatement("$T result", nullable(JSON_RESULT));
      for (int i = 0; i < groups.size(); i++) {
        String part = classNames.newName("dispatch" + i, "#dispatch" + i);
        definition.addMethod(
            MethodSpec.methodBuilder(part)
                .addModifiers(Modifier.PRIVATE)
                .returns(nullable(JSON_RESULT))
                .addParameter(connectorType, "target")
                .addParameter(String.class, "toolName")
                .addParameter(JSON_NODE, "input")
                .addException(Exception.class)
                .addCode(switchOver(groups.get(i), methods, "target, input"))
                .build());
        dispatch.addStatement("result = $N(target, toolName, input)", part);
        dispatch.beginControlFlow("if (result != null)").addStatement("return result").endControlFlow();
      }
      dispatch.addStatement("return null");
    }
    definition.addMethod(dispatch.build());
  }

  /**
   * {@code return switch (toolName)} with one {@code case} per tool calling its method, else
   * null.
   */
  private static CodeBlock switchOver(
      List<ToolModel> tools, Map<ToolModel, String> methods, String arguments) {
    CodeBlock.Builder code = CodeBlock.builder().add("return switch (toolName) {\n").indent();
    for (ToolModel tool : tools) {
      code.add("case $S -> $N($L);\n", tool.name(), methods.get(tool), arguments);
    }
    code.add("default -> null;\n");
    return code.unindent().add("};\n").build();
  }

  private MethodSpec callMethod(
      String name, TypeName connectorType, ToolModel tool, ToolConstants constants) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE)
            .returns(JSON_RESULT)
            .addParameter(connectorType, "target")
            .addParameter(JSON_NODE, "input")
            .addException(Exception.class);
    NameAllocator locals = locals();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < tool.parameters().size(); i++) {
      all.add(i);
    }
    Map<Integer, String> arguments = decodeArguments(method, tool, constants, locals, all);
    CodeBlock call =
        CodeBlock.of(
            "target.$N($L)",
            tool.method().getSimpleName().toString(),
            String.join(", ", arguments.values()));
    if (tool.output().async()) {
      method.addStatement(
          "return encodedLater($L, $S, $L)", call, tool.name(), tool.output().returnsNothing());
    } else if (tool.output().returnsNothing()) {
      method.addStatement("$L", call).addStatement("return nothing()");
    } else {
      method.addStatement("return encoded($L)", call);
    }
    return method.build();
  }

  private void addRevertDispatch(
      TypeSpec.Builder definition,
      TypeName connectorType,
      List<ToolModel> tools,
      Map<ToolModel, ToolConstants> constants,
      NameAllocator classNames) {
    Map<ToolModel, String> methods = new LinkedHashMap<>();
    for (ToolModel tool : tools) {
      String name =
          classNames.newName("revert" + ToolNames.pascalCase(tool.name()), tool.name() + "#revert");
      methods.put(tool, name);
      definition.addMethod(revertMethod(name, connectorType, tool, constantsOf(constants, tool)));
    }
    MethodSpec.Builder dispatch =
        MethodSpec.methodBuilder("dispatchRevert")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(nullable(VOID_RESULT))
            .addParameter(connectorType, "target")
            .addParameter(String.class, "toolName")
            .addParameter(JSON_NODE, "input")
            .addParameter(JSON_NODE, "result")
            .addException(Exception.class);
    dispatch.addCode(switchOver(tools, methods, "target, input, result"));
    definition.addMethod(dispatch.build());
  }

  private MethodSpec revertMethod(
      String name, TypeName connectorType, ToolModel tool, ToolConstants constants) {
    RevertModel revert = Objects.requireNonNull(tool.revert(), "a tool with a revert method");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE)
            .returns(VOID_RESULT)
            .addParameter(connectorType, "target")
            .addParameter(JSON_NODE, "input")
            .addParameter(JSON_NODE, "result")
            .addException(Exception.class);
    NameAllocator locals = locals();
    locals.newName("result", "result");
    List<Integer> used =
        revert.sources().stream().filter(source -> source != RevertModel.RESULT).toList();
    Map<Integer, String> toolArguments = decodeArguments(method, tool, constants, locals, used);
    List<String> arguments = new ArrayList<>();
    String resultLocal = null;
    for (int source : revert.sources()) {
      if (source == RevertModel.RESULT) {
        if (resultLocal == null) {
          resultLocal = locals.newName(tool.name() + "Result", "#result");
          TypeMirror resultType =
              Objects.requireNonNull(tool.output().valueType(), "validated: the tool has a result");
          CodeBlock typeArgument =
              constants.resultType() != null
                  ? constants.typeReference(constants.resultType())
                  : CodeBlock.of("$T.class", TypeName.get(types.erasure(boxed(resultType))));
          method.addStatement(
              "$T $N = decodeResult($S, result, $L)",
              TypeName.get(resultType),
              resultLocal,
              tool.name(),
              typeArgument);
        }
        arguments.add(resultLocal);
      } else {
        arguments.add(toolArguments.get(source));
      }
    }
    CodeBlock call =
        CodeBlock.of("target.$N($L)", revert.method().getSimpleName().toString(), String.join(", ", arguments));
    if (revert.async()) {
      method.addStatement("return revertedLater($L, $S)", call, tool.name());
    } else {
      method.addStatement("$L", call).addStatement("return reverted()");
    }
    return method.build();
  }

  /**
   * Reads (and so validates) the input, then declares one local per tool parameter in {@code
   * wanted}, decoded from it, in parameter order. Returns their names by parameter index.
   */
  private Map<Integer, String> decodeArguments(
      MethodSpec.Builder method,
      ToolModel tool,
      ToolConstants constants,
      NameAllocator locals,
      Collection<Integer> wanted) {
    Map<Integer, String> names = new LinkedHashMap<>();
    if (wanted.isEmpty()) {
      method.addStatement(
          "$T.read(codec(), $L, input)", ToolArguments.class, constants.signatureReference());
      return names;
    }
    method.addStatement(
        "$T arguments = $T.read(codec(), $L, input)",
        ToolArguments.class,
        ToolArguments.class,
        constants.signatureReference());
    for (int i = 0; i < tool.parameters().size(); i++) {
      if (!wanted.contains(i)) {
        continue;
      }
      TypeMirror type = tool.method().getParameters().get(i).asType();
      String local =
          locals.newName(tool.method().getParameters().get(i).getSimpleName().toString(), "#" + i);
      String field = constants.parameterTypes().get(i);
      CodeBlock typeArgument =
          field != null
              ? constants.typeReference(field)
              : CodeBlock.of("$T.class", TypeName.get(types.erasure(type)));
      method.addStatement(
          "$T $N = arguments.get($L, $L)", TypeName.get(type), local, i, typeArgument);
      names.put(i, local);
    }
    return names;
  }

  /** The constants of a tool; every tool got them before any method is written. */
  private static ToolConstants constantsOf(
      Map<ToolModel, ToolConstants> constants, ToolModel tool) {
    return Objects.requireNonNull(constants.get(tool), tool.name());
  }

  private static NameAllocator locals() {
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("target", "input", "arguments")) {
      locals.newName(reserved, reserved);
    }
    return locals;
  }

  /** Whether decoding a type needs a {@code JavaType} (generic), not just a class literal. */
  private static boolean needsJavaType(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> !((DeclaredType) type).getTypeArguments().isEmpty();
      case ARRAY -> needsJavaType(((ArrayType) type).getComponentType());
      default -> false;
    };
  }

  /** An expression building the Jackson type of {@code type} with {@link JavaTypes}. */
  private CodeBlock javaType(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        TypeName raw = TypeName.get(types.erasure(declared));
        if (declared.getTypeArguments().isEmpty()) {
          return CodeBlock.of("$T.of($T.class)", JavaTypes.class, raw);
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(javaType(argument));
        }
        return CodeBlock.of(
            "$T.generic($T.class, $L)", JavaTypes.class, raw, CodeBlock.join(arguments, ", "));
      }
      case ARRAY -> {
        return CodeBlock.of(
            "$T.arrayOf($L)", JavaTypes.class, javaType(((ArrayType) type).getComponentType()));
      }
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound != null
            ? javaType(bound)
            : CodeBlock.of("$T.of($T.class)", JavaTypes.class, Object.class);
      }
      default -> {
        return CodeBlock.of(
            "$T.of($T.class)", JavaTypes.class, TypeName.get(types.erasure(boxed(type))));
      }
    }
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType()
        : type;
  }

  private static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  /** {@code listPulls} → {@code LIST_PULLS}. */
  static String upperSnake(String identifier) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(identifier.charAt(i - 1))
          && identifier.charAt(i - 1) != '_') {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    String result = out.toString().toUpperCase(Locale.ROOT);
    return result.startsWith("$") || Character.isDigit(result.charAt(0)) ? "_" + result : result;
  }
}
