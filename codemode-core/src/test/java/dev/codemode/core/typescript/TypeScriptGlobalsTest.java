package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.testing.TypeScriptCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The names a generated type may not take, checked against the installed TypeScript. */
class TypeScriptGlobalsTest {

  private static final Pattern REFERENCE = Pattern.compile("/// <reference lib=\"([^\"]+)\" />");
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^(?:declare )?(?:interface|type|class|namespace|enum|var|function|const|let"
              + "|abstract class) +([A-Za-z_$][A-Za-z0-9_$]*)",
          Pattern.MULTILINE);

  @Test
  void libEs2022ListMatchesTheInstalledLibFiles() throws IOException {
    TypeScriptCompiler compiler = TypeScriptCompiler.create();
    Path libDirectory = libDirectory(compiler.toolsDirectory().resolve("node_modules"));
    Set<String> declared = new TreeSet<>();
    collect(libDirectory, "es2022", new ArrayList<>(), declared);
    assertThat(declared).hasSize(TypeScriptGlobals.LIB_ES2022.size());
    assertThat(new TreeSet<>(TypeScriptGlobals.LIB_ES2022)).containsExactlyElementsIn(declared);
  }

  @Test
  void aTypeAliasNamedLikeAGlobalIsAnErrorWhichIsWhyTheyAreAvoided() {
    TypeScriptCompiler compiler = TypeScriptCompiler.create();
    TypeScriptCompiler.Result clash =
        compiler.check(Map.of("clash.d.ts", "type Error = string;\ntype Console = number;\n"));
    assertThat(clash.succeeded()).isFalse();
    assertThat(clash.output()).contains("Duplicate identifier 'Error'");
    assertThat(clash.output()).contains("Duplicate identifier 'Console'");
  }

  @Test
  void forbiddenNamesIncludeKeywordsReservedWordsAndSandboxTypes() {
    assertThat(TypeScriptGlobals.FORBIDDEN_TYPE_NAMES)
        .containsAtLeast("Error", "Date", "Record", "Promise", "Console", "string", "unknown",
            "class", "Awaited", "Iterator", "Partial", "Omit");
  }

  private static Path libDirectory(Path nodeModules) throws IOException {
    try (Stream<Path> files = Files.walk(nodeModules)) {
      Path es2022 =
          files
              .filter(file -> file.getFileName().toString().equals("lib.es2022.d.ts"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No lib.es2022.d.ts in " + nodeModules));
      return es2022.getParent();
    }
  }

  private static void collect(Path dir, String lib, List<String> seen, Set<String> declared)
      throws IOException {
    if (seen.contains(lib)) {
      return;
    }
    seen.add(lib);
    Path file = dir.resolve("lib." + lib + ".d.ts");
    assertWithMessage("lib file %s", file).that(Files.isRegularFile(file)).isTrue();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Matcher reference = REFERENCE.matcher(text);
    while (reference.find()) {
      collect(dir, reference.group(1), seen, declared);
    }
    Matcher declaration = DECLARATION.matcher(text);
    while (declaration.find()) {
      declared.add(declaration.group(1));
    }
  }
}
