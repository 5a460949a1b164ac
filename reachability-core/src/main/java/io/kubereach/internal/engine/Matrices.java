package io.kubereach.internal.engine;

import io.kubereach.model.PortSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 6 of the engine (docs/architecture.md): the allowed-connection matrices, one per distinct
 * port class: pod class to pod class (egress AND transposed ingress, S5), pod class to IP class
 * (egress only: no policy applies outside) and IP class to pod class (ingress only). Identical
 * matrices are stored once, and identical rows too. Never modified after construction; the arrays
 * never leave the engine.
 */
final class Matrices {
  /** The matrix of each port class. */
  final int[] matrixOfPortClass;

  /** [matrix][source class] → destination classes. */
  final long[][][] pods;

  /** [matrix][source class] → destination IP classes. */
  final long[][][] toIp;

  /** [matrix][destination class] → source IP classes. */
  final long[][][] fromIp;

  /** The ports of each matrix: the union of its port classes. */
  final PortSet[] portsOfMatrix;

  private Matrices(int[] matrixOfPortClass, List<long[][][]> distinct, PortSet[] portsOfMatrix) {
    this.matrixOfPortClass = matrixOfPortClass;
    this.pods = distinct.stream().map(m -> m[0]).toArray(long[][][]::new);
    this.toIp = distinct.stream().map(m -> m[1]).toArray(long[][][]::new);
    this.fromIp = distinct.stream().map(m -> m[2]).toArray(long[][][]::new);
    this.portsOfMatrix = portsOfMatrix;
  }

  int count() {
    return pods.length;
  }

  /** Collects per-port-class matrices, storing identical ones once. */
  static final class Collector {
    private final int[] matrixOfPortClass;
    private final List<long[][][]> distinct = new ArrayList<>();
    private final List<PortSet> ports = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();
    private final Map<Row, Row> pool = new HashMap<>();

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
      } else {
        ports.set(id, ports.get(id).union(classPorts));
      }
      matrixOfPortClass[portClass] = id;
    }

    /** Replaces every row by the one equal row kept so far: rows repeat across port classes. */
    private long[][] intern(long[][] rows) {
      for (int i = 0; i < rows.length; i++) {
        long[] row = rows[i];
        rows[i] = pool.computeIfAbsent(new Row(row), r -> r).words;
      }
      return rows;
    }

    Matrices build() {
      return new Matrices(matrixOfPortClass, distinct, ports.toArray(PortSet[]::new));
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
