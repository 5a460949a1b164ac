package io.kubereach.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kubereach.AnalysisOptions;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.ServiceVerdict;
import io.kubereach.Verdict;
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
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.reference.ReferenceEvaluator;
import io.kubereach.testing.RandomClusters;
import io.kubereach.testing.Shrinker;
import io.kubereach.yaml.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against the independent reference evaluator (docs/architecture.md, "Testing"), in the
 * style of invariance fuzzing: on {@code kubereach.property.clusters} seeded random clusters in
 * both ipBlock modes (S12), both must agree on every ordered pair of endpoints (pods, workload
 * templates, owner groups, a sample of external addresses) and every port of a sample holding every
 * atom boundary and its neighbours; the engine's explanation must agree on a sample port; both
 * listings must be equal; and every Service query (S14) must agree per backend.
 *
 * <p>A failure shrinks the cluster, writes it as a manifest file the loader reads back ({@code
 * target/differential-failures/seed-N-MODE.yaml}) and prints it with the seed. Copy that file to
 * {@code src/test/resources/regressions/} to keep it: {@link #regressions()} replays every file
 * there in both modes.
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
    long backends;
    long ambiguous;
  }

  @ParameterizedTest(name = "ipBlocksMatchPodIps={0}")
  @ValueSource(booleans = {true, false})
  void engineAgreesWithReferenceOnRandomClusters(boolean ipBlocksMatchPodIps) {
    AnalysisOptions options = new AnalysisOptions(ipBlocksMatchPodIps);
    Stats stats = new Stats();
    for (long seed = 0; seed < clusters(); seed++) {
      ClusterSnapshot cluster = RandomClusters.generate(seed);
      Optional<String> mismatch = mismatch(cluster, options, stats);
      if (mismatch.isPresent()) {
        report("seed-" + seed, cluster, options, mismatch.get());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "differential (%s): %d clusters, %d ordered pairs, %d (pair, port) checks, %d"
            + " explanations, %d service backends, %d pairs with ambiguous ports%n",
        options,
        stats.clusters,
        stats.pairs,
        stats.ports,
        stats.explained,
        stats.backends,
        stats.ambiguous);
    assertThat(stats.pairs).isPositive();
  }

  /** Every kept failure, replayed from its manifest file in both modes. */
  @TestFactory
  Stream<DynamicTest> regressions() throws IOException {
    Path dir =
        Path.of(System.getProperty("kubereach.root", "."))
            .resolve("reachability-yaml/src/test/resources/regressions");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("regression files in " + dir).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      ClusterSnapshot cluster = Manifests.load(file).cluster();
                      for (AnalysisOptions options :
                          List.of(AnalysisOptions.defaults(), AnalysisOptions.externalOnly())) {
                        assertThat(mismatch(cluster, options, new Stats()))
                            .as("%s (%s)", file, options)
                            .isEmpty();
                      }
                    }));
  }

  private static void report(
      String name, ClusterSnapshot cluster, AnalysisOptions options, String mismatch) {
    ClusterSnapshot shrunk =
        Shrinker.shrink(cluster, c -> mismatch(c, options, new Stats()).isPresent());
    String yaml = Manifests.toYaml(shrunk);
    Path file =
        Path.of(
            "target/differential-failures",
            name + (options.ipBlocksMatchPodIps() ? "" : "-external-only") + ".yaml");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# " + mismatch.replace("\n", "\n# ") + "\n" + yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fail(
        "%s (%s): %s%nshrunk (%s), written to %s; keep it as a regression by copying it to"
            + " src/test/resources/regressions/:%n%s",
        name,
        options,
        mismatch,
        mismatch(shrunk, options, new Stats()).orElse("?"),
        file.toAbsolutePath(),
        yaml);
  }

  /** The first disagreement between the engine and the reference, if any. */
  static Optional<String> mismatch(ClusterSnapshot cluster, AnalysisOptions options, Stats stats) {
    ReachabilityIndex engine = Reachability.index(cluster, options);
    ReferenceEvaluator reference = ReferenceEvaluator.of(cluster, options);
    stats.clusters++;
    if (!engine.endpoints().equals(reference.endpoints())
        || !engine.podEndpoints().equals(reference.podEndpoints())) {
      return Optional.of(
          "endpoints differ: engine "
              + engine.endpoints()
              + engine.podEndpoints()
              + ", reference "
              + reference.endpoints()
              + reference.podEndpoints());
    }
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
        PortSet ambiguous = reference.ambiguous(s, d);
        stats.ambiguous += ambiguous.isEmpty() ? 0 : 1;
        for (Port p : ports) {
          stats.ports++;
          Verdict v = engine.check(s, d, p);
          if (v.allowed() != expected.contains(p)) {
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
          // T9: both must see the same verdicts depend on the order of same-priority policies.
          if (v.ambiguous() != ambiguous.contains(p)) {
            return Optional.of(
                s
                    + " => "
                    + d
                    + " on "
                    + p
                    + ": reference ambiguous "
                    + ambiguous.contains(p)
                    + ", engine "
                    + v.ambiguous());
          }
        }
        // The explanation, built from the rule units, must reach the oracle's verdict.
        Port sample = ports.get(Math.floorMod((s.toString() + d).hashCode(), ports.size()));
        stats.explained++;
        if (engine.explain(s, d, sample).allowed() != expected.contains(sample)) {
          return Optional.of(s + " => " + d + " on " + sample + ": explanation differs");
        }
      }
    }
    if (!engine.connections().equals(reference.connections())) {
      return Optional.of(
          "connections differ:\nengine    "
              + engine.connections()
              + "\nreference "
              + reference.connections());
    }
    if (!engine.podConnections().equals(reference.podConnections())) {
      return Optional.of(
          "pod connections differ:\nengine    "
              + engine.podConnections()
              + "\nreference "
              + reference.podConnections());
    }
    return services(cluster, engine, reference, all, stats);
  }

  /** S14: every source, every Service port, per backend. */
  private static Optional<String> services(
      ClusterSnapshot cluster,
      ReachabilityIndex engine,
      ReferenceEvaluator reference,
      List<Endpoint> sources,
      Stats stats) {
    for (Service service : cluster.services()) {
      for (ServicePort sp : service.ports()) {
        Port port = new Port(sp.protocol(), sp.port());
        for (Endpoint source : sources) {
          ServiceVerdict v = engine.checkService(source, service.namespace(), service.name(), port);
          Map<WorkloadEndpoint, Optional<Boolean>> actual =
              new TreeMap<>(java.util.Comparator.comparing(WorkloadEndpoint::toString));
          v.backends().forEach(b -> actual.put(b.endpoint(), b.verdict().map(x -> x.allowed())));
          Map<WorkloadEndpoint, Optional<Boolean>> expected =
              reference.service(source, service.namespace(), service.name(), port);
          stats.backends += expected.size();
          if (!actual.equals(expected)) {
            return Optional.of(
                source
                    + " => service "
                    + service
                    + " "
                    + port
                    + ": engine "
                    + actual
                    + ", reference "
                    + expected);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** First and last address of every range, pod IPs, and the ends of the address space. */
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
