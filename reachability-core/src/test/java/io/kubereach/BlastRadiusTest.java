package io.kubereach;

import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.BlastRadius.Hop;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.testing.RandomClusters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Blast radius and attack paths (docs/verify.md) on a known chain, and against a naive search. */
class BlastRadiusTest {

  private static final Endpoint WEB = Endpoint.pod("x", "web");
  private static final Endpoint API = Endpoint.pod("x", "api");
  private static final Endpoint DB = Endpoint.pod("x", "db");

  /** web -> api -> db, nothing else; web takes traffic from anywhere. */
  private static ReachabilityIndex chain() {
    return Reachability.index(
        ClusterSnapshot.builder()
            .add(pod("x", "web", "app=web"))
            .add(pod("x", "api", "app=api"))
            .add(pod("x", "db", "app=db"))
            .add(policy("x", "deny").types(PolicyType.Ingress, PolicyType.Egress).build())
            .add(
                policy("x", "web-in")
                    .select("app=web")
                    .ingress(io.kubereach.model.Rule.allowAll())
                    .build())
            .add(
                policy("x", "web-out")
                    .select("app=web")
                    .types(PolicyType.Egress)
                    .egress(to("app=api"))
                    .build())
            .add(policy("x", "api-in").select("app=api").ingress(from(pods("app=web"))).build())
            .add(
                policy("x", "api-out")
                    .select("app=api")
                    .types(PolicyType.Egress)
                    .egress(to("app=db"))
                    .build())
            .add(policy("x", "db-in").select("app=db").ingress(from(pods("app=api"))).build())
            .build());
  }

  private static io.kubereach.model.Rule to(String labels) {
    return new io.kubereach.model.Rule(List.of(pods(labels)), List.of());
  }

  @Test
  void hopByHopWithTheShortestPathAndItsRules() {
    ReachabilityIndex index = chain();
    BlastRadius one = index.blastRadius(WEB, 1);
    assertThat(one.reached())
        .extracting(r -> r.endpoint().toString())
        .containsExactly("x/api[Pod]");
    BlastRadius two = index.blastRadius(WEB, 5);
    assertThat(two.reached())
        .extracting(r -> r.hops() + " " + r.endpoint())
        .containsExactly("1 x/api[Pod]", "2 x/db[Pod]");
    List<Hop> path = two.to(DB).orElseThrow().path();
    assertThat(path)
        .extracting(Hop::toString)
        .containsExactly(
            "x/web[Pod] => x/api[Pod] : All Connections",
            "x/api[Pod] => x/db[Pod] : All Connections");
    assertThat(path.get(1).because()).contains("x/api-out rule 0").contains("x/db-in rule 0");
    assertThat(index.blastRadius(DB, 5).reached()).isEmpty();
  }

  @Test
  void fromTheInternetAndToATargetWithItsChokePoints() {
    ReachabilityIndex index = chain();
    assertThat(index.blastRadiusFromInternet(5).reached())
        .extracting(r -> r.hops() + " " + r.endpoint())
        .containsExactly("1 x/web[Pod]", "2 x/api[Pod]", "3 x/db[Pod]");
    BlastRadius.TargetPath toDb = index.pathTo(Optional.empty(), DB);
    assertThat(toDb.reached()).isTrue();
    assertThat(toDb.path()).hasSize(3);
    assertThat(toDb.chokePoints()).hasSize(1);
    BlastRadius.TargetPath dbToWeb = index.pathTo(Optional.of(DB), WEB);
    assertThat(dbToWeb.reached()).isFalse();
    assertThat(dbToWeb.chokePoints()).isEmpty();
    assertThatThrownBy(() -> index.blastRadius(Endpoint.pod("x", "nope"), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(index.connectionGraph().vertexSet()).contains(WEB, API, DB);
  }

  /**
   * Every path is a chain of allowed connections, and nothing a naive search reaches is missing.
   */
  @Test
  void agreesWithANaiveSearchOverCheckOnRandomClusters() {
    int clusters = Math.max(1, Integer.getInteger("kubereach.property.clusters", 2000) / 20);
    for (long seed = 0; seed < clusters; seed++) {
      ReachabilityIndex index = Reachability.index(RandomClusters.generate(seed));
      List<WorkloadEndpoint> all = index.endpoints();
      if (all.isEmpty()) {
        continue;
      }
      WorkloadEndpoint source = all.get(0);
      BlastRadius r = index.blastRadius(source, 10);
      Map<Endpoint, Integer> naive = naive(index, source, all);
      Map<Endpoint, Integer> engine = new HashMap<>();
      r.reached().forEach(x -> engine.put(x.endpoint(), x.hops()));
      assertThat(engine).as("seed %d", seed).isEqualTo(naive);
      for (BlastRadius.Reached x : r.reached()) {
        for (Hop h : x.path()) {
          PortSet ports = index.allowed(h.from(), h.to());
          assertThat(ports.isEmpty()).as("seed %d hop %s", seed, h).isFalse();
        }
        assertThat(x.path()).hasSize(x.hops());
      }
    }
  }

  /** Breadth-first over pairs whose allowed ports are not empty (external ranges not entered). */
  private static Map<Endpoint, Integer> naive(
      ReachabilityIndex index, WorkloadEndpoint source, List<WorkloadEndpoint> all) {
    Map<Endpoint, Integer> depth = new HashMap<>();
    depth.put(source, 0);
    Deque<WorkloadEndpoint> queue = new ArrayDeque<>(List.of(source));
    while (!queue.isEmpty()) {
      WorkloadEndpoint at = queue.poll();
      int d = depth.get(at);
      if (d >= 10) {
        continue;
      }
      for (WorkloadEndpoint next : all) {
        if (!next.equals(at) && !depth.containsKey(next) && !index.allowed(at, next).isEmpty()) {
          depth.put(next, d + 1);
          queue.add(next);
        }
      }
    }
    depth.remove(source);
    depth.keySet().removeIf(e -> e instanceof ExternalEndpoint);
    return depth;
  }
}
