package dev.codemode.runtime.discovery;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.util.List;
import java.util.Objects;

/**
 * The description of the one tool a model is given: what the tool runs, how to find and call
 * connector tools from the code, the sandbox's rules, and the connectors.
 *
 * <p>In {@link Mode#DISCOVERY} it carries no types at all, so its size does not grow with the
 * number of tools: model code finds tools with {@code codemode.search} and reads their types with
 * {@code codemode.describe}. {@link Mode#FULL_TYPES} adds every connector's TypeScript
 * declarations (after a comment naming the tools that wait for approval), which saves a discovery
 * step when there are only a few small tools.
 *
 * <p>The text is deterministic: the same connectors in the same order give the same text.
 */
public final class ToolDescription {

  /** How much of the connectors the description shows. */
  public enum Mode {
    /** Only one line per connector; types come from {@code codemode.describe}. The default. */
    DISCOVERY,
    /** Also every connector's full TypeScript declarations, for small tool sets. */
    FULL_TYPES
  }

  /** Characters of a connector's summary line, at most, before it is cut with "…". */
  static final int MAX_SUMMARY_LENGTH = 160;

  private static final String HEADER =
      "Runs JavaScript or TypeScript in a sandbox: send one async function, or statements with"
          + " top-level await; the value of the last expression, or what you `return`, is the"
          + " result.\n";

  private static final String DISCOVERY_WORKFLOW =
      """
      Workflow:
      1. Find tools: `const found = await codemode.search("short intent phrase")` gives \
      `{ results, total, truncated }`, best match first; each result has `path`, `kind`, \
      `description` and `requiresApproval`.
      2. Read their types: `await codemode.describe(found.results[0].path)` gives \
      `{ path, kind, description, types }`, with `types` in TypeScript; \
      `codemode.describe("<connector>")` shows a whole connector.
      3. Call the tool: `await <connector>.<tool>({ ... })`, with one input object.
      You can discover in one run and call in the next, or do all three in one run.
      """;

  private static final String FULL_TYPES_WORKFLOW =
      """
      Workflow:
      The TypeScript declarations of every connector are below. Call a tool with \
      `await <connector>.<tool>({ ... })`, with one input object. `codemode.search("intent")` \
      and `codemode.describe(path)` work too.
      """;

  private static final String GLOBALS_RULE =
      "- The only globals are the connector names, `codemode`, `console`, timers (`setTimeout`,"
          + " `setInterval`, `clearTimeout`, `clearInterval`) and standard JavaScript: there is no"
          + " `fetch`, `require`, `process`, `fs` or Java.\n";

  private static final String DISCOVERY_GUESS_RULE =
      "- Never guess tool names or inputs: search first, then describe.\n";

  private static final String FULL_TYPES_GUESS_RULE =
      "- Never guess tool names or inputs: use only what the declarations below define.\n";

  private static final String OTHER_RULES =
      """
      - Wrap non-deterministic work in `await codemode.step("name", async () => ...)`: it runs \
      once, and its value is recorded and replayed when the run resumes.
      - `Math.random()` and `Date.now()` are recorded per run: a replay sees the same values. `Date.now()` and `new Date()` are the time the run started; `await codemode.now()` is the current time, recorded.
      - Some tools need a person's approval: the run pauses at the call and resumes by itself. \
      Write the code as if the call returns.
      - A result with status "paused" means the run is waiting for a person: tell the user, and \
      do not send the code again.
      - `await codemode.run("name", input)` runs a saved snippet; search finds snippets too \
      (kind "snippet").
      - If a search result says `truncated`, search again with a more specific phrase.
      """;

  private ToolDescription() {}

  /** The description in {@link Mode#DISCOVERY}. */
  public static String write(List<ConnectorDescriptor> connectors) {
    return write(connectors, Mode.DISCOVERY);
  }

  /**
   * The description of the tool for {@code connectors}, in their order.
   *
   * @throws IllegalArgumentException in {@link Mode#FULL_TYPES}, when two connectors have the same
   *     name
   */
  public static String write(List<ConnectorDescriptor> connectors, Mode mode) {
    Objects.requireNonNull(connectors, "connectors");
    Objects.requireNonNull(mode, "mode");
    boolean full = mode == Mode.FULL_TYPES;
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append(full ? FULL_TYPES_WORKFLOW : DISCOVERY_WORKFLOW).append('\n');
    out.append("Rules:\n").append(GLOBALS_RULE)
        .append(full ? FULL_TYPES_GUESS_RULE : DISCOVERY_GUESS_RULE).append(OTHER_RULES);
    out.append("\nConnectors:\n");
    if (connectors.isEmpty()) {
      out.append("(none)\n");
    }
    for (ConnectorDescriptor connector : connectors) {
      out.append("- ").append(connector.name());
      String summary = summary(connector.description());
      if (!summary.isEmpty()) {
        out.append(": ").append(summary);
      }
      int tools = connector.tools().size();
      out.append(" (").append(tools).append(tools == 1 ? " tool)" : " tools)").append('\n');
    }
    if (full && !connectors.isEmpty()) {
      String declarations =
          ApprovalNote.of(connectors) + TypeScriptRenderer.declarations(connectors);
      out.append("\nTypes:\n").append(Fences.fenced("ts", declarations));
    }
    return out.toString();
  }

  /**
   * The first sentence of the first paragraph of {@code description}, on one line: up to the
   * first {@code .}, {@code !} or {@code ?} that ends the text or is followed by white space, and
   * at most {@value #MAX_SUMMARY_LENGTH} characters (cut at a word, with "…").
   */
  static String summary(String description) {
    String paragraph = description.strip().split("\\R\\s*\\R", 2)[0];
    String text = paragraph.replaceAll("\\s+", " ").strip();
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        end = i + 1;
        break;
      }
    }
    String sentence = text.substring(0, end);
    if (sentence.length() <= MAX_SUMMARY_LENGTH) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', MAX_SUMMARY_LENGTH - 1);
    return sentence.substring(0, cut > 0 ? cut : MAX_SUMMARY_LENGTH - 1).stripTrailing() + "…";
  }
}
