package io.kubereach;

import static io.kubereach.testing.Build.block;
import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each check of docs/verify.md on a cluster whose findings are known exactly. */
class VerifyTest {

  /** x/a, x/b (port web TCP 80), y/c; namespaces x, y. */
  private static ClusterSnapshot.Builder base() {
    return ClusterSnapshot.builder()
        .add(Namespace.of("x"))
        .add(Namespace.of("y"))
        .add(pod("x", "a", "app=a").withIps(List.of("10.0.1.1")))
        .add(
            pod("x", "b", "app=b")
                .withIps(List.of("10.0.1.2"))
                .withPorts(List.of(ContainerPort.tcp("web", 80))))
        .add(pod("y", "c", "app=c").withIps(List.of("10.0.2.1")));
  }

  /** Default deny both ways in both namespaces: nothing is unprotected. */
  private static ClusterSnapshot.Builder closed() {
    return base()
        .add(policy("x", "deny").types(PolicyType.Ingress, PolicyType.Egress).build())
        .add(policy("y", "deny").types(PolicyType.Ingress, PolicyType.Egress).build());
  }

  private static List<String> findings(ClusterSnapshot c, String... checks) {
    return Reachability.verify(Reachability.index(c), VerifyOptions.defaults().only(checks))
        .findings()
        .stream()
        .map(Finding::toString)
        .toList();
  }

  @Test
  void unprotectedEndpointsPerDirectionAndWhichTierProtects() {
    ClusterSnapshot c =
        base().add(policy("x", "a-in").select("app=a").types(PolicyType.Ingress).build()).build();
    assertThat(findings(c, "unprotected-ingress"))
        .containsExactly(
            "high unprotected-ingress x/b[Pod]: no NetworkPolicy isolates it for Ingress and no"
                + " Admin or Baseline policy denies anything to it: every pod and address can"
                + " reach it",
            "high unprotected-ingress y/c[Pod]: no NetworkPolicy isolates it for Ingress and no"
                + " Admin or Baseline policy denies anything to it: every pod and address can"
                + " reach it");
    // A Baseline deny protects too.
    ClusterNetworkPolicy baseline =
        tiered(
            "baseline",
            Tier.Baseline,
            0,
            everyNamespace(),
            PolicyType.Ingress,
            new ClusterRule(
                Optional.empty(), TierAction.Deny, List.of(everyNamespace()), List.of()));
    assertThat(findings(c.withClusterPolicy(baseline), "unprotected-ingress")).isEmpty();
    assertThat(findings(c, "unprotected-egress")).hasSize(3);
  }

  @Test
  void namespacesWithoutADefaultDenyPerDirection() {
    ClusterSnapshot c =
        base()
            .add(policy("x", "deny-in").types(PolicyType.Ingress).build())
            .add(policy("y", "only-c").select("app=c").types(PolicyType.Ingress).build())
            .build();
    assertThat(findings(c, "namespace-without-default-deny"))
        .extracting(f -> f.substring(0, f.indexOf(':')))
        .containsExactly(
            "medium namespace-without-default-deny x",
            "medium namespace-without-default-deny y",
            "medium namespace-without-default-deny y");
    // An Admin policy over every namespace ending egress in a Deny of every pod counts.
    ClusterNetworkPolicy adminDeny =
        tiered(
            "egress-deny",
            Tier.Admin,
            100,
            everyNamespace(),
            PolicyType.Egress,
            new ClusterRule(
                Optional.empty(), TierAction.Deny, List.of(everyNamespace()), List.of()));
    assertThat(findings(c.withClusterPolicy(adminDeny), "namespace-without-default-deny"))
        .containsExactly(
            "medium namespace-without-default-deny y: no NetworkPolicy with podSelector {}"
                + " isolates Ingress here and no Admin or Baseline policy covering the namespace"
                + " ends Ingress in a Deny of every pod: a pod added to it later is open");
  }

  @Test
  void policiesThatSelectNothingAndRulesThatMatchNothing() {
    ClusterSnapshot c =
        closed()
            .add(policy("x", "typo").select("app=bb").types(PolicyType.Ingress).build())
            .add(
                policy("x", "to-typo")
                    .select("app=a")
                    .ingress(from(pods("app=aa")), from(pods("app=b")))
                    .build())
            .build();
    assertThat(findings(c, "policy-selects-nothing", "rule-matches-nothing"))
        .containsExactly(
            "medium policy-selects-nothing x/typo: its podSelector matches no pod of namespace x:"
                + " it isolates and allows nothing (a label typo?)",
            "medium rule-matches-nothing x/to-typo rule 0: its peers match no pod, no namespace"
                + " and no address (a label typo?): the ingress rule admits nothing");
  }

  @Test
  void redundantRulesAndPoliciesNameWhatCoversThem() {
    ClusterSnapshot c =
        closed()
            .add(policy("x", "b-from-a").select("app=b").ingress(from(pods("app=a"))).build())
            .add(
                policy("x", "b-from-x")
                    .select("app=b")
                    .ingress(from(pods()), rule(List.of(pods("app=a")), tcp(80)))
                    .build())
            .build();
    assertThat(findings(c, "redundant-policy", "redundant-rule"))
        .containsExactly(
            "low redundant-policy x/b-from-a: removing it alone changes no connection: the other"
                + " policies selecting its pods isolate them and admit everything it admits",
            "low redundant-rule x/b-from-x rule 1: removing it alone changes no connection: the"
                + " other rules for its pods admit everything it admits");
    // Each really is removable alone: the connections stay the same.
    assertThat(Reachability.diff(c, c.withoutPolicy("x", "b-from-a")).isEmpty()).isTrue();
    NetworkPolicy withoutRule =
        policy("x", "b-from-x").select("app=b").ingress(from(pods())).build();
    assertThat(Reachability.diff(c, c.withPolicy(withoutRule)).isEmpty()).isTrue();
    // The namespace default deny is never reported: it protects pods yet to come.
    assertThat(findings(c, "redundant-policy")).noneMatch(f -> f.contains("x/deny"));
  }

  @Test
  void shadowedTierRulesNeverDecideAnything() {
    ClusterNetworkPolicy first =
        tiered(
            "first",
            Tier.Admin,
            10,
            everyNamespace(),
            PolicyType.Ingress,
            new ClusterRule(
                Optional.of("all"), TierAction.Deny, List.of(everyNamespace()), List.of()),
            new ClusterRule(
                Optional.of("never"),
                TierAction.Accept,
                List.of(everyNamespace()),
                List.of(new ClusterPort.Numbers(new PortRange(Protocol.TCP, 80, 80)))));
    ClusterNetworkPolicy later =
        tiered(
            "later",
            Tier.Admin,
            20,
            everyNamespace(),
            PolicyType.Ingress,
            new ClusterRule(
                Optional.empty(), TierAction.Accept, List.of(everyNamespace()), List.of()));
    ClusterSnapshot c = closed().add(first).add(later).build();
    assertThat(findings(c, "shadowed-rule"))
        .extracting(f -> f.substring(0, f.indexOf(':')))
        .containsExactly(
            "medium shadowed-rule ClusterNetworkPolicy/first rule 1",
            "medium shadowed-rule ClusterNetworkPolicy/later rule 0");
  }

  @Test
  void samePriorityPoliciesThatDisagreeAreBothReported() {
    // Egress is open, so the ingress order decides (with closed egress nothing would be ambiguous).
    ClusterSnapshot c =
        base()
            .add(
                tiered(
                    "a",
                    Tier.Admin,
                    5,
                    everyNamespace(),
                    PolicyType.Ingress,
                    new ClusterRule(
                        Optional.empty(), TierAction.Accept, List.of(everyNamespace()), List.of())))
            .add(
                tiered(
                    "b",
                    Tier.Admin,
                    5,
                    everyNamespace(),
                    PolicyType.Ingress,
                    new ClusterRule(
                        Optional.empty(), TierAction.Deny, List.of(everyNamespace()), List.of())))
            .build();
    VerifyReport r = Reachability.verify(Reachability.index(c));
    assertThat(r.findings())
        .filteredOn(f -> f.check().equals("ambiguous-priority"))
        .extracting(Finding::subject)
        .containsExactly("ClusterNetworkPolicy/a", "ClusterNetworkPolicy/b");
    assertThat(r.findings().get(0).check()).isEqualTo("ambiguous-priority");
    assertThat(r.findings().get(0).evidence()).isNotEmpty();
    assertThat(r.complete()).isFalse();
  }

  @Test
  void externalIngressAndTheCloudMetadataService() {
    ClusterSnapshot c =
        closed()
            .add(policy("x", "a-public").select("app=a").ingress(from(block("0.0.0.0/0"))).build())
            .add(
                policy("y", "c-out")
                    .select("app=c")
                    .types(PolicyType.Egress)
                    .egress(Rule.allowAll())
                    .build())
            .build();
    assertThat(findings(c, "external-ingress", "metadata-egress"))
        .containsExactly(
            "high metadata-egress y/c[Pod]: can reach the cloud metadata service, which hands out"
                + " the node's credentials on many clouds; deny it unless the workload needs it",
            "info external-ingress x/a[Pod]: reachable from outside the cluster");
  }

  @Test
  void intentsAreCheckedAndAnIntentNamingNothingIsItselfAFinding() {
    ClusterSnapshot c = closed().build();
    VerifyOptions options =
        VerifyOptions.defaults()
            .only("intent-violated", "intent-matches-nothing")
            .withIntents(
                List.of(
                    new Intent("x/a", "x/b", Port.tcp(80), true, Optional.empty()),
                    new Intent("x/a", "x/b", Port.tcp(22), false, Optional.empty()),
                    new Intent("x/typo", "x/b", Port.tcp(80), false, Optional.empty())));
    assertThat(Reachability.verify(Reachability.index(c), options).findings())
        .extracting(f -> f.check() + " " + f.subject())
        .containsExactly("intent-violated intent 1", "intent-matches-nothing intent 3");
  }

  @Test
  void unknownChecksAreRefusedByName() {
    assertThatThrownBy(() -> VerifyOptions.defaults().only("unprotected"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown check 'unprotected'");
  }

  private static ClusterPeer.Namespaces everyNamespace() {
    return new ClusterPeer.Namespaces(LabelSelector.everything());
  }

  private static ClusterNetworkPolicy tiered(
      String name,
      Tier tier,
      int priority,
      ClusterPeer subject,
      PolicyType direction,
      ClusterRule... rules) {
    List<ClusterRule> list = List.of(rules);
    return new ClusterNetworkPolicy(
        PolicyKind.ClusterNetworkPolicy,
        name,
        tier,
        priority,
        subject,
        direction == PolicyType.Ingress ? list : List.of(),
        direction == PolicyType.Egress ? list : List.of());
  }
}
