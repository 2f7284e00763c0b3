package dev.codemode.core.typescript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The named types a type refers to, and the repair of alias cycles TypeScript rejects. */
final class TypeReferences {

  private TypeReferences() {}

  /** Every name referred to anywhere inside {@code type}, in order of appearance. */
  static Set<String> all(TsType type) {
    Set<String> names = new LinkedHashSet<>();
    collect(type, names, true);
    return names;
  }

  /**
   * The names referred to at the top of {@code type}: itself or a member of a top-level union or
   * intersection. TypeScript resolves these eagerly, so a cycle through them is an error ("Type
   * alias circularly references itself"), while references inside object types, arrays and
   * tuples are deferred and may be recursive.
   */
  static Set<String> immediate(TsType type) {
    Set<String> names = new LinkedHashSet<>();
    collect(type, names, false);
    return names;
  }

  /**
   * The declarations with every cycle of immediate references broken: walking the declarations in
   * order, a reference that closes a cycle is replaced by {@code unknown}. The result has the same
   * names in the same order.
   */
  static Map<String, TsType> withoutCircularAliases(Map<String, TsType> declarations) {
    Map<String, Set<String>> cuts = new HashMap<>();
    Map<String, Boolean> finished = new HashMap<>();
    for (String name : declarations.keySet()) {
      if (!finished.containsKey(name)) {
        visit(name, declarations, finished, cuts);
      }
    }
    Map<String, TsType> result = new LinkedHashMap<>();
    for (Map.Entry<String, TsType> declaration : declarations.entrySet()) {
      Set<String> cut = cuts.get(declaration.getKey());
      result.put(
          declaration.getKey(),
          cut == null ? declaration.getValue() : replace(declaration.getValue(), cut));
    }
    return result;
  }

  /** Depth-first search; {@code finished} maps a name to false while it is on the stack. */
  private static void visit(
      String name,
      Map<String, TsType> declarations,
      Map<String, Boolean> finished,
      Map<String, Set<String>> cuts) {
    finished.put(name, false);
    for (String target : immediate(Objects.requireNonNull(declarations.get(name), name))) {
      if (!declarations.containsKey(target)) {
        continue;
      }
      Boolean state = finished.get(target);
      if (state == null) {
        visit(target, declarations, finished, cuts);
      } else if (!state) {
        cuts.computeIfAbsent(name, unused -> new HashSet<>()).add(target);
      }
    }
    finished.put(name, true);
  }

  private static TsType replace(TsType type, Set<String> cut) {
    if (type instanceof TsType.NamedRef ref && cut.contains(ref.name())) {
      return TsType.UNKNOWN;
    }
    if (type instanceof TsType.Union union) {
      return TsType.union(replaceAll(union.members(), cut));
    }
    if (type instanceof TsType.Intersection intersection) {
      return TsType.intersection(replaceAll(intersection.members(), cut));
    }
    return type;
  }

  private static List<TsType> replaceAll(List<TsType> members, Set<String> cut) {
    List<TsType> replaced = new ArrayList<>();
    for (TsType member : members) {
      replaced.add(replace(member, cut));
    }
    return replaced;
  }

  private static void collect(TsType type, Set<String> names, boolean deep) {
    if (type instanceof TsType.NamedRef ref) {
      names.add(ref.name());
    } else if (type instanceof TsType.Union union) {
      union.members().forEach(member -> collect(member, names, deep));
    } else if (type instanceof TsType.Intersection intersection) {
      intersection.members().forEach(member -> collect(member, names, deep));
    } else if (deep && type instanceof TsType.ArrayOf array) {
      collect(array.element(), names, true);
    } else if (deep && type instanceof TsType.Tuple tuple) {
      tuple.elements().forEach(element -> collect(element, names, true));
      if (tuple.rest() != null) {
        collect(tuple.rest(), names, true);
      }
    } else if (deep && type instanceof TsType.ObjectLiteral object) {
      object.members().forEach(member -> collect(member.type(), names, true));
      if (object.indexType() != null) {
        collect(object.indexType(), names, true);
      }
    }
  }
}
