package io.kubereach;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;

/**
 * Every allowed connection of one {@link ClusterSnapshot}, computed once and queried many times.
 *
 * <p><b>Endpoints.</b> The analysis sees every pod of the snapshot and one representative pod per
 * workload (its template). Endpoints come in two granularities: {@link #endpoints()} as {@code
 * list} prints them (S15: a workload as itself, pods of one controller owner as that owner, other
 * pods as {@code ns/name[Pod]}), and {@link #podEndpoints()} (each pod as {@code ns/name[Pod]},
 * each workload as itself). Queries accept either, plus external addresses ({@link
 * Endpoint#ip(String)}) or ranges; an endpoint is looked up at workload granularity first. An
 * endpoint standing for several pods allows what some pair of its pods allows ("some replica can",
 * S15).
 *
 * <p><b>Self.</b> A pod always reaches itself (S11). An endpoint asked about itself means the pod
 * itself when it stands for one pod, and two distinct replicas when it stands for several pods or
 * for a workload's template; replica-to-replica traffic follows the rules.
 *
 * <p>Unknown endpoints raise {@link IllegalArgumentException} naming the endpoints that exist; a
 * query between two external endpoints raises it too (no policy applies between addresses).
 *
 * <p>Implementations are immutable and thread-safe; every returned list is an immutable snapshot.
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(cluster);
 * index.check(index.resolve("shop/web"), index.resolve("shop/db"), Port.tcp(5432)).allowed();
 * index.connections().forEach(System.out::println);
 * }</pre>
 */
public interface ReachabilityIndex {

  /** The snapshot this index answers for. */
  ClusterSnapshot snapshot();

  /** The options it was built with. */
  AnalysisOptions options();

  /** The endpoints at workload granularity (S15), sorted by their text. */
  List<WorkloadEndpoint> endpoints();

  /**
   * The endpoints at pod granularity, one per pod ({@code ns/name[Pod]}) or workload (itself),
   * sorted by their text.
   */
  List<WorkloadEndpoint> podEndpoints();

  /**
   * Reads an endpoint as a user writes it: {@code ns/name[Kind]}, {@code ns/name} when exactly one
   * endpoint of either granularity has that namespace and name, {@code A-B[External]}, or an IP
   * address.
   *
   * @throws IllegalArgumentException if the text names no endpoint of this snapshot, or {@code
   *     ns/name} is ambiguous (the message lists the candidates)
   */
  Endpoint resolve(String text);

  /**
   * Whether {@code source} can reach {@code destination} on {@code port} (S5), with caveats and a
   * lazily computed explanation.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  Verdict check(Endpoint source, Endpoint destination, Port port);

  /**
   * Why {@code source} can or cannot reach {@code destination} on {@code port}.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  Explanation explain(Endpoint source, Endpoint destination, Port port);

  /**
   * Every port on which {@code source} can reach {@code destination}; empty when none.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  PortSet allowed(Endpoint source, Endpoint destination);

  /**
   * Every allowed connection at workload granularity, as {@code list} prints them (DESIGN §8):
   * between distinct endpoints and between endpoints and maximal external address ranges of equal
   * connections (IPv4 always, IPv6 when the input mentions it); no self lines, no address to
   * address lines, no empty pairs; sorted by source text, then destination text.
   */
  List<Connection> connections();

  /** Like {@link #connections()}, at pod granularity ({@link #podEndpoints()}). */
  List<Connection> podConnections();

  /** The connections of {@link #connections()} (or of pod granularity) leaving {@code source}. */
  List<Connection> reachableFrom(Endpoint source);

  /**
   * The connections of {@link #connections()} (or of pod granularity) reaching {@code destination}.
   */
  List<Connection> reachableTo(Endpoint destination);

  /**
   * Remarks about the input that do not stop the analysis: named ports a destination does not
   * define (S10), ipBlocks that could hold pod addresses while some pods have no known IP (S12),
   * pods of one owner that differ for policy purposes (S15). Sorted, without duplicates.
   */
  List<String> warnings();

  /**
   * The external ranges an endpoint query may use: the disjoint ranges the policies' CIDRs cut the
   * address space into (S12), IPv4 first.
   */
  List<ExternalEndpoint> externalRanges();
}
