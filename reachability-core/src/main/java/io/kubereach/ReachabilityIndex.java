package io.kubereach;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
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
 * itself when it stands for one pod (a pod, or a workload with {@code replicas <= 1}), and two
 * distinct replicas when it stands for several pods or for a workload with {@code replicas >= 2};
 * replica-to-replica traffic follows the rules.
 *
 * <p>Unknown endpoints raise {@link IllegalArgumentException} naming the endpoints that exist; a
 * query between two external endpoints raises it too (no policy applies between addresses).
 *
 * <p>Implementations are immutable and thread-safe; every returned list is an immutable snapshot.
 * An index's {@code toString()} is a one-line summary of counts, cheap to compute: it never lists
 * connections.
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
   * The index of {@code changed}, with this index's options, sharing every part of this one the
   * change leaves as it was: a what-if. Its answers are those of {@code Reachability.index(changed,
   * options())}, always; what it saves depends on the change (docs/benchmarks.md): a change of
   * policies or Services only shares the pod table, the endpoints and their caveats.
   *
   * <pre>{@code
   * ReachabilityIndex open = index.with(index.snapshot().withoutPolicy("shop", "default-deny"));
   * ReachabilityDiff change = ReachabilityDiff.between(index, open);
   * }</pre>
   */
  default ReachabilityIndex with(ClusterSnapshot changed) {
    return Reachability.index(changed, options());
  }

  /** {@link #with} this index's snapshot without the NetworkPolicy {@code namespace/name}. */
  default ReachabilityIndex withoutPolicy(String namespace, String name) {
    return with(snapshot().withoutPolicy(namespace, name));
  }

  /** {@link #with} this index's snapshot with {@code policy} added or replacing its namesake. */
  default ReachabilityIndex withPolicy(io.kubereach.model.NetworkPolicy policy) {
    return with(snapshot().withPolicy(policy));
  }

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
   * Every port whose verdict between {@code source} and {@code destination} depends on the order of
   * policies of one tier and priority (T9 in docs/semantics.md): {@link #check} marks those
   * verdicts {@link Verdict#ambiguous()}. Empty when none, and always without tiered policies.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  PortSet ambiguous(Endpoint source, Endpoint destination);

  /**
   * Every port between {@code source} and {@code destination} as maximal ranges of one verdict
   * (allowed or denied, ambiguous or not), in protocol and port order, each explained at its first
   * port: the whole answer for a pair. Another port of a range has the same verdict, possibly by
   * another rule; {@link #explain} says which.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  default List<RangeVerdict> explainRanges(Endpoint source, Endpoint destination) {
    PortSet allowed = allowed(source, destination);
    PortSet ambiguous = ambiguous(source, destination);
    PortSet denied = PortSet.all().difference(allowed);
    return java.util.stream.Stream.of(
            allowed.difference(ambiguous),
            allowed.intersection(ambiguous),
            denied.difference(ambiguous),
            denied.intersection(ambiguous))
        .flatMap(p -> p.ranges().stream())
        .sorted(
            java.util.Comparator.comparing(io.kubereach.model.PortRange::protocol)
                .thenComparingInt(io.kubereach.model.PortRange::first))
        .map(
            r ->
                new RangeVerdict(
                    r,
                    allowed.contains(r.firstPort()),
                    ambiguous.contains(r.firstPort()),
                    explain(source, destination, r.firstPort())))
        .toList();
  }

  /**
   * Every allowed connection at workload granularity, as {@code list} prints them (docs/cli.md):
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
   * The caveats that qualify every answer involving {@code endpoint} (S13): that it is, or has pods
   * that are, hostNetwork pods, to which most network plugins do not apply NetworkPolicy. Empty for
   * most endpoints and for external ones. The same texts as {@link Verdict#caveats()}; for listings
   * (e.g. per JSON record of {@link #connections()}), cheap to ask once per line: the caveats of an
   * endpoint of several pods are computed once, with the index.
   *
   * <pre>{@code
   * for (Connection c : index.connections()) {
   *   List<Caveat> caveats = index.caveats(c.source()); // and of c.destination()
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if the endpoint is not in this snapshot
   */
  List<Caveat> caveats(Endpoint endpoint);

  /**
   * Remarks about the input that do not stop the analysis: named ports a destination does not
   * define (S10), ipBlocks that could hold pod addresses while some pods have no known IP (S12),
   * pods of one owner that differ for policy purposes (S15). Sorted by text, without duplicates;
   * filter them by {@link Warning#kind()} or {@link Warning#policy()}.
   */
  List<Warning> warnings();

  /**
   * What the answers of this index cannot account for, so that they are incomplete: what the
   * snapshot leaves out ({@link ClusterSnapshot#limitations()}: policies of other APIs, lenient
   * loading), and what the analysis found: verdicts that depend on the order of same-priority
   * policies (T9), {@code nodes} peers without Node objects (T6), pods without a known IP where
   * narrower networks decide (T8). Empty when every answer is complete.
   *
   * <pre>{@code
   * if (!index.limitations().isEmpty()) System.err.println("incomplete: " + index.limitations());
   * }</pre>
   */
  List<Limitation> limitations();

  /**
   * The external ranges an endpoint query may use: the disjoint ranges the policies' CIDRs cut the
   * address space into (S12), IPv4 first.
   */
  List<ExternalEndpoint> externalRanges();

  /**
   * The pods an endpoint stands for (S15), in snapshot order: a workload's template, the pods of
   * one controller owner, or the one pod of a pod-granularity endpoint; empty for an external
   * endpoint.
   *
   * <pre>{@code
   * index.members(Endpoint.parse("shop/web-7d9f[ReplicaSet]")).get(0).labels().get("app"); // web
   * }</pre>
   *
   * @throws IllegalArgumentException if the endpoint is not in this snapshot
   */
  List<MemberPod> members(Endpoint endpoint);

  /**
   * The policies that isolate an endpoint in {@code direction} (S2): those of its namespace that
   * select some pod it stands for and have {@code direction} in their types (S3), in snapshot
   * order. Empty when no pod of the endpoint is isolated there (S1) and for an external endpoint.
   * For an endpoint of several pods that may differ (S15), ask per pod with {@link
   * #members(Endpoint)}.
   *
   * <pre>{@code
   * index.isolatedBy(Endpoint.pod("shop", "db"), PolicyType.Ingress); // [shop/db-from-web]
   * }</pre>
   *
   * @throws IllegalArgumentException if the endpoint is not in this snapshot
   */
  List<NetworkPolicy> isolatedBy(Endpoint endpoint, PolicyType direction);

  /**
   * Whether {@code source} can reach each backend of a Service on one of its ports (S14): policies
   * see the backend's target port, never the Service port. The backends are the pods (and workload
   * templates) the Service's selector picks in its namespace; each is checked on the target port
   * number, or on its own container port of the target port's name and the Service port's protocol.
   * A backend without that name gets no verdict and a reason instead.
   *
   * <pre>{@code
   * ServiceVerdict v = index.checkService(web, "shop", "db", Port.tcp(5432));
   * v.allowedToAll(); // every backend admits web on its target port
   * }</pre>
   *
   * @param source the client end
   * @param namespace the Service's namespace
   * @param service the Service's name
   * @param servicePort the Service port clients use: its protocol and {@code port} number
   * @throws IllegalArgumentException if the source is unknown, there is no such Service (the
   *     message lists the Services of the namespace) or it does not expose {@code servicePort} (the
   *     message lists its ports)
   */
  ServiceVerdict checkService(Endpoint source, String namespace, String service, Port servicePort);

  /**
   * How far an attacker who controls {@code source} gets in at most {@code maxHops} allowed
   * connections, one shortest path per endpoint reached (docs/verify.md, "Blast radius").
   *
   * @throws IllegalArgumentException if the source is unknown or {@code maxHops} is below 1
   */
  BlastRadius blastRadius(Endpoint source, int maxHops);

  /** Like {@link #blastRadius}, from every external range at once: what the internet reaches. */
  BlastRadius blastRadiusFromInternet(int maxHops);

  /**
   * Whether {@code source} (empty: the internet) reaches {@code target} over any number of hops, by
   * which shortest path, and the fewest connections whose removal cuts every path.
   *
   * @throws IllegalArgumentException if an endpoint is unknown
   */
  BlastRadius.TargetPath pathTo(java.util.Optional<Endpoint> source, Endpoint target);

  /**
   * The connection graph, read-only: a vertex per workload endpoint and external range of {@link
   * #connections()}, an edge per connection. For algorithms of one's own (JGraphT).
   */
  org.jgrapht.Graph<Endpoint, Connection> connectionGraph();

  /**
   * The endpoint that {@code text} names, resolved for fast checks (see {@link ResolvedEndpoint}).
   *
   * @throws IllegalArgumentException as {@link #resolve(String)}
   */
  ResolvedEndpoint resolved(String text);

  /**
   * An endpoint of this index, resolved for fast checks.
   *
   * @throws IllegalArgumentException if the index does not know it
   */
  ResolvedEndpoint resolved(Endpoint endpoint);

  /**
   * Like {@link #check(Endpoint, Endpoint, Port)}, on endpoints this index resolved: the same
   * verdict, without looking the endpoints up.
   *
   * @throws IllegalArgumentException if another index resolved an endpoint, or both are external
   */
  Verdict check(ResolvedEndpoint source, ResolvedEndpoint destination, Port port);
}
