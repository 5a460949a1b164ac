package io.kubereach.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/** Missing RBAC is an error naming the verb and resource to grant, never a smaller cluster. */
@EnableKubernetesMockClient
class ForbiddenReadTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void aForbiddenListNamesWhatToGrant() {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces?limit=500")
        .andReturn(200, new NamespaceListBuilder().build())
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?limit=500")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "pods is forbidden: User \"system:serviceaccount:ci:scanner\" cannot list"
                        + " resource \"pods\" in API group \"\" at the cluster scope")
                .build())
        .once();

    assertThatThrownBy(() -> Fabric8Snapshots.fromCluster(client))
        .isInstanceOfSatisfying(
            ClusterReadException.class, e -> assertThat(e.httpStatus()).isEqualTo(403))
        .hasMessage(
            "not allowed to list pods in all namespaces (HTTP 403 from "
                + client.getMasterUrl()
                + "); kubereach needs 'list' on pods, see docs/user-guide.md for the whole"
                + " read-only role");
  }

  @Test
  void anAdminTierKindServedAtAnotherVersionIsRefusedNotTakenForNone() {
    String[] empty = {
      "/api/v1/namespaces",
      "/api/v1/pods",
      "/api/v1/services",
      "/api/v1/replicationcontrollers",
      "/apis/apps/v1/deployments",
      "/apis/apps/v1/replicasets",
      "/apis/apps/v1/statefulsets",
      "/apis/apps/v1/daemonsets",
      "/apis/batch/v1/jobs",
      "/apis/batch/v1/cronjobs",
      "/apis/networking.k8s.io/v1/networkpolicies"
    };
    for (String path : empty) {
      server
          .expect()
          .get()
          .withPath(path + "?limit=500")
          .andReturn(200, "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}")
          .once();
    }
    // clusternetworkpolicies at v1alpha2: not expected, so 404; the group serves v1alpha3.
    server
        .expect()
        .get()
        .withPath("/apis/policy.networking.k8s.io")
        .andReturn(
            200,
            "{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"policy.networking.k8s.io\","
                + "\"versions\":[{\"groupVersion\":\"policy.networking.k8s.io/v1alpha3\","
                + "\"version\":\"v1alpha3\"}]}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/policy.networking.k8s.io/v1alpha3")
        .andReturn(
            200,
            "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\","
                + "\"groupVersion\":\"policy.networking.k8s.io/v1alpha3\",\"resources\":["
                + "{\"name\":\"clusternetworkpolicies\",\"singularName\":\"clusternetworkpolicy\","
                + "\"namespaced\":false,\"kind\":\"ClusterNetworkPolicy\",\"verbs\":[\"list\"]}]}")
        .always();

    assertThatThrownBy(() -> Fabric8Snapshots.fromCluster(client))
        .isInstanceOf(ClusterReadException.class)
        .hasMessage(
            "the cluster at "
                + client.getMasterUrl()
                + " serves ClusterNetworkPolicy as policy.networking.k8s.io/v1alpha3, a version"
                + " kubereach does not read (it reads policy.networking.k8s.io/v1alpha2); its"
                + " policies would be left out of every answer, so nothing is answered");
  }
}
