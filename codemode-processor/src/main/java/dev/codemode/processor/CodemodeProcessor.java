package dev.codemode.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.codemode.annotations.Connector;
import dev.codemode.annotations.OpenApi;
import dev.codemode.annotations.Param;
import dev.codemode.annotations.Revert;
import dev.codemode.annotations.Tool;
import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.dispatch.GeneratedResources;
import dev.codemode.core.docs.MarkdownRenderer;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.openapi.ApiSpecJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Codemode annotation processor: for every {@code @Connector} class it validates the class and
 * its {@code @Tool} and {@code @Revert} methods (for every {@code @OpenApi} class, the class and
 * the tools derived from its spec, plus {@code META-INF/codemode/<name>.openapi.json} with the
 * operations), then writes
 *
 * <ul>
 *   <li>{@code X_Codemode}, a {@link ConnectorDefinition} with a reflection-free dispatch table;
 *   <li>{@code META-INF/codemode/<name>.json}, the descriptor with JSON Schemas (draft 2020-12);
 *   <li>{@code META-INF/codemode/<name>.d.ts}, the TypeScript declarations model code sees;
 *   <li>{@code META-INF/codemode/<name>.md}, API documentation for people;
 *   <li>{@code META-INF/services/dev.codemode.core.ConnectorDefinition}, for {@code
 *       ServiceLoader}.
 * </ul>
 *
 * <p>Validation comes first and reports every problem on its element; a connector with errors gets
 * no files. A connector whose types are not generated yet (by another processor) is deferred to
 * the next round. Output is deterministic: the same sources give the same bytes.
 *
 * <p>Every message goes through {@link Diagnostics}, on an element. An exception that escapes the
 * processing of one connector is a bug of this processor: it becomes one error on that
 * connector's class, which names the exception and asks for a report, and the other connectors
 * are processed as usual.
 */
@AutoService(Processor.class)
public final class CodemodeProcessor extends AbstractProcessor {

  static final String SERVICES_FILE = "META-INF/services/" + ConnectorDefinition.class.getName();

  /**
   * Runs just before each connector class ({@code @Connector} or {@code @OpenApi}) is processed.
   * The processor javac loads, through the public constructor, has one that does nothing; only
   * tests in this package can pass another, which throws to stand in for a bug of the processor.
   */
  @FunctionalInterface
  interface FaultInjector {

    /** Does nothing: the processor javac runs. */
    FaultInjector NONE = connector -> {};

    /** Called with the connector class about to be processed; may throw. */
    void beforeProcessing(TypeElement connector);
  }

  private final FaultInjector faultInjector;

  private Elements elements;
  private Messager messager;
  private Filer filer;
  private ConnectorReader reader;
  private DispatchWriter dispatchWriter;
  private OpenApiReader openApiReader;
  private OpenApiWriter openApiWriter;

  /** Connectors deferred to a later round, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Connector names generated in this compilation, with the class that took each. */
  private final Map<String, String> connectorNames = new LinkedHashMap<>();
  /** Definition classes generated in this compilation, for the services file. */
  private final Set<String> definitions = new TreeSet<>();
  /** The connector classes behind them: the services file's originating elements. */
  private final List<Element> connectorElements = new ArrayList<>();

  /** The processor javac finds through {@code ServiceLoader}. */
  public CodemodeProcessor() {
    this(FaultInjector.NONE);
  }

  /** A processor that calls {@code faultInjector} before each connector; for tests. */
  CodemodeProcessor(FaultInjector faultInjector) {
    this.faultInjector = faultInjector;
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    this.elements = environment.getElementUtils();
    this.messager = environment.getMessager();
    this.filer = environment.getFiler();
    this.reader = new ConnectorReader(environment, new SchemaFactory(environment));
    this.dispatchWriter = new DispatchWriter(elements, environment.getTypeUtils());
    this.openApiReader = new OpenApiReader(environment, reader);
    this.openApiWriter = new OpenApiWriter(elements, environment.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        Connector.class.getName(),
        OpenApi.class.getName(),
        Tool.class.getName(),
        Revert.class.getName(),
        Param.class.getName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reportMisplaced(round);
    List<TypeElement> work = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        work.add(type);
      }
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(Connector.class)) {
      if (element instanceof TypeElement type) {
        work.add(type);
      } else {
        report(
            Diagnostics.singleError(
                element,
                "@Connector goes on a class, not on " + element.getKind().toString()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + " " + element.getSimpleName()
                    + "; move it to the class whose public @Tool methods are the tools"));
      }
    }
    boolean lastRound = round.processingOver();
    for (TypeElement type : work) {
      guarded(type, () -> processConnector(type, lastRound));
    }
    for (Element element : round.getElementsAnnotatedWith(OpenApi.class)) {
      if (element instanceof TypeElement type) {
        guarded(type, () -> processOpenApi(type));
      }
    }
    if (round.processingOver()) {
      writeServicesFile();
    }
    return false;
  }

  /**
   * Processes one connector class. An unexpected exception (a bug of this processor) becomes one
   * error on the class; the caller goes on with the other connectors.
   */
  private void guarded(TypeElement type, Runnable processing) {
    try {
      faultInjector.beforeProcessing(type);
      processing.run();
    } catch (RuntimeException e) {
      if (ProcessorBug.isJavacCompletionFailure(e)) {
        throw e; // a class file javac cannot read: javac reports it itself, without a crash
      }
      report(Diagnostics.singleError(type, ProcessorBug.message(type, e)));
    }
  }

  private void processConnector(TypeElement type, boolean lastRound) {
    Diagnostics diagnostics = new Diagnostics();
    ConnectorModel model;
    try {
      model = reader.read(type, diagnostics).orElse(null);
    } catch (SchemaFactory.UnresolvedTypeException e) {
      if (lastRound) {
        report(
            Diagnostics.singleError(
                type,
                "Connector " + type.getQualifiedName() + ": " + e.getMessage() + ". If another"
                    + " annotation processor generates it, make sure that processor runs in the"
                    + " same compilation; otherwise fix the import or the dependency"));
      } else {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    report(diagnostics);
    if (model == null) {
      return;
    }
    if (claimName(model.name(), type, "@Connector")) {
      generate(model);
    }
  }

  /** An {@code @OpenApi} class: its spec is read and derived now; it never waits for a round. */
  private void processOpenApi(TypeElement type) {
    Diagnostics diagnostics = new Diagnostics();
    OpenApiModel model = openApiReader.read(type, diagnostics).orElse(null);
    report(diagnostics);
    if (model != null && claimName(model.name(), type, "@OpenApi")) {
      generate(model);
    }
  }

  /** Records that {@code type} uses connector name {@code name}; false when another class has it. */
  private boolean claimName(String name, TypeElement type, String label) {
    String earlier = connectorNames.putIfAbsent(name, type.getQualifiedName().toString());
    if (earlier != null && !earlier.contentEquals(type.getQualifiedName())) {
      report(
          Diagnostics.singleError(
              type,
              "Connector name \"" + name + "\" is already used by " + earlier + " in this"
                  + " compilation; two connectors cannot share a global. Set " + label
                  + "(name = \"...\") on one of them"));
      return false;
    }
    return true;
  }

  private void generate(ConnectorModel model) {
    ConnectorDescriptor descriptor = descriptor(model);
    String json = DescriptorJson.write(descriptor);
    String typeScript = TypeScriptRenderer.declarations(descriptor);
    JavaFile dispatch =
        dispatchWriter.write(
            model,
            new ResourceHashes(
                GeneratedResources.sha256(json), GeneratedResources.sha256(typeScript), null));
    writeConnector(
        model.type(), model.definitionClass(), descriptor, json, typeScript, Map.of(), dispatch);
  }

  private void generate(OpenApiModel model) {
    ConnectorDescriptor descriptor = model.derived().descriptor();
    String json = DescriptorJson.write(descriptor);
    String typeScript = TypeScriptRenderer.declarations(descriptor);
    String operations = ApiSpecJson.write(model.derived().api());
    JavaFile definition =
        openApiWriter.write(
            model,
            new ResourceHashes(
                GeneratedResources.sha256(json),
                GeneratedResources.sha256(typeScript),
                GeneratedResources.sha256(operations)));
    writeConnector(
        model.type(),
        model.definitionClass(),
        descriptor,
        json,
        typeScript,
        Map.of(".openapi.json", operations),
        definition);
  }

  /**
   * Writes the files of one connector: {@code <name>.json}, {@code .d.ts}, {@code .md}, the extra
   * resources (by suffix), and the definition class, which the services file then lists.
   */
  private void writeConnector(
      TypeElement type,
      ClassName definitionClass,
      ConnectorDescriptor descriptor,
      String json,
      String typeScript,
      Map<String, String> extraResources,
      JavaFile definition) {
    String prefix = GeneratedResources.FOLDER + descriptor.name();
    try {
      writeResource(prefix + ".json", json, type);
      writeResource(prefix + ".d.ts", typeScript, type);
      writeResource(prefix + ".md", MarkdownRenderer.render(descriptor), type);
      for (Map.Entry<String, String> extra : extraResources.entrySet()) {
        writeResource(prefix + extra.getKey(), extra.getValue(), type);
      }
      definition.writeTo(filer);
      definitions.add(definitionClass.canonicalName());
      connectorElements.add(type);
    } catch (IOException e) {
      report(
          Diagnostics.singleError(
              type,
              "Could not write the files of connector " + descriptor.name() + ": " + e
                  + ". Check that javac's class and source output folders (-d, -s) are writable"
                  + " and that no other processor writes files of this name"));
    }
  }

  private static ConnectorDescriptor descriptor(ConnectorModel model) {
    List<ToolDescriptor> tools = new ArrayList<>();
    for (ToolModel tool : model.tools()) {
      tools.add(
          new ToolDescriptor(
              tool.name(),
              tool.description(),
              tool.inputSchema(),
              tool.outputSchema(),
              tool.requiresApproval(),
              tool.replay(),
              tool.revert() != null));
    }
    return new ConnectorDescriptor(model.name(), model.description(), tools);
  }

  private void writeResource(String path, String text, Element origin) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origin);
    try (Writer writer = file.openWriter()) {
      writer.write(text);
    }
  }

  /**
   * Writes the services file once, in the last round: the definitions of this compilation plus
   * those an earlier (incremental) compilation listed whose classes still exist.
   */
  private void writeServicesFile() {
    if (definitions.isEmpty()) {
      return;
    }
    Set<String> entries = new TreeSet<>(definitions);
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", SERVICES_FILE);
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          String entry = line.replaceAll("#.*", "").strip();
          if (!entry.isEmpty() && elements.getTypeElement(entry) != null) {
            entries.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // no earlier services file: a clean build
    }
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT,
              "",
              SERVICES_FILE,
              connectorElements.toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        for (String entry : entries) {
          writer.write(entry);
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      // reported on the first connector: the file belongs to all of them
      report(
          Diagnostics.singleError(
              connectorElements.get(0),
              "Could not write " + SERVICES_FILE + ": " + e + ". Check that javac's class"
                  + " output folder (-d) is writable and that no other processor writes this"
                  + " file; without it ServiceLoader finds none of the connectors"));
    }
  }

  /** {@code @Tool}, {@code @Revert} and {@code @Param} outside a connector. */
  private void reportMisplaced(RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics();
    for (Element element : round.getElementsAnnotatedWith(Tool.class)) {
      if (!isInConnector(element)) {
        diagnostics.error(
            element,
            "@Tool method " + element.getSimpleName() + " is in "
                + ownerName(element) + ", which is not a @Connector"
                + " class; annotate the class with @Connector or move the method into one");
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Revert.class)) {
      if (!isInConnector(element)) {
        diagnostics.error(
            element,
            "@Revert method " + element.getSimpleName() + " is in "
                + ownerName(element) + ", which is not a @Connector"
                + " class; move it into the connector whose tool it undoes");
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Param.class)) {
      Element method = element.getEnclosingElement();
      if (element.getKind() == ElementKind.PARAMETER
          && !(method instanceof ExecutableElement
              && Annotations.has(method, Tool.class.getName()))) {
        diagnostics.warning(
            element,
            "@Param on " + ((VariableElement) element).getSimpleName() + " has no effect: it"
                + " only names parameters of @Tool methods; remove it, or make the method a"
                + " @Tool");
      }
    }
    report(diagnostics);
  }

  /** Prints what {@code diagnostics} collected; the only place that talks to the Messager. */
  private void report(Diagnostics diagnostics) {
    diagnostics.reportTo(messager);
  }

  /** The simple name of the class a method is declared in. */
  private static String ownerName(Element method) {
    Element owner = method.getEnclosingElement();
    return owner == null ? "?" : owner.getSimpleName().toString();
  }

  private static boolean isInConnector(Element method) {
    Element owner = method.getEnclosingElement();
    return owner instanceof TypeElement type
        && Annotations.has(type, Connector.class.getName());
  }
}
