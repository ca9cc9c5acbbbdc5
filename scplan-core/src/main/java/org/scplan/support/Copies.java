package org.scplan.support;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Defensive copies with a deterministic iteration order. {@code Map.copyOf} and {@code Set.copyOf}
 * iterate in an order that changes from one JVM run to the next, which would break byte-for-byte
 * reproducible plans; these copies keep keys sorted or in enum order.
 */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code list}; {@code null} becomes the empty list. */
  public static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An unmodifiable copy sorted by key; {@code null} becomes the empty map. */
  public static <K extends Comparable<K>, V> SortedMap<K, V> sortedMap(Map<K, V> map) {
    if (map == null) {
      return Collections.emptySortedMap();
    }
    TreeMap<K, V> copy = new TreeMap<>();
    map.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "map key"),
                Objects.requireNonNull(v, "map value for " + k)));
    return Collections.unmodifiableSortedMap(copy);
  }

  /** An unmodifiable copy in enum order; {@code null} becomes the empty set. */
  public static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type) {
    if (values == null || values.isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(type));
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(values));
  }

  /** Requires {@code value} to be non-null, naming the field in the message. */
  public static <T> T required(T value, String owner, String field) {
    if (value == null) {
      throw new NullPointerException(owner + "." + field + " is required but was null");
    }
    return value;
  }
}
