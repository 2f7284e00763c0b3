package dev.codemode.core.dispatch;

import dev.codemode.core.JsonCodec;
import tools.jackson.databind.JavaType;

/**
 * Builds the Jackson types of generic tool parameters from class literals, so generated code needs
 * neither {@code TypeReference} subclasses nor reflection on generic signatures: {@code
 * List<Task>} is {@code generic(List.class, of(Task.class))}.
 */
public final class JavaTypes {

  private JavaTypes() {}

  /** The type of a plain class. */
  public static JavaType of(Class<?> type) {
    return JsonCodec.defaults().type(type);
  }

  /** A parameterized type: {@code raw<arguments...>}. */
  public static JavaType generic(Class<?> raw, JavaType... arguments) {
    return JsonCodec.defaults().mapper().getTypeFactory().constructParametricType(raw, arguments);
  }

  /** An array type with the given component type. */
  public static JavaType arrayOf(JavaType component) {
    return JsonCodec.defaults().mapper().getTypeFactory().constructArrayType(component);
  }
}
