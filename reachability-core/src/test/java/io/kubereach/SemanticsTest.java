package io.kubereach;

import static io.kubereach.testing.Build.block;
import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.labels;
import static io.kubereach.testing.Build.namespaces;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.port;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.sel;
import static io.kubereach.testing.Build.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Explanation.Outcome;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Operator;
import io.kubereach.model.LabelSelector.Requirement;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import io.kubereach.testing.Analysis;
import io.kubereach.testing.Analysis.Impl;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules S1–S15 of docs/semantics.md, each test run on the engine and on the independent
 * reference evaluator; explanations, warnings and caveats are the engine's.
 */
class SemanticsTest {

  private static final Endpoint XA = Endpoint.pod("x", "a");
  private static final Endpoint XB = Endpoint.pod("x", "b");
  private static final Endpoint YA = Endpoint.pod("y", "a");

  /** x/a, x/b, y/a with labels pod=<name>, and the given policies. */
  private static ClusterSnapshot abc(NetworkPolicy... policies) {
    ClusterSnapshot.Builder b =
        ClusterSnapshot.builder()
            .add(pod("x", "a", "pod=a").withIps(List.of("10.0.1.1")))
            .add(pod("x", "b", "pod=b").withIps(List.of("10.0.1.2")))
            .add(pod("y", "a", "pod=a").withIps(List.of("10.0.2.1")));
    for (NetworkPolicy p : policies) {
      b.add(p);
    }
    return b.build();
  }

  private static boolean allowed(Analysis i, Endpoint s, Endpoint d, Port p) {
    return i.allows(s, d, p);
  }

  /** The engine's warnings as text (warnings exist only in the engine). */
  private static List<String> warnings(Analysis i) {
    return i.engine().warnings().stream().map(Warning::message).toList();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podSelectedByNoPolicyAllowsEverything(Impl impl) {
    // S1
    Analysis i = impl.index(abc());
    assertThat(i.allowed(XA, XB)).isEqualTo(PortSet.all());
    assertThat(i.engine().explain(XA, XB, Port.tcp(80)).ingress().outcome())
        .isEqualTo(Outcome.NOT_ISOLATED);
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ingressIsolatedPodDeniesPeersNoRuleAdmits(Impl impl) {
    // S2
    Analysis i =
        impl.index(abc(policy("x", "only-a").select("pod=b").ingress(from(pods("pod=a"))).build()));
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isFalse();
    Explanation e = i.engine().explain(YA, XB, Port.tcp(80));
    assertThat(e.ingress().outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.ingress().isolatedBy()).extracting(Object::toString).containsExactly("x/only-a");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void rulesOfADirectionNotInPolicyTypesCountForNothing(Impl impl) {
    // S2: an Egress-only policy's ingress rules neither isolate nor allow.
    NetworkPolicy p =
        policy("x", "egress-only")
            .types(PolicyType.Egress)
            .ingress(from(pods("pod=zzz")))
            .egress(Rule.allowAll())
            .build();
    Analysis i = impl.index(abc(p));
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void egressEmptyWithoutPolicyTypesDoesNotIsolateEgress(Impl impl) {
    // S3: egress: [] without policyTypes means [Ingress] only.
    Analysis i = impl.index(abc(policy("x", "p").select("pod=a").ingress(Rule.allowAll()).build()));
    assertThat(allowed(i, XA, YA, Port.tcp(80))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void egressRuleWithoutPolicyTypesIsolatesEgress(Impl impl) {
    // S3: an egress rule adds Egress to the defaulted types.
    Analysis i =
        impl.index(
            abc(
                policy("x", "p")
                    .select("pod=a")
                    .egress(rule(List.of(pods("pod=b")), tcp(80)))
                    .build()));
    assertThat(allowed(i, XA, YA, Port.tcp(80))).isFalse();
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void policiesOfOneDirectionAddUp(Impl impl) {
    // S4: the union of the selecting policies' rules.
    Analysis i =
        impl.index(
            abc(
                policy("x", "p80").select("pod=b").ingress(rule(List.of(), tcp(80))).build(),
                policy("x", "p81").select("pod=b").ingress(rule(List.of(), tcp(81))).build()));
    assertThat(i.allowed(XA, XB)).hasToString("TCP 80-81");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void egressAndIngressMustAllowTheSamePort(Impl impl) {
    // S5: egress allows 80, ingress allows 81: nothing gets through.
    Analysis i =
        impl.index(
            abc(
                policy("x", "out")
                    .select("pod=a")
                    .types(PolicyType.Egress)
                    .egress(rule(List.of(), tcp(80)))
                    .build(),
                policy("x", "in")
                    .select("pod=b")
                    .ingress(rule(List.of(), tcp(80), tcp(81)))
                    .build()));
    assertThat(i.allowed(XA, XB)).hasToString("TCP 80");
    assertThat(allowed(i, XA, XB, Port.tcp(81))).isFalse();
    Explanation e = i.engine().explain(XA, XB, Port.tcp(81));
    assertThat(e.egress().outcome()).isEqualTo(Outcome.DENIED);
    assertThat(e.ingress().outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(e.ingress().allowedBy())
        .containsExactly(new Explanation.RuleRef(PolicyRef.networkPolicy("x", "in"), 0));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void emptyFromMatchesAllPodsAndAddresses(Impl impl) {
    // S6
    Analysis i =
        impl.index(abc(policy("x", "p").select("pod=b").ingress(rule(List.of(), tcp(80))).build()));
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, Endpoint.ip("8.8.8.8"), XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, YA, XB, Port.udp(80))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void policyWithNoRulesOnlyIsolates(Impl impl) {
    // S6: an empty list for a direction allows nothing there.
    Analysis i =
        impl.index(abc(policy("x", "deny").types(PolicyType.Ingress, PolicyType.Egress).build()));
    assertThat(i.allowed(XA, XB)).isEqualTo(PortSet.none());
    assertThat(i.allowed(YA, XA)).isEqualTo(PortSet.none());
    assertThat(i.allowed(YA, Endpoint.ip("1.1.1.1"))).isEqualTo(PortSet.all());
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podSelectorAloneMeansThePolicysNamespace(Impl impl) {
    // S7
    Analysis i =
        impl.index(abc(policy("x", "p").select("pod=b").ingress(from(pods("pod=a"))).build()));
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void namespaceSelectorAloneMeansAllPodsThere(Impl impl) {
    // S7, S8: the name label is always there.
    Analysis i =
        impl.index(
            abc(
                policy("x", "p")
                    .select("pod=b")
                    .ingress(from(namespaces("kubernetes.io/metadata.name=y")))
                    .build()));
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void bothSelectorsInOnePeerMeanAndSeparatePeersMeanOr(Impl impl) {
    // S7
    PodPeer and = PodPeer.of(sel("kubernetes.io/metadata.name=y"), sel("pod=b"));
    Analysis i = impl.index(abc(policy("x", "p").select("pod=b").ingress(from(and)).build()));
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isFalse();
    Analysis or =
        impl.index(
            abc(
                policy("x", "p")
                    .select("pod=b")
                    .ingress(from(namespaces("kubernetes.io/metadata.name=y"), pods("pod=zzz")))
                    .build()));
    assertThat(allowed(or, YA, XB, Port.tcp(80))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void exceptAppliesOnlyInsideItsOwnPeer(Impl impl) {
    // S7: the second peer's cidr covers what the first peer excepts.
    NetworkPolicy p =
        policy("x", "p")
            .select("pod=b")
            .ingress(from(block("10.0.0.0/8", "10.1.0.0/16"), block("10.1.2.0/24")))
            .build();
    Analysis i = impl.index(abc(p));
    assertThat(allowed(i, Endpoint.ip("10.1.2.3"), XB, Port.tcp(80))).isTrue();
    assertThat(allowed(i, Endpoint.ip("10.1.3.3"), XB, Port.tcp(80))).isFalse();
    assertThat(allowed(i, Endpoint.ip("10.2.0.0"), XB, Port.tcp(80))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void notInMatchesAPodWithoutTheKey(Impl impl) {
    // S7a: NotIn holds when the key is absent.
    LabelSelector notIn =
        new LabelSelector(Map.of(), List.of(new Requirement("tier", Operator.NotIn, Set.of("db"))));
    LabelSelector doesNotExist =
        new LabelSelector(
            Map.of(), List.of(new Requirement("pod", Operator.DoesNotExist, Set.of())));
    Analysis i =
        impl.index(
            abc(policy("x", "p").select("pod=b").ingress(from(PodPeer.pods(notIn))).build()));
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isTrue();
    Analysis j =
        impl.index(
            abc(
                policy("x", "p")
                    .select("pod=b")
                    .ingress(from(PodPeer.pods(doesNotExist)))
                    .build()));
    assertThat(allowed(j, XA, XB, Port.tcp(80))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void inAndExistsNeedTheKey(Impl impl) {
    // S7a
    LabelSelector in =
        new LabelSelector(Map.of(), List.of(new Requirement("pod", Operator.In, Set.of("a", "c"))));
    LabelSelector exists =
        new LabelSelector(Map.of(), List.of(new Requirement("tier", Operator.Exists, Set.of())));
    Analysis i =
        impl.index(abc(policy("x", "p").select("pod=b").ingress(from(PodPeer.pods(in))).build()));
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isTrue();
    Analysis j =
        impl.index(
            abc(policy("x", "p").select("pod=b").ingress(from(PodPeer.pods(exists))).build()));
    assertThat(allowed(j, XA, XB, Port.tcp(80))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void namespaceNameLabelSelectsAnUndeclaredNamespace(Impl impl) {
    // S8: namespace z is only referenced by a pod, yet carries its name label.
    ClusterSnapshot c =
        abc(policy("x", "p")
                .select("pod=b")
                .ingress(from(namespaces("kubernetes.io/metadata.name=z")))
                .build())
            .withPod(pod("z", "q", "pod=q"));
    Analysis i = impl.index(c);
    assertThat(allowed(i, Endpoint.pod("z", "q"), XB, Port.tcp(80))).isTrue();
    ClusterSnapshot relabelled = c.withNamespaceLabels("z", labels("team=red"));
    assertThat(relabelled.namespace("z").orElseThrow().labels())
        .containsEntry(Namespace.NAME_LABEL, "z");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void namespaceSelectorNeedsEveryLabelWhicheverIsRarest(Impl impl) {
    // S8: matchLabels AND In AND Exists on namespace labels. The engine tries a selector only on
    // the namespaces carrying its rarest required label (team In: three of them, env=prod and
    // tier: four each); each namespace but y lacks one of the three, and must not be let in.
    LabelSelector prodRedOrBlueTiered =
        new LabelSelector(
            Map.of("env", "prod"),
            List.of(
                new Requirement("team", Operator.In, Set.of("red", "blue")),
                new Requirement("tier", Operator.Exists, Set.of())));
    ClusterSnapshot c =
        abc(policy("x", "p")
                .select("pod=b")
                .ingress(from(PodPeer.namespaces(prodRedOrBlueTiered)))
                .build())
            .withNamespaceLabels("y", labels("env=prod", "team=red", "tier=1"));
    Map<String, Map<String, String>> others =
        Map.of(
            "green", labels("env=prod", "team=green", "tier=1"),
            "dev", labels("env=dev", "team=blue", "tier=1"),
            "flat", labels("env=prod", "team=blue"),
            "other", labels("env=prod", "tier=1"));
    for (Map.Entry<String, Map<String, String>> ns : others.entrySet()) {
      c = c.withPod(pod(ns.getKey(), "a", "pod=a")).withNamespaceLabels(ns.getKey(), ns.getValue());
    }
    Analysis i = impl.index(c);
    assertThat(allowed(i, YA, XB, Port.tcp(80))).isTrue();
    for (String ns : others.keySet()) {
      assertThat(allowed(i, Endpoint.pod(ns, "a"), XB, Port.tcp(80))).as(ns).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void portWithoutNumberMatchesTheWholeProtocolAndEndPortIsInclusive(Impl impl) {
    // S9
    NetworkPolicy p =
        policy("x", "p")
            .select("pod=b")
            .ingress(
                rule(
                    List.of(),
                    PortSpec.all(Protocol.UDP),
                    PortSpec.range(Protocol.TCP, 8080, 8090)))
            .build();
    Analysis i = impl.index(abc(p));
    assertThat(i.allowed(XA, XB)).hasToString("TCP 8080-8090,UDP 1-65535");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void sctpOnlyPolicyIsolatesTcp(Impl impl) {
    // S2, S9: a policy allowing only SCTP still isolates the pod for TCP.
    NetworkPolicy p =
        policy("x", "p")
            .select("pod=b")
            .ingress(rule(List.of(), PortSpec.number(Protocol.SCTP, 80)))
            .build();
    Analysis i = impl.index(abc(p));
    assertThat(allowed(i, XA, XB, Port.tcp(80))).isFalse();
    assertThat(allowed(i, XA, XB, Port.sctp(80))).isTrue();
  }

  /** x/a (client), x/b with named ports, x/c where "http" is another number, and a policy. */
  private static ClusterSnapshot named(NetworkPolicy p) {
    return ClusterSnapshot.builder()
        .add(pod("x", "a", "pod=a"))
        .add(
            pod("x", "b", "pod=b", "srv=yes")
                .withPorts(
                    List.of(port("http", 8080, Protocol.TCP), port("dns", 53, Protocol.UDP))))
        .add(pod("x", "c", "pod=c", "srv=yes").withPorts(List.of(port("http", 9090, Protocol.TCP))))
        .add(p)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void namedPortResolvesOnEachDestinationPod(Impl impl) {
    // S10: one name, different numbers on different pods.
    Analysis i =
        impl.index(
            named(
                policy("x", "p")
                    .select("srv=yes")
                    .ingress(rule(List.of(), PortSpec.named(Protocol.TCP, "http")))
                    .build()));
    assertThat(i.allowed(XA, XB)).hasToString("TCP 8080");
    assertThat(i.allowed(XA, Endpoint.pod("x", "c"))).hasToString("TCP 9090");
    Explanation e = i.engine().explain(XA, XB, Port.tcp(8080));
    assertThat(e.ingress().namedPorts())
        .singleElement()
        .satisfies(n -> assertThat(n.numbers()).containsExactly(8080));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void namedPortWithAnotherProtocolMatchesNothing(Impl impl) {
    // S10: "dns" is UDP on x/b; a TCP rule naming it resolves to nothing, with a warning.
    Analysis i =
        impl.index(
            named(
                policy("x", "p")
                    .select("pod=b")
                    .ingress(rule(List.of(), PortSpec.named(Protocol.TCP, "dns")))
                    .build()));
    assertThat(i.allowed(XA, XB)).isEqualTo(PortSet.none());
    assertThat(warnings(i)).anyMatch(w -> w.contains("named port dns/TCP") && w.contains("S10"));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void egressNamedPortResolvesOnTheDestinationAndNeverOnAnAddress(Impl impl) {
    // S10: egress named ports resolve on the peer pod; toward an external address, nothing.
    Analysis i =
        impl.index(
            named(
                policy("x", "p")
                    .select("pod=a")
                    .types(PolicyType.Egress)
                    .egress(rule(List.of(), PortSpec.named(Protocol.TCP, "http")))
                    .build()));
    assertThat(i.allowed(XA, Endpoint.pod("x", "c"))).hasToString("TCP 9090");
    assertThat(i.allowed(XA, Endpoint.ip("1.2.3.4"))).isEqualTo(PortSet.none());
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ingressNamedPortResolvesOnTheSelectedPodForAnAddress(Impl impl) {
    // S10: ingress from an IP range resolves on the selected pod.
    Analysis i =
        impl.index(
            named(
                policy("x", "p")
                    .select("pod=b")
                    .ingress(
                        rule(List.of(block("0.0.0.0/0")), PortSpec.named(Protocol.TCP, "http")))
                    .build()));
    assertThat(i.allowed(Endpoint.ip("1.2.3.4"), XB)).hasToString("TCP 8080");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podReachesItselfButReplicasFollowTheRules(Impl impl) {
    // S11
    Workload web =
        new Workload(WorkloadKind.Deployment, "x", "web", 3, labels("app=web"), List.of(), false);
    ClusterSnapshot c =
        abc(policy("x", "deny").types(PolicyType.Ingress).build()).withWorkload(web);
    Analysis i = impl.index(c);
    Endpoint w = Endpoint.workload(WorkloadKind.Deployment, "x", "web");
    assertThat(allowed(i, XA, XA, Port.tcp(80))).isTrue();
    assertThat(i.engine().explain(XA, XA, Port.tcp(80)).self()).isTrue();
    assertThat(allowed(i, w, w, Port.tcp(80))).isFalse();
    assertThat(i.connections()).noneMatch(x -> x.source().equals(x.destination()));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void anOldReplicaSetsTemplateDoesNotStandBesideItsDeployments(Impl impl) {
    // S15: a live Deployment scaled to zero keeps its old ReplicaSets; their templates are past
    // revisions of the Deployment's, which alone stands for the endpoint.
    Workload web =
        new Workload(
            WorkloadKind.Deployment, "x", "web", 0, labels("app=web", "v=2"), List.of(), false);
    Workload old =
        new Workload(
                WorkloadKind.ReplicaSet,
                "x",
                "web-1a2b",
                0,
                labels("app=web", "v=1"),
                List.of(),
                false)
            .withOwner(new Owner("Deployment", "web"));
    ClusterSnapshot c =
        abc(policy("x", "closed").select("v=2").types(PolicyType.Ingress).build())
            .withWorkload(web)
            .withWorkload(old);
    Analysis i = impl.index(c);
    Endpoint w = Endpoint.workload(WorkloadKind.Deployment, "x", "web");
    // Only v=2, which the policy closes: the old v=1 template would have opened the union.
    assertThat(allowed(i, XA, w, Port.tcp(80))).isFalse();
    assertThat(i.endpoints()).extracting(Object::toString).doesNotContain("x/web-1a2b[ReplicaSet]");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void workloadOfAtMostOneReplicaIsOnePodThatReachesItself(Impl impl) {
    // S11: replicas <= 1 stands for one pod, which always reaches itself; 2+ are distinct pods.
    ClusterSnapshot c = abc(policy("x", "deny").types(PolicyType.Ingress).build());
    for (int replicas : new int[] {0, 1, 2}) {
      c =
          c.withWorkload(
              new Workload(
                  WorkloadKind.Deployment,
                  "x",
                  "web" + replicas,
                  replicas,
                  labels("app=web"),
                  List.of(),
                  false));
    }
    Analysis i = impl.index(c);
    for (int replicas : new int[] {0, 1, 2}) {
      Endpoint w = Endpoint.workload(WorkloadKind.Deployment, "x", "web" + replicas);
      boolean onePod = replicas <= 1;
      assertThat(allowed(i, w, w, Port.tcp(80))).as("replicas %d", replicas).isEqualTo(onePod);
      assertThat(i.allowed(w, w).isEmpty()).as("replicas %d", replicas).isEqualTo(!onePod);
      assertThat(i.engine().explain(w, w, Port.tcp(80)).self()).isEqualTo(onePod);
    }
    assertThat(i.connections()).noneMatch(x -> x.source().equals(x.destination()));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ownedPodsOfOneOwnerAreOneEndpointWhoseConnectionsAreTheUnion(Impl impl) {
    // S15, S11: two distinct replicas of one owner follow the rules between them.
    Owner rs = new Owner("ReplicaSet", "web-7d9f");
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(pod("x", "web-1", "app=web", "n=1").withOwner(rs))
            .add(pod("x", "web-2", "app=web", "n=2").withOwner(rs))
            .add(pod("x", "db", "app=db"))
            .add(policy("x", "db").select("app=db").ingress(from(pods("n=1"))).build())
            .add(policy("x", "web").select("app=web").ingress(from(pods("n=2"))).build())
            .build();
    Analysis i = impl.index(c);
    Endpoint web = i.resolve("x/web-7d9f");
    assertThat(web).hasToString("x/web-7d9f[ReplicaSet]");
    assertThat(i.endpoints())
        .extracting(Object::toString)
        .containsExactly("x/db[Pod]", "x/web-7d9f[ReplicaSet]");
    assertThat(allowed(i, web, Endpoint.pod("x", "db"), Port.tcp(5432))).isTrue();
    assertThat(allowed(i, Endpoint.pod("x", "web-2"), Endpoint.pod("x", "db"), Port.tcp(5432)))
        .isFalse();
    // web-2 reaches web-1, so some replica reaches another.
    assertThat(allowed(i, web, web, Port.tcp(80))).isTrue();
    assertThat(warnings(i))
        .anyMatch(w -> w.startsWith("x/web-7d9f[ReplicaSet]") && w.contains("S15"));
  }

  @Test
  void replicasThatOnlyDifferInLabelsNoSelectorReadsAreAlikeAndNamedByTheirEndpoint() {
    // S15: a StatefulSet's pods carry their own name as a label; no policy reads it, so the
    // union over the pods is exact, there is no warning, and an explanation names the endpoint,
    // not one generated pod name.
    Owner sts = new Owner("StatefulSet", "db");
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(pod("x", "db-0", "app=db", "pod-name=db-0").withOwner(sts))
            .add(pod("x", "db-1", "app=db", "pod-name=db-1").withOwner(sts))
            .add(pod("x", "web", "app=web"))
            .add(policy("x", "db").select("app=db").ingress(from(pods("app=web"))).build())
            .build();
    ReachabilityIndex i = Reachability.index(c);
    Endpoint db = i.resolve("x/db");

    assertThat(i.warnings()).noneMatch(w -> w.kind() == Warning.Kind.OWNER_PODS_DIFFER);
    Explanation why = i.explain(Endpoint.pod("x", "web"), db, Port.tcp(5432));
    assertThat(why.toString())
        .startsWith("x/web[Pod] => x/db[StatefulSet] on TCP 5432: allowed\n")
        .contains("ingress of x/db[StatefulSet]: isolated by [x/db]")
        .doesNotContain("db-0");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ipBlockMatchesPodsByIpUnlessExternalOnly(Impl impl) {
    // S12
    NetworkPolicy p = policy("x", "p").select("pod=b").ingress(from(block("10.0.2.0/24"))).build();
    assertThat(allowed(impl.index(abc(p)), YA, XB, Port.tcp(80))).isTrue();
    assertThat(allowed(impl.index(abc(p), AnalysisOptions.externalOnly()), YA, XB, Port.tcp(80)))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podWithoutIpIsNeverMatchedByAnIpBlockAndAWarningSaysSo(Impl impl) {
    // S12
    NetworkPolicy p = policy("x", "p").select("pod=b").ingress(from(block("0.0.0.0/0"))).build();
    ClusterSnapshot c = abc(p).withPod(pod("y", "noip", "pod=n"));
    Analysis i = impl.index(c);
    assertThat(allowed(i, Endpoint.pod("y", "noip"), XB, Port.tcp(80))).isFalse();
    assertThat(warnings(i)).anyMatch(w -> w.contains("y/noip[Pod]") && w.contains("S12"));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podsWithoutIpWarningShowsFivePodNamesIntactThenACount(Impl impl) {
    // S12: "[y/n0[Pod], ..., y/n4[Pod], ... 2 more]", the brackets of [Pod] untouched.
    NetworkPolicy p = policy("x", "p").select("pod=b").ingress(from(block("0.0.0.0/0"))).build();
    ClusterSnapshot c = abc(p);
    for (int n = 0; n < 7; n++) {
      c = c.withPod(pod("y", "n" + n, "pod=n"));
    }
    assertThat(warnings(impl.index(c)))
        .contains(
            "NetworkPolicy x/p: ipBlock 0.0.0.0/0 could contain pod addresses, but [y/n0[Pod],"
                + " y/n1[Pod], y/n2[Pod], y/n3[Pod], y/n4[Pod], ... 2 more] have no known IP and"
                + " are never matched by it (S12)");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void podsWithoutIpWarningLeavesOutThePolicysOwnSinglePod(Impl impl) {
    // S12, S11: the block only sees the selected pod's traffic to itself, which is always allowed.
    NetworkPolicy p = policy("x", "p").select("pod=solo").ingress(from(block("0.0.0.0/0"))).build();
    ClusterSnapshot c = abc(p).withPod(pod("x", "solo", "pod=solo"));
    assertThat(warnings(impl.index(c))).noneMatch(w -> w.contains("S12"));
    // Two selected pods without IP can meet the block between them: both are named.
    ClusterSnapshot two = c.withPod(pod("x", "solo2", "pod=solo"));
    assertThat(warnings(impl.index(two)))
        .anyMatch(w -> w.contains("[x/solo[Pod], x/solo2[Pod]]") && w.contains("S12"));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void externalRangesAreMaximalRunsOfEqualConnections(Impl impl) {
    // S12, docs/cli.md
    NetworkPolicy p =
        policy("x", "p")
            .select("pod=b")
            .ingress(rule(List.of(block("10.0.0.0/8", "10.1.0.0/16")), tcp(80)))
            .build();
    Analysis i = impl.index(abc(p));
    assertThat(i.reachableTo(XB))
        .extracting(Object::toString)
        .contains(
            "10.0.0.0-10.0.255.255[External] => x/b[Pod] : TCP 80",
            "10.2.0.0-10.255.255.255[External] => x/b[Pod] : TCP 80")
        .noneMatch(s -> s.startsWith("0.0.0.0"));
    assertThat(i.reachableFrom(XB))
        .extracting(Object::toString)
        .contains("x/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ipv6SpaceAppearsWhenSomeInputMentionsIpv6(Impl impl) {
    // S12: IPv6 ranges in RFC 5952 form.
    NetworkPolicy p =
        policy("x", "p").select("pod=b").ingress(from(block("2001:db8::/32"))).build();
    Analysis i = impl.index(abc(p));
    assertThat(i.reachableTo(XB))
        .extracting(Object::toString)
        .containsExactly(
            "2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => x/b[Pod] : All Connections");
    assertThat(impl.index(abc()).connections())
        .noneMatch(
            x ->
                x.source() instanceof ExternalEndpoint e && e.isIpv6()
                    || x.destination() instanceof ExternalEndpoint f && f.isIpv6());
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ipv4MappedIpv6AddressIsIpv6AndNoIpv4BlockHoldsIt(Impl impl) {
    // S12: ::ffff:10.0.2.1 is an IPv6 address (as the model parses it); 10.0.0.0/8 is IPv4 only.
    NetworkPolicy p = policy("x", "p").select("pod=b").ingress(from(block("10.0.0.0/8"))).build();
    ClusterSnapshot c =
        abc(p).withPod(pod("y", "mapped", "pod=m").withIps(List.of("::ffff:10.0.2.1")));
    Analysis i = impl.index(c);
    assertThat(allowed(i, Endpoint.pod("y", "mapped"), XB, Port.tcp(80))).isFalse();
    assertThat(allowed(i, Endpoint.ip("::ffff:10.1.1.1"), XB, Port.tcp(80))).isFalse();
    assertThat(allowed(i, Endpoint.ip("10.1.1.1"), XB, Port.tcp(80))).isTrue();
    assertThat(i.reachableTo(XB))
        .extracting(Object::toString)
        .noneMatch(s -> s.contains("ffff") || s.contains("y/mapped"));
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void hostNetworkPodsCarryACaveat(Impl impl) {
    // S13
    ClusterSnapshot c = abc().withPod(pod("x", "h", "pod=h").withHostNetwork(true));
    Analysis i = impl.index(c);
    Verdict v = i.engine().check(XA, Endpoint.pod("x", "h"), Port.tcp(80));
    assertThat(v.allowed()).isTrue();
    assertThat(v.caveats()).singleElement().asString().contains("hostNetwork").contains("S13");
    assertThat(v.explanation().caveats()).isEqualTo(v.caveats());
    assertThat(i.engine().check(XA, XB, Port.tcp(80)).caveats()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void endpointsOfHostNetworkPodsCarryTheCaveatForListings(Impl impl) {
    // S13: every JSON record that involves a hostNetwork pod carries the caveat.
    Owner rs = new Owner("ReplicaSet", "h");
    ClusterSnapshot c =
        abc()
            .withPod(pod("x", "h-1", "pod=h").withHostNetwork(true).withOwner(rs))
            .withPod(pod("x", "h-2", "pod=h").withOwner(rs))
            .withPod(pod("x", "solo", "pod=s").withHostNetwork(true));
    Analysis i = impl.index(c);
    Endpoint group = i.resolve("x/h");
    Endpoint solo = Endpoint.pod("x", "solo");
    assertThat(i.engine().caveats(group))
        .singleElement()
        .asString()
        .startsWith("x/h[ReplicaSet] has pods that use hostNetwork")
        .contains("S13");
    assertThat(i.engine().caveats(solo)).singleElement().asString().startsWith("x/solo[Pod] uses");
    assertThat(i.engine().caveats(Endpoint.pod("x", "h-1")))
        .singleElement()
        .asString()
        .contains("S13");
    assertThat(i.engine().caveats(Endpoint.pod("x", "h-2"))).isEmpty();
    assertThat(i.engine().caveats(XA)).isEmpty();
    assertThat(i.engine().caveats(Endpoint.ip("1.2.3.4"))).isEmpty();
    // The same texts as a verdict's.
    assertThat(i.engine().check(group, solo, Port.tcp(80)).caveats())
        .containsExactly(i.engine().caveats(group).get(0), i.engine().caveats(solo).get(0));
    assertThatThrownBy(() -> i.engine().caveats(Endpoint.pod("x", "nope")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void policiesSeeTheTargetPortNeverTheServicePort(Impl impl) {
    // S14: a rule on the Service port 80 does not open the pod's target port 8080.
    Analysis i =
        impl.index(abc(policy("x", "p").select("pod=b").ingress(rule(List.of(), tcp(80))).build()));
    assertThat(allowed(i, XA, XB, Port.tcp(8080))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void resolveReadsEndpointsAsUsersWriteThem(Impl impl) {
    // S15
    Workload web =
        new Workload(WorkloadKind.Deployment, "x", "a", 1, labels("app=web"), List.of(), false);
    Analysis i = impl.index(abc().withWorkload(web));
    assertThat(i.resolve("x/b")).isEqualTo(XB);
    assertThat(i.resolve("10.0.0.1")).isEqualTo(Endpoint.ip("10.0.0.1"));
    assertThat(i.resolve("x/a[Deployment]")).hasToString("x/a[Deployment]");
    assertThatThrownBy(() -> i.resolve("x/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x/a is ambiguous; write one of [x/a[Deployment], x/a[Pod]]");
    assertThatThrownBy(() -> i.resolve("x/nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoints in x: [a[Deployment], a[Pod], b[Pod]]");
    assertThatThrownBy(
            () -> i.engine().check(Endpoint.ip("1.1.1.1"), Endpoint.ip("2.2.2.2"), Port.tcp(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void ownerChainsMakeTheDeploymentItsReplicaSetAndItsPodsOneEndpoint(Impl impl) {
    // S15: pod -> ReplicaSet -> Deployment; the real pod replaces both templates, so an old
    // template label (version=old) no longer decides anything.
    Map<String, String> old = Map.of("app", "web", "version", "old");
    Workload deployment =
        new Workload(WorkloadKind.Deployment, "x", "web", 3, old, List.of(), false);
    Workload replicaSet =
        new Workload(WorkloadKind.ReplicaSet, "x", "web-7d9f", 3, old, List.of(), false)
            .withOwner(new Owner("Deployment", "web"));
    ClusterSnapshot c =
        ClusterSnapshot.builder()
            .add(deployment)
            .add(replicaSet)
            .add(
                pod("x", "web-7d9f-a", "app=web", "version=new")
                    .withOwner(new Owner("ReplicaSet", "web-7d9f")))
            .add(pod("x", "b", "pod=b"))
            .add(
                policy("x", "b-from-old")
                    .select("pod=b")
                    .ingress(from(pods("version=old")))
                    .build())
            .build();
    Analysis i = impl.index(c);
    Endpoint web = Endpoint.workload(WorkloadKind.Deployment, "x", "web");
    assertThat(i.endpoints())
        .extracting(Object::toString)
        .containsExactly("x/b[Pod]", "x/web[Deployment]");
    assertThat(i.allows(web, XB, Port.tcp(80))).isFalse();
    // Without the real pod, the templates stand for the Deployment and are admitted.
    Analysis templates =
        impl.index(
            ClusterSnapshot.builder()
                .add(deployment)
                .add(replicaSet)
                .add(pod("x", "b", "pod=b"))
                .add(
                    policy("x", "b-from-old")
                        .select("pod=b")
                        .ingress(from(pods("version=old")))
                        .build())
                .build());
    assertThat(templates.allows(web, XB, Port.tcp(80))).isTrue();
  }
}
