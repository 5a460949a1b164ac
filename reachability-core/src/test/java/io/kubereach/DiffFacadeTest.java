package io.kubereach;

import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Owner;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.testing.Build;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Reachability#diff}, pod-granularity diffs and why each change happened. */
class DiffFacadeTest {
  private static final ClusterSnapshot SHOP = Build.webToDbOn5432();

  private static final Endpoint WEB = Endpoint.pod("shop", "web");
  private static final Endpoint DB = Endpoint.pod("shop", "db");

  @Test
  void removingTheOnlyIpv6MentionIsNoChangeOfTheIpv6Space() {
    // S12: IPv6 is listed only when an input mentions it; a diff compares on the same space.
    ClusterSnapshot before =
        ClusterSnapshot.builder()
            .add(pod("x", "a", "app=a"))
            .add(
                policy("x", "a-in")
                    .select("app=a")
                    .ingress(Build.from(Build.block("::/0")), Build.from(pods()))
                    .build())
            .build();
    ClusterSnapshot after =
        before.withPolicy(policy("x", "a-in").select("app=a").ingress(Build.from(pods())).build());
    assertThat(Reachability.diff(before, after).changes())
        .extracting(ConnectionChange::toString)
        .containsExactly(
            "- ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => x/a[Pod] : All Connections");
  }

  @Test
  void facadeDiffComparesTwoSnapshotsAtWorkloadGranularity() {
    ReachabilityDiff d = Reachability.diff(SHOP, SHOP.withoutPolicy("shop", "db"));
    assertThat(d.changes())
        .extracting(ConnectionChange::toString)
        .containsExactly(
            "+ 0.0.0.0-255.255.255.255[External] => shop/db[Pod] : All Connections",
            "~ shop/web[Pod] => shop/db[Pod] : TCP 5432 -> All Connections");
    assertThat(d.before()).isPresent();
    assertThat(d.after().orElseThrow().snapshot()).isEqualTo(SHOP.withoutPolicy("shop", "db"));
    assertThat(Reachability.diff(SHOP, SHOP).isEmpty()).isTrue();
  }

  @Test
  void facadeDiffHonoursOptions() {
    // S12: with ipBlocks external only, a block holding a pod IP does not admit the pod.
    ClusterSnapshot withIp =
        ClusterSnapshot.builder()
            .add(pod("shop", "web", "app=web").withIps(List.of("10.0.0.5")))
            .add(pod("shop", "db", "app=db"))
            .build();
    ClusterSnapshot blockOnly =
        withIp.withPolicy(
            policy("shop", "db")
                .select("app=db")
                .ingress(rule(List.of(io.kubereach.testing.Build.block("10.0.0.0/24"))))
                .build());
    AnalysisOptions externalOnly = AnalysisOptions.externalOnly();
    assertThat(Reachability.diff(withIp, blockOnly).involving(WEB)).isEmpty();
    assertThat(Reachability.diff(withIp, blockOnly, externalOnly).involving(WEB))
        .extracting(ConnectionChange::toString)
        .containsExactly("- shop/web[Pod] => shop/db[Pod] : All Connections");
  }

  @Test
  void explainsAChangeOnTheLowestGainedTcpPort() {
    // S1 after, S2 and S4 before
    ReachabilityDiff d = Reachability.diff(SHOP, SHOP.withoutPolicy("shop", "db"));
    ConnectionChange widened = d.involving(WEB).get(0);
    ChangeExplanation why = d.explain(widened);
    assertThat(why.port()).isEqualTo(Port.tcp(1));
    assertThat(why.before().orElseThrow().allowed()).isFalse();
    assertThat(why.before().orElseThrow().ingress().isolatedBy())
        .extracting(Object::toString)
        .containsExactly("shop/db");
    assertThat(why.after().orElseThrow().allowed()).isTrue();
    assertThat(why.after().orElseThrow().ingress().outcome())
        .isEqualTo(Explanation.Outcome.NOT_ISOLATED);
    assertThat(why.toString())
        .isEqualTo(
            "~ shop/web[Pod] => shop/db[Pod] : TCP 5432 -> All Connections (explained on TCP 1)\n"
                + "before: shop/web[Pod] => shop/db[Pod] on TCP 1: denied\n"
                + "    egress of shop/web[Pod]: not isolated, no policy selects it for Egress (S1)\n"
                + "    ingress of shop/db[Pod]: isolated by [shop/db]; no rule admits shop/web[Pod]"
                + " on this port\n"
                + "after: shop/web[Pod] => shop/db[Pod] on TCP 1: allowed\n"
                + "    egress of shop/web[Pod]: not isolated, no policy selects it for Egress (S1)\n"
                + "    ingress of shop/db[Pod]: not isolated, no policy selects it for Ingress (S1)");
  }

  @Test
  void explainsALostPortWhenNothingWasGained() {
    ReachabilityDiff d = Reachability.diff(SHOP.withoutPolicy("shop", "db"), SHOP);
    ConnectionChange narrowed = d.involving(WEB).get(0);
    assertThat(narrowed.gained()).isEqualTo(PortSet.none());
    ChangeExplanation why = d.explain(narrowed);
    assertThat(why.port()).isEqualTo(Port.tcp(1));
    assertThat(why.before().orElseThrow().allowed()).isTrue();
    assertThat(why.after().orElseThrow().allowed()).isFalse();
    assertThat(d.explain(narrowed, Port.tcp(5432)).after().orElseThrow().ingress().allowedBy())
        .extracting(Explanation.RuleRef::toString)
        .containsExactly("shop/db rule 0");
  }

  @Test
  void anEndMissingFromOneSnapshotHasNoExplanationThere() {
    ClusterSnapshot grown = SHOP.withPod(pod("shop", "api", "app=api"));
    ReachabilityDiff d = Reachability.diff(SHOP, grown);
    ConnectionChange added =
        d.changes().stream()
            .filter(
                c -> c.source().equals(Endpoint.pod("shop", "api")) && c.destination().equals(WEB))
            .findFirst()
            .orElseThrow();
    ChangeExplanation why = d.explain(added);
    assertThat(why.before()).isEmpty();
    assertThat(why.after().orElseThrow().allowed()).isTrue();
    assertThat(why.toString()).contains("before: an end of this connection is not in the snapshot");
  }

  @Test
  void explainRejectsForeignChangesAndListMadeDiffs() {
    ReachabilityDiff d = Reachability.diff(SHOP, SHOP.withoutPolicy("shop", "db"));
    ConnectionChange foreign =
        new ConnectionChange(DB, WEB, PortSet.none(), PortSet.parse("TCP 1"));
    assertThatThrownBy(() -> d.explain(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "change + shop/db[Pod] => shop/web[Pod] : TCP 1 is not one of the 2 changes of this"
                + " diff; pass an element of changes()");
    ReachabilityDiff fromLists =
        ReachabilityDiff.of(
            Reachability.index(SHOP).connections(),
            Reachability.index(SHOP.withoutPolicy("shop", "db")).connections());
    assertThat(fromLists.before()).isEmpty();
    assertThatThrownBy(() -> fromLists.explain(fromLists.changes().get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keeps no index");
  }

  @Test
  void podGranularityDiffShowsEachReplica() {
    // S15: two pods of one ReplicaSet are one endpoint at workload granularity.
    Owner rs = new Owner("ReplicaSet", "api-7d9f");
    ClusterSnapshot before =
        ClusterSnapshot.builder()
            .add(pod("shop", "db", "app=db"))
            .add(pod("shop", "api-7d9f-a", "app=api").withOwner(rs))
            .add(pod("shop", "api-7d9f-b", "app=api").withOwner(rs))
            .add(
                policy("shop", "db")
                    .select("app=db")
                    .ingress(rule(List.of(pods("app=api")), tcp(5432)))
                    .build())
            .build();
    ClusterSnapshot after = before.withPodLabels("shop", "api-7d9f-b", Map.of("app", "other"));
    ReachabilityIndex b = Reachability.index(before);
    ReachabilityIndex a = Reachability.index(after);

    assertThat(ReachabilityDiff.between(b, a).involving(DB)).isEmpty(); // some replica still can
    ReachabilityDiff pods = ReachabilityDiff.betweenPods(b, a);
    assertThat(pods.involving(DB))
        .extracting(ConnectionChange::toString)
        .containsExactly("- shop/api-7d9f-b[Pod] => shop/db[Pod] : TCP 5432");
    ChangeExplanation why = pods.explain(pods.involving(DB).get(0));
    assertThat(why.port()).isEqualTo(Port.tcp(5432));
    assertThat(why.after().orElseThrow().ingress().outcome()).isEqualTo(Explanation.Outcome.DENIED);
    assertThat(why.after().orElseThrow().ingress().direction()).isEqualTo(PolicyType.Ingress);
  }
}
