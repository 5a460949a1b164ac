package io.kubereach.internal.topology;

import static io.kubereach.testing.Build.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Owner;
import io.kubereach.model.WorkloadEndpoint;
import org.junit.jupiter.api.Test;

/** The endpoints of a snapshot and what they stand for. */
class EndpointMembersTest {

  @Test
  void podMembersCompareAndPrintByTheirPodsNotByArrayIdentity() {
    // S15: the members of an endpoint are its pods; equal pods mean equal members.
    Owner rs = new Owner("ReplicaSet", "web-7d9f");
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(pod("x", "web-1", "app=web").withOwner(rs))
            .add(pod("x", "web-2", "app=web").withOwner(rs))
            .build();
    Endpoints endpoints = Endpoints.of(PodTable.of(c));
    WorkloadEndpoint web = new WorkloadEndpoint("x", "web-7d9f", "ReplicaSet");
    EndpointMembers.Pods a = (EndpointMembers.Pods) endpoints.members(web);
    EndpointMembers.Pods copy = new EndpointMembers.Pods(web, a.pods().clone());
    assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a).hasToString("x/web-7d9f[ReplicaSet] [0, 1]");
    // The shared array itself: listings cache per array identity.
    assertThat(((EndpointMembers.Pods) endpoints.members(web)).pods()).isSameAs(a.pods());
  }
}
