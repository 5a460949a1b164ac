package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The connections that differ between two indexes: added, removed, or with other ports.
 *
 * <p>External ranges are compared as functions over the address space, on the common refinement of
 * both sides' ranges, so a range cut differently in the two snapshots does not show as a change
 * unless some address's ports changed. Immutable and thread-safe.
 *
 * <pre>{@code
 * ReachabilityDiff d = Reachability.diff(cluster, cluster.withoutPolicy("shop", "deny-all"));
 * d.changes().forEach(System.out::println);   // "+ shop/web[Deployment] => ... : TCP 5432"
 * }</pre>
 */
public final class ReachabilityDiff {
  private final List<ConnectionChange> changes;

  private ReachabilityDiff(List<ConnectionChange> changes) {
    this.changes = List.copyOf(changes);
  }

  /**
   * Compares the connections of two indexes at workload granularity.
   *
   * @param before the old state
   * @param after the new state
   */
  public static ReachabilityDiff between(ReachabilityIndex before, ReachabilityIndex after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    return of(before.connections(), after.connections());
  }

  /**
   * Compares two lists of connections, e.g. at pod granularity, or read back from a {@code list}
   * output. Each list may hold a source and destination pair once; external ranges of one workload
   * and direction must not overlap.
   *
   * @param before the old connections
   * @param after the new connections
   */
  public static ReachabilityDiff of(List<Connection> before, List<Connection> after) {
    List<ConnectionChange> out = new ArrayList<>(DiffComputation.changes(before, after));
    out.sort(
        Comparator.comparing((ConnectionChange c) -> c.source().toString())
            .thenComparing(c -> c.destination().toString()));
    return new ReachabilityDiff(out);
  }

  /** Every change, sorted by source and destination text. */
  public List<ConnectionChange> changes() {
    return changes;
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The changes of one kind. */
  public List<ConnectionChange> changes(ConnectionChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** The changes that involve {@code endpoint} at either end (for external ranges: overlap). */
  public List<ConnectionChange> involving(Endpoint endpoint) {
    return changes.stream()
        .filter(c -> touches(c.source(), endpoint) || touches(c.destination(), endpoint))
        .toList();
  }

  private static boolean touches(Endpoint side, Endpoint query) {
    if (side instanceof ExternalEndpoint range && query instanceof ExternalEndpoint q) {
      return range.contains(q.first()) || q.contains(range.first());
    }
    return side.equals(query);
  }

  /** A one-line summary: counts per kind. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ReachabilityDiff[%d added, %d removed, %d changed]",
        changes(ConnectionChange.Kind.ADDED).size(),
        changes(ConnectionChange.Kind.REMOVED).size(),
        changes(ConnectionChange.Kind.CHANGED).size());
  }
}
