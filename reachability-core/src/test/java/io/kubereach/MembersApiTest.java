package io.kubereach;

import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ReachabilityIndex#members} and {@link ReachabilityIndex#isolatedBy}: S2, S3, S15. */
class MembersApiTest {
  private static final Owner RS = new Owner("ReplicaSet", "api-7d9f");

  private static final ClusterSnapshot CLUSTER =
      ClusterSnapshot.builder()
          .add(
              new Workload(
                  WorkloadKind.Deployment,
                  "shop",
                  "web",
                  3,
                  Map.of("app", "web"),
                  List.of(ContainerPort.tcp("http", 8080)),
                  false))
          .add(pod("shop", "api-7d9f-a", "app=api", "tier=a").withOwner(RS))
          .add(pod("shop", "api-7d9f-b", "app=api", "tier=b").withOwner(RS))
          .add(pod("shop", "db", "app=db"))
          .add(pod("other", "db", "app=db"))
          .add(policy("shop", "deny-b").select("tier=b").types(PolicyType.Ingress).build())
          .add(policy("shop", "db-in").select("app=db").build()) // S3: Ingress only
          .add(policy("shop", "all-out").types(PolicyType.Egress).build())
          .add(policy("shop", "db-in-2").select("app=db").types(PolicyType.Ingress).build())
          .build();

  private final ReachabilityIndex index = Reachability.index(CLUSTER);

  @Test
  void aWorkloadStandsForItsTemplate() {
    List<MemberPod> members =
        index.members(Endpoint.workload(WorkloadKind.Deployment, "shop", "web"));
    assertThat(members)
        .containsExactly(
            new MemberPod(
                Endpoint.workload(WorkloadKind.Deployment, "shop", "web"),
                Map.of("app", "web"),
                List.of(ContainerPort.tcp("http", 8080)),
                true));
  }

  @Test
  void anOwnerStandsForItsPodsInSnapshotOrder() {
    // S15
    assertThat(
            index.members(
                new io.kubereach.model.WorkloadEndpoint("shop", "api-7d9f", "ReplicaSet")))
        .extracting(m -> m.endpoint().toString() + " " + m.labels() + " " + m.template())
        .containsExactly(
            "shop/api-7d9f-a[Pod] {app=api, tier=a} false",
            "shop/api-7d9f-b[Pod] {app=api, tier=b} false");
    assertThat(index.members(Endpoint.pod("shop", "api-7d9f-b")))
        .extracting(MemberPod::endpoint)
        .containsExactly(Endpoint.pod("shop", "api-7d9f-b"));
  }

  @Test
  void externalEndpointsHaveNoMembersAndNoIsolation() {
    assertThat(index.members(Endpoint.ip("10.0.0.1"))).isEmpty();
    assertThat(index.isolatedBy(Endpoint.ip("10.0.0.1"), PolicyType.Ingress)).isEmpty();
  }

  @Test
  void isolatedByListsSelectingPoliciesOfTheDirectionInSnapshotOrder() {
    // S2, S3: db-in has no policyTypes and no egress rules, so it isolates ingress only.
    assertThat(index.isolatedBy(Endpoint.pod("shop", "db"), PolicyType.Ingress))
        .extracting(NetworkPolicy::name)
        .containsExactly("db-in", "db-in-2");
    assertThat(index.isolatedBy(Endpoint.pod("shop", "db"), PolicyType.Egress))
        .extracting(NetworkPolicy::name)
        .containsExactly("all-out");
    // S2: only policies of the pod's own namespace count.
    assertThat(index.isolatedBy(Endpoint.pod("other", "db"), PolicyType.Ingress)).isEmpty();
  }

  @Test
  void anEndpointOfSeveralPodsIsIsolatedByWhatSelectsAnyOfThem() {
    // S15: deny-b selects one replica only; ask per member to see which.
    Endpoint api = new io.kubereach.model.WorkloadEndpoint("shop", "api-7d9f", "ReplicaSet");
    assertThat(index.isolatedBy(api, PolicyType.Ingress))
        .extracting(NetworkPolicy::name)
        .containsExactly("deny-b");
    assertThat(index.members(api))
        .filteredOn(m -> index.isolatedBy(m.endpoint(), PolicyType.Ingress).isEmpty())
        .extracting(m -> m.endpoint().name())
        .containsExactly("api-7d9f-a");
  }

  @Test
  void unknownEndpointsAreRejected() {
    assertThatThrownBy(() -> index.members(Endpoint.pod("shop", "nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "endpoint shop/nope[Pod] is not in this snapshot; endpoints in shop:");
    assertThatThrownBy(() -> index.isolatedBy(Endpoint.pod("shop", "nope"), PolicyType.Egress))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
