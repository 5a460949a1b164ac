package io.kubereach.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ClusterSnapshot#apply}: what a cluster is once a folder is applied to it (S15). */
class ClusterSnapshotApplyTest {
  private static final ContainerPort HTTP =
      new ContainerPort(Optional.of("http"), 8080, Protocol.TCP);

  private static Workload deployment(String name, Map<String, String> labels) {
    return new Workload(WorkloadKind.Deployment, "shop", name, 2, labels, List.of(HTTP), false);
  }

  private static Pod pod(String name, Owner owner, Map<String, String> labels) {
    return Pod.of("shop", name, labels).withOwner(owner).withPorts(List.of(HTTP));
  }

  /** A live cluster: web and api Deployments, each with its ReplicaSet and two running pods. */
  private static ClusterSnapshot live() {
    ClusterSnapshot.Builder b =
        ClusterSnapshot.builder().add(new Namespace("shop", Map.of("team", "a", "env", "dev")));
    for (String app : List.of("web", "api")) {
      Map<String, String> labels = Map.of("app", app, "track", "old");
      b.add(deployment(app, labels));
      b.add(
          new Workload(
                  WorkloadKind.ReplicaSet, "shop", app + "-7d9f", 2, labels, List.of(HTTP), false)
              .withOwner(new Owner("Deployment", app)));
      for (int i = 1; i <= 2; i++) {
        b.add(pod(app + "-7d9f-" + i, new Owner("ReplicaSet", app + "-7d9f"), labels));
      }
    }
    b.add(Pod.of("shop", "debug", Map.of("app", "debug")));
    return b.build();
  }

  @Test
  void aReplacedWorkloadLosesTheObjectsItsControllerWillReplace() {
    ClusterSnapshot applied =
        ClusterSnapshot.builder()
            .add(deployment("web", Map.of("app", "web", "track", "new")))
            .build();

    ClusterSnapshot next = live().apply(applied);

    assertThat(next.workloads())
        .extracting(Object::toString)
        .containsExactly(
            deployment("web", Map.of("app", "web", "track", "new")).toString(),
            live().workloads().get(2).toString(),
            live().workloads().get(3).toString());
    assertThat(next.pods())
        .extracting(Pod::name)
        .containsExactly("api-7d9f-1", "api-7d9f-2", "debug");
    // The new template stands for web: its members carry the new labels.
    ReachabilityIndex index = Reachability.index(next);
    assertThat(index.members(index.resolve("shop/web")))
        .allSatisfy(m -> assertThat(m.labels()).containsEntry("track", "new"));
  }

  @Test
  void aWorkloadAppliedWithTheTemplateItRunsKeepsItsPods() {
    ClusterSnapshot applied =
        ClusterSnapshot.builder()
            .add(
                new Workload(
                    WorkloadKind.Deployment,
                    "shop",
                    "web",
                    5, // scaled, same template
                    Map.of("app", "web", "track", "old"),
                    List.of(HTTP),
                    false))
            .build();

    ClusterSnapshot next = live().apply(applied);

    assertThat(next.pods()).isEqualTo(live().pods());
    assertThat(next.workload(WorkloadKind.Deployment, "shop", "web").orElseThrow().replicas())
        .isEqualTo(5);
  }

  @Test
  void aNamespaceMergesLabelsAsKubectlApplyDoesAndNewObjectsAreAdded() {
    ClusterSnapshot applied =
        ClusterSnapshot.builder()
            .add(new Namespace("shop", Map.of("env", "prod")))
            .add(Pod.of("other", "lonely", Map.of()))
            .add(Pod.of("shop", "debug", Map.of("app", "debug", "v", "2")))
            .build();

    ClusterSnapshot next = live().apply(applied);

    assertThat(next.namespace("shop").orElseThrow().labels())
        .containsEntry("team", "a")
        .containsEntry("env", "prod");
    // `other` is only referred to: it exists with its name label and nothing else.
    assertThat(next.namespace("other"))
        .map(Namespace::labels)
        .isEqualTo(Optional.of(Namespace.of("other").labels()));
    assertThat(next.pod("shop", "debug").orElseThrow().labels()).containsEntry("v", "2");
    assertThat(next.pods()).hasSize(live().pods().size() + 1);
  }

  @Test
  void applyingNothingChangesNothing() {
    assertThat(live().apply(ClusterSnapshot.empty())).isEqualTo(live());
  }
}
