package dev.codemode.openapi.build;

import org.jspecify.annotations.Nullable;

/**
 * A JSON pointer into the spec, built one segment at a time while the derivation walks it; the
 * text ({@code /paths/~1pets/get}) is only made when a message needs it.
 */
final class Pointer {

  static final Pointer ROOT = new Pointer(null, null);

  private final @Nullable Pointer parent;
  private final @Nullable String segment;

  private Pointer(@Nullable Pointer parent, @Nullable String segment) {
    this.parent = parent;
    this.segment = segment;
  }

  /** The pointer of a child: an object key or an array index. */
  Pointer at(String key) {
    return new Pointer(this, key);
  }

  Pointer at(int index) {
    return new Pointer(this, Integer.toString(index));
  }

  /** The pointer of a {@code $ref} text such as {@code #/components/schemas/Pet}. */
  static Pointer ofRef(String ref) {
    Pointer pointer = ROOT;
    String body = ref.startsWith("#") ? ref.substring(1) : ref;
    if (body.isEmpty()) {
      return pointer;
    }
    for (String segment : body.substring(1).split("/", -1)) {
      pointer = pointer.at(unescape(segment));
    }
    return pointer;
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  @Override
  public String toString() {
    if (parent == null || segment == null) {
      return ""; // the root
    }
    return parent + "/" + escape(segment);
  }
}
