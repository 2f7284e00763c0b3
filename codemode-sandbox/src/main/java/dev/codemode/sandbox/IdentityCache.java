package dev.codemode.sandbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe cache keyed by object identity, for values computed from descriptors (records whose
 * equality compares whole JSON Schemas, too slow for a lookup per tool call). Bounded: when it
 * holds {@code maxEntries}, it starts over, so descriptors built at run time cannot pile up.
 */
final class IdentityCache<K, V> {

  private record Key(Object key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && that.key == key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }
  }

  private final ConcurrentHashMap<Key, V> values = new ConcurrentHashMap<>();
  private final int maxEntries;

  IdentityCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The value for {@code key}, computed by {@code compute} the first time. */
  V get(K key, Function<K, V> compute) {
    Key wrapped = new Key(key);
    V value = values.get(wrapped);
    if (value == null) {
      if (values.size() >= maxEntries) {
        values.clear();
      }
      value = compute.apply(key);
      values.put(wrapped, value);
    }
    return value;
  }
}
