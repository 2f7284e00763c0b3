package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.sandbox.ErrorNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error catalog is complete, has the sandbox's names, and the runtime's README lists every name. */
class ErrorCatalogTest {

  private static List<String> names(Class<?> catalog) throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : catalog.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  @Test
  void theCatalogHasEveryNameTheSandboxGives() throws Exception {
    assertThat(names(ErrorCatalog.class)).containsAtLeastElementsIn(names(ErrorNames.class));
  }

  @Test
  void namesAreUniqueAndLookLikeJavaScriptErrorNames() throws Exception {
    List<String> names = names(ErrorCatalog.class);
    assertThat(names).containsNoDuplicates();
    for (String name : names) {
      assertThat(name).matches("[A-Z][A-Za-z]+");
    }
  }

  @Test
  void theReadmeListsEveryName() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (String name : names(ErrorCatalog.class)) {
      assertWithMessage("README.md lists %s", name).that(readme).contains("`" + name + "`");
    }
  }
}
