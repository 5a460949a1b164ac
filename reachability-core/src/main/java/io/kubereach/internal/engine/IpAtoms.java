package io.kubereach;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The address space cut at every ipBlock {@code cidr}/{@code except} boundary into disjoint atoms:
 * all addresses of an atom are matched by the same blocks (S12). IPv4 atoms come first, then IPv6
 * ones (which listings show only when the input mentions IPv6).
 */
final class IpAtoms {
  private final List<IpSpace.Block> atoms;
  private final BigInteger[] v4Starts;
  private final BigInteger[] v6Starts;

  IpAtoms(Collection<IpSpace.Matcher> matchers) {
    TreeSet<BigInteger> v4 = new TreeSet<>();
    TreeSet<BigInteger> v6 = new TreeSet<>();
    v4.add(BigInteger.ZERO);
    v6.add(BigInteger.ZERO);
    for (IpSpace.Matcher m : matchers) {
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
  List<IpSpace.Block> atoms() {
    return atoms;
  }

  int size() {
    return atoms.size();
  }

  IpSpace.Block atom(int i) {
    return atoms.get(i);
  }

  /** The atom holding {@code a}. */
  int atomOf(IpSpace.Address a) {
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

  /** The atoms overlapping {@code range}, in order. */
  List<Integer> atomsOverlapping(IpSpace.Block range) {
    int from = atomOf(new IpSpace.Address(range.v6(), range.first()));
    int to = atomOf(new IpSpace.Address(range.v6(), range.last()));
    List<Integer> out = new ArrayList<>(to - from + 1);
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }
}
