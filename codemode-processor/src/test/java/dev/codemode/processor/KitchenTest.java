package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.NoSuchToolException;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolInputException;
import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.testing.JsonSchemaAssertions;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The processor on a connector that uses every supported Java type: the generated files match
 * their golden copies, each mapping rule holds, and the generated dispatch code runs, accepting
 * what the input schema allows and producing what the output schema promises.
 */
class KitchenTest {

  private static final JsonCodec CODEC = JsonCodec.defaults();
  private static Compilation compilation;
  private static ConnectorDefinition<Object> definition;
  private static Object kitchen;
  private static ConnectorDescriptor descriptor;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compileKitchen() throws Exception {
    compilation = Compiler.compile(JavaFileObjects.forResource("sources/test/Kitchen.java"));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = Compiler.loader(compilation);
    definition =
        (ConnectorDefinition<Object>)
            loader.loadClass("test.Kitchen_Codemode").getConstructor().newInstance();
    kitchen = definition.newInstance().orElseThrow();
    descriptor = definition.descriptor();
  }

  private static String generated(String path) {
    return Compiler.generatedText(compilation, path).orElseThrow(() -> new AssertionError(path));
  }

  @Test
  void generatedFilesMatchTheirGoldenCopies() {
    GoldenFiles.assertMatches("golden/kitchen.json", generated("META-INF/codemode/kitchen.json"));
    GoldenFiles.assertMatches("golden/kitchen.d.ts", generated("META-INF/codemode/kitchen.d.ts"));
    GoldenFiles.assertMatches("golden/kitchen.md", generated("META-INF/codemode/kitchen.md"));
    GoldenFiles.assertMatches(
        "golden/Kitchen_Codemode.java", generated("test/Kitchen_Codemode.java"));
  }

  @Test
  void servicesFileListsTheDefinition() {
    assertThat(generated(CodemodeProcessor.SERVICES_FILE)).isEqualTo("test.Kitchen_Codemode\n");
  }

  @Test
  void definitionIsMarkedGenerated() {
    assertThat(generated("test/Kitchen_Codemode.java"))
        .contains(
            "@Generated(\n    value = \"dev.codemode.processor.CodemodeProcessor\",\n"
                + "    comments = \"from test.Kitchen\"\n)");
  }

  @Test
  void typeScriptOfTheDefinitionIsTheGeneratedFile() {
    assertThat(definition.typeScript()).isEqualTo(generated("META-INF/codemode/kitchen.d.ts"));
    assertThat(definition.connectorClass().getName()).isEqualTo("test.Kitchen");
  }

  private static JsonNode input(String tool) {
    return descriptor.tool(tool).orElseThrow().inputSchema();
  }

  private static JsonNode output(String tool) {
    return descriptor.tool(tool).orElseThrow().outputSchema();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/$defs/Scalars/properties/flag | {'type':'boolean','description':'a primitive boolean'}",
        "/$defs/Scalars/properties/tiny | {'type':'integer'}",
        "/$defs/Scalars/properties/big | {'type':'integer'}",
        "/$defs/Scalars/properties/amount | {'type':'number'}",
        "/$defs/Scalars/properties/letter | {'type':'string','minLength':1,'maxLength':1,'description':'one character'}",
        "/$defs/Scalars/properties/price | {'type':'number'}",
        "/$defs/Scalars/properties/huge | {'type':'integer','format':'bigint'}",
      })
  void scalars(String pointer, String expected) {
    assertSchema(input("scalars").at(pointer), expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/$defs/Times/properties/instant | {'type':'string','format':'date-time'}",
        "/$defs/Times/properties/zonedDateTime | {'type':'string','format':'date-time'}",
        "/$defs/Times/properties/date | {'type':'string','format':'date'}",
        "/$defs/Times/properties/duration | {'type':'string','format':'duration'}",
        "/$defs/Times/properties/period | {'type':'string','format':'duration'}",
        "/$defs/Times/properties/year | {'type':'integer'}",
        "/$defs/Times/properties/zone | {'type':'string'}",
        "/$defs/Times/properties/day | {'$ref':'#/$defs/DayOfWeek'}",
        "/$defs/DayOfWeek/enum/0 | 'MONDAY'",
      })
  void times(String pointer, String expected) {
    assertSchema(input("times").at(pointer), expected);
  }

  @Test
  void offsetTimeIsMatchedByAPatternBecauseJacksonDropsZeroSeconds() {
    assertSchema(
        input("times").at("/$defs/Times/properties/offsetTime"),
        "{'type':'string','pattern':'^\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?(Z|[+-]\\\\d{2}:\\\\d{2})$','examples':['14:30:00+01:00']}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/$defs/Misc/properties/id | {'type':'string','format':'uuid'}",
        "/$defs/Misc/properties/link | {'type':'string','format':'uri'}",
        "/$defs/Misc/properties/bytes | {'type':'string','contentEncoding':'base64','contentMediaType':'application/octet-stream'}",
        "/$defs/Misc/properties/anything | {}",
        "/$defs/Misc/properties/whatever | {}",
      })
  void misc(String pointer, String expected) {
    assertSchema(input("misc").at(pointer), expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/$defs/Containers/properties/list | {'type':'array','items':{'type':'string'}}",
        "/$defs/Containers/properties/set | {'type':'array','items':{'type':'integer'},'uniqueItems':true}",
        "/$defs/Containers/properties/array | {'type':'array','items':{'type':'string'}}",
        "/$defs/Containers/properties/numbers | {'type':'array','items':{'type':'integer'}}",
        "/$defs/Containers/properties/byName | {'type':'object','additionalProperties':{'type':'integer'}}",
        "/$defs/Containers/properties/byPriority | {'type':'object','propertyNames':{'enum':['LOW','HIGH']},'additionalProperties':{'type':'string'}}",
        "/$defs/Containers/properties/byNumber | {'type':'object','propertyNames':{'pattern':'^-?[0-9]+$'},'additionalProperties':{'type':'string'}}",
        "/$defs/Containers/properties/gaps | {'type':'array','items':{'anyOf':[{'type':'string'},{'type':'null'}]}}",
        "/$defs/Containers/properties/grid | {'type':'array','items':{'type':'array','items':{'type':'integer'}}}",
      })
  void containers(String pointer, String expected) {
    assertSchema(input("containers").at(pointer), expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/$defs/Priority | {'description':'How urgent something is.','type':'string','enum':['LOW','HIGH']}",
        "/$defs/Level/enum | ['lo','hi']",
        "/$defs/Code | {'description':'Numeric values through `@JsonValue`.','type':'integer','enum':[200,404,-1]}",
      })
  void enums(String pointer, String expected) {
    assertSchema(input("enums").at(pointer), expected);
  }

  @Test
  void genericRecordsAreNamedAfterTheirArguments() {
    assertSchema(input("generics").at("/properties/names"), "{'$ref':'#/$defs/PageOfString','description':'one child per name'}");
    assertSchema(
        input("generics").at("/$defs/PageOfString/properties/items"),
        "{'type':'array','items':{'type':'string'},'description':'the results on this page'}");
    assertSchema(output("generics").at("/$ref"), "'#/$defs/PageOfNode'");
    assertSchema(output("generics").at("/description"), "'the root with the names as children'");
  }

  @Test
  void recursiveRecordsReferThemselves() {
    assertSchema(
        output("generics").at("/$defs/Node/properties/children/items"), "{'$ref':'#/$defs/Node'}");
  }

  @Test
  void nullableComponentIsOptionalAndAcceptsNull() {
    JsonNode page = input("generics").at("/$defs/PageOfString");
    assertSchema(page.at("/required"), "['items']");
    assertSchema(
        page.at("/properties/next"),
        "{'anyOf':[{'type':'string'},{'type':'null'}],'description':'where the next page starts, absent on the last page'}");
  }

  @Test
  void sealedInterfaceBecomesOneOfWithADiscriminator() {
    JsonNode shape = input("shapes").at("/$defs/Shape");
    assertSchema(shape.at("/oneOf"), "[{'$ref':'#/$defs/Circle'},{'$ref':'#/$defs/Square'}]");
    assertSchema(
        shape.at("/discriminator"),
        "{'propertyName':'kind','mapping':{'circle':'#/$defs/Circle','square':'#/$defs/Square'}}");
    assertSchema(input("shapes").at("/$defs/Circle/properties/kind"), "{'const':'circle'}");
    assertSchema(input("shapes").at("/$defs/Circle/required"), "['kind','radius']");
    assertSchema(input("shapes").at("/$defs/Square/properties/kind"), "{'const':'square'}");
  }

  @Test
  void beansFollowJacksonsView() {
    JsonNode profile = input("beans").at("/$defs/Profile/properties");
    assertThat(profile.propertyNames()).containsExactly("name", "active", "mail").inOrder();
    assertSchema(profile.at("/mail"), "{'type':'string','description':'The e-mail address of the person.'}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "title | {'type':'string','minLength':1,'maxLength':80}",
        "stars | {'type':'integer','minimum':1,'maximum':5}",
        "slug | {'type':'string','pattern':'^(?:[a-z]+)$'}",
        "email | {'type':'string','format':'email'}",
        "tags | {'type':'array','items':{'type':'string'},'maxItems':3}",
        "text | {'type':'string','minLength':1,'pattern':'\\\\S'}",
        "count | {'type':'integer','exclusiveMinimum':0}",
        "ratio | {'type':'number','minimum':0.5}",
        "note | {'anyOf':[{'type':'string'},{'type':'null'}]}",
        "nickname | {'anyOf':[{'type':'string'},{'type':'null'}]}",
        "age | {'anyOf':[{'type':'integer'},{'type':'null'}]}",
      })
  void beanValidationConstraints(String property, String expected) {
    assertSchema(input("validated").at("/$defs/Signup/properties/" + property), expected);
  }

  @Test
  void parametersBecomeOneInputObject() {
    assertSchema(
        input("parameters"),
        "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
            + "'properties':{"
            + "'query':{'type':'string','minLength':2,'description':'what to look for'},"
            + "'max':{'type':'integer','description':'Upper bound on results'},"
            + "'cursor':{'anyOf':[{'type':'string'},{'type':'null'}],'description':'where to continue'},"
            + "'priority':{'anyOf':[{'$ref':'#/$defs/Priority'},{'type':'null'}]}},"
            + "'required':['query','max'],'additionalProperties':false,"
            + "'$defs':{'Priority':{'description':'How urgent something is.','type':'string','enum':['LOW','HIGH']}}}");
  }

  @Test
  void outputsOfTheThreeKinds() {
    ToolDescriptor later = descriptor.tool("later").orElseThrow();
    assertSchema(later.outputSchema().at("/$ref"), "'#/$defs/Node'");
    assertThat(descriptor.tool("fire").orElseThrow().returnsNothing()).isTrue();
    assertThat(descriptor.tool("nothing").orElseThrow().returnsNothing()).isTrue();
    assertSchema(
        output("maybe"),
        "{'$schema':'https://json-schema.org/draft/2020-12/schema','anyOf':[{'type':'string'},{'type':'null'}]}");
  }

  @Test
  void toolFlags() {
    ToolDescriptor plant = descriptor.tool("plant").orElseThrow();
    assertThat(plant.requiresApproval()).isTrue();
    assertThat(plant.revertible()).isTrue();
    assertThat(descriptor.tool("scalars").orElseThrow().revertible()).isFalse();
    assertThat(descriptor.description())
        .startsWith("Every Java type the processor maps, for the schema tests.");
  }

  // --- the generated code runs: inputs valid by schema are accepted, outputs are valid ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "scalars | {'value':{'flag':true,'boxed':false,'tiny':1,'small':2,'count':3,'big':4,'ratio':1.5,'amount':2.5,'letter':'x','text':'t','price':9.99,'huge':123456789012345678901234567890}}",
        "times | {'value':{'instant':'2024-05-31T14:30:00Z','offsetDateTime':'2024-05-31T14:30:00+02:00','zonedDateTime':'2024-05-31T14:30:00+02:00','date':'2024-05-31','localDateTime':'2024-05-31T14:30:00','localTime':'14:30:00','offsetTime':'14:30:00+02:00','duration':'PT15M','period':'P1M2D','year':2024,'yearMonth':'2024-05','monthDay':'--05-31','zone':'Europe/Paris','day':'FRIDAY'}}",
        "times | {'value':{'instant':'2024-05-31T14:30:00.123456Z','offsetDateTime':'2024-05-31T14:30:00Z','zonedDateTime':'2024-05-31T14:30:00Z','date':'2024-05-31','localDateTime':'2024-05-31T14:30','localTime':'14:30','offsetTime':'14:30:00Z','duration':'PT0S','period':'P0D','year':1999,'yearMonth':'1999-12','monthDay':'--12-31','zone':'UTC','day':'MONDAY'}}",
        "misc | {'value':{'id':'0f8fad5b-d9cb-469f-a165-70867728950e','link':'https://example.com/a?b=1','bytes':'AQID','anything':{'a':[1,2]},'whatever':'x'}}",
        "containers | {'value':{'list':['a'],'set':[1,2],'collection':[1.5],'array':['x'],'numbers':[1,2],'byName':{'a':1},'byPriority':{'LOW':'l'},'byNumber':{'1':'one'},'gaps':['a',null],'grid':[[1,2],[3]]}}",
        "enums | {'value':{'priority':'HIGH','level':'lo','code':404}}",
        "generics | {'names':{'items':['a','b'],'next':null}}",
        "generics | {'names':{'items':[]}}",
        "shapes | {'shape':{'kind':'circle','radius':2}}",
        "shapes | {'shape':{'kind':'square','side':1}}",
        "beans | {'profile':{'name':'Ann','active':true,'mail':'ann@example.com'}}",
        "validated | {'signup':{'title':'T','stars':3,'slug':'abc','email':'a@example.com','tags':['x'],'text':'hi','count':1,'ratio':0.7,'note':null,'nickname':'nick','age':30}}",
        "validated | {'signup':{'title':'T','stars':5,'slug':'z','email':'a@example.com','tags':[],'text':' x ','count':9,'ratio':0.5}}",
        "parameters | {'query':'ab','max':10,'cursor':'c1'}",
        "parameters | {'query':'ab','max':10,'cursor':null,'priority':'LOW'}",
        "later | {'name':'x'}",
        "maybe | {'give':true}",
        "maybe | {'give':false}",
        "plant | {'name':'rose'}",
      })
  void acceptsValidInputAndProducesValidOutput(String tool, String inputJson) throws Exception {
    JsonNode in = json(inputJson);
    JsonSchemaAssertions.assertValid(input(tool), in);
    JsonNode result = call(tool, in);
    JsonSchemaAssertions.assertValid(output(tool), result);
  }

  @Test
  void echoesValuesUnchanged() throws Exception {
    JsonNode enums = json("{'value':{'priority':'HIGH','level':'hi','code':-1}}");
    assertThat(call("enums", enums)).isEqualTo(enums.get("value"));
    JsonNode shape = json("{'shape':{'kind':'circle','radius':2.0}}");
    assertThat(call("shapes", shape)).isEqualTo(shape.get("shape"));
    assertThat(call("parameters", json("{'query':'ab','max':10}")).asString())
        .isEqualTo("ab:10:-:null");
    assertThat(call("generics", json("{'names':{'items':['a'],'next':'n2'}}")))
        .isEqualTo(json("{'items':[{'name':'root','children':[{'name':'a','children':[]}]}],'next':'n2'}"));
  }

  @Test
  void toolsThatReturnNothingGiveAMissingNode() throws Exception {
    assertThat(call("nothing", null).isMissingNode()).isTrue();
    assertThat(call("fire", json("{}")).isMissingNode()).isTrue();
  }

  @Test
  void revertCallsTheRevertMethodWithInputAndResult() throws Exception {
    JsonNode in = json("{'name':'tulip'}");
    JsonNode result = call("plant", in);
    @SuppressWarnings("unchecked")
    List<String> planted = (List<String>) kitchen.getClass().getField("planted").get(kitchen);
    assertThat(planted).contains("tulip");
    definition.revert(kitchen, "plant", in, result).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(planted).doesNotContain("tulip");
  }

  @Test
  void revertOfAToolWithoutARevertMethodFails() {
    Throwable failure = failure(definition.revert(kitchen, "scalars", json("{}"), json("{}")));
    assertThat(failure).isInstanceOf(UnsupportedOperationException.class);
    assertThat(failure)
        .hasMessageThat()
        .isEqualTo(
            "kitchen.scalars cannot be reverted: the connector has no @Revert(\"scalars\") method");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "parameters | {'query':5,'max':1} | kitchen.parameters: property \"query\" expected string, got number 5",
        "parameters | {'max':1} | kitchen.parameters: missing required property \"query\" (string)",
        "parameters | {} | kitchen.parameters: missing required properties \"query\" (string), \"max\" (integer)",
        "parameters | {'query':'ab','max':1,'curser':'x'} | kitchen.parameters: unknown property \"curser\" (did you mean \"cursor\"?); known properties: query, max, cursor, priority",
        "parameters | {'query':'ab','max':1.5} | kitchen.parameters: property \"max\": 1.5 is not a whole number between -2,147,483,648 and 2,147,483,647",
        "parameters | {'query':'ab','max':1,'priority':'MEDIUM'} | kitchen.parameters: property \"priority\" expected Priority | null, got string \"MEDIUM\"",
        "parameters | 'ab' | kitchen.parameters: the input must be an object {query: string, max: integer, cursor?: string | null, priority?: Priority | null}, got string \"ab\"",
        "scalars | {'value':{'flag':true,'count':'x'}} | kitchen.scalars: property \"value.count\" expected an integer from -2147483648 to 2147483647, got string \"x\"",
        "scalars | {'value':{'flag':true,'flagg':1}} | kitchen.scalars: unknown property \"flagg\" in \"value\" (did you mean \"flag\"?); known properties: flag, boxed, tiny, small, count, big, ratio, amount, letter, text, price, huge",
        "enums | {'value':{'priority':'MEDIUM'}} | kitchen.enums: property \"value.priority\" expected one of \"LOW\", \"HIGH\", got string \"MEDIUM\"",
        "containers | {'value':{'list':[1]}} | kitchen.containers: property \"value.list[0]\" expected a string, got number 1",
        "times | {'value':{'date':'2024-13-01'}} | kitchen.times: property \"value.date\" expected a date string like \"2024-05-31\", got string \"2024-13-01\"",
      })
  void rejectsInputThatDoesNotFitWithAMessageThatSaysWhy(
      String tool, String inputJson, String message) {
    Throwable failure = failure(definition.invoke(kitchen, tool, json(inputJson)));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().startsWith(message);
  }

  @Test
  void unknownToolNamesTheToolsThereAre() {
    Throwable failure = failure(definition.invoke(kitchen, "scalar", json("{}")));
    assertThat(failure).isInstanceOf(NoSuchToolException.class);
    assertThat(failure)
        .hasMessageThat()
        .startsWith("kitchen has no tool named \"scalar\"; did you mean \"scalars\"? Its tools: scalars, times");
  }

  @Test
  void outputIsDeterministic() {
    Compilation again = Compiler.compile(JavaFileObjects.forResource("sources/test/Kitchen.java"));
    var first = Compiler.generatedBytes(compilation);
    var second = Compiler.generatedBytes(again);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String path : first.keySet()) {
      assertThat(second.get(path)).isEqualTo(first.get(path));
    }
  }

  // --- helpers ---

  private static JsonNode call(String tool, JsonNode in) throws Exception {
    return definition.invoke(kitchen, tool, in).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
    CompletionException thrown =
        assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
    return thrown.getCause();
  }

  /** JSON written with single quotes for readability in annotations. */
  private static JsonNode json(String text) {
    return CODEC.parse(text.replace('\'', '"'));
  }

  private static void assertSchema(JsonNode actual, String expected) {
    assertThat(actual.isMissingNode()).isFalse();
    assertThat(CODEC.toJson(actual)).isEqualTo(CODEC.toJson(json(expected)));
  }
}
