package io.kubereach;

import static org.assertj.core.api.Assertions.fail;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.testing.ClusterText;
import io.kubereach.testing.RandomClusters;
import io.kubereach.testing.Shrinker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine must agree with the reference evaluator (DESIGN §9) on every ordered pair of endpoints
 * (pods, workload representatives, owner groups and a sample of external addresses) and on a port
 * sample holding every atom boundary and its neighbours, for {@code kubereach.property.clusters}
 * random clusters in both ipBlock modes (S12). A failure prints the seed and a shrunk cluster.
 */
class DifferentialPropertyTest {

  private static int clusters() {
    return Integer.getInteger("kubereach.property.clusters", 2000);
  }

  /** Counts of what was compared. */
  static final class Stats {
    long clusters;
    long pairs;
    long ports;
    long explained;
  }

  @ParameterizedTest(name = "ipBlocksMatchPodIps={0}")
  @ValueSource(booleans = {true, false})
  void engineAgreesWithReferenceOnRandomClusters(boolean ipBlocksMatchPodIps) {
    AnalysisOptions options = new AnalysisOptions(ipBlocksMatchPodIps);
    Stats stats = new Stats();
    for (long seed = 0; seed < clusters(); seed++) {
      check(seed, options, stats);
    }
    System.out.printf(
        Locale.ROOT,
        "differential (%s): %d clusters, %d ordered pairs, %d (pair, port) checks, %d explanations%n",
        options,
        stats.clusters,
        stats.pairs,
        stats.ports,
        stats.explained);
  }

  @Test
  void workloadPodEndpointIsNotLookedUpAsItsOwnerGroup() {
    // S15: seed 185 once failed. A ReplicaSet workload shares its endpoint text with the pods it
    // owns; the pod-granularity listing took the whole group for the workload's own endpoint.
    check(185L, AnalysisOptions.defaults(), new Stats());
    check(185L, AnalysisOptions.externalOnly(), new Stats());
  }

  static void check(long seed, AnalysisOptions options, Stats stats) {
    ClusterSnapshot cluster = RandomClusters.generate(seed);
    Optional<String> mismatch = mismatch(cluster, options, stats);
    if (mismatch.isPresent()) {
      ClusterSnapshot shrunk =
          Shrinker.shrink(cluster, c -> mismatch(c, options, new Stats()).isPresent());
      fail(
          "seed %d (%s): %s%nshrunk cluster (%s):%n%s",
          seed,
          options,
          mismatch.get(),
          mismatch(shrunk, options, new Stats()).orElse("?"),
          ClusterText.yaml(shrunk));
    }
  }

  /** The first disagreement between the engine and the reference, if any. */
  static Optional<String> mismatch(ClusterSnapshot cluster, AnalysisOptions options, Stats stats) {
    ReachabilityIndex engine = Reachability.index(cluster, options);
    ReferenceEvaluator reference = ReferenceEvaluator.of(cluster, options);
    stats.clusters++;
    Set<Endpoint> endpoints = new LinkedHashSet<>(engine.endpoints());
    endpoints.addAll(engine.podEndpoints());
    List<Endpoint> all = new ArrayList<>(endpoints);
    all.addAll(addresses(cluster, engine));
    List<Port> ports = ports(cluster);
    for (Endpoint s : all) {
      for (Endpoint d : all) {
        if (s instanceof ExternalEndpoint && d instanceof ExternalEndpoint) {
          continue;
        }
        stats.pairs++;
        PortSet expected = reference.allowed(s, d);
        PortSet actual = engine.allowed(s, d);
        if (!expected.equals(actual)) {
          return Optional.of(s + " => " + d + ": reference " + expected + ", engine " + actual);
        }
        for (Port p : ports) {
          stats.ports++;
          if (engine.check(s, d, p).allowed() != expected.contains(p)) {
            return Optional.of(
                s
                    + " => "
                    + d
                    + " on "
                    + p
                    + ": reference "
                    + expected.contains(p)
                    + ", engine check differs");
          }
        }
        // The explaining walk must agree with the port-set walk.
        Port sample = ports.get(Math.floorMod((s.toString() + d).hashCode(), ports.size()));
        stats.explained++;
        if (reference.explain(s, d, sample).allowed() != expected.contains(sample)) {
          return Optional.of(s + " => " + d + " on " + sample + ": explain differs from allowed");
        }
      }
    }
    ReachabilityIndex slow = ReferenceEvaluator.index(cluster, options);
    if (!engine.connections().equals(slow.connections())) {
      return Optional.of(
          "connections differ:\nengine "
              + engine.connections()
              + "\nreference "
              + slow.connections());
    }
    if (!engine.podConnections().equals(slow.podConnections())) {
      return Optional.of("pod connections differ");
    }
    return Optional.empty();
  }

  /** First and last address of every atom, pod IPs, and the ends of the address space. */
  private static List<Endpoint> addresses(ClusterSnapshot cluster, ReachabilityIndex index) {
    Set<String> out = new TreeSet<>();
    for (ExternalEndpoint e : index.externalRanges()) {
      out.add(e.first());
      out.add(e.last());
    }
    for (Pod p : cluster.pods()) {
      out.addAll(p.ips());
    }
    out.add("255.255.255.255");
    return out.stream().<Endpoint>map(Endpoint::ip).toList();
  }

  /** Every number a rule or container port uses, with its neighbours, for every protocol. */
  private static List<Port> ports(ClusterSnapshot cluster) {
    Set<Integer> numbers = new TreeSet<>(List.of(1, 2, 65534, 65535));
    for (NetworkPolicy p : cluster.policies()) {
      for (PolicyType t : PolicyType.values()) {
        for (Rule r : p.rules(t)) {
          for (PortSpec s : r.ports()) {
            if (s.port().orElse(null) instanceof PortRef.Number n) {
              neighbours(numbers, n.number());
              neighbours(numbers, s.endPort().orElse(n.number()));
            }
          }
        }
      }
    }
    for (Pod p : cluster.pods()) {
      p.ports().stream().map(ContainerPort::number).forEach(n -> neighbours(numbers, n));
    }
    for (Workload w : cluster.workloads()) {
      w.templatePorts().stream().map(ContainerPort::number).forEach(n -> neighbours(numbers, n));
    }
    List<Port> out = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      for (int n : numbers) {
        out.add(new Port(protocol, n));
      }
    }
    return out;
  }

  private static void neighbours(Set<Integer> numbers, int n) {
    for (int m = n - 1; m <= n + 1; m++) {
      if (m >= Port.MIN && m <= Port.MAX) {
        numbers.add(m);
      }
    }
  }
}
