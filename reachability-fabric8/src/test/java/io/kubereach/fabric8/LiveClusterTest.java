package io.kubereach.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.fabric8.testing.LiveShop;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.Manifests;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster seeded as the shop would be once applied (Deployments with their ReplicaSets and pods,
 * owner references, pod IPs, a finished Job) answers exactly as the shop's manifests do (S15).
 */
@EnableKubernetesMockClient(crud = true)
class LiveClusterTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @BeforeEach
  void seed() {
    server.reset();
    LiveShop.seed(client, LiveShop.shop());
  }

  @Test
  void theLiveShopHasTheEndpointsAndConnectionsOfItsManifests() {
    ReachabilityIndex files = Reachability.index(Manifests.load(LiveShop.shop()).cluster());
    LoadResult live = Fabric8Snapshots.fromCluster(client);
    ReachabilityIndex cluster = Reachability.index(live.cluster());

    // Real pods replace templates: more pods than the manifests stand for, the same endpoints.
    assertThat(live.cluster().pods()).hasSizeGreaterThan(10);
    assertThat(cluster.endpoints()).isEqualTo(files.endpoints());
    assertThat(cluster.connections()).isEqualTo(files.connections());
    assertThat(cluster.limitations()).isEmpty();
  }

  @Test
  void chosenNamespacesReadOnlyTheirObjects() {
    LoadResult live = Fabric8Snapshots.fromCluster(client, List.of("shop-frontend"));

    assertThat(live.cluster().pods()).isNotEmpty();
    assertThat(live.cluster().pods()).allMatch(p -> p.namespace().equals("shop-frontend"));
    assertThat(live.cluster().namespaces()).extracting(n -> n.name()).contains("shop-frontend");
    // The other namespaces' pods are not read: the answers say they are incomplete.
    assertThat(live.cluster().limitations())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(io.kubereach.model.Limitation.Kind.PART_OF_CLUSTER);
              assertThat(l.message())
                  .startsWith("read only namespaces shop-frontend of cluster http");
            });
  }

  @Test
  void anUnknownNamespaceIsAnErrorNotAnEmptyAnswer() {
    assertThatThrownBy(() -> Fabric8Snapshots.fromCluster(client, Set.of("nope")))
        .isInstanceOf(ClusterReadException.class)
        .hasMessageStartingWith("namespace nope not found in the cluster at http");
  }

  @Test
  void anUnreachableServerSaysSoInOneSentence() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (KubernetesClient nowhere =
        new KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + port)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      assertThatThrownBy(() -> Fabric8Snapshots.fromCluster(nowhere))
          .isInstanceOfSatisfying(
              ClusterReadException.class, e -> assertThat(e.httpStatus()).isZero())
          .hasMessageStartingWith("cannot reach the API server at http://127.0.0.1:" + port)
          .hasMessageContaining("to list namespaces")
          .hasMessageEndingWith("check the kubeconfig context and that the cluster is up");
    }
  }
}
