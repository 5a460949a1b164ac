package io.kubereach;

import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.namespaces;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.Explanation.TierStep;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.Limitation;
import io.kubereach.model.Namespace;
import io.kubereach.model.Node;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.Protocol;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import io.kubereach.testing.Analysis;
import io.kubereach.testing.Analysis.Impl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules T1–T10 of docs/semantics.md (the admin tiers), each test run on the engine and on the
 * independent reference evaluator; explanations, caveats and limitations are the engine's.
 */
class TierSemanticsTest {

  private static final Endpoint XA = Endpoint.pod("x", "a");
  private static final Endpoint XB = Endpoint.pod("x", "b");
  private static final Endpoint YA = Endpoint.pod("y", "a");
  private static final Port TCP80 = Port.tcp(80);

  /**
   * x/a (web TCP 80, dns UDP 53), x/b (web TCP 8080), y/a, all with IPv4 addresses, and the
   * policies.
   */
  private static ClusterSnapshot.Builder abc() {
    return ClusterSnapshot.builder()
        .add(
            pod("x", "a", "pod=a")
                .withIps(List.of("10.0.1.1"))
                .withPorts(
                    List.of(
                        ContainerPort.tcp("web", 80), ContainerPort.of("dns", 53, Protocol.UDP))))
        .add(
            pod("x", "b", "pod=b")
                .withIps(List.of("10.0.1.2"))
                .withPorts(List.of(ContainerPort.tcp("web", 8080))))
        .add(pod("y", "a", "pod=a").withIps(List.of("10.0.2.1")));
  }

  private static ClusterSnapshot abc(ClusterNetworkPolicy... policies) {
    ClusterSnapshot.Builder b = abc();
    Arrays.stream(policies).forEach(b::add);
    return b.build();
  }

  // --- a small vocabulary for tiered policies ---

  private static ClusterPeer.Namespaces ns(String name) {
    return new ClusterPeer.Namespaces(
        LabelSelector.matchLabels(Map.of(Namespace.NAME_LABEL, name)));
  }

  private static ClusterPeer.Namespaces allNamespaces() {
    return new ClusterPeer.Namespaces(LabelSelector.everything());
  }

  private static ClusterPeer.Pods podsLabelled(String key, String value) {
    return new ClusterPeer.Pods(
        LabelSelector.everything(), LabelSelector.matchLabels(Map.of(key, value)));
  }

  private static ClusterPeer.Networks networks(String... cidrs) {
    return new ClusterPeer.Networks(List.of(cidrs));
  }

  private static ClusterRule rule(
      TierAction action, List<ClusterPort> ports, ClusterPeer... peers) {
    return new ClusterRule(Optional.empty(), action, List.of(peers), ports);
  }

  private static ClusterRule rule(TierAction action, ClusterPeer... peers) {
    return rule(action, List.of(), peers);
  }

  private static ClusterPort tcp(int first, int last) {
    return new ClusterPort.Numbers(new PortRange(Protocol.TCP, first, last));
  }

  private static ClusterPort named(String name) {
    return new ClusterPort.Named(name);
  }

  /** A ClusterNetworkPolicy whose rules are all of one direction. */
  private static ClusterNetworkPolicy cnp(
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

  private static ClusterNetworkPolicy admin(
      String name, int priority, ClusterPeer subject, PolicyType direction, ClusterRule... rules) {
    return cnp(name, Tier.Admin, priority, subject, direction, rules);
  }

  private static ClusterNetworkPolicy baseline(
      String name, int priority, ClusterPeer subject, PolicyType direction, ClusterRule... rules) {
    return cnp(name, Tier.Baseline, priority, subject, direction, rules);
  }

  private static List<String> tierSteps(Explanation.Side side) {
    return side.tiers().stream().map(TierStep::toString).toList();
  }

  // --- T1: the chain of tiers ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void adminDecidesBeforeNetworkPoliciesWhichDecideBeforeBaseline(Impl impl) {
    // T1, T4: Baseline denies y -> x; a NetworkPolicy selecting x/b admits y, so Baseline is not
    // consulted for x/b; an Admin Deny of y then beats the NetworkPolicy.
    ClusterNetworkPolicy baselineDeny =
        baseline("deny-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y")));
    ClusterSnapshot c =
        abc(baselineDeny)
            .withPolicy(
                policy("x", "b-from-y").select("pod=b").ingress(from(namespaces())).build());
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, XA, TCP80)).as("Baseline decides for x/a").isFalse();
    assertThat(i.allows(YA, XB, TCP80)).as("the NetworkPolicy decides for x/b").isTrue();

    Analysis admin =
        impl.index(
            c.withClusterPolicy(
                admin("deny-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y")))));
    assertThat(admin.allows(YA, XB, TCP80)).as("Admin decides first").isFalse();
    assertThat(admin.allows(XA, XB, TCP80)).as("no rule matched: on to the NetworkPolicy").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void networkPoliciesTakeOverPerDirection(Impl impl) {
    // T4: a NetworkPolicy that selects x/b for Ingress only leaves its egress to Baseline.
    ClusterSnapshot c =
        abc(baseline("deny-egress", 1, ns("x"), PolicyType.Egress, rule(TierAction.Deny, ns("y"))))
            .withPolicy(
                policy("x", "b-in")
                    .select("pod=b")
                    .types(PolicyType.Ingress)
                    .ingress(from(namespaces()))
                    .build());
    Analysis i = impl.index(c);
    assertThat(i.allows(XB, YA, TCP80)).isFalse();
    assertThat(i.allows(YA, XB, TCP80)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void withNoTierRuleMatchingTheDefaultIsAllow(Impl impl) {
    // T1, T4: tiered policies never isolate a pod; unmatched traffic is allowed.
    Analysis i =
        impl.index(
            abc(
                admin("deny-z", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("z"))),
                baseline(
                    "baseline-deny-z",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, ns("z")))));
    assertThat(i.allowed(YA, XA)).isEqualTo(PortSet.all());
  }

  // --- T2: order inside a tier ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void lowerPriorityFirstThenRulesInOrderFirstMatchDecidesPerPort(Impl impl) {
    // T2: "strict" (priority 1): Accept TCP 80 from y, then Deny everything; "open" (priority 2)
    // would accept everything but comes too late.
    ClusterNetworkPolicy strict =
        admin(
            "strict",
            1,
            ns("x"),
            PolicyType.Ingress,
            rule(TierAction.Accept, List.of(tcp(80, 80)), ns("y")),
            rule(TierAction.Deny, allNamespaces()));
    ClusterNetworkPolicy open =
        admin("open", 2, ns("x"), PolicyType.Ingress, rule(TierAction.Accept, allNamespaces()));
    Analysis i = impl.index(abc(open, strict));
    assertThat(i.allowed(YA, XB)).isEqualTo(PortSet.parse("TCP 80"));
    assertThat(i.allowed(XA, XB)).isEqualTo(PortSet.none());

    Explanation e = i.engine().explain(YA, XB, Port.tcp(81));
    assertThat(tierSteps(e.ingress()))
        .containsExactly("admin tier: ClusterNetworkPolicy/strict (priority 1) rule 1 denies");

    // The priorities swapped: "open" decides everything.
    ClusterNetworkPolicy strictLast =
        admin(
            "strict",
            3,
            ns("x"),
            PolicyType.Ingress,
            rule(TierAction.Accept, List.of(tcp(80, 80)), ns("y")),
            rule(TierAction.Deny, allNamespaces()));
    assertThat(impl.index(abc(open, strictLast)).allowed(XA, XB)).isEqualTo(PortSet.all());
  }

  // --- T3: actions ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void acceptEndsTheDirectionSkippingNetworkPoliciesAndBaseline(Impl impl) {
    // T3: Accept from y; a NetworkPolicy and Baseline that would deny y are not consulted.
    ClusterSnapshot c =
        abc(
                admin("accept-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Accept, ns("y"))),
                baseline(
                    "deny-all",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, allNamespaces())))
            .withPolicy(policy("x", "deny-b").select("pod=b").types(PolicyType.Ingress).build());
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, XA, TCP80)).isTrue();
    assertThat(i.allows(YA, XB, TCP80)).isTrue();
    assertThat(i.allows(XA, XB, TCP80)).as("the NetworkPolicy denies").isFalse();
    assertThat(i.allows(XB, XA, TCP80)).as("Baseline denies").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void passSkipsTheRestOfTheTierAndHandsOnToTheNextTier(Impl impl) {
    // T3: Pass from y, then a Deny of everything in the same policy and a later Admin Accept:
    // neither applies to y; Baseline decides y (deny), x is denied by the Admin Deny.
    ClusterSnapshot c =
        abc(
            admin(
                "pass-y",
                1,
                ns("x"),
                PolicyType.Ingress,
                rule(TierAction.Pass, ns("y")),
                rule(TierAction.Deny, allNamespaces())),
            admin(
                "accept-all",
                2,
                ns("x"),
                PolicyType.Ingress,
                rule(TierAction.Accept, allNamespaces())),
            baseline("deny-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y"))));
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, XA, TCP80)).isFalse();
    assertThat(i.allows(XB, XA, TCP80)).isFalse();
    Explanation e = i.engine().explain(YA, XA, TCP80);
    assertThat(tierSteps(e.ingress()))
        .containsExactly(
            "admin tier: ClusterNetworkPolicy/pass-y (priority 1) rule 0 passes",
            "baseline tier: ClusterNetworkPolicy/deny-y (priority 1) rule 0 denies");

    // A Baseline Pass hands on to the default, allow.
    Analysis baselinePass =
        impl.index(
            abc(
                baseline(
                    "pass-then-deny",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Pass, ns("y")),
                    rule(TierAction.Deny, allNamespaces()))));
    assertThat(baselinePass.allows(YA, XA, TCP80)).isTrue();
    assertThat(baselinePass.allows(XB, XA, TCP80)).isFalse();
  }

  // --- T4: the NetworkPolicy tier, and both ends ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void anEgressAcceptDoesNotSkipTheDestinationsIngress(Impl impl) {
    // T4 (and S5): y/a's egress accepts everything; x/b's ingress Baseline still denies y.
    Analysis i =
        impl.index(
            abc(
                admin(
                    "y-out",
                    1,
                    ns("y"),
                    PolicyType.Egress,
                    rule(TierAction.Accept, allNamespaces())),
                baseline(
                    "deny-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y")))));
    assertThat(i.allows(YA, XB, TCP80)).isFalse();
    Explanation e = i.engine().explain(YA, XB, TCP80);
    assertThat(e.egress().allows()).isTrue();
    assertThat(e.ingress().allows()).isFalse();
  }

  // --- T5: subjects and pod peers ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aPodsSubjectSelectsByNamespaceAndPodLabels(Impl impl) {
    // T5: subject pods {namespaces: x, pods: pod=b}; x/a and y/a's own ingress are untouched.
    ClusterPeer subject =
        new ClusterPeer.Pods(
            LabelSelector.matchLabels(Map.of(Namespace.NAME_LABEL, "x")),
            LabelSelector.matchLabels(Map.of("pod", "b")));
    Analysis i =
        impl.index(
            abc(
                admin(
                    "b-closed",
                    1,
                    subject,
                    PolicyType.Ingress,
                    rule(TierAction.Deny, allNamespaces()))));
    assertThat(i.allows(YA, XB, TCP80)).isFalse();
    assertThat(i.allows(YA, XA, TCP80)).isTrue();
    assertThat(i.allows(XA, YA, TCP80)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void hostNetworkPodsAreNeverSelectedBySubjectsOrPodPeers(Impl impl) {
    // T5: x/h shares its node's network: "deny all into x" does not reach it, and a pods peer
    // does not name it as a source.
    ClusterSnapshot c =
        abc()
            .add(pod("x", "h", "pod=h").withIps(List.of("10.0.9.1")).withHostNetwork(true))
            .add(
                admin(
                    "x-closed",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, allNamespaces())))
            .add(
                admin(
                    "y-from-pods",
                    1,
                    ns("y"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, podsLabelled("pod", "h"))))
            .build();
    Endpoint xh = Endpoint.pod("x", "h");
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, xh, TCP80)).isTrue();
    assertThat(i.allows(YA, XA, TCP80)).isFalse();
    assertThat(i.allows(xh, YA, TCP80)).isTrue();
    assertThat(i.engine().check(YA, xh, TCP80).caveats())
        .extracting(Caveat::kind)
        .contains(Caveat.Kind.HOST_NETWORK);
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aPodReachesItselfWhateverTheTiersSay(Impl impl) {
    // S11 under tiers: hairpin traffic to the pod's own IP is not subject to policy.
    Analysis i =
        impl.index(
            abc(
                admin(
                    "x-closed",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, allNamespaces())),
                admin(
                    "x-mute",
                    1,
                    ns("x"),
                    PolicyType.Egress,
                    rule(TierAction.Deny, allNamespaces()))));
    assertThat(i.allowed(XA, XA)).isEqualTo(PortSet.all());
    assertThat(i.allows(XA, XB, TCP80)).isFalse();
  }

  // --- T6: networks and nodes peers ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void networksMatchPodAddressesAndExternalAddresses(Impl impl) {
    // T6: "deny 10.0.2.0/24" from x covers y/a's address and the addresses around it.
    Analysis i =
        impl.index(
            abc(
                admin(
                    "no-y-net",
                    1,
                    ns("x"),
                    PolicyType.Egress,
                    rule(TierAction.Deny, networks("10.0.2.0/24")))));
    assertThat(i.allows(XA, YA, TCP80)).isFalse();
    assertThat(i.allows(XA, Endpoint.ip("10.0.2.77"), TCP80)).isFalse();
    assertThat(i.allows(XA, Endpoint.ip("10.0.3.1"), TCP80)).isTrue();
    assertThat(i.allows(XA, XB, TCP80)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aWholeFamilyNetworkMatchesPodsWithoutAKnownAddress(Impl impl) {
    // T6, T8: 0.0.0.0/0 holds every IPv4 pod, with or without a known IP.
    ClusterSnapshot c =
        abc()
            .add(pod("y", "n", "pod=n"))
            .add(
                admin(
                    "no-egress",
                    1,
                    ns("x"),
                    PolicyType.Egress,
                    rule(TierAction.Deny, networks("0.0.0.0/0"))))
            .build();
    Analysis i = impl.index(c);
    assertThat(i.allows(XA, Endpoint.pod("y", "n"), TCP80)).isFalse();
    assertThat(i.engine().check(XA, Endpoint.pod("y", "n"), TCP80).complete()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void nodesPeersMatchTheAddressesOfSelectedNodes(Impl impl) {
    // T6: a nodes peer holds the addresses of the nodes it selects, hostNetwork pods on them too.
    ClusterSnapshot c =
        abc()
            .add(new Node("n1", Map.of("role", "worker"), List.of("10.0.9.1")))
            .add(new Node("n2", Map.of("role", "control"), List.of("10.0.9.2")))
            .add(pod("x", "h", "pod=h").withIps(List.of("10.0.9.1")).withHostNetwork(true))
            .add(
                admin(
                    "no-workers",
                    1,
                    ns("y"),
                    PolicyType.Egress,
                    rule(
                        TierAction.Deny,
                        new ClusterPeer.Nodes(
                            LabelSelector.matchLabels(Map.of("role", "worker"))))))
            .build();
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, Endpoint.pod("x", "h"), TCP80)).isFalse();
    assertThat(i.allows(YA, Endpoint.ip("10.0.9.1"), TCP80)).isFalse();
    assertThat(i.allows(YA, Endpoint.ip("10.0.9.2"), TCP80)).isTrue();
    assertThat(i.allows(YA, XA, TCP80)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void nodesPeersWithoutNodeObjectsMatchNothingAndSaySo(Impl impl) {
    // T6: the manifests hold no Node, so no address is known to be a node's.
    ClusterSnapshot c =
        abc(
            admin(
                "no-nodes",
                1,
                ns("y"),
                PolicyType.Egress,
                rule(TierAction.Deny, new ClusterPeer.Nodes(LabelSelector.everything()))));
    Analysis i = impl.index(c);
    assertThat(i.allowed(YA, XA)).isEqualTo(PortSet.all());
    assertThat(i.engine().limitations())
        .extracting(Limitation::kind)
        .containsExactly(Limitation.Kind.NODES_UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void domainNamesMatchNoAddressOfTheManifestsAndMakeTheAnswersIncomplete(Impl impl) {
    // T6: which addresses *.example.com has is a DNS answer, not in the manifests.
    ClusterSnapshot c =
        abc(
            admin(
                "allow-example",
                1,
                ns("x"),
                PolicyType.Egress,
                rule(TierAction.Accept, new ClusterPeer.DomainNames(List.of("*.example.com")))),
            baseline(
                "deny-out",
                1,
                ns("x"),
                PolicyType.Egress,
                rule(TierAction.Deny, networks("0.0.0.0/0"))));
    Analysis i = impl.index(c);
    assertThat(i.allows(XA, Endpoint.ip("93.184.216.34"), Port.tcp(443))).isFalse();
    assertThat(i.allows(XA, YA, Port.tcp(443))).isFalse();
    assertThat(i.engine().limitations())
        .extracting(Limitation::kind)
        .containsExactly(Limitation.Kind.DOMAIN_NAMES);
    assertThat(i.engine().check(XA, Endpoint.ip("93.184.216.34"), Port.tcp(443)).complete())
        .isFalse();
  }

  // --- T7: ports ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aNamedPortResolvesOnTheDestinationWithItsOwnProtocol(Impl impl) {
    // T7: "web" is TCP 80 on x/a and TCP 8080 on x/b; "dns" is UDP 53 on x/a.
    Analysis i =
        impl.index(
            abc(
                admin(
                    "no-web-no-dns",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, List.of(named("web"), named("dns")), allNamespaces()))));
    assertThat(i.allowed(YA, XA))
        .isEqualTo(PortSet.all().difference(PortSet.parse("TCP 80,UDP 53")));
    assertThat(i.allowed(YA, XB)).isEqualTo(PortSet.all().difference(PortSet.parse("TCP 8080")));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void numberedRangesAreInclusiveAndNoProtocolsMeansEveryPort(Impl impl) {
    // T7
    Analysis i =
        impl.index(
            abc(
                admin(
                    "ranges",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Accept, List.of(tcp(1000, 2000)), ns("y")),
                    rule(TierAction.Deny, ns("y")))));
    assertThat(i.allowed(YA, XA)).isEqualTo(PortSet.parse("TCP 1000-2000"));
  }

  // --- T8: address families and unknown addresses ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aDualStackPodAnswersForItsIpv4AddressWithACaveatWhenIpv6Differs(Impl impl) {
    // T8: the IPv6 network does not change the (IPv4) answer; the caveat says IPv6 differs.
    Endpoint xd = Endpoint.pod("x", "d");
    ClusterSnapshot c =
        abc()
            .add(pod("x", "d", "pod=d").withIps(List.of("10.0.1.9", "fd00::9")))
            .add(
                admin(
                    "no-v6",
                    1,
                    ns("y"),
                    PolicyType.Egress,
                    rule(TierAction.Deny, networks("::/0"))))
            .build();
    Analysis i = impl.index(c);
    assertThat(i.allows(YA, xd, TCP80)).isTrue();
    Verdict v = i.engine().check(YA, xd, TCP80);
    assertThat(v.caveats()).extracting(Caveat::kind).containsExactly(Caveat.Kind.OTHER_FAMILY);
    assertThat(v.complete()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aNarrowNetworkAgainstAPodWithoutAddressLeavesTheVerdictIncomplete(Impl impl) {
    // T8: whether 10.0.0.0/8 holds y/n is outside the manifests: taken to be outside, flagged.
    Endpoint yn = Endpoint.pod("y", "n");
    ClusterSnapshot c =
        abc()
            .add(pod("y", "n", "pod=n"))
            .add(
                admin(
                    "no-ten",
                    1,
                    ns("x"),
                    PolicyType.Egress,
                    rule(TierAction.Deny, networks("10.0.0.0/8"))))
            .build();
    Analysis i = impl.index(c);
    assertThat(i.allows(XA, yn, TCP80)).isTrue();
    assertThat(i.allows(XA, YA, TCP80)).isFalse();
    Verdict v = i.engine().check(XA, yn, TCP80);
    assertThat(v.caveats()).extracting(Caveat::kind).containsExactly(Caveat.Kind.UNKNOWN_ADDRESS);
    assertThat(v.complete()).isFalse();
    assertThat(i.engine().limitations())
        .extracting(Limitation::kind)
        .contains(Limitation.Kind.UNKNOWN_ADDRESS);
  }

  // --- T9: same priority ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void overlappingPoliciesOfOnePriorityThatDisagreeMakeTheVerdictAmbiguous(Impl impl) {
    // T9: evaluated in name order ("a-accept" first), and marked ambiguous where the order matters.
    Analysis i =
        impl.index(
            abc(
                admin(
                    "b-deny",
                    20,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, List.of(tcp(80, 80)), ns("y"))),
                admin(
                    "a-accept",
                    20,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Accept, ns("y")))));
    assertThat(i.allowed(YA, XA)).isEqualTo(PortSet.all());
    assertThat(i.ambiguous(YA, XA)).isEqualTo(PortSet.parse("TCP 80"));
    assertThat(i.ambiguous(XB, XA)).isEqualTo(PortSet.none());

    Verdict v = i.engine().check(YA, XA, TCP80);
    assertThat(v.ambiguous()).isTrue();
    assertThat(v.complete()).isFalse();
    assertThat(v.explanation().ambiguous()).isTrue();
    assertThat(v.explanation().ingress().alternatives())
        .extracting(TierStep::ruleText)
        .containsExactly("ClusterNetworkPolicy/b-deny (priority 20) rule 0");
    assertThat(i.engine().limitations())
        .extracting(Limitation::kind)
        .containsExactly(Limitation.Kind.AMBIGUOUS_PRIORITY);
    assertThat(i.engine().check(YA, XA, Port.tcp(81)).ambiguous()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void disjointOrAgreeingPoliciesOfOnePriorityAllApplyUnambiguously(Impl impl) {
    // T9: same priority, different subjects (upstream conformance PR #385): both apply; and two
    // that overlap but agree are not ambiguous either.
    Analysis i =
        impl.index(
            abc(
                admin("x-deny-y", 20, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y"))),
                admin("y-deny-x", 20, ns("y"), PolicyType.Ingress, rule(TierAction.Deny, ns("x"))),
                admin(
                    "x-deny-y-too",
                    20,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, ns("y")))));
    assertThat(i.allows(YA, XA, TCP80)).isFalse();
    assertThat(i.allows(XA, YA, TCP80)).isFalse();
    assertThat(i.allows(XA, XB, TCP80)).isTrue();
    for (Endpoint s : List.of(XA, XB, YA)) {
      for (Endpoint d : List.of(XA, XB, YA)) {
        if (!s.equals(d)) {
          assertThat(i.ambiguous(s, d)).as(s + " => " + d).isEqualTo(PortSet.none());
        }
      }
    }
    assertThat(i.engine().limitations()).isEmpty();
  }

  // --- T10: failing closed ---

  @ParameterizedTest
  @EnumSource(Impl.class)
  void aPeerOfANewerApiMakesAcceptMatchNothingAndDenyOrPassMatchEverything(Impl impl) {
    // T10: upstream's reading of a peer with no field this version knows.
    ClusterPeer unknown = new ClusterPeer.Unknown("serviceAccounts");
    Analysis accept =
        impl.index(
            abc(
                admin(
                    "accept-unknown",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Accept, unknown)),
                baseline(
                    "deny-y", 1, ns("x"), PolicyType.Ingress, rule(TierAction.Deny, ns("y")))));
    assertThat(accept.allows(YA, XA, TCP80)).as("the Accept matched nothing").isFalse();
    assertThat(accept.allows(XB, XA, TCP80)).isTrue();

    Analysis acceptBeside =
        impl.index(
            abc(
                admin(
                    "accept-unknown-or-y",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Accept, unknown, ns("y"))),
                baseline(
                    "deny-all",
                    1,
                    ns("x"),
                    PolicyType.Ingress,
                    rule(TierAction.Deny, allNamespaces()))));
    assertThat(acceptBeside.allows(YA, XA, TCP80)).as("the known peer still matches").isTrue();
    assertThat(acceptBeside.allows(XB, XA, TCP80)).isFalse();

    for (TierAction action : List.of(TierAction.Deny, TierAction.Pass)) {
      Analysis closed =
          impl.index(
              abc(
                  admin("closed", 1, ns("x"), PolicyType.Ingress, rule(action, unknown)),
                  admin(
                      "accept-all",
                      2,
                      ns("x"),
                      PolicyType.Ingress,
                      rule(TierAction.Accept, allNamespaces()))));
      List<String> open = new ArrayList<>();
      for (Endpoint s : List.of(XB, YA)) {
        if (closed.allows(s, XA, TCP80)) {
          open.add(s.toString());
        }
      }
      assertThat(open).as(action + " fails closed: denies everything").isEmpty();
      assertThat(closed.allows(XA, YA, TCP80)).as("egress untouched").isTrue();
    }
  }
}
