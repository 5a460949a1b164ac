package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.diff.DiffComputation;
import io.kubereach.internal.query.EngineIndex;
import io.kubereach.internal.render.Render;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connections that differ between two indexes: added, removed, or with other ports.
 *
 * <p>External ranges are compared as functions over the address space, on the common refinement of
 * both sides' ranges, so a range cut differently in the two snapshots does not show as a change
 * unless some address's ports changed.
 *
 * <p>A diff made from two indexes ({@link #between}, {@link #betweenPods}, {@link
 * Reachability#diff}) keeps them, so that {@link #explain(ConnectionChange)} can say why a
 * connection changed; a diff made from two lists ({@link #of}) cannot. Immutable and thread-safe;
 * {@link #toString()} prints counts, {@link #toMarkdown()} and {@link #toHtml()} a table.
 *
 * <pre>{@code
 * ReachabilityDiff d = Reachability.diff(cluster, cluster.withoutPolicy("shop", "deny-all"));
 * d.changes().forEach(System.out::println);   // "+ shop/web[Deployment] => ... : TCP 5432"
 * d.explain(d.changes().get(0));              // the rules before and after, on one port
 * }</pre>
 */
public final class ReachabilityDiff {
  private final List<ConnectionChange> changes;
  private final Optional<ReachabilityIndex> before;
  private final Optional<ReachabilityIndex> after;

  private ReachabilityDiff(
      List<ConnectionChange> changes,
      Optional<ReachabilityIndex> before,
      Optional<ReachabilityIndex> after) {
    this.changes = List.copyOf(changes);
    this.before = before;
    this.after = after;
  }

  /**
   * Compares the connections of two indexes at workload granularity ({@link
   * ReachabilityIndex#connections()}), and keeps both indexes to explain changes.
   *
   * @param before the old state
   * @param after the new state
   */
  public static ReachabilityDiff between(ReachabilityIndex before, ReachabilityIndex after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    List<List<Connection>> lists = EngineIndex.comparable(before, after, false);
    return new ReachabilityDiff(
        sorted(lists.get(0), lists.get(1)), Optional.of(before), Optional.of(after));
  }

  /**
   * Compares the connections of two indexes at pod granularity ({@link
   * ReachabilityIndex#podConnections()}): each pod on its own rather than grouped by owner (S15),
   * and keeps both indexes to explain changes.
   *
   * <pre>{@code
   * ReachabilityDiff.betweenPods(Reachability.index(old), Reachability.index(relabelled));
   * }</pre>
   *
   * @param before the old state
   * @param after the new state
   */
  public static ReachabilityDiff betweenPods(ReachabilityIndex before, ReachabilityIndex after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    List<List<Connection>> lists = EngineIndex.comparable(before, after, true);
    return new ReachabilityDiff(
        sorted(lists.get(0), lists.get(1)), Optional.of(before), Optional.of(after));
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
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    return new ReachabilityDiff(sorted(before, after), Optional.empty(), Optional.empty());
  }

  private static List<ConnectionChange> sorted(List<Connection> before, List<Connection> after) {
    List<ConnectionChange> out = new ArrayList<>(DiffComputation.changes(before, after));
    out.sort(
        Comparator.comparing((ConnectionChange c) -> c.source().toString())
            .thenComparing(c -> c.destination().toString()));
    return out;
  }

  /** The index of the old state; empty when this diff was made from lists ({@link #of}). */
  public Optional<ReachabilityIndex> before() {
    return before;
  }

  /** The index of the new state; empty when this diff was made from lists ({@link #of}). */
  public Optional<ReachabilityIndex> after() {
    return after;
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

  /**
   * Why {@code change} happened: the explanations before and after on a sample port of those that
   * changed — the lowest gained port, or the lowest lost one when none was gained; TCP first, then
   * UDP, then SCTP.
   *
   * <pre>{@code
   * ChangeExplanation why = diff.explain(diff.changes().get(0));
   * System.out.println(why); // the change, then "before: ..." and "after: ..."
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code change} is not one of this diff's changes
   * @throws IllegalStateException if this diff was made from lists ({@link #of}): it has no index
   */
  public ChangeExplanation explain(ConnectionChange change) {
    requireChange(change);
    PortSet changed = change.gained().isEmpty() ? change.lost() : change.gained();
    return explain(change, changed.samplePort());
  }

  /**
   * Why {@code change} happened, on {@code port}: the explanations of the same question before and
   * after. Each is empty when an end of the change is not in that snapshot (a pod added or
   * removed). For an endpoint of several pods or an address range, an explanation is about one pair
   * of members (see {@link Explanation}).
   *
   * @throws IllegalArgumentException if {@code change} is not one of this diff's changes
   * @throws IllegalStateException if this diff was made from lists ({@link #of}): it has no index
   */
  public ChangeExplanation explain(ConnectionChange change, Port port) {
    requireChange(change);
    requireNonNull(port, "port");
    if (before.isEmpty() || after.isEmpty()) {
      throw new IllegalStateException(
          "this diff was made from connection lists and keeps no index; make it with"
              + " Reachability.diff, ReachabilityDiff.between or betweenPods to explain changes");
    }
    return new ChangeExplanation(
        change, port, explain(before.get(), change, port), explain(after.get(), change, port));
  }

  private void requireChange(ConnectionChange change) {
    requireNonNull(change, "change");
    if (!changes.contains(change)) {
      throw new IllegalArgumentException(
          "change "
              + change
              + " is not one of the "
              + changes.size()
              + " changes of this diff; pass an element of changes()");
    }
  }

  private static Optional<Explanation> explain(
      ReachabilityIndex index, ConnectionChange change, Port port) {
    if (!knows(index, change.source()) || !knows(index, change.destination())) {
      return Optional.empty();
    }
    return Optional.of(index.explain(change.source(), change.destination(), port));
  }

  private static boolean knows(ReachabilityIndex index, Endpoint e) {
    // Addresses exist in every snapshot (S12); pods and workloads may come and go.
    return !(e instanceof WorkloadEndpoint w)
        || index.endpoints().contains(w)
        || index.podEndpoints().contains(w);
  }

  /** A one-line summary: counts per kind. */
  @Override
  public String toString() {
    return "ReachabilityDiff[" + counts() + "]";
  }

  private String counts() {
    return String.format(
        Locale.ROOT,
        "%d added, %d removed, %d changed",
        changes(ConnectionChange.Kind.ADDED).size(),
        changes(ConnectionChange.Kind.REMOVED).size(),
        changes(ConnectionChange.Kind.CHANGED).size());
  }

  /**
   * The changes as a Markdown table of at most {@link Tables#MAX_ROWS} rows, then a "… N more" row;
   * the counts above it.
   *
   * <pre>{@code
   * 1 added, 0 removed, 0 changed
   *
   * | change | source | destination | before | after |
   * | --- | --- | --- | --- | --- |
   * | added | shop/web[Pod] | shop/db[Pod] | No Connections | TCP 5432 |
   * }</pre>
   */
  public String toMarkdown() {
    return toMarkdown(Tables.MAX_ROWS);
  }

  /**
   * Like {@link #toMarkdown()}, with at most {@code maxRows} rows of changes.
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String toMarkdown(int maxRows) {
    return Render.markdown(table(), maxRows);
  }

  /** Like {@link #toMarkdown()}, as one escaped HTML {@code <table>} with the counts as caption. */
  public String toHtml() {
    return toHtml(Tables.MAX_ROWS);
  }

  /**
   * Like {@link #toHtml()}, with at most {@code maxRows} rows of changes.
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String toHtml(int maxRows) {
    return Render.html(table(), maxRows);
  }

  private Render.Table table() {
    List<List<String>> rows = new ArrayList<>();
    for (ConnectionChange c : changes) {
      rows.add(
          List.of(
              c.kind().name().toLowerCase(Locale.ROOT),
              c.source().toString(),
              c.destination().toString(),
              c.before().toString(),
              c.after().toString()));
    }
    return new Render.Table(
        counts(), List.of("change", "source", "destination", "before", "after"), rows, List.of());
  }
}
