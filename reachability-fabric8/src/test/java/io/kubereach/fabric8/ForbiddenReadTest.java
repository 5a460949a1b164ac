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
}
