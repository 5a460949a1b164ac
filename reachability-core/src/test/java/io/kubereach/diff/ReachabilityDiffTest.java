package io.kubereach.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.ConnectionChange;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityDiff;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachabilityDiffTest {

  private static final ClusterSnapshot SHOP =
      ClusterSnapshot.builder()
          .add(io.kubereach.model.Pod.of("shop", "web", Map.of("app", "web")))
          .add(io.kubereach.model.Pod.of("shop", "db", Map.of("app", "db")))
          .build();

  private static final NetworkPolicy DB_FROM_WEB =
      new NetworkPolicy(
          "shop",
          "db-from-web",
          LabelSelector.matchLabels(Map.of("app", "db")),
          Set.of(PolicyType.Ingress),
          List.of(
              new Rule(
                  List.of(PodPeer.pods(LabelSelector.matchLabels(Map.of("app", "web")))),
                  List.of(PortSpec.number(Protocol.TCP, 5432)))),
          List.of());

  private static ReachabilityDiff diff(ClusterSnapshot before, ClusterSnapshot after) {
    return ReachabilityDiff.between(Reachability.index(before), Reachability.index(after));
  }

  @Test
  void identicalSnapshotsHaveNoChanges() {
    ClusterSnapshot c = SHOP.withPolicy(DB_FROM_WEB);
    assertThat(diff(c, c).isEmpty()).isTrue();
    assertThat(diff(c, c)).hasToString("ReachabilityDiff[0 added, 0 removed, 0 changed]");
  }

  @Test
  void addingAnIngressPolicyNarrowsAndRemovesConnections() {
    ReachabilityDiff d = diff(SHOP, SHOP.withPolicy(DB_FROM_WEB));
    assertThat(d.changes())
        .extracting(ConnectionChange::toString)
        .containsExactly(
            "- 0.0.0.0-255.255.255.255[External] => shop/db[Pod] : All Connections",
            "~ shop/web[Pod] => shop/db[Pod] : All Connections -> TCP 5432");
    ConnectionChange narrowed = d.changes(ConnectionChange.Kind.CHANGED).get(0);
    assertThat(narrowed.gained()).isEqualTo(PortSet.none());
    assertThat(narrowed.lost()).isEqualTo(PortSet.all().difference(PortSet.parse("TCP 5432")));
  }

  @Test
  void removingThePolicyIsTheReverseChange() {
    ReachabilityDiff d = diff(SHOP.withPolicy(DB_FROM_WEB), SHOP);
    assertThat(d.changes())
        .extracting(ConnectionChange::toString)
        .containsExactly(
            "+ 0.0.0.0-255.255.255.255[External] => shop/db[Pod] : All Connections",
            "~ shop/web[Pod] => shop/db[Pod] : TCP 5432 -> All Connections");
    assertThat(d.involving(Endpoint.pod("shop", "web"))).hasSize(1);
    assertThat(d.involving(Endpoint.ip("10.1.2.3"))).hasSize(1);
  }

  @Test
  void externalRangesCompareAsFunctionsOverTheAddressSpace() {
    // Egress from web to 10.0.0.0/8 except 10.1.0.0/16; then the except goes away: only the
    // except range changes, although both sides cut the address space differently.
    NetworkPolicy before = egressTo(IpBlockPeer.of("10.0.0.0/8", "10.1.0.0/16"));
    NetworkPolicy after = egressTo(IpBlockPeer.of("10.0.0.0/8"));
    ReachabilityDiff d = diff(SHOP.withPolicy(before), SHOP.withPolicy(after));
    assertThat(d.changes())
        .extracting(ConnectionChange::toString)
        .containsExactly("+ shop/web[Pod] => 10.1.0.0-10.1.255.255[External] : TCP 443");
  }

  @Test
  void changesRejectAnUnchangedPair() {
    assertThatThrownBy(
            () ->
                new ConnectionChange(
                    Endpoint.pod("a", "b"), Endpoint.pod("a", "c"), PortSet.all(), PortSet.all()))
        .hasMessage("a/b[Pod] => a/c[Pod] did not change (All Connections)");
  }

  private static NetworkPolicy egressTo(IpBlockPeer block) {
    return new NetworkPolicy(
        "shop",
        "web-egress",
        LabelSelector.matchLabels(Map.of("app", "web")),
        Set.of(PolicyType.Egress),
        List.of(),
        List.of(new Rule(List.of(block), List.of(PortSpec.number(Protocol.TCP, 443)))));
  }
}
