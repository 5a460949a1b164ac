package io.kubereach.assertj;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small cluster built from the model records: shop/web reaches shop/api on TCP 8080 only; db/pg
 * admits shop/api on TCP 5432 and reaches nothing; default/debug is open both ways.
 */
final class Shop {
  private Shop() {}

  static Workload workload(WorkloadKind kind, String namespace, String name, String app) {
    return new Workload(kind, namespace, name, 1, Map.of("app", app), List.of(), false);
  }

  static LabelSelector app(String app) {
    return LabelSelector.matchLabels(Map.of("app", app));
  }

  static final NetworkPolicy API_FROM_WEB =
      new NetworkPolicy(
          "shop",
          "api-from-web",
          app("api"),
          Set.of(),
          List.of(
              new Rule(
                  List.of(PodPeer.pods(app("web"))), List.of(PortSpec.number(Protocol.TCP, 8080)))),
          List.of());

  static final NetworkPolicy PG_FROM_API =
      new NetworkPolicy(
          "db",
          "pg-from-api",
          LabelSelector.everything(),
          Set.of(PolicyType.Ingress, PolicyType.Egress),
          List.of(
              new Rule(
                  List.of(
                      PodPeer.of(
                          LabelSelector.matchLabels(Map.of(Namespace.NAME_LABEL, "shop")),
                          app("api"))),
                  List.of(PortSpec.number(Protocol.TCP, 5432)))),
          List.of());

  static ClusterSnapshot cluster() {
    return ClusterSnapshot.builder()
        .add(workload(WorkloadKind.Deployment, "shop", "web", "web"))
        .add(workload(WorkloadKind.Deployment, "shop", "api", "api"))
        .add(workload(WorkloadKind.StatefulSet, "db", "pg", "pg"))
        .add(workload(WorkloadKind.Deployment, "default", "debug", "debug"))
        .add(API_FROM_WEB)
        .add(PG_FROM_API)
        .build();
  }

  static ReachabilityIndex index() {
    return Reachability.index(cluster());
  }
}
