package io.kubereach;

import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.port;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortRef;
import io.kubereach.model.Protocol;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** S14: "A to Service S on port P" resolves to the selected pods on their target ports. */
class ServiceCheckTest {
  private static final Service API =
      new Service(
          "shop",
          "api",
          Optional.of(Map.of("app", "api")),
          List.of(
              new ServicePort(Optional.of("web"), Protocol.TCP, 80, PortRef.of("http")),
              new ServicePort(Optional.empty(), Protocol.TCP, 8443, PortRef.of(8443))),
          "ClusterIP",
          List.of());

  private static final Service MANUAL =
      new Service(
          "shop", "manual", Optional.empty(), List.of(ServicePort.tcp(80)), "ClusterIP", List.of());

  private static final ClusterSnapshot CLUSTER =
      ClusterSnapshot.builder()
          .add(
              new Workload(
                  WorkloadKind.Deployment,
                  "shop",
                  "api",
                  2,
                  Map.of("app", "api"),
                  List.of(ContainerPort.tcp("http", 8080)),
                  false))
          .add(
              pod("shop", "api-legacy", "app=api")
                  .withPorts(List.of(ContainerPort.tcp("web", 9000))))
          .add(
              pod("shop", "api-udp", "app=api")
                  .withPorts(List.of(port("http", 8080, Protocol.UDP))))
          .add(pod("other", "api", "app=api").withPorts(List.of(ContainerPort.tcp("http", 8080))))
          .add(pod("shop", "client", "app=client"))
          .add(API)
          .add(MANUAL)
          .add(
              policy("shop", "api-in")
                  .select("app=api")
                  .ingress(rule(List.of(pods("app=client")), tcp(8080)))
                  .build())
          .build();

  private static final Endpoint CLIENT = Endpoint.pod("shop", "client");
  private final ReachabilityIndex index = Reachability.index(CLUSTER);

  @Test
  void aNamedTargetPortResolvesOnEachBackend() {
    // S14 with S10: http/TCP is 8080 on the Deployment; the other two pods lack it for TCP.
    ServiceVerdict v = index.checkService(CLIENT, "shop", "api", Port.tcp(80));
    assertThat(v.backends())
        .extracting(ServiceVerdict.Backend::toString)
        .containsExactly(
            "shop/api-legacy[Pod]: unreachable (service port TCP 80 targets http, which this"
                + " backend does not define for TCP (its ports: [web=TCP 9000]); the Service sends"
                + " it nothing on this port (S14))",
            "shop/api-udp[Pod]: unreachable (service port TCP 80 targets http, which this backend"
                + " does not define for TCP (its ports: [http=UDP 8080]); the Service sends it"
                + " nothing on this port (S14))",
            "shop/api[Deployment]: allowed (service port TCP 80 targets http, TCP 8080 on this"
                + " backend)");
    assertThat(v.allowedToAny()).isTrue();
    assertThat(v.allowedToAll()).isFalse();
    assertThat(v.verdicts())
        .containsExactly(
            index.check(
                CLIENT, Endpoint.workload(WorkloadKind.Deployment, "shop", "api"), Port.tcp(8080)));
    assertThat(v.backends().get(2).targetPort()).contains(Port.tcp(8080));
    assertThat(v.backends().get(0).targetPort()).isEmpty();
    assertThat(v)
        .hasToString("shop/client[Pod] => service shop/api TCP 80->http: 1 of 3 backends allowed");
  }

  @Test
  void policiesSeeTheNumericTargetPortNotTheServicePort() {
    // S14: the policy admits 8080 only; the Service port 8443 targets 8443 on every backend.
    ServiceVerdict v = index.checkService(CLIENT, "shop", "api", Port.tcp(8443));
    assertThat(v.backends())
        .extracting(b -> b.endpoint() + " " + b.targetPort().orElseThrow() + " " + b.allowed())
        .containsExactly(
            "shop/api-legacy[Pod] TCP 8443 false",
            "shop/api-udp[Pod] TCP 8443 false",
            "shop/api[Deployment] TCP 8443 false");
    assertThat(v.backends().get(0).resolution())
        .isEqualTo("service port TCP 8443 targets TCP 8443");
    assertThat(v.allowedToAny()).isFalse();
  }

  @Test
  void backendsComeFromTheServiceNamespaceOnly() {
    // S14: a Service selects pods of its own namespace; other/api matches the labels but not.
    assertThat(index.checkService(CLIENT, "shop", "api", Port.tcp(80)).backends())
        .extracting(ServiceVerdict.Backend::endpoint)
        .doesNotContain(Endpoint.pod("other", "api"));
  }

  @Test
  void aServiceWithoutSelectorHasNoBackends() {
    ServiceVerdict v = index.checkService(CLIENT, "shop", "manual", Port.tcp(80));
    assertThat(v.backends()).isEmpty();
    assertThat(v.allowedToAll()).isFalse();
    assertThat(v.allowedToAny()).isFalse();
  }

  @Test
  void misuseNamesTheValueAndTheChoices() {
    assertThatThrownBy(() -> index.checkService(CLIENT, "shop", "nope", Port.tcp(80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service shop/nope is not in this snapshot; services in shop: [api, manual]");
    assertThatThrownBy(() -> index.checkService(CLIENT, "shop", "api", Port.udp(80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "service shop/api does not expose UDP 80; its ports (port->targetPort):"
                + " [TCP 80->http, TCP 8443->8443]");
    assertThatThrownBy(
            () -> index.checkService(Endpoint.pod("shop", "ghost"), "shop", "api", Port.tcp(80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("endpoint shop/ghost[Pod] is not in this snapshot");
  }
}
