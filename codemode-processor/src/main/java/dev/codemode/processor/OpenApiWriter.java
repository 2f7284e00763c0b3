package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the {@code X_Codemode} class of an {@code @OpenApi} connector. The operations live in
 * {@code META-INF/codemode/<name>.openapi.json}, read once by {@code OpenApiDefinition} and
 * verified by its SHA-256, so the class stays a few lines long even for a spec with a thousand
 * operations: its dispatch table is the map of operations by tool name, with no reflection.
 */
final class OpenApiWriter extends DefinitionWriter<OpenApiModel> {

  private static final ClassName OPENAPI_DEFINITION =
      ClassName.get("dev.codemode.openapi", "OpenApiDefinition");

  OpenApiWriter(Elements elements, Types types) {
    super(elements, types);
  }

  @Override
  protected TypeName superclass(TypeName connectorType) {
    return ParameterizedTypeName.get(OPENAPI_DEFINITION, connectorType);
  }

  @Override
  protected CodeBlock description(OpenApiModel model, TypeName connectorType) {
    return CodeBlock.of(
        """
        The Codemode definition of connector {@code $L}: descriptor, TypeScript and the
        operations of OpenAPI spec {@code $L} for {@link $T}.""",
        model.name(),
        model.spec(),
        connectorType);
  }

  @Override
  protected void addMembers(
      TypeSpec.Builder definition,
      OpenApiModel model,
      TypeName connectorType,
      ResourceHashes hashes) {
    String operationsSha256 =
        Objects.requireNonNull(hashes.operations(), "an OpenAPI connector has operations");
    definition.addField(
        FieldSpec.builder(
                String.class, "OPERATIONS_SHA256", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("SHA-256 of {@code META-INF/codemode/$L.openapi.json}.\n", model.name())
            .initializer("$S", operationsSha256)
            .build());
    definition.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A definition that reads its files from the class path.\n")
            .addStatement("super($T.class, RESOURCES, OPERATIONS_SHA256)", connectorType)
            .build());
  }
}
