package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Operator;
import io.kubereach.model.LabelSelector.Requirement;
import io.kubereach.model.Limitation;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Happy paths: every analysed kind, lists, JSON, defaulting, ownership (S15) and S8. */
class ManifestsTest {

  /**
   * The pods of one controller share their labels, ports and owner, and a load keeps each of them
   * once (Shared); a pod that differs in any of them keeps its own.
   */
  @Test
  void podsOfOneControllerShareWhatTheyHaveInCommon() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: shop
          labels: {app: web, pod-template-hash: 7d9f%s}
          ownerReferences:
          - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f, controller: true}
        spec:
          containers:
          - ports: [{name: http, containerPort: %d}]
        status: {podIP: 10.0.0.%d}
        """;
    String text =
        String.join(
            "---\n",
            String.format(pod, "web-a", "", 8080, 1),
            String.format(pod, "web-b", "", 8080, 2),
            String.format(pod, "web-c", ", canary: 'yes'", 9090, 3));
    List<Pod> pods = Manifests.parse("web.yaml", text).cluster().pods();
    Pod a = pods.get(0);
    Pod b = pods.get(1);
    Pod c = pods.get(2);
    assertThat(b.labels()).isSameAs(a.labels());
    assertThat(b.ports()).isSameAs(a.ports());
    assertThat(b.owner()).isSameAs(a.owner()).contains(new Owner("ReplicaSet", "web-7d9f"));
    assertThat(b.ips()).containsExactly("10.0.0.2");
    assertThat(c.labels()).isNotSameAs(a.labels()).containsEntry("canary", "yes").hasSize(3);
    assertThat(c.ports())
        .isNotSameAs(a.ports())
        .extracting(ContainerPort::number)
        .containsExactly(9090);
    assertThat(c.owner()).isSameAs(a.owner());
  }

  private static ClusterSnapshot parse(String yaml) {
    LoadResult loaded = Manifests.parse("test.yaml", yaml);
    assertThat(loaded.warnings()).isEmpty();
    return loaded.cluster();
  }

  @Test
  void aMisspeltContainerPortIsRefusedAndReadLenientlyLeftOutWithWarnings() {
    String text =
        """
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers:
              - name: app
                ports:
                - {name: http, containerPort: 8080}
                - {name: udps, containerport: 3535, protocol: UDP}
        """;
    assertThatThrownBy(() -> Manifests.parse("m.yaml", text))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "m.yaml:10:24 Deployment shop/web spec.template.spec.containers[0].ports[1]"
                + ".containerport: unknown field 'containerport' in a container port; did you"
                + " mean 'containerPort'?");

    LoadResult loaded = Manifests.lenient().parse("m.yaml", text);
    assertThat(loaded.warnings())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "m.yaml:10:24 Deployment shop/web spec.template.spec.containers[0].ports[1]"
                + ".containerport: unknown field 'containerport' in a container port; did you"
                + " mean 'containerPort'?",
            "m.yaml:10:11 Deployment shop/web spec.template.spec.containers[0].ports[1]"
                + ".containerPort: is required; port 'udps' left out");
    assertThat(loaded.complete()).isFalse();
    assertThat(loaded.cluster().workloads().get(0).templatePorts())
        .containsExactly(ContainerPort.tcp("http", 8080));
  }

  @Test
  void readsEveryWorkloadKindFromItsPodTemplate() {
    String template =
        """
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - ports: [{name: http, containerPort: 8080}]
        """;
    StringBuilder yaml = new StringBuilder();
    for (String kind :
        List.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet")) {
      // A DaemonSet has no replicas field: one pod per node, read as one.
      yaml.append("---\nkind: ")
          .append(kind)
          .append("\nmetadata: {name: w, namespace: shop}\nspec:\n")
          .append(kind.equals("DaemonSet") ? "" : "  replicas: 3\n")
          .append(template.formatted(kind.toLowerCase(java.util.Locale.ROOT)));
    }
    yaml.append("---\nkind: Job\nmetadata: {name: w, namespace: shop}\nspec:\n  parallelism: 2\n")
        .append(template.formatted("job"));

    ClusterSnapshot cluster = parse(yaml.toString());

    assertThat(cluster.workloads())
        .extracting(Workload::kind, Workload::replicas, w -> w.templateLabels().get("app"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WorkloadKind.Deployment, 3, "deployment"),
            org.assertj.core.groups.Tuple.tuple(WorkloadKind.ReplicaSet, 3, "replicaset"),
            org.assertj.core.groups.Tuple.tuple(
                WorkloadKind.ReplicationController, 3, "replicationcontroller"),
            org.assertj.core.groups.Tuple.tuple(WorkloadKind.StatefulSet, 3, "statefulset"),
            org.assertj.core.groups.Tuple.tuple(WorkloadKind.DaemonSet, 1, "daemonset"),
            org.assertj.core.groups.Tuple.tuple(WorkloadKind.Job, 2, "job"));
    assertThat(cluster.workloads())
        .allSatisfy(
            w -> assertThat(w.templatePorts()).containsExactly(ContainerPort.tcp("http", 8080)));
  }

  @Test
  void readsCronJobPodTemplateFromItsJobTemplate() {
    ClusterSnapshot cluster =
        parse(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: report}}
                    spec:
                      hostNetwork: true
                      containers:
                      - ports: [{containerPort: 9000, protocol: UDP}]
            """);

    assertThat(cluster.workloads())
        .containsExactly(
            new Workload(
                WorkloadKind.CronJob,
                "shop",
                "report",
                1,
                Map.of("app", "report"),
                List.of(new ContainerPort(Optional.empty(), 9000, Protocol.UDP)),
                true));
  }

  @Test
  void defaultsReplicasToOneAndNamespaceToDefault() {
    ClusterSnapshot cluster =
        parse("kind: Deployment\napiVersion: apps/v1\nmetadata: {name: web}\nspec: {}\n");

    assertThat(cluster.workloads())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.namespace()).isEqualTo("default");
              assertThat(w.replicas()).isEqualTo(1);
              assertThat(w.templateLabels()).isEmpty();
            });
    assertThat(cluster.namespaces()).containsExactly(Namespace.of("default"));
  }

  @Test
  void readsPodLabelsPortsAddressesAndHostNetwork() {
    ClusterSnapshot cluster =
        parse(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db-0
              namespace: shop
              labels: {app: db, empty: }
            spec:
              hostNetwork: true
              initContainers:
              - ports: [{containerPort: 1}]
              containers:
              - ports:
                - {name: pg, containerPort: 5432}
                - {name: dns, containerPort: 53, protocol: UDP}
              - ports: [{containerPort: 9187}]
            status:
              podIP: 10.244.1.7
              podIPs: [{ip: 10.244.1.7}, {ip: "fd00::0007"}]
            """);

    assertThat(cluster.pods())
        .containsExactly(
            new Pod(
                "shop",
                "db-0",
                Map.of("app", "db", "empty", ""),
                List.of(
                    ContainerPort.tcp("pg", 5432),
                    ContainerPort.of("dns", 53, Protocol.UDP),
                    new ContainerPort(Optional.empty(), 9187, Protocol.TCP)),
                Optional.empty(),
                List.of("10.244.1.7", "fd00::7"),
                true));
  }

  @Test
  void controllerOwnerReferenceBecomesThePodsOwner() {
    // S15: the controller: true reference names the owner, whether or not it is in the input.
    ClusterSnapshot cluster =
        parse(
            """
            kind: Pod
            metadata:
              name: web-7d9f-abcde
              ownerReferences:
              - {apiVersion: v1, kind: ConfigMap, name: not-a-controller}
              - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f, controller: true}
            ---
            kind: Pod
            metadata:
              name: kindless
              ownerReferences: [{name: parent, controller: true}]
            ---
            kind: Pod
            metadata:
              name: mirror
              ownerReferences: [{kind: Node, name: node-1, controller: true}]
            ---
            kind: Pod
            metadata:
              name: loner
              ownerReferences: [{kind: ReplicaSet, name: rs, controller: false}]
            """);

    assertThat(cluster.pods())
        .extracting(Pod::name, Pod::owner)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "web-7d9f-abcde", Optional.of(new Owner("ReplicaSet", "web-7d9f"))),
            org.assertj.core.groups.Tuple.tuple(
                "kindless", Optional.of(new Owner("Pod", "parent"))),
            org.assertj.core.groups.Tuple.tuple("mirror", Optional.empty()),
            org.assertj.core.groups.Tuple.tuple("loner", Optional.empty()));
  }

  @Test
  void namespacesCarryTheirNameLabelDeclaredOrImplied() {
    // S8: the name label is added to declared namespaces and implied ones exist with only it.
    ClusterSnapshot cluster =
        parse(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: web}}
            ---
            kind: Pod
            metadata: {name: x, namespace: other}
            """);

    assertThat(cluster.namespaces())
        .containsExactly(
            new Namespace("shop", Map.of("team", "web", Namespace.NAME_LABEL, "shop")),
            new Namespace("other", Map.of(Namespace.NAME_LABEL, "other")));
  }

  @Test
  void readsServicesWithDefaults() {
    ClusterSnapshot cluster =
        parse(
            """
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80, targetPort: http}
              - {port: 443}
              - {port: 53, protocol: UDP, targetPort: 5353}
            ---
            kind: Service
            metadata: {name: lb, namespace: shop}
            spec:
              type: LoadBalancer
              selector: {}
              loadBalancerSourceRanges: [203.0.113.7/24]
              ports: [{port: 80, targetPort: 0}]
            """);

    assertThat(cluster.services())
        .containsExactly(
            new Service(
                "shop",
                "web",
                Optional.of(Map.of("app", "web")),
                List.of(
                    new ServicePort(Optional.of("http"), Protocol.TCP, 80, PortRef.of("http")),
                    ServicePort.tcp(443),
                    new ServicePort(Optional.empty(), Protocol.UDP, 53, PortRef.of(5353))),
                "ClusterIP",
                List.of()),
            new Service(
                "shop",
                "lb",
                Optional.empty(),
                List.of(ServicePort.tcp(80)),
                "LoadBalancer",
                List.of("203.0.113.0/24")));
  }

  @Test
  void readsNetworkPolicyRulesPeersAndPorts() {
    ClusterSnapshot cluster =
        parse(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector:
                matchLabels: {app: api}
                matchExpressions:
                - {key: tier, operator: NotIn, values: [legacy]}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {team: web}}
                  podSelector: {matchLabels: {app: web}}
                - podSelector: {}
                ports:
                - port: http
                - {protocol: UDP}
                - {port: 8080, endPort: 8090, protocol: SCTP}
              - {}
              egress:
              - to:
                - ipBlock: {cidr: 203.0.113.9/24, except: [203.0.113.128/25]}
                ports: [{port: 443}]
            """);

    LabelSelector web = LabelSelector.matchLabels(Map.of("app", "web"));
    assertThat(cluster.policies())
        .containsExactly(
            new NetworkPolicy(
                "shop",
                "api",
                new LabelSelector(
                    Map.of("app", "api"),
                    List.of(new Requirement("tier", Operator.NotIn, Set.of("legacy")))),
                Set.of(),
                List.of(
                    new Rule(
                        List.of(
                            PodPeer.of(LabelSelector.matchLabels(Map.of("team", "web")), web),
                            PodPeer.pods(LabelSelector.everything())),
                        List.of(
                            PortSpec.named(Protocol.TCP, "http"),
                            PortSpec.all(Protocol.UDP),
                            PortSpec.range(Protocol.SCTP, 8080, 8090))),
                    Rule.allowAll()),
                List.of(
                    new Rule(
                        List.of(IpBlockPeer.of("203.0.113.0/24", "203.0.113.128/25")),
                        List.of(PortSpec.number(Protocol.TCP, 443))))));
  }

  @Test
  void absentPolicyTypesDefaultPerS3() {
    // S3: [Ingress], plus Egress only when egress has a rule; `egress: []` alone does not isolate.
    ClusterSnapshot cluster =
        parse(
            """
            kind: NetworkPolicy
            metadata: {name: deny-in, namespace: shop}
            spec: {podSelector: {}, ingress: [], egress: []}
            ---
            kind: NetworkPolicy
            metadata: {name: both, namespace: shop}
            spec:
              policyTypes: []
              egress: [{}]
            ---
            kind: NetworkPolicy
            metadata: {name: egress-only, namespace: shop}
            spec: {policyTypes: [Egress]}
            """);

    assertThat(cluster.policies())
        .extracting(NetworkPolicy::policyTypes)
        .containsExactly(
            Set.of(PolicyType.Ingress),
            Set.of(PolicyType.Ingress, PolicyType.Egress),
            Set.of(PolicyType.Egress));
    assertThat(cluster.policies().get(0).podSelector()).isEqualTo(LabelSelector.everything());
  }

  @Test
  void readsListAndTypedListsWhoseItemsOmitKind() {
    ClusterSnapshot cluster =
        parse(
            """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
            - {kind: Pod, metadata: {name: a, namespace: shop}}
            ---
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: b, namespace: shop}
            ---
            kind: NetworkPolicyList
            items:
            - metadata: {name: deny, namespace: shop}
            ---
            kind: NamespaceList
            items: []
            """);

    assertThat(cluster.pods()).extracting(Pod::name).containsExactly("a", "b");
    assertThat(cluster.policies()).extracting(NetworkPolicy::name).containsExactly("deny");
    assertThat(cluster.namespaces()).extracting(Namespace::name).containsExactly("shop");
  }

  @Test
  void readsJsonSourcesIncludingStreamsOfObjects() {
    LoadResult loaded =
        Manifests.parse(
            "cluster.json",
            """
            {"kind": "NamespaceList", "items": [{"metadata": {"name": "shop"}}]}
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
             "spec": {"containers": [{"ports": [{"containerPort": 80}]}]}}
            """);

    assertThat(loaded.cluster().pods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.labels()).containsEntry("app", "web");
              assertThat(p.ports()).extracting(ContainerPort::number).containsExactly(80);
            });
  }

  @Test
  void skipsEmptyDocumentsAndComments() {
    ClusterSnapshot cluster =
        parse("# header\n---\n---\n{}\n---\nkind: Pod\nmetadata: {name: a}\n---\n# trailing\n");

    assertThat(cluster.pods()).hasSize(1);
  }

  @Test
  void unanalysedKindsAreLocatedWarnings() {
    LoadResult loaded =
        Manifests.parse(
            "mixed.yaml",
            """
            kind: Pod
            metadata: {name: a, namespace: shop}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: tier}
            spec: {priority: 10, subject: {namespaces: {}}}
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: calico, namespace: shop}
            ---
            helm: values
            """);

    assertThat(loaded.cluster().pods()).hasSize(1);
    assertThat(loaded.cluster().policies()).isEmpty();
    assertThat(loaded.cluster().clusterPolicies()).hasSize(1);
    assertThat(loaded.warnings())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "mixed.yaml:4:1 ConfigMap shop/settings: kind ConfigMap is not analysed; skipped",
            "mixed.yaml:13:1 NetworkPolicy shop/calico: Calico policy NetworkPolicy"
                + " (projectcalico.org/v3) is not analysed: the answers do not account for it",
            "mixed.yaml:17:1: document has no kind or apiVersion: not a Kubernetes object;"
                + " skipped");
    // A ConfigMap cannot change an answer; a Calico policy can (docs/semantics.md, T12).
    assertThat(loaded.complete()).isFalse();
    assertThat(loaded.cluster().limitations())
        .extracting(Limitation::kind)
        .containsExactly(Limitation.Kind.UNANALYSED_POLICY_KIND);
  }

  @Test
  void aPeerOfANewerApiIsReadLenientlyFailingClosedAndSaysSo() {
    String text =
        """
        kind: Pod
        metadata: {name: a, namespace: shop}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: newer}
        spec:
          tier: Admin
          priority: 1
          subject: {namespaces: {}}
          egress:
          - action: Deny
            to: [{serviceAccounts: {namespace: x}}]
        """;
    assertThatThrownBy(() -> Manifests.parse("n.yaml", text))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("serviceAccounts is not a peer of this API version");

    LoadResult loaded = Manifests.lenient().parse("n.yaml", text);
    assertThat(loaded.complete()).isFalse();
    assertThat(loaded.cluster().limitations())
        .extracting(Limitation::kind)
        .containsExactly(Limitation.Kind.LENIENT_LOAD);
    assertThat(loaded.warnings())
        .extracting(Diagnostic::toString)
        .singleElement()
        .asString()
        .startsWith("n.yaml:13:10 ClusterNetworkPolicy newer spec.egress[0].to[0]:");
    // T10: the Deny fails closed, denying everything.
    assertThat(loaded.cluster().clusterPolicies().get(0).egress().get(0).peers())
        .containsExactly(new ClusterPeer.Unknown("serviceAccounts"));
  }

  @Test
  void moreRulesThanTheCrdAllowsIsALocatedError() {
    StringBuilder text =
        new StringBuilder(
            """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: long}
            spec:
              tier: Admin
              priority: 1
              subject: {namespaces: {}}
              ingress:
            """);
    for (int i = 0; i < 26; i++) {
      text.append("  - {action: Deny, from: [{namespaces: {}}]}\n");
    }
    assertThatThrownBy(() -> Manifests.parse("l.yaml", text.toString()))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "l.yaml:34:5 ClusterNetworkPolicy long spec.ingress[25]: is rule 26 of 26; a"
                + " ClusterNetworkPolicy holds at most 25 rules per direction (its CRD's limit)");
  }

  @Test
  void aRepositoryFolderLoadsItsManifestsAndNotesWhatItStepsOver(@TempDir Path repo)
      throws IOException {
    Files.createDirectories(repo.resolve("charts/web/templates"));
    Files.writeString(repo.resolve("charts/web/Chart.yaml"), "apiVersion: v2\nname: web\n");
    Files.writeString(repo.resolve("charts/web/values.yaml"), "replicas: 2\n");
    Files.writeString(
        repo.resolve("charts/web/templates/deployment.yaml"),
        "kind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n");
    Files.createDirectories(repo.resolve("deploy/base"));
    Files.writeString(repo.resolve("deploy/base/kustomization.yaml"), "resources: [pod.yaml]\n");
    Files.writeString(
        repo.resolve("deploy/base/pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\n");
    Files.writeString(repo.resolve("docker-compose.yml"), "services: {web: {image: x}}\n");
    Files.writeString(repo.resolve("mkdocs.yml"), "site_name: docs\n");
    Files.writeString(repo.resolve("settings.yaml"), "debug: true\n---\nlevel: 3\n");
    Files.writeString(repo.resolve("values-prod.yaml"), "replicas: 5\n");
    Files.writeString(
        repo.resolve("templated.yaml"), "kind: Service\nmetadata: {name: \"{{ name }}\"}\n");

    LoadResult loaded = Manifests.load(repo);

    assertThat(loaded.cluster().pods()).extracting(Pod::name).containsExactly("api");
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.notes())
        .extracting(d -> repo.relativize(Path.of(d.source())) + ": " + d.message())
        .containsExactly(
            "charts/web: a Helm chart; its templates are manifests only once rendered, so it is"
                + " skipped: run helm template "
                + repo.resolve("charts/web")
                + " | kubereach list -",
            "deploy/base/kustomization.yaml: kustomize configuration, not a manifest; skipped."
                + " The other files of "
                + repo.resolve("deploy/base")
                + " are read as they are; for the overlays applied run kustomize build "
                + repo.resolve("deploy/base")
                + " | kubereach list -",
            "docker-compose.yml: a Compose file, not a manifest; skipped",
            "mkdocs.yml: tool or CI configuration, not a manifest; skipped",
            "settings.yaml: not a Kubernetes manifest (no document has apiVersion and kind);"
                + " skipped",
            "templated.yaml: an unrendered template ({{ … }}), not a manifest; skipped. Render it"
                + " first, e.g. helm template <chart> | kubereach list -",
            "values-prod.yaml: a Helm values file, not a manifest; skipped");
  }

  @Test
  void inputWithNothingToAnalyseIsAnErrorThatSaysWhatWasRead(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> Manifests.load(dir))
        .isInstanceOf(ManifestException.class)
        .hasMessage(dir + ": no manifest files (.yaml, .yml, .json) found");
    Files.writeString(
        dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    assertThatThrownBy(() -> Manifests.load(dir))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            dir
                + ": no Kubernetes object that kubereach analyses in the 1 file read (Namespace,"
                + " Pod, a workload, Service, NetworkPolicy or an admin-tier policy)");
  }

  @Test
  void foldersAreReadRecursivelyInSortedOrderTakingOnlyManifestFiles(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("b/deeper"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("b/deeper/z.yml"), "kind: Pod\nmetadata: {name: p3}\n");
    Files.writeString(
        dir.resolve("b/a.json"), "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"p2\"}}");
    Files.writeString(dir.resolve("a.yaml"), "kind: Pod\nmetadata: {name: p1}\n");
    Files.writeString(dir.resolve("notes.txt"), "not: [a manifest");
    Files.writeString(dir.resolve(".git/x.yaml"), "not: [a manifest");

    LoadResult loaded = Manifests.load(dir);

    assertThat(loaded.cluster().pods()).extracting(Pod::name).containsExactly("p1", "p2", "p3");
    assertThat(
            Manifests.load(List.of(dir.resolve("b/a.json"), dir.resolve("a.yaml")))
                .cluster()
                .pods())
        .extracting(Pod::name)
        .containsExactly("p2", "p1");
  }

  @Test
  void diagnosticPrintsOnlyTheKnownParts() {
    assertThat(new Diagnostic("f.yaml", 0, 0, "", "", "", "", "unreadable"))
        .hasToString("f.yaml: unreadable");
    assertThat(new Diagnostic("f.yaml", 3, 7, "", "", "", "", "duplicate key 'a'"))
        .hasToString("f.yaml:3:7: duplicate key 'a'");
    assertThat(new Diagnostic("f.yaml", 1, 1, "Namespace", "", "shop", "metadata", "bad"))
        .hasToString("f.yaml:1:1 Namespace shop metadata: bad");
    assertThat(
            new Diagnostic(
                "shop.yaml",
                42,
                11,
                "NetworkPolicy",
                "shop",
                "allow-web",
                "spec.ingress[0].ports[0].port",
                "port 70000 is not in 1..65535"))
        .hasToString(
            "shop.yaml:42:11 NetworkPolicy shop/allow-web spec.ingress[0].ports[0].port:"
                + " port 70000 is not in 1..65535");
  }

  @Test
  void objectsFromAnApiAreLocatedByObjectAndFieldNeverByALine() {
    String pod =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"a\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":70000}]}]}}";
    String duplicate = pod.replace("70000", "80");

    assertThatThrownBy(
            () ->
                Manifests.withLimits(Limits.defaults())
                    .readObjects("cluster https://k:6443/", List.of(pod)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(
            "cluster https://k:6443/ Pod a/p spec.containers[0].ports[0].containerPort: ");
    assertThatThrownBy(
            () ->
                Manifests.withLimits(Limits.defaults())
                    .readObjects("objects", List.of(duplicate, duplicate.replace("80", "81"))))
        .hasMessage(
            "objects Pod a/p: duplicate Pod a/p, first defined at objects; names must be unique per"
                + " kind and namespace");
    assertThat(
            Manifests.withLimits(Limits.defaults())
                .readObjects("objects", List.of(duplicate))
                .cluster()
                .pods())
        .hasSize(1);
  }
}
