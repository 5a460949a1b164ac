package io.kubereach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.Port;
import io.kubereach.testing.RandomClusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link ReachabilityIndex#with}: an index of a changed snapshot, built from an old index, answers
 * exactly as a fresh index of the changed snapshot does, on thousands of seeded random changes
 * (add, remove and edit a policy; relabel a pod or a namespace; add, remove or reorder pods), each
 * also chained onto the result of another. A failure names the seed and the change.
 */
class IncrementalWhatIfPropertyTest {
  private static final List<Port> PORTS =
      List.of(Port.tcp(80), Port.tcp(443), Port.tcp(5432), Port.tcp(8080), Port.udp(53));

  /** One kind of change, and how to make it on a snapshot; null when the snapshot has none. */
  private enum Change {
    REMOVE_POLICY(
        (c, r) -> {
          if (c.policies().isEmpty()) {
            return null;
          }
          NetworkPolicy p = c.policies().get(r.nextInt(c.policies().size()));
          return c.withoutPolicy(p.namespace(), p.name());
        }),
    ADD_POLICY(
        (c, r) -> {
          if (c.policies().isEmpty()) {
            return null;
          }
          NetworkPolicy p = c.policies().get(r.nextInt(c.policies().size()));
          String ns = c.namespaces().get(r.nextInt(c.namespaces().size())).name();
          return c.withPolicy(
              new NetworkPolicy(
                  ns, "what-if", p.podSelector(), p.policyTypes(), p.ingress(), p.egress()));
        }),
    EDIT_POLICY(
        (c, r) -> {
          if (c.policies().isEmpty()) {
            return null;
          }
          NetworkPolicy p = c.policies().get(r.nextInt(c.policies().size()));
          // Its ingress rules dropped, or its egress rules: what a reviewer tries first.
          return c.withPolicy(
              r.nextBoolean()
                  ? new NetworkPolicy(
                      p.namespace(),
                      p.name(),
                      p.podSelector(),
                      p.policyTypes(),
                      List.of(),
                      p.egress())
                  : new NetworkPolicy(
                      p.namespace(),
                      p.name(),
                      p.podSelector(),
                      p.policyTypes(),
                      p.ingress(),
                      List.of()));
        }),
    RELABEL_POD(
        (c, r) -> {
          if (c.pods().isEmpty()) {
            return null;
          }
          Pod p = c.pods().get(r.nextInt(c.pods().size()));
          Pod like = c.pods().get(r.nextInt(c.pods().size()));
          return c.withPodLabels(p.namespace(), p.name(), like.labels());
        }),
    RELABEL_NAMESPACE(
        (c, r) -> {
          Namespace n = c.namespaces().get(r.nextInt(c.namespaces().size()));
          Namespace like = c.namespaces().get(r.nextInt(c.namespaces().size()));
          Map<String, String> labels = new java.util.HashMap<>(like.labels());
          labels.remove(Namespace.NAME_LABEL);
          return c.withNamespaceLabels(n.name(), labels);
        }),
    ADD_POD(
        (c, r) -> {
          if (c.pods().isEmpty()) {
            return null;
          }
          Pod like = c.pods().get(r.nextInt(c.pods().size()));
          return c.withPod(
              new Pod(
                  like.namespace(),
                  "what-if",
                  like.labels(),
                  like.ports(),
                  like.owner(),
                  List.of(),
                  like.hostNetwork()));
        }),
    REORDER_PODS(
        (c, r) -> {
          if (c.pods().size() < 2) {
            return null;
          }
          // The same pods in another order: none changed, every one at another place.
          List<Pod> pods = new ArrayList<>(c.pods());
          java.util.Collections.rotate(pods, 1 + r.nextInt(pods.size() - 1));
          return withPods(c, pods);
        }),
    REMOVE_POD(
        (c, r) -> {
          if (c.pods().isEmpty()) {
            return null;
          }
          List<Pod> pods = new ArrayList<>(c.pods());
          pods.remove(r.nextInt(pods.size()));
          return withPods(c, pods);
        });

    /** {@code c} with these pods instead of its own, everything else the same. */
    private static ClusterSnapshot withPods(ClusterSnapshot c, List<Pod> pods) {
      return new ClusterSnapshot(
          c.namespaces(),
          pods,
          c.workloads(),
          c.services(),
          c.policies(),
          c.clusterPolicies(),
          c.nodes(),
          c.limitations());
    }

    final BiFunction<ClusterSnapshot, Random, ClusterSnapshot> make;

    Change(BiFunction<ClusterSnapshot, Random, ClusterSnapshot> make) {
      this.make = make;
    }
  }

  private static int clusters() {
    return Math.max(1, Integer.getInteger("kubereach.property.clusters", 2000));
  }

  @Test
  void anIndexOfAChangeAnswersAsAFreshIndexOfIt() {
    Map<Change, Integer> tried = new EnumMap<>(Change.class);
    long checks = 0;
    for (long seed = 0; seed < clusters(); seed++) {
      Random r = new Random(seed);
      AnalysisOptions options =
          seed % 2 == 0 ? AnalysisOptions.defaults() : AnalysisOptions.externalOnly();
      ClusterSnapshot base = RandomClusters.generate(seed);
      ReachabilityIndex index = Reachability.index(base, options);
      ReachabilityIndex at = index;
      for (int step = 0; step < 3; step++) {
        Change change = Change.values()[r.nextInt(Change.values().length)];
        ClusterSnapshot changed = change.make.apply(at.snapshot(), r);
        if (changed == null) {
          continue;
        }
        tried.merge(change, 1, Integer::sum);
        ReachabilityIndex incremental = at.with(changed);
        ReachabilityIndex fresh = Reachability.index(changed, options);
        checks += agree("seed " + seed + " step " + step + " " + change, incremental, fresh, r);
        at = incremental; // the next change builds on this one: a chain of what-ifs
      }
    }
    System.out.printf(
        "incremental what-if: %d clusters, changes %s, %d checks, no disagreement%n",
        clusters(), tried, checks);
    assertThat(tried).hasSize(Change.values().length);
  }

  @Test
  void answersBeforeTheMatricesAreBuiltAreTheAnswersAfter() {
    // Without tiers, a new index answers its first questions from two sides each and builds its
    // matrices later (docs/architecture.md, "The pipeline"): both ways must agree everywhere.
    long compared = 0;
    for (long seed = 0; seed < clusters() / 4; seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed);
      ReachabilityIndex lazy = Reachability.index(c);
      ReachabilityIndex built = Reachability.index(c);
      built.connections(); // needs every cell: builds the matrices
      List<? extends Endpoint> pods = built.podEndpoints();
      for (Endpoint s : pods) {
        for (Endpoint d : pods) {
          for (Port port : PORTS) {
            assertThat(lazy.check(s, d, port).allowed())
                .as("seed " + seed + " " + s + " => " + d + " " + port)
                .isEqualTo(built.check(s, d, port).allowed());
            compared++;
          }
        }
      }
    }
    assertThat(compared).isPositive();
  }

  private static long agree(
      String what, ReachabilityIndex incremental, ReachabilityIndex fresh, Random r) {
    assertThat(incremental.snapshot()).as(what).isEqualTo(fresh.snapshot());
    assertThat(incremental.endpoints()).as(what).isEqualTo(fresh.endpoints());
    // Checks first: before a listing needs every matrix, both answer from the two sides concerned.
    long checks = checks(what, incremental, fresh, r);
    assertThat(incremental.connections()).as(what).isEqualTo(fresh.connections());
    assertThat(incremental.podConnections()).as(what).isEqualTo(fresh.podConnections());
    assertThat(incremental.warnings()).as(what).isEqualTo(fresh.warnings());
    assertThat(incremental.limitations()).as(what).isEqualTo(fresh.limitations());
    return checks + checks(what, incremental, fresh, r);
  }

  /** Twenty random checks and explanations, which must agree. */
  private static long checks(
      String what, ReachabilityIndex incremental, ReachabilityIndex fresh, Random r) {
    List<? extends Endpoint> pods = fresh.podEndpoints();
    long checks = 0;
    for (int i = 0; i < 20 && pods.size() > 1; i++) {
      Endpoint s = pods.get(r.nextInt(pods.size()));
      Endpoint d = pods.get(r.nextInt(pods.size()));
      Port port = PORTS.get(r.nextInt(PORTS.size()));
      Verdict a = incremental.check(s, d, port);
      Verdict b = fresh.check(s, d, port);
      assertThat(a.allowed()).as(what + " " + s + " => " + d + " " + port).isEqualTo(b.allowed());
      assertThat(a.ambiguous()).as(what).isEqualTo(b.ambiguous());
      assertThat(incremental.explain(s, d, port).toString())
          .as(what)
          .isEqualTo(fresh.explain(s, d, port).toString());
      checks++;
    }
    return checks;
  }
}
