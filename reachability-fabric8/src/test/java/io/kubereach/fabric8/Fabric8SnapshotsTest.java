package io.kubereach.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Port;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.ManifestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model objects are read through the manifest decoder: the same answers, the same refusals. */
class Fabric8SnapshotsTest {

  private static HasMetadata deployment(String namespace, String name, Map<String, String> labels) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("nginx")
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void modelObjectsAnswerAsTheirManifestsWould() {
    HasMetadata web = deployment("shop", "web", Map.of("app", "web"));
    HasMetadata api = deployment("shop", "api", Map.of("app", "api"));
    HasMetadata onlyWebToApi =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("api-from-web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchLabels(Map.of("app", "api"))
            .endPodSelector()
            .addNewIngress()
            .addNewFrom()
            .withNewPodSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endPodSelector()
            .endFrom()
            .endIngress()
            .endSpec()
            .build();
    HasMetadata namespace =
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build();

    LoadResult loaded = Fabric8Snapshots.fromObjects(List.of(namespace, web, api, onlyWebToApi));
    ReachabilityIndex index = Reachability.index(loaded.cluster());

    // S2/S4: the policy isolates api for ingress and allows web only.
    assertThat(
            index
                .check(index.resolve("shop/web"), index.resolve("shop/api"), Port.tcp(8080))
                .allowed())
        .isTrue();
    assertThat(
            index
                .check(index.resolve("shop/api"), index.resolve("shop/api"), Port.tcp(8080))
                .allowed())
        .isFalse();
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void anInvalidObjectIsRefusedNamingItsKindNameAndFieldNotALine() {
    HasMetadata pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .addNewPort()
            .withContainerPort(70000)
            .endPort()
            .endContainer()
            .endSpec()
            .build();

    assertThatThrownBy(() -> Fabric8Snapshots.fromObjects(List.of(pod)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("objects Pod shop/web spec.containers[0].ports[0].containerPort: ")
        .hasMessageContaining("70000")
        .hasMessageNotContaining("objects:");
  }
}
