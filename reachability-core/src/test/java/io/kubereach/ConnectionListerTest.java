package io.kubereach;

import static io.kubereach.testing.Build.block;
import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.reference.ReferenceEvaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listing over pod classes (docs/architecture.md, docs/cli.md) against the reference's
 * endpoint-by-endpoint listing; how its cost grows is measured by the benchmarks.
 */
class ConnectionListerTest {

  /** n standalone pods in two classes (client, server), each its own endpoint (S15). */
  private static ClusterSnapshot standalone(int n) {
    ClusterSnapshot.Builder b = ClusterSnapshot.builder();
    for (int i = 0; i < n; i++) {
      String role = i % 2 == 0 ? "role=client" : "role=server";
      b.add(pod("x", "p" + i, role).withIps(List.of("10.0." + (i / 250) + "." + (i % 250 + 1))));
    }
    b.add(
        policy("x", "server")
            .select("role=server")
            .ingress(from(pods("role=client")), from(block("192.168.0.0/16", "192.168.1.0/24")))
            .build());
    return b.build();
  }

  @Test
  void listingOfManyEndpointsOfFewClassesEqualsTheReference() {
    // S15, S12: every standalone pod is an endpoint; pods of one class answer alike.
    ClusterSnapshot c = standalone(60);
    ReachabilityIndex index = Reachability.index(c);
    ReferenceEvaluator reference = ReferenceEvaluator.of(c, AnalysisOptions.defaults());
    assertThat(index.toString()).contains("60 endpoints").contains("2 classes");
    assertThat(index.connections()).isEqualTo(reference.connections());
    assertThat(index.podConnections()).isEqualTo(reference.podConnections());
  }
}
