package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.ConnectionChange;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.Port;
import io.kubereach.model.Tier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/admin-tiers}: the same guard rails written as v1alpha1 AdminNetworkPolicy /
 * BaselineAdminNetworkPolicy and as v1alpha2 ClusterNetworkPolicy (T11), and what {@code diff} says
 * about tier changes.
 */
class AdminTiersExampleTest {

  private static Path example(String version) {
    Path fromModule = Path.of("..", "examples", "admin-tiers", version);
    return fromModule.toFile().isDirectory()
        ? fromModule
        : Path.of("examples", "admin-tiers", version);
  }

  private static ClusterSnapshot load(String version) {
    LoadResult loaded = Manifests.load(example(version));
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.complete()).isTrue();
    return loaded.cluster();
  }

  @Test
  void theMigrationToClusterNetworkPolicyChangesNoConnection() {
    ClusterSnapshot v1alpha1 = load("v1alpha1");
    ClusterSnapshot v1alpha2 = load("v1alpha2");
    assertThat(v1alpha1.clusterPolicies())
        .extracting(ClusterNetworkPolicy::kind)
        .containsOnly(PolicyKind.AdminNetworkPolicy, PolicyKind.BaselineAdminNetworkPolicy);
    assertThat(v1alpha2.clusterPolicies())
        .extracting(ClusterNetworkPolicy::kind)
        .containsOnly(PolicyKind.ClusterNetworkPolicy);

    assertThat(Reachability.diff(v1alpha1, v1alpha2).changes()).isEmpty();
    // The tiers do decide something here: without them, connections change.
    ClusterSnapshot untiered = v1alpha2;
    for (ClusterNetworkPolicy p : v1alpha2.clusterPolicies()) {
      untiered = untiered.withoutPolicy(io.kubereach.model.PolicyRef.of(p));
    }
    assertThat(Reachability.diff(v1alpha2, untiered).changes()).isNotEmpty();
  }

  @Test
  void theTiersDecideWhatTheReadmeSays() {
    ReachabilityIndex index = Reachability.index(load("v1alpha2"));
    Endpoint checkout = index.resolve("shop/checkout");
    Endpoint web = index.resolve("shop/web");
    Endpoint ledger = index.resolve("payments/ledger");
    Endpoint prometheus = index.resolve("monitoring/prometheus");
    assertThat(index.allowed(checkout, ledger).toString()).isEqualTo("TCP 8443");
    assertThat(index.allowed(web, ledger).isEmpty()).isTrue();
    // Pass hands monitoring to the payments team's NetworkPolicy (metrics only).
    assertThat(index.allowed(prometheus, ledger).toString()).isEqualTo("TCP 9090");
    // Baseline denies monitoring where no NetworkPolicy decides; shop/web's own policy does.
    assertThat(index.allowed(prometheus, checkout).isEmpty()).isTrue();
    assertThat(index.allowed(prometheus, web).toString()).isEqualTo("TCP 8080");
    assertThat(index.check(web, index.resolve("kube-system/coredns"), Port.udp(53)).allowed())
        .isTrue();
  }

  @Test
  void diffShowsTierChangesPriorityRuleOrderAndNewPolicies() {
    ClusterSnapshot before = load("v1alpha2");
    ClusterNetworkPolicy sensitive =
        before.clusterPolicy(PolicyKind.ClusterNetworkPolicy, "sensitive-namespaces").orElseThrow();

    // Rules reordered: "nobody-else" (Deny) first denies checkout and monitoring too.
    List<ClusterRule> reordered = new ArrayList<>(sensitive.ingress());
    reordered.add(0, reordered.remove(2));
    ClusterSnapshot denyFirst = before.withClusterPolicy(with(sensitive, 20, reordered));
    assertThat(changes(before, denyFirst))
        .containsExactly(
            "- monitoring/prometheus[Deployment] => payments/ledger[Deployment] : TCP 9090",
            "- shop/checkout[Deployment] => payments/ledger[Deployment] : TCP 8443");

    // A new Admin policy with a lower priority number goes first: accept everything into payments.
    ClusterNetworkPolicy openPayments =
        new ClusterNetworkPolicy(
            PolicyKind.ClusterNetworkPolicy,
            "open-payments",
            Tier.Admin,
            5,
            sensitive.subject(),
            List.of(
                new ClusterRule(
                    java.util.Optional.empty(),
                    io.kubereach.model.TierAction.Accept,
                    List.of(
                        new io.kubereach.model.ClusterPeer.Namespaces(
                            io.kubereach.model.LabelSelector.everything())),
                    List.of())),
            List.of());
    assertThat(changes(before, before.withClusterPolicy(openPayments)))
        .contains(
            "~ shop/checkout[Deployment] => payments/ledger[Deployment] : TCP 8443 -> All"
                + " Connections")
        .contains("+ shop/web[Deployment] => payments/ledger[Deployment] : All Connections");

    // The same policy with its priority moved behind "sensitive-namespaces" changes nothing.
    ClusterNetworkPolicy late = with(openPayments, 30, openPayments.ingress());
    assertThat(changes(before, before.withClusterPolicy(late))).isEmpty();
  }

  private static ClusterNetworkPolicy with(
      ClusterNetworkPolicy p, int priority, List<ClusterRule> ingress) {
    return new ClusterNetworkPolicy(
        p.kind(), p.name(), p.tier(), priority, p.subject(), ingress, p.egress());
  }

  private static List<String> changes(ClusterSnapshot before, ClusterSnapshot after) {
    return Reachability.diff(before, after).changes().stream()
        .map(ConnectionChange::toString)
        .filter(c -> !c.contains("[External]"))
        .toList();
  }
}
