package io.kubereach;

import static io.kubereach.testing.Build.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Owner;
import io.kubereach.model.WorkloadEndpoint;
import org.junit.jupiter.api.Test;

/** The endpoints of a snapshot and what they stand for. */
class TopologyTest {

  @Test
  void podMembersCompareAndPrintByTheirPodsNotByArrayIdentity() {
    // S15: the members of an endpoint are its pods; equal pods mean equal members.
    Owner rs = new Owner("ReplicaSet", "web-7d9f");
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(pod("x", "web-1", "app=web").withOwner(rs))
            .add(pod("x", "web-2", "app=web").withOwner(rs))
            .build();
    Topology t = new Topology(c, AnalysisOptions.defaults());
    Endpoint web = t.resolve("x/web-7d9f");
    Topology.Members a = t.members(web);
    Topology.PodMembers copy =
        new Topology.PodMembers((WorkloadEndpoint) web, ((Topology.PodMembers) a).pods().clone());
    assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a).hasToString("x/web-7d9f[ReplicaSet] [0, 1]");
    // The shared array itself: ConnectionLister caches per array identity.
    assertThat(((Topology.PodMembers) t.members(web)).pods())
        .isSameAs(((Topology.PodMembers) a).pods());
  }
}
