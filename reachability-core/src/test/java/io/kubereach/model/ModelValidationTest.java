package io.kubereach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @Test
  void policyTypesDefaultToIngressOnlyWhenEgressIsEmpty() {
    // S3: egress: [] alone does not isolate egress.
    NetworkPolicy p =
        new NetworkPolicy("ns", "p", LabelSelector.everything(), Set.of(), List.of(), List.of());
    assertThat(p.policyTypes()).containsExactly(PolicyType.Ingress);
  }

  @Test
  void policyTypesDefaultToIngressAndEgressWhenEgressHasARule() {
    // S3
    NetworkPolicy p =
        new NetworkPolicy(
            "ns", "p", LabelSelector.everything(), Set.of(), List.of(), List.of(Rule.allowAll()));
    assertThat(p.policyTypes()).containsExactly(PolicyType.Ingress, PolicyType.Egress);
  }

  @Test
  void rulesOfADirectionNotInPolicyTypesCountForNothing() {
    // S2: an Egress-only policy's ingress rules are ignored.
    NetworkPolicy p =
        new NetworkPolicy(
            "ns",
            "p",
            LabelSelector.everything(),
            Set.of(PolicyType.Egress),
            List.of(Rule.allowAll()),
            List.of());
    assertThat(p.rules(PolicyType.Ingress)).isEmpty();
    assertThat(p.affects(PolicyType.Ingress)).isFalse();
  }

  @Test
  void cidrIsNormalisedToItsPrefixBlock() {
    // S7: 10.244.1.11/4 means 0.0.0.0/4.
    assertThat(IpBlockPeer.of("10.244.1.11/4").cidr()).isEqualTo("0.0.0.0/4");
    assertThat(IpBlockPeer.of("2001:DB8:0:0:1::1/64").cidr()).isEqualTo("2001:db8::/64");
  }

  @Test
  void exceptMustBeAStrictSubsetOfItsCidr() {
    // S7
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.0/8", "11.0.0.0/16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ipBlock.except '11.0.0.0/16' must be a strict subset of cidr '10.0.0.0/8'");
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.0/8", "10.0.0.0/8"))
        .hasMessageContaining("strict subset");
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.0/8", "fd00::/64"))
        .hasMessageContaining("strict subset");
  }

  @Test
  void rejectsCidrsThatAreNotCidrs() {
    // S7: a bad CIDR changes the meaning, so it is an error.
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.0"))
        .hasMessage(
            "ipBlock.cidr '10.0.0.0' is not a CIDR; write an address with a prefix, e.g. 10.0.0.0/8");
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.300/8")).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> IpBlockPeer.of("10.*.0.0/8")).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> IpBlockPeer.of("10.0.0.0/33")).hasMessageContaining("not a valid");
  }

  @Test
  void aPeerNeedsASelectorOrAnIpBlock() {
    // S7: a peer with nothing is invalid.
    assertThatThrownBy(() -> new PodPeer(Optional.empty(), Optional.empty()))
        .hasMessage(
            "a peer needs a podSelector, a namespaceSelector or an ipBlock; this one has none");
  }

  @Test
  void endPortNeedsANumericPortNoGreaterThanIt() {
    // S9
    assertThat(PortSpec.range(Protocol.TCP, 8080, 8090).toString()).isEqualTo("TCP 8080-8090");
    assertThatThrownBy(() -> PortSpec.range(Protocol.TCP, 90, 80))
        .hasMessage("endPort 80 is less than port 90; endPort must be >= port");
    assertThatThrownBy(
            () -> new PortSpec(Protocol.TCP, Optional.of(PortRef.of("http")), OptionalInt.of(90)))
        .hasMessage("endPort 90 needs a numeric port; got http");
    assertThatThrownBy(() -> new PortSpec(Protocol.TCP, Optional.empty(), OptionalInt.of(90)))
        .hasMessage("endPort 90 needs a numeric port; got none");
  }

  @Test
  void portsMustBeInRange() {
    assertThatThrownBy(() -> Port.tcp(70000)).hasMessage("port 70000 is not in 1..65535");
    assertThatThrownBy(() -> Port.tcp(0)).hasMessage("port 0 is not in 1..65535");
    assertThatThrownBy(() -> PortSpec.range(Protocol.TCP, 1, 65536))
        .hasMessage("endPort 65536 is not in 1..65535");
  }

  @Test
  void selectorOperatorsFollowTheApiRules() {
    // S7a: In/NotIn need values, Exists/DoesNotExist take none.
    assertThatThrownBy(
            () -> new LabelSelector.Requirement("app", LabelSelector.Operator.In, Set.of()))
        .hasMessage("operator In on key 'app' needs at least one value");
    assertThatThrownBy(
            () -> new LabelSelector.Requirement("app", LabelSelector.Operator.Exists, Set.of("x")))
        .hasMessage("operator Exists on key 'app' takes no values; remove [x]");
    assertThatThrownBy(() -> LabelSelector.Operator.parse("in"))
        .hasMessage("unknown operator 'in'; expected In, NotIn, Exists or DoesNotExist");
  }

  @Test
  void selectorRequirementsAllMustHold() {
    // S7a
    LabelSelector s =
        new LabelSelector(
            Map.of("app", "web"),
            List.of(
                new LabelSelector.Requirement("tier", LabelSelector.Operator.NotIn, Set.of("db")),
                new LabelSelector.Requirement(
                    "legacy", LabelSelector.Operator.DoesNotExist, Set.of())));
    assertThat(s.matches(Map.of("app", "web"))).isTrue(); // NotIn holds for a missing key
    assertThat(s.matches(Map.of("app", "web", "tier", "db"))).isFalse();
    assertThat(s.matches(Map.of("app", "web", "legacy", "y"))).isFalse();
    assertThat(s.matches(Map.of("app", "api"))).isFalse();
    assertThat(s).hasToString("app=web,tier notin (db),!legacy");
    assertThat(LabelSelector.everything().matches(Map.of())).isTrue();
  }

  @Test
  void everyNamespaceCarriesItsNameLabel() {
    // S8: also when the manifest omits it, and the API server's value wins.
    assertThat(new Namespace("shop", Map.of("team", "a", Namespace.NAME_LABEL, "other")).labels())
        .containsExactly(entry(Namespace.NAME_LABEL, "shop"), entry("team", "a")); // key-sorted
  }

  @Test
  void namespacesReferencedButNotDeclaredExistWithOnlyTheirNameLabel() {
    // S8
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(new Namespace("a", Map.of("team", "x")))
            .add(Pod.of("b", "web", Map.of()))
            .build();
    assertThat(c.namespaces())
        .containsExactly(new Namespace("a", Map.of("team", "x")), Namespace.of("b"));
    assertThat(c.namespace("b").orElseThrow().labels())
        .containsExactlyEntriesOf(Map.of(Namespace.NAME_LABEL, "b"));
  }

  @Test
  void snapshotRejectsDuplicateNames() {
    assertThatThrownBy(
            () ->
                ClusterSnapshot.builder()
                    .add(Pod.of("a", "web", Map.of()))
                    .add(Pod.of("a", "web", Map.of("x", "y")))
                    .build())
        .hasMessage("duplicate Pod a/web; names must be unique per kind");
  }

  @Test
  void whatIfMethodsReturnNewSnapshotsAndLeaveTheOriginal() {
    NetworkPolicy deny =
        new NetworkPolicy("a", "deny", LabelSelector.everything(), Set.of(), List.of(), List.of());
    ClusterSnapshot c = ClusterSnapshot.builder().add(Pod.of("a", "web", Map.of())).build();
    ClusterSnapshot withDeny = c.withPolicy(deny);
    assertThat(c.policies()).isEmpty();
    assertThat(withDeny.policies()).containsExactly(deny);
    assertThat(withDeny.withoutPolicy("a", "deny")).isEqualTo(c);
    assertThat(
            c.withPodLabels("a", "web", Map.of("app", "x")).pod("a", "web").orElseThrow().labels())
        .containsEntry("app", "x");
    assertThatThrownBy(() -> c.withoutPolicy("a", "nope"))
        .hasMessage("policy a/nope is not in this snapshot; policies: []");
  }

  @Test
  void podIpsAreCanonical() {
    // S12: IPv6 is printed in RFC 5952 form.
    Pod p = Pod.of("a", "b", Map.of()).withIps(List.of("2001:DB8:0:0:0:0:0:1", "10.0.0.1"));
    assertThat(p.ips()).containsExactly("2001:db8::1", "10.0.0.1");
    assertThatThrownBy(() -> p.withIps(List.of("10.0.0.0/24")))
        .hasMessageContaining("is not a single IP address");
  }

  @Test
  void externalEndpointsPrintAsRanges() {
    ExternalEndpoint e = new ExternalEndpoint("10.0.0.0", "10.255.255.255");
    assertThat(e).hasToString("10.0.0.0-10.255.255.255[External]");
    assertThat(e.contains("10.1.2.3")).isTrue();
    assertThat(e.contains("11.0.0.0")).isFalse();
    assertThat(Endpoint.parse(e.toString())).isEqualTo(e);
    assertThat(Endpoint.ip("1.2.3.4")).hasToString("1.2.3.4-1.2.3.4[External]");
    assertThatThrownBy(() -> new ExternalEndpoint("10.0.0.9", "10.0.0.1"))
        .hasMessageContaining("end is below its start");
  }

  @Test
  void workloadEndpointsRoundTrip() {
    // S15
    Endpoint web = Endpoint.workload(WorkloadKind.Deployment, "shop", "web");
    assertThat(web).hasToString("shop/web[Deployment]");
    assertThat(Endpoint.parse("shop/web[Deployment]")).isEqualTo(web);
    assertThat(Endpoint.parse("shop/db-0[Pod]")).isEqualTo(Endpoint.pod("shop", "db-0"));
  }
}
