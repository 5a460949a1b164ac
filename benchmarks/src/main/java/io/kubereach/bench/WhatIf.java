package io.kubereach.bench;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.model.WorkloadKind;
import io.kubereach.testing.RealisticClusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One seeded what-if on a generated cluster: an app whose web tier calls its api. Removing the
 * app's {@code <app>-api} policy denies web to api on TCP 8080; adding {@code whatif-expose-api}
 * lets the ingress controller reach the api directly.
 *
 * @param namespace the app's namespace
 * @param app the app name
 * @param web an endpoint of the app's web tier
 * @param api an endpoint of the app's api tier
 * @param ingress an endpoint of the ingress controller
 * @param added the policy the add what-if adds
 */
record WhatIf(
    String namespace,
    String app,
    Endpoint web,
    Endpoint api,
    Endpoint ingress,
    NetworkPolicy added) {

  /** The port of both questions. */
  static final Port PORT = Port.tcp(8080);

  /** The name of the policy the remove what-if removes. */
  String removed() {
    return app + "-api";
  }

  /**
   * {@code c} with the web endpoint's pod (or template) labelled {@code release=canary} as well: a
   * new label profile, which the policies' selectors do not tell apart.
   */
  ClusterSnapshot relabeled(ClusterSnapshot c) {
    WorkloadEndpoint w = (WorkloadEndpoint) web;
    if (w.kind().equals("Pod")) {
      Pod pod = c.pod(w.namespace(), w.name()).orElseThrow();
      return c.withPodLabels(w.namespace(), w.name(), canary(pod.labels()));
    }
    WorkloadKind kind = WorkloadKind.parse(w.kind());
    Workload workload = c.workload(kind, w.namespace(), w.name()).orElseThrow();
    return c.withWorkloadLabels(kind, w.namespace(), w.name(), canary(workload.templateLabels()));
  }

  private static Map<String, String> canary(Map<String, String> labels) {
    Map<String, String> out = new java.util.HashMap<>(labels);
    out.put("release", "canary");
    return out;
  }

  /** Picks an app with a web tier, seeded. */
  static WhatIf of(ClusterSnapshot c, long seed) {
    List<NetworkPolicy> webPolicies = new ArrayList<>();
    for (NetworkPolicy p : c.policies()) {
      if (p.name().endsWith("-web") && c.policy(p.namespace(), apiOf(p)).isPresent()) {
        webPolicies.add(p);
      }
    }
    NetworkPolicy web = webPolicies.get(new Random(seed).nextInt(webPolicies.size()));
    String app = web.name().substring(0, web.name().length() - "-web".length());
    NetworkPolicy added =
        new NetworkPolicy(
            web.namespace(),
            "whatif-expose-api",
            LabelSelector.matchLabels(
                Map.of(RealisticClusters.NAME, app, RealisticClusters.COMPONENT, "api")),
            EnumSet.of(PolicyType.Ingress),
            List.of(
                new Rule(
                    List.of(
                        PodPeer.namespaces(
                            LabelSelector.matchLabels(
                                Map.of(Namespace.NAME_LABEL, "ingress-nginx")))),
                    List.of(PortSpec.named(Protocol.TCP, "http")))),
            List.of());
    return new WhatIf(
        web.namespace(),
        app,
        endpoint(c, web.namespace(), app, "web"),
        endpoint(c, web.namespace(), app, "api"),
        endpoint(c, "ingress-nginx", "ingress-nginx", "controller"),
        added);
  }

  private static String apiOf(NetworkPolicy web) {
    return web.name().substring(0, web.name().length() - "web".length()) + "api";
  }

  /** The first pod (or workload) of that app and component. */
  private static Endpoint endpoint(ClusterSnapshot c, String ns, String app, String component) {
    for (Pod p : c.pods()) {
      if (p.namespace().equals(ns) && matches(p.labels(), app, component)) {
        return Endpoint.pod(ns, p.name());
      }
    }
    for (Workload w : c.workloads()) {
      if (w.namespace().equals(ns) && matches(w.templateLabels(), app, component)) {
        return Endpoint.workload(w.kind(), ns, w.name());
      }
    }
    throw new IllegalStateException("no " + component + " of " + ns + "/" + app);
  }

  private static boolean matches(Map<String, String> labels, String app, String component) {
    return app.equals(labels.get(RealisticClusters.NAME))
        && component.equals(labels.get(RealisticClusters.COMPONENT));
  }
}
