package io.kubereach.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The immutable fields of a {@link Node.MapNode}, in input order, with where each key is written. A
 * manifest's mappings hold a handful of keys, so a scan over two arrays beats hashing, and one
 * object per mapping replaces the two hash maps a tree of a 100k-object dump would otherwise hold
 * (docs/benchmarks.md, "JSON input"). Mappings of more than {@link #INDEXED} keys get a hash index.
 */
final class FieldMap extends AbstractMap<String, Node> {
  /** The size from which a key is found through a hash index rather than a scan. */
  static final int INDEXED = 12;

  static final FieldMap EMPTY = new FieldMap(new String[0], new Node[0], new long[0]);

  private final String[] keys;
  private final Node[] values;
  private final long[] positions;
  private final Map<String, Integer> index;

  /**
   * Takes the arrays as they are; the caller hands them over and never changes them.
   *
   * @param positions where each key is written, as {@code line << 32 | column}
   */
  FieldMap(String[] keys, Node[] values, long[] positions) {
    if (keys.length != values.length || keys.length != positions.length) {
      throw new IllegalArgumentException("keys, values and positions differ in length");
    }
    this.keys = keys;
    this.values = values;
    this.positions = positions;
    this.index = keys.length > INDEXED ? indexOf(keys, keys.length) : null;
  }

  /** A hash index of the first {@code size} keys. */
  static Map<String, Integer> indexOf(String[] keys, int size) {
    Map<String, Integer> index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(keys[i], i);
    }
    return index;
  }

  private int find(Object key) {
    return find(keys, keys.length, index, key);
  }

  /**
   * Where {@code key} is among the first {@code size} keys, through {@code index} when there is
   * one; -1 when absent. Also the reader's, while a mapping is being read.
   */
  static int find(String[] keys, int size, Map<String, Integer> index, Object key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      // JSON names are interned (TreeReader), and so are the decoder's literals: for JSON, ==
      // usually decides; YAML names are compared by equals.
      if (keys[i] == key || keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Where {@code key} is written ({@code line << 32 | column}), or -1 when it is absent. */
  long position(String key) {
    int at = find(key);
    return at < 0 ? -1 : positions[at];
  }

  @Override
  public Node get(Object key) {
    int at = find(key);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Set<Entry<String, Node>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Node>> iterator() {
        return new Cursor<>() {
          @Override
          Entry<String, Node> at(int i) {
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return new Cursor<>() {
          @Override
          String at(int i) {
            return keys[i];
          }
        };
      }

      @Override
      public boolean contains(Object key) {
        return find(key) >= 0;
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  /** A read-only iterator over the positions of the arrays. */
  private abstract class Cursor<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < keys.length;
    }

    @Override
    public T next() {
      if (next >= keys.length) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }
}
