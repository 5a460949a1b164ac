package io.kubereach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PortSet;
import io.kubereach.model.Rule;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.reference.ReferenceEvaluator;
import io.kubereach.testing.RandomClusters;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Laws that any correct analysis obeys, checked on seeded random clusters. */
class AlgebraicPropertyTest {

  private static int clusters() {
    return Math.max(1, Integer.getInteger("kubereach.property.clusters", 2000) / 4);
  }

  @Test
  void policyOrderDoesNotMatter() {
    // S4: policies never conflict; order never matters. T2: tiered policies are ordered by
    // priority and name, never by their order in the input.
    for (long seed = 0; seed < clusters(); seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed);
      List<NetworkPolicy> shuffled = new ArrayList<>(c.policies());
      Collections.shuffle(shuffled, new Random(seed));
      List<ClusterNetworkPolicy> tiered = new ArrayList<>(c.clusterPolicies());
      Collections.shuffle(tiered, new Random(seed));
      ClusterSnapshot d =
          new ClusterSnapshot(
              c.namespaces(),
              c.pods(),
              c.workloads(),
              c.services(),
              shuffled,
              tiered,
              c.nodes(),
              c.limitations());
      assertThat(Reachability.index(d).connections())
          .as("seed %d", seed)
          .isEqualTo(Reachability.index(c).connections());
    }
  }

  @Test
  void addingAnAllowRuleNeverRemovesAConnection() {
    // S4: a rule only adds to the union.
    for (long seed = 0; seed < clusters(); seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed);
      if (c.policies().isEmpty()) {
        continue;
      }
      Random r = new Random(seed);
      NetworkPolicy p = c.policies().get(r.nextInt(c.policies().size()));
      Rule extra =
          RandomClusters.generate(seed + 1_000_000).policies().stream()
              .flatMap(q -> q.ingress().stream())
              .findFirst()
              .orElse(Rule.allowAll());
      boolean ingress = r.nextBoolean();
      List<Rule> rules = new ArrayList<>(ingress ? p.ingress() : p.egress());
      rules.add(extra);
      NetworkPolicy widened = ingress ? p.withIngress(rules) : p.withEgress(rules);
      ReachabilityIndex before = Reachability.index(c);
      ReachabilityIndex after = Reachability.index(c.withPolicy(widened));
      for (Connection line : before.connections()) {
        for (Endpoint[] ends : samples(line)) {
          assertThat(after.allowed(ends[0], ends[1]).intersection(line.ports()))
              .as("seed %d: %s after adding %s to %s", seed, line, extra, p)
              .isEqualTo(line.ports());
        }
      }
    }
  }

  /** The line's ends, with an external range replaced by its first and its last address. */
  private static List<Endpoint[]> samples(Connection line) {
    List<Endpoint[]> out = new ArrayList<>();
    if (line.source() instanceof ExternalEndpoint e) {
      out.add(new Endpoint[] {Endpoint.ip(e.first()), line.destination()});
      out.add(new Endpoint[] {Endpoint.ip(e.last()), line.destination()});
    } else if (line.destination() instanceof ExternalEndpoint e) {
      out.add(new Endpoint[] {line.source(), Endpoint.ip(e.first())});
      out.add(new Endpoint[] {line.source(), Endpoint.ip(e.last())});
    } else {
      out.add(new Endpoint[] {line.source(), line.destination()});
    }
    return out;
  }

  @Test
  void connectionsEqualABruteForceEnumerationByTheReference() {
    // docs/cli.md, S11, S12, S15: endpoint lines pair by pair, and external lines as functions over
    // the address space, maximal and without self lines.
    for (long seed = 0; seed < clusters(); seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed);
      for (AnalysisOptions options :
          List.of(AnalysisOptions.defaults(), AnalysisOptions.externalOnly())) {
        ReachabilityIndex index = Reachability.index(c, options);
        ReferenceEvaluator reference = ReferenceEvaluator.of(c, options);
        String where = "seed " + seed + " " + options;
        List<String> expected = new ArrayList<>();
        for (WorkloadEndpoint s : index.endpoints()) {
          for (WorkloadEndpoint d : index.endpoints()) {
            PortSet ports = reference.allowed(s, d);
            if (!s.equals(d) && !ports.isEmpty()) {
              expected.add(s + " => " + d + " : " + ports);
            }
          }
        }
        List<String> actual =
            index.connections().stream()
                .filter(
                    l ->
                        l.source() instanceof WorkloadEndpoint
                            && l.destination() instanceof WorkloadEndpoint)
                .map(Connection::toString)
                .toList();
        assertThat(actual).as(where).isEqualTo(expected.stream().sorted().toList());
        checkExternalLines(index, reference, where);
      }
    }
  }

  private static void checkExternalLines(
      ReachabilityIndex index, ReferenceEvaluator reference, String where) {
    List<String> boundaries = new ArrayList<>();
    for (ExternalEndpoint e : index.externalRanges()) {
      boundaries.add(e.first());
      boundaries.add(e.last());
    }
    for (WorkloadEndpoint w : index.endpoints()) {
      for (boolean egress : new boolean[] {true, false}) {
        // Lines of this endpoint and direction, by range start.
        TreeMap<BigInteger, Connection> lines = new TreeMap<>();
        for (Connection l : egress ? index.reachableFrom(w) : index.reachableTo(w)) {
          Endpoint other = egress ? l.destination() : l.source();
          if (other instanceof ExternalEndpoint e) {
            lines.put(key(e.first()), l);
          }
        }
        for (String a : boundaries) {
          Endpoint ip = Endpoint.ip(a);
          PortSet expected = egress ? reference.allowed(w, ip) : reference.allowed(ip, w);
          PortSet listed = PortSet.none();
          Map.Entry<BigInteger, Connection> e = lines.floorEntry(key(a));
          if (e != null) {
            ExternalEndpoint range =
                (ExternalEndpoint) (egress ? e.getValue().destination() : e.getValue().source());
            if (range.contains(a)) {
              listed = e.getValue().ports();
            }
          }
          assertThat(listed)
              .as("%s %s %s\n%s", w, egress ? "to" : "from", a, where)
              .isEqualTo(expected);
        }
        // Maximal: two adjacent ranges never carry the same ports.
        Connection previous = null;
        for (Connection l : lines.values()) {
          if (previous != null && previous.ports().equals(l.ports())) {
            ExternalEndpoint p =
                (ExternalEndpoint) (egress ? previous.destination() : previous.source());
            ExternalEndpoint n = (ExternalEndpoint) (egress ? l.destination() : l.source());
            assertThat(
                    key(p.last()).add(BigInteger.ONE).equals(key(n.first()))
                        && p.isIpv6() == n.isIpv6())
                .as("%s and %s should be merged\n%s", previous, l, where)
                .isFalse();
          }
          previous = l;
        }
      }
    }
  }

  /** Orders IPv4 before IPv6 and addresses numerically within a family. */
  private static BigInteger key(String address) {
    IpSpace.Address a = IpSpace.address(address);
    return a.v6() ? a.value().add(BigInteger.ONE.shiftLeft(200)) : a.value();
  }
}
