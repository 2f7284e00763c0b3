package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.testing.TypeScriptCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random schemas, well-formed and not, from a fixed seed: rendering never throws, and the text
 * always type-checks on its own. This is where combinations no hand-written test thought of meet
 * tsc.
 */
class GeneratedSchemasTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TYPES =
      List.of("string", "number", "integer", "boolean", "null", "array", "object", "file");
  private static final List<String> DEF_KEYS =
      List.of("Node", "Error", "Date", "Item", "item", "ListInput", "T0Input", "a/b", "x~y", "");

  @Test
  void randomSchemasRenderAndTypeCheck() {
    Random random = new Random(20261121L);
    List<ConnectorDescriptor> connectors = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      List<ToolDescriptor> tools = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        tools.add(
            ToolDescriptor.of(
                t % 7 == 0 ? "list" + (t % 3 == 0 ? "_input" : "Input") + t : "t" + t,
                "Tool " + t + (t % 5 == 0 ? " */ closes" : ""),
                document(random),
                random.nextInt(5) == 0 ? null : document(random)));
      }
      connectors.add(new ConnectorDescriptor("conn" + c, "Connector " + c, tools));
    }
    String text = TypeScriptRenderer.declarations(connectors);
    TypeScriptCompiler.Result result =
        TypeScriptCompiler.create().check(Map.of("generated.d.ts", text));
    assertWithMessage("%s\n%s", result.output(), text).that(result.succeeded()).isTrue();
  }

  private static ObjectNode document(Random random) {
    ObjectNode root = schema(random, 0);
    ObjectNode defs = NODES.objectNode();
    for (int i = 0; i < random.nextInt(4); i++) {
      defs.set(DEF_KEYS.get(random.nextInt(DEF_KEYS.size())), schema(random, 1));
    }
    root.set(random.nextBoolean() ? "$defs" : "definitions", defs);
    return root;
  }

  private static ObjectNode schema(Random random, int depth) {
    ObjectNode schema = NODES.objectNode();
    int keywords = depth > 4 ? 1 : 1 + random.nextInt(3);
    for (int i = 0; i < keywords; i++) {
      switch (random.nextInt(16)) {
        case 0, 1, 2 -> schema.put("type", TYPES.get(random.nextInt(TYPES.size())));
        case 3 -> {
          ArrayNode types = schema.putArray("type");
          types.add(TYPES.get(random.nextInt(TYPES.size())));
          types.add(random.nextBoolean() ? "null" : "string");
        }
        case 4, 5 -> {
          ObjectNode properties = schema.putObject("properties");
          for (int p = 0; p < 1 + random.nextInt(3); p++) {
            properties.set(propertyName(random), child(random, depth));
          }
          if (random.nextBoolean()) {
            schema.putArray("required").add(propertyName(random));
          }
        }
        case 6 -> schema.set("items", child(random, depth));
        case 7 -> schema.putArray("prefixItems").add(child(random, depth)).add(child(random, depth));
        case 8 -> combinator(random, schema, "anyOf", depth);
        case 9 -> combinator(random, schema, "oneOf", depth);
        case 10 -> combinator(random, schema, "allOf", depth);
        case 11 -> schema.put("$ref", reference(random));
        case 12 -> schema.putArray("enum").add("a\"*/").add(random.nextInt(3)).addNull();
        case 13 -> schema.set("additionalProperties", child(random, depth));
        case 14 -> schema.put("nullable", true);
        default -> malformed(random, schema);
      }
    }
    if (random.nextInt(4) == 0) {
      schema.put("description", "Line one */\nline two");
    }
    return schema;
  }

  private static JsonNode child(Random random, int depth) {
    int pick = random.nextInt(10);
    if (pick == 0) {
      return NODES.booleanNode(random.nextBoolean());
    }
    return schema(random, depth + 1);
  }

  private static void combinator(Random random, ObjectNode schema, String keyword, int depth) {
    ArrayNode members = schema.putArray(keyword);
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      members.add(child(random, depth));
    }
  }

  private static String reference(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "#";
      case 1 -> "#/properties/a";
      case 2 -> "https://example.com/other.json";
      default -> "#/" + (random.nextBoolean() ? "$defs/" : "definitions/")
          + DEF_KEYS.get(random.nextInt(DEF_KEYS.size())).replace("~", "~0").replace("/", "~1");
    };
  }

  private static void malformed(Random random, ObjectNode schema) {
    switch (random.nextInt(5)) {
      case 0 -> schema.put("required", "a");
      case 1 -> schema.putArray("properties").add(1);
      case 2 -> schema.put("enum", 5);
      case 3 -> schema.put("items", "x");
      default -> schema.put("type", 7);
    }
  }

  private static String propertyName(Random random) {
    return List.of("a", "b", "class", "kebab-name", "", "9x", "quote\"d").get(random.nextInt(7));
  }
}
