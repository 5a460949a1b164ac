package io.kubereach.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.AnalysisOptions;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.Port;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.reference.ReferenceEvaluator;
import io.kubereach.testing.RealisticClusters.Style;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape of the benchmark clusters: sizes, policy density, features, determinism. */
class RealisticClustersTest {

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000})
  void podsStyleHasExactlyThePodsAskedForWithIpsAndOwners(int pods) {
    ClusterSnapshot c = RealisticClusters.generate(pods, 7L);

    assertThat(c.pods()).hasSize(pods);
    assertThat(c.workloads()).isEmpty();
    assertThat(c.pods()).allSatisfy(p -> assertThat(p.ips()).hasSize(1));
    assertThat(c.pods()).allSatisfy(p -> assertThat(p.owner()).isPresent());
    assertThat(c.pods().stream().flatMap(p -> p.ips().stream()).distinct().count()).isEqualTo(pods);
    // About one policy per ten pods.
    assertThat(c.policies().size()).isBetween(pods / 15, pods / 6);
  }

  @Test
  void workloadsStyleAddsUpReplicasToThePodsAskedForUnderTheSamePolicies() {
    ClusterSnapshot c = RealisticClusters.generate(10_000, 7L, Style.WORKLOADS);

    assertThat(c.pods()).isEmpty();
    assertThat(c.workloads().stream().mapToInt(Workload::replicas).sum()).isEqualTo(10_000);
    assertThat(c.policies()).isEqualTo(RealisticClusters.generate(10_000, 7L).policies());
  }

  @Test
  void sameSeedGivesTheSameClusterAndAnotherSeedAnotherOne() {
    ClusterSnapshot a = RealisticClusters.generate(2_000, 42L);

    assertThat(RealisticClusters.generate(2_000, 42L)).isEqualTo(a);
    assertThat(RealisticClusters.generate(2_000, 43L)).isNotEqualTo(a);
  }

  @Test
  void usesEveryFeatureTheBenchmarksClaim() {
    List<NetworkPolicy> policies = RealisticClusters.generate(5_000, 1L).policies();
    List<Rule> rules =
        policies.stream()
            .flatMap(p -> Stream.concat(p.ingress().stream(), p.egress().stream()))
            .toList();
    List<PortSpec> ports = rules.stream().flatMap(r -> r.ports().stream()).toList();

    assertThat(policies)
        .anyMatch(p -> p.podSelector().isEmpty() && p.ingress().isEmpty() && p.egress().isEmpty());
    assertThat(ports).anyMatch(s -> s.endPort().isPresent());
    assertThat(ports).anyMatch(s -> s.port().orElse(null) instanceof PortRef.Name);
    assertThat(ports).anyMatch(s -> s.protocol() == Protocol.UDP);
    assertThat(rules.stream().flatMap(r -> r.peers().stream()))
        .anyMatch(p -> p instanceof IpBlockPeer b && !b.except().isEmpty())
        .anyMatch(
            p ->
                p instanceof PodPeer pp
                    && pp.namespaceSelector().isPresent()
                    && pp.podSelector().isPresent()
                    && !pp.namespaceSelector().get().matchExpressions().isEmpty());
  }

  @Test
  void policiesAllowTheStackAndDenyTheRest() {
    ClusterSnapshot c = RealisticClusters.generate(1_000, 3L);
    ReferenceEvaluator ref = ReferenceEvaluator.of(c, AnalysisOptions.defaults());
    Pod web = pod(c, "web");
    Pod api = sameApp(c, web, "api");
    Pod dns =
        c.pods().stream()
            .filter(p -> "kube-dns".equals(p.labels().get("k8s-app")))
            .findFirst()
            .orElseThrow();

    assertThat(ref.allows(endpoint(web), endpoint(api), Port.tcp(8080))).isTrue();
    assertThat(ref.allows(endpoint(api), endpoint(web), Port.tcp(8080))).isFalse();
    assertThat(ref.allows(endpoint(web), endpoint(dns), Port.udp(53))).isTrue();
    assertThat(ref.allows(endpoint(web), Endpoint.ip("1.1.1.1"), Port.tcp(443))).isFalse();
  }

  @Test
  void theAdminTierClosesProductionToOtherEnvironmentsAndKeepsDnsOpen() {
    ClusterSnapshot plain = RealisticClusters.generate(3_000, 5L);
    ClusterSnapshot c = RealisticClusters.withAdminTier(plain);
    assertThat(c.clusterPolicies()).hasSizeBetween(10, 40);
    ReferenceEvaluator ref = ReferenceEvaluator.of(c, AnalysisOptions.defaults());
    Pod prodApi =
        c.pods().stream()
            .filter(p -> p.namespace().endsWith("-prod"))
            .filter(p -> "api".equals(p.labels().get(RealisticClusters.COMPONENT)))
            .findFirst()
            .orElseThrow();
    Pod devWorker =
        c.pods().stream()
            .filter(p -> p.namespace().endsWith("-dev"))
            .filter(p -> "worker".equals(p.labels().get(RealisticClusters.COMPONENT)))
            .findFirst()
            .orElseThrow();
    Pod dns =
        c.pods().stream()
            .filter(p -> "kube-dns".equals(p.labels().get("k8s-app")))
            .findFirst()
            .orElseThrow();
    // Every port of prod's api is closed to dev, whatever the teams' NetworkPolicies say.
    assertThat(ref.allowed(endpoint(devWorker), endpoint(prodApi))).isEqualTo(PortSet.none());
    assertThat(ref.allows(endpoint(prodApi), endpoint(dns), Port.udp(53))).isTrue();
    assertThat(ref.allows(endpoint(devWorker), Endpoint.ip("169.254.169.254"), Port.tcp(80)))
        .isFalse();
    // Same-app traffic inside prod is still the teams' to decide.
    Pod prodWeb = sameApp(c, prodApi, "web");
    assertThat(ref.allows(endpoint(prodWeb), endpoint(prodApi), Port.tcp(8080))).isTrue();
  }

  @Test
  void refusesClustersTooSmallToHoldTheSystemNamespaces() {
    assertThatThrownBy(() -> RealisticClusters.generate(10, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 or more");
  }

  private static Pod pod(ClusterSnapshot c, String component) {
    return c.pods().stream()
        .filter(p -> component.equals(p.labels().get(RealisticClusters.COMPONENT)))
        .filter(p -> c.pods().stream().anyMatch(q -> sameAppComponent(p, q, "api")))
        .findFirst()
        .orElseThrow();
  }

  private static Pod sameApp(ClusterSnapshot c, Pod p, String component) {
    return c.pods().stream()
        .filter(q -> sameAppComponent(p, q, component))
        .findFirst()
        .orElseThrow();
  }

  private static boolean sameAppComponent(Pod p, Pod q, String component) {
    return q.namespace().equals(p.namespace())
        && p.labels().get(RealisticClusters.NAME).equals(q.labels().get(RealisticClusters.NAME))
        && component.equals(q.labels().get(RealisticClusters.COMPONENT));
  }

  private static Endpoint endpoint(Pod p) {
    return Endpoint.pod(p.namespace(), p.name());
  }
}
