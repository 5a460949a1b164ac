package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.WorkloadKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled example {@code examples/shop} loads cleanly and holds what its README promises. */
class ShopExampleTest {

  /** The example folder, found from the build root as surefire runs in the module folder. */
  static Path shop() {
    Path fromModule = Path.of("..", "examples", "shop");
    return fromModule.toFile().isDirectory() ? fromModule : Path.of("examples", "shop");
  }

  @Test
  void loadsWithoutWarnings() {
    LoadResult loaded = Manifests.load(shop());

    assertThat(loaded.warnings()).isEmpty();
    ClusterSnapshot cluster = loaded.cluster();
    assertThat(cluster.namespaces()).hasSize(5);
    assertThat(cluster.workloads()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(cluster.workloads())
        .extracting(w -> w.kind())
        .contains(
            WorkloadKind.Deployment,
            WorkloadKind.StatefulSet,
            WorkloadKind.DaemonSet,
            WorkloadKind.CronJob);
    assertThat(cluster.services()).hasSize(10);
    assertThat(cluster.policies()).hasSize(16);
  }

  @Test
  void everyAppNamespaceStartsFromDefaultDenyAndAllowsDns() {
    ClusterSnapshot cluster = Manifests.load(shop()).cluster();

    for (String ns : new String[] {"shop-frontend", "shop-backend", "shop-data"}) {
      assertThat(cluster.policy(ns, "default-deny")).isPresent();
      assertThat(cluster.policy(ns, "allow-dns")).isPresent();
    }
  }

  @Test
  void paymentReachesItsProviderButNotTheSandboxHalf() {
    ClusterSnapshot cluster = Manifests.load(shop()).cluster();

    assertThat(cluster.policy("shop-backend", "payment-to-provider").orElseThrow().egress())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.peers())
                    .containsExactly(IpBlockPeer.of("203.0.113.0/24", "203.0.113.128/25")));
  }
}
