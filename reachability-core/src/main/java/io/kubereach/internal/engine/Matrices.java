package io.kubereach.internal.engine;

import io.kubereach.model.PortSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 7 of the engine (docs/architecture.md): the allowed-connection matrices, one per distinct
 * port class: pod class to pod class (egress AND transposed ingress, S5), pod class to IP class
 * (egress only: no policy applies outside) and IP class to pod class (ingress only). Identical
 * matrices are stored once, and identical rows too. Never modified after construction; the arrays
 * never leave the engine.
 *
 * <p>A pod-to-pod row holds few classes (at 100k pods, 83% of the rows are empty and nearly all
 * others hold one to three of 7,954 classes), so a row with fewer classes than it has words of 64
 * bits is kept as its classes, ascending: the matrices then take a few MB instead of K² bits each,
 * and a check reads a row that is likely in the cache.
 */
final class Matrices {
  /** The matrix of each port class. */
  final int[] matrixOfPortClass;

  /** [matrix][source class] → destination classes: an ascending {@code int[]} or words. */
  private final Object[][] pods;

  /** [matrix][source class] → destination IP classes. */
  final long[][][] toIp;

  /** [matrix][destination class] → source IP classes. */
  final long[][][] fromIp;

  /** The ports of each matrix: the union of its port classes. */
  final PortSet[] portsOfMatrix;

  private Matrices(
      int[] matrixOfPortClass,
      List<Object[]> pods,
      List<long[][][]> distinct,
      PortSet[] portsOfMatrix) {
    this.matrixOfPortClass = matrixOfPortClass;
    this.pods = pods.toArray(Object[][]::new);
    this.toIp = distinct.stream().map(m -> m[1]).toArray(long[][][]::new);
    this.fromIp = distinct.stream().map(m -> m[2]).toArray(long[][][]::new);
    this.portsOfMatrix = portsOfMatrix;
  }

  int count() {
    return pods.length;
  }

  /**
   * Whether matrix {@code m} lets a pod of class {@code s} reach a distinct pod of class {@code d}.
   */
  boolean allows(int m, int s, int d) {
    Object row = pods[m][s];
    return row instanceof int[] few ? holds(few, d) : Bits.get((long[]) row, d);
  }

  /** Whether ascending classes hold {@code d}: a few are scanned, more are searched. */
  private static boolean holds(int[] few, int d) {
    if (few.length > 8) {
      return Arrays.binarySearch(few, d) >= 0;
    }
    for (int c : few) {
      if (c >= d) {
        return c == d;
      }
    }
    return false;
  }

  /** Sets in {@code out} the classes that class {@code s} reaches in matrix {@code m}. */
  void orReachable(int m, int s, long[] out) {
    Object row = pods[m][s];
    if (row instanceof int[] few) {
      for (int d : few) {
        Bits.set(out, d);
      }
    } else {
      Bits.orInto(out, (long[]) row);
    }
  }

  /** Collects per-port-class matrices, storing identical ones once. */
  static final class Collector {
    private final int[] matrixOfPortClass;
    private final List<long[][][]> distinct = new ArrayList<>();
    private final List<PortSet> ports = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();
    private final Map<Row, Row> pool = new HashMap<>();
    private final List<Object[]> compact = new ArrayList<>();

    /** The compact form of each distinct pod-to-pod row, by identity of its words. */
    private final Map<long[], Object> compactRows = new IdentityHashMap<>();

    Collector(int portClasses) {
      matrixOfPortClass = new int[portClasses];
    }

    void add(int portClass, PortSet classPorts, long[][] pods, long[][] toIp, long[][] fromIp) {
      long[][][] m = {intern(pods), intern(toIp), intern(fromIp)};
      Key key = new Key(m);
      Integer id = ids.get(key);
      if (id == null) {
        id = distinct.size();
        ids.put(key, id);
        distinct.add(m);
        ports.add(classPorts);
        Object[] rows = new Object[pods.length];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = compactRows.computeIfAbsent(m[0][i], Collector::compact);
        }
        compact.add(rows);
      } else {
        ports.set(id, ports.get(id).union(classPorts));
      }
      matrixOfPortClass[portClass] = id;
    }

    /** The row kept for each array seen: the builder hands on one empty array many times. */
    private final Map<long[], long[]> seen = new IdentityHashMap<>();

    /** Replaces every row by the one equal row kept so far: rows repeat across port classes. */
    private long[][] intern(long[][] rows) {
      for (int i = 0; i < rows.length; i++) {
        rows[i] =
            seen.computeIfAbsent(rows[i], row -> pool.computeIfAbsent(new Row(row), r -> r).words);
      }
      return rows;
    }

    /** A row's classes, when it has fewer than it has words; else its words. */
    private static Object compact(long[] words) {
      int n = Bits.count(words);
      if (n >= words.length) {
        return words;
      }
      int[] few = new int[n];
      int[] at = {0};
      Bits.forEach(words, d -> few[at[0]++] = d);
      return few;
    }

    Matrices build() {
      return new Matrices(matrixOfPortClass, compact, distinct, ports.toArray(PortSet[]::new));
    }
  }

  /** Value equality over one row. */
  private static final class Row {
    private final long[] words;
    private final int hash;

    Row(long[] words) {
      this.words = words;
      this.hash = Arrays.hashCode(words);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && hash == r.hash && Arrays.equals(words, r.words);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Equality over a matrix triple whose rows are interned: equal matrices hold the very same row
   * arrays, so identity per row is enough and no row is hashed twice.
   */
  private static final class Key {
    private final long[][][] m;
    private final int hash;

    Key(long[][][] m) {
      this.m = m;
      int h = 1;
      for (long[][] part : m) {
        for (long[] row : part) {
          h = 31 * h + System.identityHashCode(row);
        }
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || hash != k.hash) {
        return false;
      }
      for (int p = 0; p < m.length; p++) {
        if (m[p].length != k.m[p].length) {
          return false;
        }
        for (int i = 0; i < m[p].length; i++) {
          if (m[p][i] != k.m[p][i]) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
