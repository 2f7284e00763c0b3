package dev.codemode.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps character offsets in a derived text (normalized code, code with types stripped) back to
 * offsets in the text it was derived from. The derived text is made of ranges copied from the
 * source and inserted text; a position inside inserted text maps to the end of the copied range
 * before it (or the start of the one after it, at the very beginning).
 *
 * <p>Immutable. Maps chain with {@link #then(PositionMap)}.
 */
final class PositionMap {

  /** A copied range: {@code length} characters at {@code to} in the derived text came from {@code from}. */
  record Segment(int to, int from, int length) {}

  private static final PositionMap IDENTITY = new PositionMap(null);

  /** The copied ranges; null for a text that is its source. */
  private final @Nullable List<Segment> segments;

  private PositionMap(@Nullable List<Segment> segments) {
    this.segments = segments;
  }

  /** The map of a text that is its source unchanged. */
  static PositionMap identity() {
    return IDENTITY;
  }

  /** The map of a text that is {@code source.substring(start)} and maybe shorter. */
  static PositionMap shifted(int start) {
    return start == 0 ? IDENTITY : of(List.of(new Segment(0, start, Integer.MAX_VALUE / 2)));
  }

  /** A map from copied ranges, sorted by their position in the derived text. */
  static PositionMap of(List<Segment> segments) {
    return new PositionMap(List.copyOf(segments));
  }

  /** The source offset of {@code offset} in the derived text. */
  int toSource(int offset) {
    if (segments == null) {
      return offset;
    }
    if (segments.isEmpty()) {
      return 0;
    }
    int found = indexAt(segments, offset);
    if (found < 0) {
      return segments.get(0).from();
    }
    Segment segment = segments.get(found);
    int inside = offset - segment.to();
    return segment.from() + Math.min(inside, segment.length());
  }

  /**
   * The map of a text derived in two steps: {@code this} maps the intermediate text to the
   * source, {@code next} maps the final text to the intermediate one.
   */
  PositionMap then(PositionMap next) {
    if (next.segments == null) {
      return this;
    }
    List<Segment> mine = segments;
    if (mine == null) {
      return next;
    }
    List<Segment> composed = new ArrayList<>(next.segments.size());
    for (Segment segment : next.segments) {
      // Split the next segment wherever it crosses a boundary of this map's segments.
      int done = 0;
      while (done < segment.length()) {
        int intermediate = segment.from() + done;
        int index = indexAt(mine, intermediate);
        if (index < 0) {
          break;
        }
        Segment inner = mine.get(index);
        int insideInner = intermediate - inner.to();
        if (insideInner >= inner.length()) {
          // Inserted text of the intermediate step: skip to the next copied range.
          int nextStart = index + 1 < mine.size() ? mine.get(index + 1).to() : Integer.MAX_VALUE;
          if (nextStart == Integer.MAX_VALUE || nextStart - segment.from() >= segment.length()) {
            break;
          }
          done = nextStart - segment.from();
          continue;
        }
        int run = Math.min(segment.length() - done, inner.length() - insideInner);
        composed.add(new Segment(segment.to() + done, inner.from() + insideInner, run));
        done += run;
      }
    }
    return new PositionMap(List.copyOf(composed));
  }

  /** The index of the last segment of {@code segments} that starts at or before {@code offset}, or -1. */
  private static int indexAt(List<Segment> segments, int offset) {
    int low = 0;
    int high = segments.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (segments.get(middle).to() <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /**
   * The map of {@code derived}, a copy of {@code source} from which characters were removed and
   * into which a few were inserted (TypeScript types stripped): characters are matched in order,
   * looking ahead at most a few hundred characters, so that every character that survived maps to
   * where it was.
   */
  static PositionMap aligned(String source, String derived) {
    List<Segment> segments = new ArrayList<>();
    int s = 0;
    int runTo = -1;
    int runFrom = -1;
    int runLength = 0;
    for (int d = 0; d < derived.length(); d++) {
      char c = derived.charAt(d);
      int match = -1;
      int limit = Math.min(source.length(), s + 400);
      for (int k = s; k < limit; k++) {
        if (source.charAt(k) == c) {
          match = k;
          break;
        }
      }
      if (match < 0) {
        continue;
      }
      if (runLength > 0 && runTo + runLength == d && runFrom + runLength == match) {
        runLength++;
      } else {
        if (runLength > 0) {
          segments.add(new Segment(runTo, runFrom, runLength));
        }
        runTo = d;
        runFrom = match;
        runLength = 1;
      }
      s = match + 1;
    }
    if (runLength > 0) {
      segments.add(new Segment(runTo, runFrom, runLength));
    }
    return new PositionMap(List.copyOf(segments));
  }
}
