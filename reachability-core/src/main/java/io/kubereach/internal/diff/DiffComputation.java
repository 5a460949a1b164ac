package io.kubereach.internal.diff;

import io.kubereach.Connection;
import io.kubereach.ConnectionChange;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes connection changes. Workload pairs compare directly; external ranges compare per
 * (workload, direction, address family) on the common refinement of both sides' ranges, then merge
 * neighbouring pieces whose (before, after) pair is the same.
 */
public final class DiffComputation {
  private DiffComputation() {}

  /** A workload, whether it is the source, and the address family of the external end. */
  private record Side(WorkloadEndpoint workload, boolean outgoing, boolean ipv6) {}

  /** A pair of workload endpoints. */
  private record Pair(WorkloadEndpoint source, WorkloadEndpoint destination) {}

  /** The ports of each external range, keyed by its first address as a number. */
  private record Piece(BigInteger first, BigInteger last, PortSet ports) {}

  /** The changes from {@code before} to {@code after}, unsorted. */
  public static List<ConnectionChange> changes(List<Connection> before, List<Connection> after) {
    Map<Pair, PortSet[]> pairs = new LinkedHashMap<>();
    Map<Side, List<List<Piece>>> external = new LinkedHashMap<>();
    collect(before, 0, pairs, external);
    collect(after, 1, pairs, external);
    List<ConnectionChange> out = new ArrayList<>();
    pairs.forEach(
        (pair, ports) -> {
          PortSet b = orNone(ports[0]);
          PortSet a = orNone(ports[1]);
          if (!b.equals(a)) {
            out.add(new ConnectionChange(pair.source(), pair.destination(), b, a));
          }
        });
    external.forEach((side, pieces) -> refine(side, pieces.get(0), pieces.get(1), out));
    return out;
  }

  private static void collect(
      List<Connection> connections,
      int slot,
      Map<Pair, PortSet[]> pairs,
      Map<Side, List<List<Piece>>> external) {
    for (Connection c : connections) {
      if (c.source() instanceof WorkloadEndpoint s
          && c.destination() instanceof WorkloadEndpoint d) {
        pairs.computeIfAbsent(new Pair(s, d), k -> new PortSet[2])[slot] = c.ports();
        continue;
      }
      boolean outgoing = c.source() instanceof WorkloadEndpoint;
      WorkloadEndpoint w = (WorkloadEndpoint) (outgoing ? c.source() : c.destination());
      IpSpace.Block x = IpSpace.range((ExternalEndpoint) (outgoing ? c.destination() : c.source()));
      Side side = new Side(w, outgoing, x.v6());
      external
          .computeIfAbsent(side, k -> List.of(new ArrayList<>(), new ArrayList<>()))
          .get(slot)
          .add(new Piece(x.first(), x.last(), c.ports()));
    }
  }

  private static void refine(
      Side side, List<Piece> before, List<Piece> after, List<ConnectionChange> out) {
    TreeSet<BigInteger> cuts = new TreeSet<>();
    for (List<Piece> list : List.of(before, after)) {
      for (Piece p : list) {
        cuts.add(p.first());
        cuts.add(p.last().add(BigInteger.ONE));
      }
    }
    TreeMap<BigInteger, Piece> b = byStart(before);
    TreeMap<BigInteger, Piece> a = byStart(after);
    BigInteger runStart = null;
    BigInteger runEnd = null;
    PortSet runBefore = null;
    PortSet runAfter = null;
    BigInteger previous = null;
    for (BigInteger cut : cuts) {
      if (previous != null) {
        BigInteger last = cut.subtract(BigInteger.ONE);
        PortSet pb = lookup(b, previous);
        PortSet pa = lookup(a, previous);
        boolean extends_ =
            runStart != null
                && runEnd.add(BigInteger.ONE).equals(previous)
                && pb.equals(runBefore)
                && pa.equals(runAfter);
        if (extends_) {
          runEnd = last;
        } else {
          emit(side, runStart, runEnd, runBefore, runAfter, out);
          runStart = previous;
          runEnd = last;
          runBefore = pb;
          runAfter = pa;
        }
      }
      previous = cut;
    }
    emit(side, runStart, runEnd, runBefore, runAfter, out);
  }

  private static void emit(
      Side side,
      BigInteger first,
      BigInteger last,
      PortSet before,
      PortSet after,
      List<ConnectionChange> out) {
    if (first == null || before.equals(after)) {
      return;
    }
    ExternalEndpoint range =
        new ExternalEndpoint(IpSpace.text(side.ipv6(), first), IpSpace.text(side.ipv6(), last));
    out.add(
        side.outgoing()
            ? new ConnectionChange(side.workload(), range, before, after)
            : new ConnectionChange(range, side.workload(), before, after));
  }

  private static TreeMap<BigInteger, Piece> byStart(List<Piece> pieces) {
    TreeMap<BigInteger, Piece> map = new TreeMap<>();
    pieces.forEach(p -> map.put(p.first(), p));
    return map;
  }

  private static PortSet lookup(TreeMap<BigInteger, Piece> pieces, BigInteger address) {
    Map.Entry<BigInteger, Piece> e = pieces.floorEntry(address);
    return e != null && e.getValue().last().compareTo(address) >= 0
        ? e.getValue().ports()
        : PortSet.none();
  }

  private static PortSet orNone(PortSet ports) {
    return ports == null ? PortSet.none() : ports;
  }
}
