package dev.codemode.sandbox;

/**
 * Recognizes, without a parser, code that is one function expression: an arrow function (async or
 * not, parenthesized or not, block or expression body) or a function expression, with at most a
 * semicolon and comments after it. That is the shape models write most often, and it runs as it
 * is, so the executor can skip the parser-based {@link CodeNormalizer} for it.
 *
 * <p>The check is conservative: it tokenizes strings, template literals, comments and regular
 * expression literals, matches brackets, and accepts only when the whole text is the function. Its
 * one purpose is to decide that evaluating {@code (code)} creates a function and runs nothing: a
 * concise arrow body must not contain a top-level comma or semicolon. When the engine then fails to
 * parse the text (TypeScript, say), the executor falls back to the normalizer.
 */
final class FunctionShape {

  /** How many parentheses around the function the fast path looks through. */
  private static final int MAX_WRAPPING_PARENS = 4;

  private final String code;
  private int pos;
  /** Whether a {@code /} at the current position starts a regular expression. */
  private boolean regexAllowed = true;

  private FunctionShape(String code) {
    this.code = code;
  }

  /** Whether {@code code} is exactly one function expression. */
  static boolean isSingleFunction(String code) {
    try {
      return new FunctionShape(code).program();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean program() {
    skipTrivia();
    int parens = 0;
    while (true) {
      int start = pos;
      if (function(parens > 0) && closedBy(parens)) {
        return true;
      }
      // A leading parenthesis may open an arrow's parameters or wrap the whole function.
      pos = start;
      regexAllowed = true;
      if (!peekIs('(') || parens == MAX_WRAPPING_PARENS) {
        // Each attempt scans the rest of the code, so the number of attempts is bounded: models
        // wrap a function in one or two parentheses, and deeper nesting goes to the parser.
        return false;
      }
      pos++;
      skipTrivia();
      parens++;
    }
  }

  /** The rest is {@code parens} closing parentheses, an optional semicolon and trivia. */
  private boolean closedBy(int parens) {
    for (int i = 0; i < parens; i++) {
      skipTrivia();
      if (!peekIs(')')) {
        return false;
      }
      pos++;
    }
    skipTrivia();
    if (peekIs(';')) {
      pos++;
      skipTrivia();
    }
    return pos >= code.length();
  }

  /** A function or arrow function expression at the current position. */
  private boolean function(boolean parenthesized) {
    int start = pos;
    boolean isAsync = keyword("async");
    if (keyword("function")) {
      skipTrivia();
      if (peekIs('*')) {
        pos++;
        skipTrivia();
      }
      if (identifierStart()) {
        identifier();
        skipTrivia();
      }
      return balanced('(', ')') && skipTrivia() && balanced('{', '}');
    }
    if (!isAsync) {
      pos = start;
    }
    if (peekIs('(')) {
      if (!balanced('(', ')')) {
        return false;
      }
    } else if (identifierStart()) {
      identifier();
    } else {
      return false;
    }
    skipTrivia();
    if (!code.startsWith("=>", pos)) {
      return false;
    }
    pos += 2;
    regexAllowed = true;
    skipTrivia();
    if (peekIs('{')) {
      return balanced('{', '}');
    }
    return conciseBody(parenthesized);
  }

  /**
   * An expression body: everything up to the end (or to the closing parenthesis of a
   * parenthesized function), with no top-level comma or semicolon, which would end the function
   * and evaluate what follows.
   */
  private boolean conciseBody(boolean parenthesized) {
    int depth = 0;
    int start = pos;
    while (true) {
      skipTrivia();
      if (pos >= code.length()) {
        return depth == 0 && pos > start;
      }
      char c = code.charAt(pos);
      if (depth == 0 && (c == ',' || c == ';')) {
        return false;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
        pos++;
        regexAllowed = true;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return parenthesized && c == ')' && pos > start;
        }
        depth--;
        pos++;
        regexAllowed = c != ')' && c != ']';
      } else {
        token();
      }
    }
  }

  /** A bracketed group at the current position, with everything nested in it. */
  private boolean balanced(char open, char close) {
    if (!peekIs(open)) {
      return false;
    }
    StringBuilder expected = new StringBuilder().append(close);
    pos++;
    regexAllowed = true;
    while (expected.length() > 0) {
      skipTrivia();
      if (pos >= code.length()) {
        return false;
      }
      char c = code.charAt(pos);
      if (c == '(' || c == '[' || c == '{') {
        expected.append(c == '(' ? ')' : c == '[' ? ']' : '}');
        pos++;
        regexAllowed = true;
      } else if (c == ')' || c == ']' || c == '}') {
        if (expected.charAt(expected.length() - 1) != c) {
          return false;
        }
        expected.setLength(expected.length() - 1);
        pos++;
        // After ) or ] a slash divides; after } of a block it usually starts a regex.
        regexAllowed = c == '}';
      } else {
        token();
      }
    }
    return true;
  }

  /** One token that is not a bracket. */
  private void token() {
    char c = code.charAt(pos);
    if (c == '"' || c == '\'') {
      string(c);
      regexAllowed = false;
    } else if (c == '`') {
      template();
      regexAllowed = false;
    } else if (c == '/' && regexAllowed) {
      regex();
      regexAllowed = false;
    } else if (identifierStart()) {
      String word = identifier();
      regexAllowed = switch (word) {
        case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case",
            "do", "else", "yield", "await" -> true;
        default -> false;
      };
    } else if (Character.isDigit(c) || (c == '.' && pos + 1 < code.length() && Character.isDigit(code.charAt(pos + 1)))) {
      pos++;
      while (pos < code.length()
          && (Character.isLetterOrDigit(code.charAt(pos)) || code.charAt(pos) == '.' || code.charAt(pos) == '_'
              || ((code.charAt(pos) == '+' || code.charAt(pos) == '-')
                  && (code.charAt(pos - 1) == 'e' || code.charAt(pos - 1) == 'E')))) {
        pos++;
      }
      regexAllowed = false;
    } else {
      pos++;
      regexAllowed = true;
    }
  }

  private void string(char quote) {
    pos++;
    while (true) {
      char c = code.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote) {
        return;
      } else if (c == '\n') {
        throw new IllegalStateException("unterminated string");
      }
    }
  }

  private void template() {
    pos++;
    while (true) {
      char c = code.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '`') {
        return;
      } else if (c == '$' && code.charAt(pos) == '{') {
        if (!balanced('{', '}')) {
          throw new IllegalStateException("unterminated template substitution");
        }
      }
    }
  }

  private void regex() {
    pos++;
    boolean inClass = false;
    while (true) {
      char c = code.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      } else if (c == '\n') {
        throw new IllegalStateException("unterminated regular expression");
      }
    }
    while (pos < code.length() && Character.isLetter(code.charAt(pos))) {
      pos++;
    }
  }

  /** Skips white space and comments; always true, to chain in conditions. */
  private boolean skipTrivia() {
    while (pos < code.length()) {
      char c = code.charAt(pos);
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF') {
        pos++;
      } else if (c == '/' && pos + 1 < code.length() && code.charAt(pos + 1) == '/') {
        int end = code.indexOf('\n', pos);
        pos = end < 0 ? code.length() : end + 1;
      } else if (c == '/' && pos + 1 < code.length() && code.charAt(pos + 1) == '*') {
        int end = code.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new IllegalStateException("unterminated comment");
        }
        pos = end + 2;
      } else {
        break;
      }
    }
    return true;
  }

  private boolean keyword(String word) {
    if (code.startsWith(word, pos)
        && (pos + word.length() >= code.length() || !isIdentifierPart(code.charAt(pos + word.length())))) {
      pos += word.length();
      skipTrivia();
      return true;
    }
    return false;
  }

  private boolean peekIs(char c) {
    return pos < code.length() && code.charAt(pos) == c;
  }

  private boolean identifierStart() {
    if (pos >= code.length()) {
      return false;
    }
    char c = code.charAt(pos);
    return Character.isLetter(c) || c == '_' || c == '$' || c == '#';
  }

  private String identifier() {
    int start = pos;
    pos++;
    while (pos < code.length() && isIdentifierPart(code.charAt(pos))) {
      pos++;
    }
    return code.substring(start, pos);
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
