package io.kubereach.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The immutable fields of a {@link Node.MapNode}, in input order, with where each key is written;
 * the mapping is its own field map (one object per mapping, not two: a JSON load allocated 6% in
 * field maps apart from their mappings). A manifest's mappings hold a handful of keys, so a scan
 * over one array beats hashing, and one object per mapping replaces the two hash maps a tree of a
 * 100k-object dump would otherwise hold (docs/benchmarks.md, "JSON input"). Mappings of more than
 * {@link #INDEXED} keys get a hash index.
 */
abstract sealed class FieldMap extends AbstractMap<String, Node> permits Node.MapNode {
  /** The size from which a key is found through a hash index rather than a scan. */
  static final int INDEXED = 12;

  /** The arrays of a mapping without fields, shared. */
  static final Object[] NO_ENTRIES = {};

  static final long[] NO_POSITIONS = {};

  /** The keys and values in turn, {@code key0, value0, key1, value1, ...}: one array to copy. */
  private final Object[] entries;

  private final long[] positions;

  /**
   * The {@link #bit} of every key: a key whose bit is not set is absent without a scan, as most of
   * the optional fields a decoder asks for are (a fifth of the decoding thread was scans).
   */
  private final long hashes;

  private final Map<String, Integer> index;

  /**
   * Takes the arrays as they are; the caller hands them over and never changes them.
   *
   * @param entries each key (a string) followed by its value (a node)
   * @param positions where each key is written, as {@code line << 32 | column}
   * @param hashes the {@link #bit} of every key, or'ed
   */
  FieldMap(Object[] entries, long[] positions, long hashes) {
    if (entries.length != 2 * positions.length) {
      throw new IllegalArgumentException("entries and positions differ in length");
    }
    this.entries = entries;
    this.positions = positions;
    this.hashes = hashes;
    this.index = positions.length > INDEXED ? indexOf(entries, positions.length) : null;
  }

  /** The bit of {@code key} in a mask of key hashes: the hash modulo 64 (see {@link #hashes}). */
  static long bit(String key) {
    return 1L << key.hashCode(); // a shift takes its distance modulo 64
  }

  /** A hash index of the first {@code size} keys of {@code entries}, to their entry number. */
  static Map<String, Integer> indexOf(Object[] entries, int size) {
    Map<String, Integer> index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put((String) entries[2 * i], i);
    }
    return index;
  }

  private int find(Object key) {
    if (index == null && (!(key instanceof String k) || (hashes & bit(k)) == 0)) {
      return -1;
    }
    return find(entries, positions.length, index, key);
  }

  /**
   * The number of {@code key} among the first {@code size} entries, through {@code index} when
   * there is one; -1 when absent. Also the reader's, while a mapping is being read.
   */
  static int find(Object[] entries, int size, Map<String, Integer> index, Object key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      // JSON names are interned (TreeReader), and so are the decoder's literals: for JSON, ==
      // usually decides; YAML names are compared by equals.
      Object k = entries[2 * i];
      if (k == key || k.equals(key)) {
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

  /** The key at {@code i}, in input order: a walk over the keys without an iterator. */
  String key(int i) {
    return (String) entries[2 * i];
  }

  /** The value at {@code i}, in input order. */
  Node value(int i) {
    return (Node) entries[2 * i + 1];
  }

  @Override
  public Node get(Object key) {
    int at = find(key);
    return at < 0 ? null : value(at);
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return positions.length;
  }

  @Override
  public Set<Entry<String, Node>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Node>> iterator() {
        return new Cursor<>() {
          @Override
          Entry<String, Node> at(int i) {
            return new SimpleImmutableEntry<>(key(i), value(i));
          }
        };
      }

      @Override
      public int size() {
        return positions.length;
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
            return key(i);
          }
        };
      }

      @Override
      public boolean contains(Object key) {
        return find(key) >= 0;
      }

      @Override
      public int size() {
        return positions.length;
      }
    };
  }

  /** A read-only iterator over the positions of the arrays. */
  private abstract class Cursor<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < positions.length;
    }

    @Override
    public T next() {
      if (next >= positions.length) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }
}
