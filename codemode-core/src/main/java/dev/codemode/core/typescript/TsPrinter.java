package dev.codemode.core.typescript;

import java.util.List;

/**
 * Prints a {@link TsType}. Object type literals are printed one member per line with two spaces of
 * indentation per level and member JSDoc, or, in compact mode, on one line without JSDoc. Members
 * of a union that are intersections, members of an intersection that are unions, and array
 * elements that are either, are wrapped in parentheses.
 */
final class TsPrinter {

  private static final String INDENT = "  ";

  private final boolean compact;
  private final StringBuilder out = new StringBuilder();

  private TsPrinter(boolean compact) {
    this.compact = compact;
  }

  /** The type as declaration text, object members on their own lines at {@code level}. */
  static String multiLine(TsType type, int level) {
    TsPrinter printer = new TsPrinter(false);
    printer.print(type, level);
    return printer.out.toString();
  }

  /** The type on one line, without JSDoc. */
  static String compact(TsType type) {
    TsPrinter printer = new TsPrinter(true);
    printer.print(type, 0);
    return printer.out.toString();
  }

  /** The indentation of {@code level}. */
  static String indent(int level) {
    return INDENT.repeat(level);
  }

  private void print(TsType type, int level) {
    if (type instanceof TsType.Atom atom) {
      out.append(atom.text());
    } else if (type instanceof TsType.NamedRef ref) {
      out.append(ref.name());
    } else if (type instanceof TsType.ArrayOf array) {
      printWrapped(array.element(), level, array.element() instanceof TsType.Union
          || array.element() instanceof TsType.Intersection);
      out.append("[]");
    } else if (type instanceof TsType.Tuple tuple) {
      printTuple(tuple, level);
    } else if (type instanceof TsType.ObjectLiteral object) {
      printObject(object, level);
    } else if (type instanceof TsType.Union union) {
      printJoined(union.members(), " | ", level);
    } else if (type instanceof TsType.Intersection intersection) {
      printJoined(intersection.members(), " & ", level);
    }
  }

  private void printJoined(List<TsType> members, String separator, int level) {
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      TsType member = members.get(i);
      printWrapped(member, level,
          member instanceof TsType.Union || member instanceof TsType.Intersection);
    }
  }

  private void printWrapped(TsType type, int level, boolean parenthesize) {
    if (parenthesize) {
      out.append('(');
      print(type, level);
      out.append(')');
    } else {
      print(type, level);
    }
  }

  private void printTuple(TsType.Tuple tuple, int level) {
    out.append('[');
    for (int i = 0; i < tuple.elements().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      print(tuple.elements().get(i), level);
    }
    if (tuple.rest() != null) {
      if (!tuple.elements().isEmpty()) {
        out.append(", ");
      }
      out.append("...");
      print(new TsType.ArrayOf(tuple.rest()), level);
    }
    out.append(']');
  }

  private void printObject(TsType.ObjectLiteral object, int level) {
    if (object.members().isEmpty() && object.indexType() == null) {
      out.append("{}");
      return;
    }
    if (compact) {
      out.append("{ ");
      String separator = "";
      for (TsType.Member member : object.members()) {
        out.append(separator);
        printMemberSignature(member, level);
        separator = "; ";
      }
      if (object.indexType() != null) {
        out.append(separator).append("[key: string]: ");
        print(object.indexType(), level);
      }
      out.append(" }");
      return;
    }
    String memberIndent = indent(level + 1);
    out.append("{\n");
    for (TsType.Member member : object.members()) {
      JsDoc.append(out, member.doc(), memberIndent);
      out.append(memberIndent);
      printMemberSignature(member, level + 1);
      out.append(";\n");
    }
    if (object.indexType() != null) {
      out.append(memberIndent).append("[key: string]: ");
      print(object.indexType(), level + 1);
      out.append(";\n");
    }
    out.append(indent(level)).append('}');
  }

  private void printMemberSignature(TsType.Member member, int level) {
    out.append(TsLiterals.propertyName(member.name()));
    if (member.optional()) {
      out.append('?');
    }
    out.append(": ");
    print(member.type(), level);
  }
}
