package io.kubereach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.testing.Build;
import io.kubereach.testing.RandomClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public result types: texts, equality, errors and thread-safety. */
class ApiTest {
  private static final ClusterSnapshot SHOP = Build.webToDbOn5432();

  @Test
  void connectionPrintsTheListLineGrammar() {
    // docs/cli.md: the list line grammar
    assertThat(Reachability.index(SHOP).reachableTo(Endpoint.pod("shop", "db")))
        .extracting(Connection::toString)
        .containsExactly("shop/web[Pod] => shop/db[Pod] : TCP 5432");
    assertThatThrownBy(
            () -> new Connection(Endpoint.pod("a", "b"), Endpoint.pod("a", "c"), PortSet.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no ports");
  }

  @Test
  void explanationNamesThePolicyAndRuleOnEachSide() {
    // S2, S4, S5
    ReachabilityIndex index = Reachability.index(SHOP);
    Explanation allowed =
        index.explain(Endpoint.pod("shop", "web"), Endpoint.pod("shop", "db"), Port.tcp(5432));
    assertThat(allowed.toString())
        .isEqualTo(
            "shop/web[Pod] => shop/db[Pod] on TCP 5432: allowed\n"
                + "  egress of shop/web[Pod]: not isolated, no policy selects it for Egress (S1)\n"
                + "  ingress of shop/db[Pod]: isolated by [shop/db]; allowed by [shop/db rule 0]");
    Explanation denied =
        index.explain(Endpoint.ip("10.0.0.1"), Endpoint.pod("shop", "db"), Port.tcp(5432));
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.egress().outcome()).isEqualTo(Explanation.Outcome.EXTERNAL);
    assertThat(denied.ingress().toString())
        .isEqualTo(
            "ingress of shop/db[Pod]: isolated by [shop/db]; no rule admits 10.0.0.1-10.0.0.1[External] on this port");
  }

  @Test
  void verdictEqualityIgnoresTheLazyExplanation() {
    ReachabilityIndex index = Reachability.index(SHOP);
    Verdict a =
        index.check(Endpoint.pod("shop", "web"), Endpoint.pod("shop", "db"), Port.tcp(5432));
    Verdict b =
        index.check(Endpoint.pod("shop", "web"), Endpoint.pod("shop", "db"), Port.tcp(5432));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.explanation()).isSameAs(a.explanation());
    assertThat(a).hasToString("shop/web[Pod] => shop/db[Pod] on TCP 5432: allowed");
  }

  @Test
  void verdictsComeOnlyFromAnIndexSoTheExplanationAgreesWithAllowed() {
    // S5: allowed() and explanation().allowed() are one answer; a public constructor taking any
    // Supplier<Explanation> could make them disagree.
    assertThat(Verdict.class.getConstructors()).isEmpty();
    Verdict v =
        Reachability.index(SHOP)
            .check(Endpoint.pod("shop", "db"), Endpoint.pod("shop", "web"), Port.tcp(80));
    assertThat(v.explanation().allowed()).isEqualTo(v.allowed());
  }

  @Test
  void unknownEndpointsAreRejectedWithTheEndpointsThatExist() {
    ReachabilityIndex index = Reachability.index(SHOP);
    assertThatThrownBy(
            () -> index.check(Endpoint.pod("shop", "api"), Endpoint.pod("shop", "db"), Port.tcp(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "endpoint shop/api[Pod] is not in this snapshot; endpoints in shop: [db[Pod], web[Pod]]");
  }

  @Test
  void anIndexAnswersAlikeFromManyThreads() throws Exception {
    // docs/architecture.md: immutable and thread-safe after construction.
    ClusterSnapshot cluster = RandomClusters.generate(7);
    ReachabilityIndex index = Reachability.index(cluster);
    List<Connection> expected = Reachability.index(cluster).connections();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Connection>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(index::connections));
      }
      for (Future<List<Connection>> f : results) {
        assertThat(f.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void indexDescribesItselfWithCounts() {
    assertThat(Reachability.index(SHOP).toString())
        .startsWith("ReachabilityIndex[2 endpoints, 2 pods");
  }
}
