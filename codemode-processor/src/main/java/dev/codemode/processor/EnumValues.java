package dev.codemode.processor;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON values of an enum's constants, as Jackson writes them: the constant names, a
 * {@code @JsonProperty("x")} on a constant, or the value of a {@code @JsonValue} field or getter.
 *
 * <p>A {@code @JsonValue} value is computed at run time, so it is read from the source: the
 * annotated field (or the field the annotated getter returns), the constructor parameter assigned
 * to it, and the literal each constant passes for that parameter. Other shapes cannot be known at
 * compile time and are reported with the two ways to fix them.
 */
final class EnumValues {

  /** Why the values cannot be known at compile time. */
  static final class UnknownValuesException extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownValuesException(String message) {
      super(message);
    }
  }

  private static final String NO_SOURCE =
      "its source is not part of this compilation (it comes from a class file)";

  private final @Nullable Trees trees;
  private final Annotations annotations;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  EnumValues(ProcessingEnvironment environment, Annotations annotations) {
    this.annotations = annotations;
    Trees found;
    try {
      found = Trees.instance(environment);
    } catch (IllegalArgumentException | NoClassDefFoundError e) {
      found = null; // not javac: @JsonValue enums cannot be read from source
    }
    this.trees = found;
  }

  /** The constants' JSON values, in declaration order. */
  List<JsonNode> of(TypeElement enumType) throws UnknownValuesException {
    List<VariableElement> constants = new ArrayList<>();
    for (Element member : enumType.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add((VariableElement) member);
      }
    }
    Optional<Element> jsonValue = jsonValueMember(enumType);
    if (jsonValue.isEmpty()) {
      List<JsonNode> values = new ArrayList<>();
      for (VariableElement constant : constants) {
        String name =
            Annotations.find(constant, Annotations.JSON_PROPERTY)
                .map(mirror -> annotations.string(mirror, "value"))
                .filter(value -> !value.isEmpty())
                .orElse(constant.getSimpleName().toString());
        values.add(nodes.stringNode(name));
      }
      return values;
    }
    VariableElement field = backingField(enumType, jsonValue.get());
    List<JsonNode> values = new ArrayList<>();
    for (VariableElement constant : constants) {
      values.add(valueOf(enumType, constant, field));
    }
    return values;
  }

  /** The type {@code @JsonValue} produces, or empty when the enum is written by name. */
  Optional<TypeMirror> valueType(TypeElement enumType) {
    return jsonValueMember(enumType)
        .map(
            member ->
                member.getKind() == ElementKind.METHOD
                    ? ((ExecutableElement) member).getReturnType()
                    : member.asType());
  }

  private static Optional<Element> jsonValueMember(TypeElement enumType) {
    for (Element member : enumType.getEnclosedElements()) {
      Optional<AnnotationMirror> mirror = Annotations.find(member, Annotations.JSON_VALUE);
      if (mirror.isPresent() && !isDisabled(mirror.get())) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  private static boolean isDisabled(AnnotationMirror mirror) {
    return mirror.getElementValues().entrySet().stream()
        .anyMatch(
            entry ->
                entry.getKey().getSimpleName().contentEquals("value")
                    && Boolean.FALSE.equals(entry.getValue().getValue()));
  }

  private VariableElement backingField(TypeElement enumType, Element member)
      throws UnknownValuesException {
    if (member.getKind() == ElementKind.FIELD) {
      return (VariableElement) member;
    }
    MethodTree method = trees == null ? null : trees.getTree((ExecutableElement) member);
    if (method == null) {
      throw unknown(enumType, NO_SOURCE);
    }
    if (method.getBody() != null) {
      List<? extends StatementTree> statements = method.getBody().getStatements();
      if (statements.size() == 1 && statements.get(0) instanceof ReturnTree returned) {
        String name = fieldName(returned.getExpression());
        if (name != null) {
          for (VariableElement field : ElementFilter.fieldsIn(enumType.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(name)) {
              return field;
            }
          }
        }
      }
    }
    throw unknown(enumType, "its @JsonValue method " + member.getSimpleName()
        + "() does not simply return a field");
  }

  private JsonNode valueOf(TypeElement enumType, VariableElement constant, VariableElement field)
      throws UnknownValuesException {
    Tree tree = trees == null ? null : trees.getTree(constant);
    if (tree == null) {
      throw unknown(enumType, NO_SOURCE);
    }
    if (!(tree instanceof VariableTree variable)
        || !(variable.getInitializer() instanceof NewClassTree creation)) {
      throw unknown(enumType, "constant " + constant.getSimpleName() + " is not created with"
          + " constructor arguments");
    }
    int index = constructorParameterIndex(enumType, field, creation.getArguments().size());
    if (index < 0) {
      throw unknown(enumType, "no constructor with " + creation.getArguments().size()
          + " parameters assigns a parameter to the @JsonValue field " + field.getSimpleName());
    }
    ExpressionTree argument = creation.getArguments().get(index);
    JsonNode value = literal(argument);
    if (value == null) {
      throw unknown(enumType, "constant " + constant.getSimpleName() + " passes `" + argument
          + "`, not a literal, for the @JsonValue field " + field.getSimpleName());
    }
    return value;
  }

  private int constructorParameterIndex(TypeElement enumType, VariableElement field, int arity) {
    int found = -1;
    Trees trees = this.trees;
    if (trees == null) {
      return found;
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(enumType.getEnclosedElements())) {
      if (constructor.getParameters().size() != arity) {
        continue;
      }
      MethodTree tree = trees.getTree(constructor);
      BlockTree body = tree == null ? null : tree.getBody();
      if (body == null) {
        continue;
      }
      for (StatementTree statement : body.getStatements()) {
        if (statement instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof AssignmentTree assignment
            && field.getSimpleName().contentEquals(String.valueOf(fieldName(assignment.getVariable())))
            && assignment.getExpression() instanceof IdentifierTree source) {
          for (int i = 0; i < constructor.getParameters().size(); i++) {
            if (constructor.getParameters().get(i).getSimpleName().contentEquals(source.getName())) {
              if (found >= 0 && found != i) {
                return -1; // two constructors disagree: ambiguous
              }
              found = i;
            }
          }
        }
      }
    }
    return found;
  }

  private static @Nullable String fieldName(ExpressionTree expression) {
    ExpressionTree current = expression;
    while (current instanceof ParenthesizedTree parenthesized) {
      current = parenthesized.getExpression();
    }
    if (current instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    if (current instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree owner
        && owner.getName().contentEquals("this")) {
      return select.getIdentifier().toString();
    }
    return null;
  }

  private @Nullable JsonNode literal(ExpressionTree expression) {
    if (expression instanceof UnaryTree unary && unary.getKind() == Tree.Kind.UNARY_MINUS) {
      JsonNode positive = literal(unary.getExpression());
      if (positive == null || !positive.isNumber()) {
        return null;
      }
      return positive.isIntegralNumber()
          ? nodes.numberNode(positive.bigIntegerValue().negate())
          : nodes.numberNode(positive.decimalValue().negate());
    }
    if (!(expression instanceof LiteralTree literal)) {
      return null;
    }
    Object value = literal.getValue();
    if (value instanceof String text) {
      return nodes.stringNode(text);
    }
    if (value instanceof Character character) {
      return nodes.stringNode(character.toString());
    }
    if (value instanceof Integer number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Long number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Double number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Float number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    }
    return null;
  }

  private static UnknownValuesException unknown(TypeElement enumType, String why) {
    return new UnknownValuesException(
        "the JSON values of enum " + enumType.getQualifiedName() + " come from @JsonValue and"
            + " cannot be read at compile time: " + why + ". Annotate each constant with"
            + " @JsonProperty(\"...\") instead, or make @JsonValue return a field that the"
            + " constructor assigns from a parameter, with a literal value per constant");
  }
}
