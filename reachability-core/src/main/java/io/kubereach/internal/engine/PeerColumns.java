package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.PortMatch;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.semantics.Selection;
import io.kubereach.model.Port;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's peers and ports as bitset pieces (S6, S7, S9, S10, S12, T6, T7 in docs/semantics.md):
 * "these pod classes and IP classes, on these port classes". A rule admits a peer on a port class
 * when some piece holds both; named ports make the ports depend on the destination, so they become
 * one piece per destination resolution. Shared by the NetworkPolicy rows and the tier decisions.
 */
final class PeerColumns {
  /**
   * Peers admitted on some port classes.
   *
   * @param classes pod classes, as words
   * @param ips IP classes, as words
   * @param portClasses port classes, as words
   */
  record Piece(long[] classes, long[] ips, long[] portClasses) {}

  /** A rule's peers as class columns. */
  private record Columns(long[] classes, long[] ips) {}

  /**
   * For one named port: the distinct port classes it resolves to, and for each pod class the index
   * of its resolution there (-1 when the name is not defined on the class).
   */
  private record NamedTable(List<long[]> portClasses, int[] entryOfClass) {}

  private final ProfileSelections selections;
  private final PodClasses classes;
  private final IpClasses ipClasses;
  private final PortAtoms ports;
  private final int k;
  private final int x;
  private final long[] allClasses;
  private final long[] allIps;
  private final long[] noIps;
  private final Map<PeerSet, Columns> columnCache = new HashMap<>();
  private final Map<Integer, NamedTable> namedTables = new HashMap<>();

  PeerColumns(
      ProfileSelections selections, PodClasses classes, IpClasses ipClasses, PortAtoms ports) {
    this.selections = selections;
    this.classes = classes;
    this.ipClasses = ipClasses;
    this.ports = ports;
    this.k = classes.count();
    this.x = ipClasses.count();
    this.allClasses = Bits.ones(k);
    this.allIps = Bits.ones(x);
    this.noIps = Bits.words(x);
  }

  /** Every pod class, as words: shared, never modify. */
  long[] allClasses() {
    return allClasses;
  }

  /** No IP class, as words: shared, never modify. */
  long[] noIps() {
    return noIps;
  }

  /** Every IP class, as words: shared, never modify. */
  long[] allIps() {
    return allIps;
  }

  /** S6, S7, S12, T6: the pod classes and IP classes a rule's peers admit, once per set. */
  private Columns columns(PeerSet peers) {
    return columnCache.computeIfAbsent(
        peers,
        p -> {
          if (p.all()) {
            return new Columns(allClasses, allIps); // S6
          }
          long[] cls = Bits.words(k);
          long[] ips = Bits.words(x);
          for (Selection s : p.selections()) {
            Bits.orInto(cls, classes.selected(selections.id(s)));
          }
          for (PeerSet.Network n : p.networks()) {
            Bits.orInto(cls, classes.held(n)); // empty when ipBlocks are external only
            Bits.orInto(ips, ipClasses.inside(n.id()));
          }
          return new Columns(cls, ips);
        });
  }

  /**
   * The pieces of an egress rule: its numbered ports toward every peer it admits, and each named
   * port toward the peer classes that define it, resolved there (S10, T7); toward addresses a named
   * port matches nothing.
   */
  List<Piece> egress(PeerSet peers, PortMatch portMatch) {
    Columns cols = columns(peers);
    List<Piece> out = new ArrayList<>();
    long[] numeric = ports.numeric(portMatch);
    if (!Bits.isEmpty(numeric)) {
      out.add(new Piece(cols.classes(), cols.ips(), numeric));
    }
    for (NamedRef ref : portMatch.named()) {
      NamedTable table = namedTable(classes.refIndex(ref));
      // Walk the rule's peer classes (usually few) rather than AND-ing dense rows.
      Map<Integer, long[]> targets = new HashMap<>();
      Bits.forEach(
          cols.classes(),
          d -> {
            int entry = table.entryOfClass()[d];
            if (entry >= 0) {
              Bits.set(targets.computeIfAbsent(entry, e -> Bits.words(k)), d);
            }
          });
      targets.forEach(
          (entry, classesThere) ->
              out.add(new Piece(classesThere, noIps, table.portClasses().get(entry))));
    }
    return out;
  }

  /**
   * The pieces of an ingress rule of a pod of {@code destination}: named ports resolve on that pod,
   * whatever the source (S10, T7), so one piece holds every port.
   */
  List<Piece> ingress(PeerSet peers, PortMatch portMatch, int destination) {
    Columns cols = columns(peers);
    long[] portClasses = ports.numeric(portMatch);
    for (NamedRef ref : portMatch.named()) {
      Bits.orInto(portClasses, ports.ofPorts(classes.resolved(destination, classes.refIndex(ref))));
    }
    return Bits.isEmpty(portClasses)
        ? List.of()
        : List.of(new Piece(cols.classes(), cols.ips(), portClasses));
  }

  private NamedTable namedTable(int ref) {
    return namedTables.computeIfAbsent(
        ref,
        r -> {
          Map<List<Port>, Integer> byPorts = new HashMap<>();
          List<long[]> portClasses = new ArrayList<>();
          int[] entryOfClass = new int[k];
          for (int c = 0; c < k; c++) {
            List<Port> resolved = classes.resolved(c, r);
            if (resolved.isEmpty()) {
              entryOfClass[c] = -1;
              continue;
            }
            entryOfClass[c] =
                byPorts.computeIfAbsent(
                    resolved,
                    key -> {
                      portClasses.add(ports.ofPorts(resolved));
                      return portClasses.size() - 1;
                    });
          }
          return new NamedTable(List.copyOf(portClasses), entryOfClass);
        });
  }

  /** Sets the scratch rows to the OR of the pieces that hold port class {@code g}. */
  static void union(List<Piece> pieces, int g, long[] classScratch, long[] ipScratch) {
    java.util.Arrays.fill(classScratch, 0L);
    java.util.Arrays.fill(ipScratch, 0L);
    for (Piece p : pieces) {
      if (Bits.get(p.portClasses(), g)) {
        Bits.orInto(classScratch, p.classes());
        Bits.orInto(ipScratch, p.ips());
      }
    }
  }
}
