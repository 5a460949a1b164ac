package io.kubereach.internal.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The address space cut at every boundary of the policies' address sets into disjoint atoms; all
 * addresses of an atom are held by the same sets (S12), its signature. IPv4 atoms come first, then
 * IPv6 ones (which listings show only when the input mentions IPv6). The pods' memberships (step
 * 2a) and the engine's IP classes (step 4, docs/architecture.md) are both read off the signatures.
 * Immutable.
 */
public final class IpAtoms {
  private final List<IpSpace.Block> atoms;
  private final BigInteger[] v4Starts;
  private final BigInteger[] v6Starts;
  private final BitSet[] signatures;

  /** The atoms of these address sets, numbered as listed. */
  public IpAtoms(List<IpMatcher> matchers) {
    TreeSet<BigInteger> v4 = new TreeSet<>();
    TreeSet<BigInteger> v6 = new TreeSet<>();
    v4.add(BigInteger.ZERO);
    v6.add(BigInteger.ZERO);
    for (IpMatcher m : matchers) {
      for (IpSpace.Address b : m.boundaries()) {
        (b.v6() ? v6 : v4).add(b.value());
      }
    }
    List<IpSpace.Block> all = new ArrayList<>();
    addAtoms(all, v4, false);
    addAtoms(all, v6, true);
    this.atoms = List.copyOf(all);
    this.v4Starts = v4.toArray(BigInteger[]::new);
    this.v6Starts = v6.toArray(BigInteger[]::new);
    this.signatures = new BitSet[atoms.size()];
    for (int a = 0; a < signatures.length; a++) {
      BitSet sig = new BitSet(matchers.size());
      for (int m = 0; m < matchers.size(); m++) {
        if (matchers.get(m).contains(atoms.get(a).firstAddress())) {
          sig.set(m);
        }
      }
      signatures[a] = sig;
    }
  }

  private static void addAtoms(List<IpSpace.Block> out, TreeSet<BigInteger> starts, boolean v6) {
    List<BigInteger> s = new ArrayList<>(starts);
    for (int i = 0; i < s.size(); i++) {
      BigInteger last =
          i + 1 < s.size() ? s.get(i + 1).subtract(BigInteger.ONE) : IpSpace.lastOf(v6);
      out.add(new IpSpace.Block(v6, s.get(i), last));
    }
  }

  /** The atoms, IPv4 first, each family in address order. */
  public List<IpSpace.Block> atoms() {
    return atoms;
  }

  /** The number of atoms. */
  public int size() {
    return atoms.size();
  }

  /** The atom of that index. */
  public IpSpace.Block atom(int i) {
    return atoms.get(i);
  }

  /** The address sets (by their index in the list given) holding an atom: shared, never modify. */
  public BitSet signature(int atom) {
    return signatures[atom];
  }

  /** The atom holding {@code a}. */
  public int atomOf(IpSpace.Address a) {
    BigInteger[] starts = a.v6() ? v6Starts : v4Starts;
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid].compareTo(a.value()) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return (a.v6() ? v4Starts.length : 0) + lo;
  }

  /** The indexes of the atoms overlapping {@code range}, ascending. */
  public IntStream overlapping(IpSpace.Block range) {
    return IntStream.rangeClosed(atomOf(range.firstAddress()), atomOf(range.lastAddress()));
  }
}
