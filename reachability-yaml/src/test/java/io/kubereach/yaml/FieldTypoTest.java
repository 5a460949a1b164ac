package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A typo of a field name never changes an answer silently (docs/architecture.md, "Reading
 * manifests"): for every mapping the loader reads, every key it knows there (closed mappings) or
 * reads there (open ones) is misspelt in every way of three kinds — a letter dropped, two
 * neighbours swapped, the case changed — and each typo that is not itself a valid key must be
 * refused at the typo's line and column, suggesting a key at least as close as the one meant.
 */
class FieldTypoTest {

  /**
   * Where a mapping's keys are written: a manifest with {@code KEY} where the key goes (at {@code
   * line}:{@code column}), the field path of the mapping, and its keys.
   */
  private record Site(String name, Keys keys, String manifest, int line, int column, String path) {}

  private static final String POD = "apiVersion: v1\nkind: Pod\n";
  private static final String POLICY = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n";
  private static final String CNP =
      "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\n";
  private static final String ANP =
      "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\n";
  private static final String BANP =
      "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\n";

  private static List<Site> sites() {
    List<Site> s = new ArrayList<>();
    s.add(new Site("object", Schema.OBJECT, POD + "metadata: {name: p}\nKEY: {}\n", 4, 1, ""));
    s.add(
        new Site(
            "metadata",
            Schema.OBJECT_META,
            POD + "metadata:\n  name: p\n  KEY: x\n",
            5,
            3,
            "metadata"));
    s.add(
        new Site(
            "ownerReference",
            Schema.OWNER_REFERENCE,
            POD + "metadata:\n  name: p\n  ownerReferences:\n  - KEY: x\n",
            6,
            5,
            "metadata.ownerReferences[0]"));
    s.add(
        new Site(
            "podSpec",
            Schema.POD_SPEC,
            POD + "metadata: {name: p}\nspec:\n  KEY: x\n",
            5,
            3,
            "spec"));
    s.add(
        new Site(
            "container",
            Schema.CONTAINER,
            POD + "metadata: {name: p}\nspec:\n  containers:\n  - KEY: x\n",
            6,
            5,
            "spec.containers[0]"));
    s.add(
        new Site(
            "containerPort",
            Schema.CONTAINER_PORT,
            POD + "metadata: {name: p}\nspec:\n  containers:\n  - ports:\n    - KEY: x\n",
            7,
            7,
            "spec.containers[0].ports[0]"));
    s.add(
        new Site(
            "podStatus",
            Schema.POD_STATUS,
            POD + "metadata: {name: p}\nstatus:\n  KEY: x\n",
            5,
            3,
            "status"));
    s.add(
        new Site(
            "podIp",
            Schema.POD_IP,
            POD + "metadata: {name: p}\nstatus:\n  podIPs:\n  - KEY: x\n",
            6,
            5,
            "status.podIPs[0]"));
    s.add(
        new Site(
            "serviceSpec",
            Schema.SERVICE_SPEC,
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  KEY: x\n",
            5,
            3,
            "spec"));
    s.add(
        new Site(
            "servicePort",
            Schema.SERVICE_PORT,
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - KEY: x\n",
            6,
            5,
            "spec.ports[0]"));
    s.add(
        new Site(
            "nodeStatus",
            Schema.NODE_STATUS,
            "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  KEY: x\n",
            5,
            3,
            "status"));
    s.add(
        new Site(
            "nodeAddress",
            Schema.NODE_ADDRESS,
            "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  addresses:\n  - KEY: x\n",
            6,
            5,
            "status.addresses[0]"));
    for (io.kubereach.model.WorkloadKind kind : io.kubereach.model.WorkloadKind.values()) {
      String api =
          switch (kind) {
            case ReplicationController -> "v1";
            case Job, CronJob -> "batch/v1";
            default -> "apps/v1";
          };
      s.add(
          new Site(
              kind + "Spec",
              Schema.workloadSpec(kind),
              "apiVersion: " + api + "\nkind: " + kind + "\nmetadata: {name: w}\nspec:\n  KEY: x\n",
              5,
              3,
              "spec"));
    }
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n";
    s.add(
        new Site(
            "podTemplate",
            Schema.POD_TEMPLATE,
            deployment + "  template:\n    KEY: x\n",
            6,
            5,
            "spec.template"));
    s.add(
        new Site(
            "templateMetadata",
            Schema.OBJECT_META,
            deployment + "  template:\n    metadata:\n      KEY: x\n",
            7,
            7,
            "spec.template.metadata"));
    s.add(
        new Site(
            "jobTemplate",
            Schema.JOB_TEMPLATE,
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w}\nspec:\n  jobTemplate:\n"
                + "    KEY: x\n",
            6,
            5,
            "spec.jobTemplate"));
    String np = POLICY + "metadata: {name: p}\nspec:\n";
    s.add(new Site("policySpec", Schema.NETWORK_POLICY_SPEC, np + "  KEY: x\n", 5, 3, "spec"));
    s.add(
        new Site(
            "labelSelector",
            Schema.LABEL_SELECTOR,
            np + "  podSelector:\n    KEY: x\n",
            6,
            5,
            "spec.podSelector"));
    s.add(
        new Site(
            "selectorExpression",
            Schema.LABEL_SELECTOR_REQUIREMENT,
            np + "  podSelector:\n    matchExpressions:\n    - KEY: x\n",
            7,
            7,
            "spec.podSelector.matchExpressions[0]"));
    s.add(
        new Site(
            "ingressRule",
            Schema.NETWORK_POLICY_INGRESS_RULE,
            np + "  ingress:\n  - KEY: x\n",
            6,
            5,
            "spec.ingress[0]"));
    s.add(
        new Site(
            "egressRule",
            Schema.NETWORK_POLICY_EGRESS_RULE,
            np + "  egress:\n  - KEY: x\n",
            6,
            5,
            "spec.egress[0]"));
    s.add(
        new Site(
            "policyPeer",
            Schema.NETWORK_POLICY_PEER,
            np + "  ingress:\n  - from:\n    - KEY: x\n",
            7,
            7,
            "spec.ingress[0].from[0]"));
    s.add(
        new Site(
            "ipBlock",
            Schema.IP_BLOCK,
            np + "  ingress:\n  - from:\n    - ipBlock:\n        KEY: x\n",
            8,
            9,
            "spec.ingress[0].from[0].ipBlock"));
    s.add(
        new Site(
            "policyPort",
            Schema.NETWORK_POLICY_PORT,
            np + "  ingress:\n  - ports:\n    - KEY: x\n",
            7,
            7,
            "spec.ingress[0].ports[0]"));
    String cnp = CNP + "metadata: {name: c}\nspec:\n";
    String cnpHead = cnp + "  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n";
    s.add(
        new Site(
            "cnpSpec",
            Schema.tieredSpec(io.kubereach.model.PolicyKind.ClusterNetworkPolicy),
            cnp + "  KEY: x\n",
            5,
            3,
            "spec"));
    s.add(
        new Site(
            "cnpSubject",
            Schema.TIERED_SUBJECT,
            cnp + "  tier: Admin\n  priority: 1\n  subject:\n    KEY: x\n",
            8,
            5,
            "spec.subject"));
    s.add(
        new Site(
            "cnpPods",
            Schema.TIERED_PODS,
            cnp + "  tier: Admin\n  priority: 1\n  subject:\n    pods:\n      KEY: x\n",
            9,
            7,
            "spec.subject.pods"));
    s.add(
        new Site(
            "cnpIngressRule",
            Schema.tieredRule(io.kubereach.model.PolicyKind.ClusterNetworkPolicy, "ingress"),
            cnpHead + "  ingress:\n  - KEY: x\n",
            9,
            5,
            "spec.ingress[0]"));
    s.add(
        new Site(
            "cnpEgressRule",
            Schema.tieredRule(io.kubereach.model.PolicyKind.ClusterNetworkPolicy, "egress"),
            cnpHead + "  egress:\n  - KEY: x\n",
            9,
            5,
            "spec.egress[0]"));
    s.add(
        new Site(
            "cnpEgressPeer",
            Keys.closed("a peer", "namespaces,pods,networks,nodes,domainNames"),
            cnpHead + "  egress:\n  - action: Accept\n    to:\n    - KEY: {}\n",
            11,
            7,
            "spec.egress[0].to[0]"));
    String cnpRule = cnpHead + "  egress:\n  - action: Deny\n    to: [{namespaces: {}}]\n";
    s.add(
        new Site(
            "cnpProtocol",
            Schema.TIERED_PROTOCOL,
            cnpRule + "    protocols:\n    - tcp:\n        KEY: x\n",
            13,
            9,
            "spec.egress[0].protocols[0].tcp"));
    s.add(
        new Site(
            "cnpDestinationPort",
            Schema.TIERED_DESTINATION_PORT,
            cnpRule + "    protocols:\n    - tcp:\n        destinationPort:\n          KEY: x\n",
            14,
            11,
            "spec.egress[0].protocols[0].tcp.destinationPort"));
    s.add(
        new Site(
            "cnpRange",
            Schema.TIERED_RANGE,
            cnpRule
                + "    protocols:\n    - tcp:\n        destinationPort:\n          range:\n"
                + "            KEY: x\n",
            15,
            13,
            "spec.egress[0].protocols[0].tcp.destinationPort.range"));
    s.add(
        new Site(
            "anpSpec",
            Schema.tieredSpec(io.kubereach.model.PolicyKind.AdminNetworkPolicy),
            ANP + "metadata: {name: a}\nspec:\n  KEY: x\n",
            5,
            3,
            "spec"));
    s.add(
        new Site(
            "banpSpec",
            Schema.tieredSpec(io.kubereach.model.PolicyKind.BaselineAdminNetworkPolicy),
            BANP + "metadata: {name: default}\nspec:\n  KEY: x\n",
            5,
            3,
            "spec"));
    String anpRule =
        ANP
            + "metadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n"
            + "  egress:\n  - action: Deny\n    to: [{namespaces: {}}]\n    ports:\n";
    s.add(
        new Site(
            "anpPortNumber",
            Schema.V1ALPHA1_PORT_NUMBER,
            anpRule + "    - portNumber:\n        KEY: x\n",
            12,
            9,
            "spec.egress[0].ports[0].portNumber"));
    s.add(
        new Site(
            "anpPortRange",
            Schema.V1ALPHA1_PORT_RANGE,
            anpRule + "    - portRange:\n        KEY: x\n",
            12,
            9,
            "spec.egress[0].ports[0].portRange"));
    return s;
  }

  /** Every misspelling of {@code key} of the three kinds, distinct, none equal to the key. */
  static Set<String> typos(String key) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < key.length(); i++) {
      out.add(key.substring(0, i) + key.substring(i + 1));
    }
    for (int i = 0; i + 1 < key.length(); i++) {
      char[] c = key.toCharArray();
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
      out.add(new String(c));
    }
    out.add(key.toLowerCase(Locale.ROOT));
    out.add(Character.toUpperCase(key.charAt(0)) + key.substring(1));
    out.remove(key);
    out.removeIf(String::isEmpty);
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyTypoOfEveryKeyIsRefusedWhereItIsWritten() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Site site : sites()) {
      Set<String> targets = site.keys().closed() ? site.keys().known() : site.keys().read();
      for (String key : targets) {
        tests.add(DynamicTest.dynamicTest(site.name() + "." + key, () -> typosOf(site, key)));
      }
    }
    return tests.stream();
  }

  private static void typosOf(Site site, String key) {
    int checked = 0;
    for (String typo : typos(key)) {
      if (site.keys().known().contains(typo)) {
        continue; // another valid key, not a typo here
      }
      String manifest = site.manifest().replace("KEY", typo);
      ManifestException e =
          catchThrowableOfType(ManifestException.class, () -> Manifests.parse("t.yaml", manifest));
      assertThat(e).as("typo '%s' of '%s' in %s was accepted", typo, key, site.name()).isNotNull();
      String path = site.path().isEmpty() ? typo : site.path() + "." + typo;
      Diagnostic d =
          e.diagnostics().stream()
              .filter(x -> x.path().equals(path))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no diagnostic at " + path + ": " + e.diagnostics()));
      assertThat(d.line()).as("line of %s", typo).isEqualTo(site.line());
      assertThat(d.column()).as("column of %s", typo).isEqualTo(site.column());
      String suggested = suggestion(d.message());
      Set<String> pool = site.keys().closed() ? site.keys().known() : site.keys().read();
      assertThat(pool).as("suggestion of %s", d.message()).contains(suggested);
      assertThat(closeness(typo, suggested))
          .as("'%s' suggests '%s' for typo '%s'", d.message(), suggested, typo)
          .isLessThanOrEqualTo(closeness(typo, key));
      checked++;
    }
    assertThat(checked).as("typos checked for %s", key).isPositive();
  }

  /** How far a typo is from a key, as the loader measures it: a case change is no distance. */
  private static int closeness(String typo, String key) {
    return typo.equalsIgnoreCase(key) ? 0 : Keys.distance(typo, key);
  }

  private static String suggestion(String message) {
    int at = message.indexOf("did you mean '");
    assertThat(at).as("no suggestion in: %s", message).isNotNegative();
    int start = at + "did you mean '".length();
    return message.substring(start, message.indexOf('\'', start));
  }

  @Test
  void typosAreTheThreeKindsAndNeverTheKeyItself() {
    assertThat(typos("ports")).contains("prts", "orts", "prots", "Ports").doesNotContain("ports");
    assertThat(typos("podIP")).contains("podip", "PodIP", "podI");
  }
}
