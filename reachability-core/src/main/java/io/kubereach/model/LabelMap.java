package io.kubereach.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable label map: keys in sorted order (so that equal labels print alike) in two arrays,
 * with its hash kept. A pod's labels held as a sorted tree took a third of a loaded 100k-pod
 * cluster (docs/benchmarks.md, "A loader that keeps less"), and as the key of every pod-shape
 * lookup the hash was summed anew each time. Not a {@link java.util.SortedMap}: nothing asks for
 * ranges of labels, only for a value, the entries in order, and equality.
 */
final class LabelMap extends AbstractMap<String, String> {
  static final LabelMap EMPTY = new LabelMap(new String[0], new String[0]);

  private final String[] keys;
  private final String[] values;
  private final int hash;
  private Set<Map.Entry<String, String>> entries;

  /**
   * The entries, made on the first walk over them and kept: a selector's labels are walked at every
   * match, and an entry object made per label and match would be garbage at once.
   */
  private volatile Map.Entry<String, String>[] walked;

  /** Takes sorted, distinct, non-empty keys and their non-null values; does not copy them. */
  private LabelMap(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
    int h = 0;
    for (int i = 0; i < keys.length; i++) {
      h += keys[i].hashCode() ^ values[i].hashCode(); // Map.hashCode's definition
    }
    this.hash = h;
  }

  /**
   * The labels of {@code labels}, sorted by key; {@code labels} itself when it is a label map
   * already, which is immutable and was checked when it was made.
   *
   * @throws IllegalArgumentException when a key is null or empty or a value null
   */
  static LabelMap copyOf(Map<String, String> labels, String what) {
    if (labels instanceof LabelMap known) {
      return known;
    }
    if (labels == null) {
      throw new IllegalArgumentException(what + " must not be null; pass Map.of() for no labels");
    }
    int size = labels.size();
    if (size == 0) {
      return EMPTY;
    }
    String[] keys = new String[size];
    String[] values = new String[size];
    int[] n = {0};
    labels.forEach(
        (k, v) -> {
          if (k == null || k.isEmpty() || v == null) {
            throw new IllegalArgumentException(
                what + " holds an empty key or a null value: " + k + "=" + v);
          }
          // Insertion into the sorted prefix: label maps hold a handful of keys.
          int i = n[0]++;
          while (i > 0 && keys[i - 1].compareTo(k) > 0) {
            keys[i] = keys[i - 1];
            values[i] = values[i - 1];
            i--;
          }
          keys[i] = k;
          values[i] = v;
        });
    return new LabelMap(keys, values);
  }

  private int indexOf(Object key) {
    return key instanceof String k ? Arrays.binarySearch(keys, k) : -1;
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    if (entries == null) {
      entries = new Entries();
    }
    return entries;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof LabelMap other) {
      return this == other
          || (hash == other.hash
              && Arrays.equals(keys, other.keys)
              && Arrays.equals(values, other.values));
    }
    return super.equals(o);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
  private Map.Entry<String, String>[] walked() {
    Map.Entry<String, String>[] all = walked;
    if (all == null) {
      all = new Map.Entry[keys.length];
      for (int i = 0; i < keys.length; i++) {
        all[i] = new SimpleImmutableEntry<>(keys[i], values[i]);
      }
      walked = all; // made alike by any thread that gets here first; volatile publishes it
    }
    return all;
  }

  /** The entries in key order; immutable, as the map is. */
  private final class Entries extends AbstractSet<Map.Entry<String, String>> {
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
      Map.Entry<String, String>[] all = walked();
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < all.length;
        }

        @Override
        public Map.Entry<String, String> next() {
          if (next >= all.length) {
            throw new NoSuchElementException();
          }
          return all[next++];
        }
      };
    }

    @Override
    public int size() {
      return keys.length;
    }
  }
}
