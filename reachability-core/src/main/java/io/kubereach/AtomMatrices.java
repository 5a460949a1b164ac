package io.kubereach;

import io.kubereach.model.PortSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowed-connection matrices (DESIGN §5.6), one per distinct port atom group: pod class to pod
 * class (egress AND transposed ingress, S5), pod class to IP class (egress only: no policy applies
 * outside) and IP class to pod class (ingress only). Identical matrices are stored once. Never
 * modified after construction; the arrays never leave the engine.
 */
final class AtomMatrices {
  /** The matrix of each port atom group. */
  final int[] matrixOfGroup;

  /** [matrix][source class] → destination classes. */
  final long[][][] pods;

  /** [matrix][source class] → destination IP classes. */
  final long[][][] toIp;

  /** [matrix][destination class] → source IP classes. */
  final long[][][] fromIp;

  /** The ports of each matrix: the union of its atom groups. */
  final PortSet[] portsOfMatrix;

  AtomMatrices(int[] matrixOfGroup, List<long[][][]> distinct, PortSet[] portsOfMatrix) {
    this.matrixOfGroup = matrixOfGroup;
    this.pods = distinct.stream().map(m -> m[0]).toArray(long[][][]::new);
    this.toIp = distinct.stream().map(m -> m[1]).toArray(long[][][]::new);
    this.fromIp = distinct.stream().map(m -> m[2]).toArray(long[][][]::new);
    this.portsOfMatrix = portsOfMatrix;
  }

  int count() {
    return pods.length;
  }

  /** Collects per-group matrices, storing identical ones once. */
  static final class Collector {
    private final int[] matrixOfGroup;
    private final List<long[][][]> distinct = new ArrayList<>();
    private final List<PortSet> ports = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();

    Collector(int groups) {
      matrixOfGroup = new int[groups];
    }

    void add(int group, PortSet groupPorts, long[][] pods, long[][] toIp, long[][] fromIp) {
      long[][][] m = {pods, toIp, fromIp};
      Key key = new Key(m);
      Integer id = ids.get(key);
      if (id == null) {
        id = distinct.size();
        ids.put(key, id);
        distinct.add(m);
        ports.add(groupPorts);
      } else {
        ports.set(id, ports.get(id).union(groupPorts));
      }
      matrixOfGroup[group] = id;
    }

    AtomMatrices build() {
      return new AtomMatrices(matrixOfGroup, distinct, ports.toArray(PortSet[]::new));
    }
  }

  /** Deep equality over a matrix triple. */
  private static final class Key {
    private final long[][][] m;
    private final int hash;

    Key(long[][][] m) {
      this.m = m;
      this.hash = Arrays.deepHashCode(m);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && Arrays.deepEquals(m, k.m);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
