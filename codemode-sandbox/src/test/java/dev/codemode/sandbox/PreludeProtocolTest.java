package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** prelude.js and the host speak the same protocol: the same code names, values and function order. */
class PreludeProtocolTest {

  private static String prelude() throws IOException {
    try (InputStream in = PreludeProtocol.class.getResourceAsStream("prelude.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The {@code const NAME = value;} lines of the prelude's protocol block, values as Java would write them. */
  private static Map<String, String> preludeCodes(String prelude) {
    int start = prelude.indexOf("// ---- protocol");
    int end = prelude.indexOf("// ---- end of protocol");
    assertThat(start).isAtLeast(0);
    assertThat(end).isGreaterThan(start);
    Map<String, String> codes = new LinkedHashMap<>();
    Matcher line = Pattern.compile("const ([A-Z_]+) = ('([^']*)'|-?\\d+);").matcher(prelude.substring(start, end));
    while (line.find()) {
      codes.put(line.group(1), line.group(3) != null ? line.group(3) : line.group(2));
    }
    return codes;
  }

  /** The host's codes: the int and String constants of PreludeProtocol whose names are upper case. */
  private static Map<String, String> hostCodes() throws IllegalAccessException {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Field field : PreludeProtocol.class.getDeclaredFields()) {
      boolean constant = Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers());
      boolean code = field.getType() == int.class
          || (field.getType() == String.class && !List.of("RUN", "SETTLE", "FIRE", "EXTEND").contains(field.getName()));
      if (constant && code) {
        field.setAccessible(true);
        codes.put(field.getName(), String.valueOf(field.get(null)));
      }
    }
    return codes;
  }

  @Test
  void theCodesAreTheSameOnBothSides() throws Exception {
    Map<String, String> prelude = preludeCodes(prelude());
    Map<String, String> host = hostCodes();
    assertThat(host).isNotEmpty();
    assertThat(prelude).containsExactlyEntriesIn(host);
  }

  @Test
  void theBridgeFunctionsComeInTheHostsOrder() throws Exception {
    Matcher header = Pattern.compile("^\\(function \\(([^)]*)\\) \\{", Pattern.MULTILINE).matcher(prelude());
    assertThat(header.find()).isTrue();
    List<String> parameters = Arrays.stream(header.group(1).split(",")).map(String::strip).toList();
    assertThat(parameters).containsExactlyElementsIn(PreludeProtocol.BRIDGE).inOrder();
  }

  @Test
  void thePreludeReturnsTheMembersTheHostCalls() throws Exception {
    Matcher api = Pattern.compile("return freeze\\(\\{ ([^}]*) \\}\\);\\s*\\}\\)\\s*$").matcher(prelude());
    assertThat(api.find()).isTrue();
    List<String> members = Arrays.stream(api.group(1).split(",")).map(String::strip).toList();
    assertThat(members).containsExactlyElementsIn(PreludeProtocol.API);
    assertThat(PreludeProtocol.API).containsAtLeast(PreludeProtocol.RUN, PreludeProtocol.SETTLE,
        PreludeProtocol.FIRE, PreludeProtocol.EXTEND);
  }
}
