package io.kubereach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Rule;
import io.kubereach.testing.RandomClusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code verify} claims holds on seeded random clusters: a policy or rule reported redundant
 * can be removed alone without changing any connection, and a shadowed tier rule's removal changes
 * no verdict (checked with diff, the engine's own answer to "what changes").
 */
class VerifyPropertyTest {

  private static int clusters() {
    return Math.max(1, Integer.getInteger("kubereach.property.clusters", 2000) / 4);
  }

  @Test
  void whatVerifyCallsRemovableIsRemovable() {
    int redundant = 0;
    int shadowed = 0;
    for (long seed = 0; seed < clusters(); seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed);
      VerifyReport report =
          Reachability.verify(
              Reachability.index(c),
              VerifyOptions.defaults().only("redundant-policy", "redundant-rule", "shadowed-rule"));
      for (Finding f : report.findings()) {
        PolicyRef ref = f.policy().orElseThrow();
        ClusterSnapshot without = remove(c, ref, f);
        assertThat(Reachability.diff(c, without).changes()).as("seed %d: %s", seed, f).isEmpty();
        if (f.check().equals("shadowed-rule")) {
          shadowed++;
        } else {
          redundant++;
        }
      }
    }
    assertThat(redundant).as("redundant findings checked").isPositive();
    assertThat(shadowed).as("shadowed findings checked").isPositive();
  }

  /** A check on resolved endpoints is the check by value, on every pair of random clusters. */
  @Test
  void resolvedEndpointsGiveTheSameVerdicts() {
    for (long seed = 0; seed < clusters() / 4 + 1; seed++) {
      ReachabilityIndex index = Reachability.index(RandomClusters.generate(seed));
      for (io.kubereach.model.WorkloadEndpoint a : index.podEndpoints()) {
        ResolvedEndpoint ra = index.resolved(a);
        for (io.kubereach.model.WorkloadEndpoint b : index.podEndpoints()) {
          ResolvedEndpoint rb = index.resolved(b);
          for (io.kubereach.model.Port port :
              List.of(io.kubereach.model.Port.tcp(80), io.kubereach.model.Port.udp(53))) {
            assertThat(index.check(ra, rb, port))
                .as("seed %d", seed)
                .isEqualTo(index.check(a, b, port));
          }
        }
      }
      ReachabilityIndex other = Reachability.index(RandomClusters.generate(seed));
      if (!index.podEndpoints().isEmpty()) {
        ResolvedEndpoint foreign = other.resolved(other.podEndpoints().get(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> index.check(foreign, foreign, io.kubereach.model.Port.tcp(80)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("resolved by another index");
      }
    }
  }

  private static ClusterSnapshot remove(ClusterSnapshot c, PolicyRef ref, Finding f) {
    if (f.rule().isEmpty()) {
      return c.withoutPolicy(ref);
    }
    int index = f.rule().getAsInt();
    PolicyType direction = f.direction().orElseThrow();
    if (ref.kind() == PolicyKind.NetworkPolicy) {
      NetworkPolicy p =
          c.policies().stream().filter(x -> PolicyRef.of(x).equals(ref)).findFirst().orElseThrow();
      List<Rule> ingress = new ArrayList<>(p.ingress());
      List<Rule> egress = new ArrayList<>(p.egress());
      (direction == PolicyType.Ingress ? ingress : egress).remove(index);
      return c.withPolicy(
          new NetworkPolicy(
              p.namespace(), p.name(), p.podSelector(), p.policyTypes(), ingress, egress));
    }
    ClusterNetworkPolicy p = c.clusterPolicy(ref.kind(), ref.name()).orElseThrow();
    List<ClusterRule> ingress = new ArrayList<>(p.ingress());
    List<ClusterRule> egress = new ArrayList<>(p.egress());
    (direction == PolicyType.Ingress ? ingress : egress).remove(index);
    return c.withClusterPolicy(
        new ClusterNetworkPolicy(
            p.kind(), p.name(), p.tier(), p.priority(), p.subject(), ingress, egress));
  }
}
