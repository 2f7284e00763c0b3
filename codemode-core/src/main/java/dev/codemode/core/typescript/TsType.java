package dev.codemode.core.typescript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A TypeScript type expression as a tree, so that unions and intersections can be simplified and
 * parenthesized by structure rather than by string matching. {@link TsPrinter} turns it into text.
 *
 * <p>Build unions and intersections with {@link #union(List)} and {@link #intersection(List)}: they
 * flatten, remove duplicates and apply the {@code unknown}/{@code never} rules.
 */
sealed interface TsType {

  /** {@code unknown}: any value. */
  TsType UNKNOWN = new Atom("unknown");
  /** {@code never}: no value. */
  TsType NEVER = new Atom("never");
  /** {@code string}. */
  TsType STRING = new Atom("string");
  /** {@code number} (JSON Schema {@code number} and {@code integer}). */
  TsType NUMBER = new Atom("number");
  /** {@code bigint}: an {@code integer} of {@code format: bigint} (Java {@code BigInteger}). */
  TsType BIGINT = new Atom("bigint");
  /** {@code Uint8Array}: base64 {@code application/octet-stream} (Java {@code byte[]}). */
  TsType UINT8_ARRAY = new Atom("Uint8Array");
  /** {@code boolean}. */
  TsType BOOLEAN = new Atom("boolean");
  /** {@code null}. */
  TsType NULL = new Atom("null");
  /** {@code undefined}: the output of a tool that returns nothing. */
  TsType UNDEFINED = new Atom("undefined");
  /** {@code Record<string, unknown>}: any object. */
  TsType ANY_OBJECT = new Atom("Record<string, unknown>");
  /** {@code {}}: an object type without members (JSON Schema: no properties allowed). */
  TsType EMPTY_OBJECT = new ObjectLiteral(List.of(), null);

  /**
   * A type written as one token that never needs parentheses: a keyword, a literal, or a fixed
   * expression such as {@code Record<string, unknown>}.
   */
  record Atom(String text) implements TsType {
    public Atom {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A reference to a declared type alias by its name. */
  record NamedRef(String name) implements TsType {
    public NamedRef {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code T[]}. */
  record ArrayOf(TsType element) implements TsType {
    public ArrayOf {
      Objects.requireNonNull(element, "element");
    }
  }

  /** {@code [A, B]}, or {@code [A, B, ...R[]]} when {@code rest} is not null. */
  record Tuple(List<TsType> elements, @Nullable TsType rest) implements TsType {
    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /**
   * An object type literal: members in order, then an index signature {@code [key: string]: T}
   * when {@code indexType} is not null.
   */
  record ObjectLiteral(List<Member> members, @Nullable TsType indexType) implements TsType {
    public ObjectLiteral {
      members = List.copyOf(members);
    }
  }

  /**
   * One property of an object type literal.
   *
   * @param name the property name as in the schema (quoted when printed if it is not an
   *     identifier)
   * @param optional whether it is printed with {@code ?}
   * @param type its type
   * @param doc JSDoc lines, already escaped; empty for none
   */
  record Member(String name, boolean optional, TsType type, List<String> doc) {
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      doc = List.copyOf(doc);
    }
  }

  /** {@code A | B}, at least two distinct members, none of them a union. */
  record Union(List<TsType> members) implements TsType {
    public Union {
      members = List.copyOf(members);
    }
  }

  /** {@code A & B}, at least two distinct members, none of them an intersection. */
  record Intersection(List<TsType> members) implements TsType {
    public Intersection {
      members = List.copyOf(members);
    }
  }

  /**
   * The union of {@code members}: nested unions are flattened, duplicates dropped (first one
   * kept), {@code never} members dropped; a union containing {@code unknown} is {@code unknown};
   * no members is {@code never}; one member is that member.
   */
  static TsType union(List<TsType> members) {
    Set<TsType> distinct = new LinkedHashSet<>();
    for (TsType member : members) {
      if (member instanceof Union union) {
        distinct.addAll(union.members());
      } else {
        distinct.add(member);
      }
    }
    if (distinct.contains(UNKNOWN)) {
      return UNKNOWN;
    }
    distinct.remove(NEVER);
    if (distinct.isEmpty()) {
      return NEVER;
    }
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    return new Union(new ArrayList<>(distinct));
  }

  /** The union of two types; see {@link #union(List)}. */
  static TsType union(TsType first, TsType second) {
    return union(List.of(first, second));
  }

  /**
   * The intersection of {@code members}: nested intersections are flattened, duplicates and
   * {@code unknown} members dropped; an intersection containing {@code never} is {@code never}; no
   * members is {@code unknown}; one member is that member.
   */
  static TsType intersection(List<TsType> members) {
    Set<TsType> distinct = new LinkedHashSet<>();
    for (TsType member : members) {
      if (member instanceof Intersection intersection) {
        distinct.addAll(intersection.members());
      } else {
        distinct.add(member);
      }
    }
    distinct.remove(UNKNOWN);
    if (distinct.contains(NEVER)) {
      return NEVER;
    }
    if (distinct.isEmpty()) {
      return UNKNOWN;
    }
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    return new Intersection(new ArrayList<>(distinct));
  }
}
