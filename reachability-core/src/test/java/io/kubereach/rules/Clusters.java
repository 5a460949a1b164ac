package io.kubereach.rules;

import static io.kubereach.testing.Build.block;
import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.labels;
import static io.kubereach.testing.Build.namespaces;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.tcp;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.List;

/** Small clusters for the rule tests, built from the model records. */
final class Clusters {
  private Clusters() {}

  /** A Deployment with template labels. */
  static Workload deployment(String namespace, String name, String... templateLabels) {
    return new Workload(
        WorkloadKind.Deployment, namespace, name, 1, labels(templateLabels), List.of(), false);
  }

  /** payments admits checkout on TCP 443 only. */
  static final NetworkPolicy ALLOW_CHECKOUT =
      policy("payments", "allow-checkout")
          .ingress(rule(List.of(namespaces("kubernetes.io/metadata.name=checkout")), tcp(443)))
          .build();

  /** payments also admits shop on TCP 8080. */
  static final NetworkPolicy ALLOW_SHOP =
      policy("payments", "allow-shop")
          .ingress(rule(List.of(namespaces("kubernetes.io/metadata.name=shop")), tcp(8080)))
          .build();

  /** Every pod of payments is egress-isolated and may reach nothing. */
  static final NetworkPolicy PAYMENTS_NO_EGRESS =
      policy("payments", "no-egress").types(PolicyType.Egress).build();

  /** Every pod of shop admits only pods of shop. */
  static final NetworkPolicy SHOP_INGRESS_INTERNAL =
      policy("shop", "ingress-internal")
          .ingress(from(namespaces("kubernetes.io/metadata.name=shop")))
          .build();

  /** Every pod of shop admits the corporate network 10.0.0.0/8 on TCP 80. */
  static final NetworkPolicy SHOP_FROM_CORP =
      policy("shop", "from-corp").ingress(rule(List.of(block("10.0.0.0/8")), tcp(80))).build();

  /** Every pod of shop is ingress- and egress-isolated and may reach only the same namespace. */
  static final NetworkPolicy SHOP_INTERNAL =
      policy("shop", "internal")
          .types(PolicyType.Ingress, PolicyType.Egress)
          .ingress(from(namespaces("kubernetes.io/metadata.name=shop")))
          .egress(from(namespaces("kubernetes.io/metadata.name=shop")))
          .build();

  /**
   * checkout/web, payments/api (pci=true), shop/web, shop/cart; payments admits checkout on TCP
   * 443, plus the given policies.
   */
  static ClusterSnapshot shop(NetworkPolicy... more) {
    ClusterSnapshot.Builder b =
        ClusterSnapshot.builder()
            .add(deployment("checkout", "web", "app=checkout"))
            .add(deployment("payments", "api", "app=api", "pci=true"))
            .add(deployment("shop", "web", "app=web"))
            .add(deployment("shop", "cart", "app=cart"))
            .add(ALLOW_CHECKOUT);
    for (NetworkPolicy p : more) {
      b.add(p);
    }
    return b.build();
  }
}
