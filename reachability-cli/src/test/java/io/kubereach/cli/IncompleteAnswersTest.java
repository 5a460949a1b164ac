package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin tiers at the command line, and the one contract for answers that are incomplete
 * (docs/cli.md, "Incomplete answers"): the txt/csv/md grammar is kept, a notice goes to stderr that
 * {@code -q} does not hide, JSON says {@code "complete": false} and why, and {@code eval} and
 * {@code diff} exit 4.
 */
class IncompleteAnswersTest {

  private static final String PODS =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: vault}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, labels: {app: web}}
      spec:
        containers:
        - name: web
          ports: [{name: http, containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: secrets, namespace: vault, labels: {app: secrets}}
      spec:
        containers:
        - name: s
          ports: [{name: https, containerPort: 8443}]
      """;

  /** T1, T2, T3: an Admin deny of everything into the vault but from the vault itself. */
  private static final String ADMIN_DENY =
      """
      ---
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata: {name: sensitive}
      spec:
        tier: Admin
        priority: 10
        subject:
          namespaces: {matchLabels: {kubernetes.io/metadata.name: vault}}
        ingress:
        - name: vault-itself
          action: Accept
          from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: vault}}}]
        - name: nobody-else
          action: Deny
          from: [{namespaces: {}}]
      """;

  private static final String CALICO =
      """
      ---
      apiVersion: projectcalico.org/v3
      kind: GlobalNetworkPolicy
      metadata: {name: calico-deny}
      spec: {selector: all()}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void anAdminDenyIsExplainedWithTierPolicyPriorityAndRule() throws IOException {
    Path c = write("c.yaml", PODS + ADMIN_DENY);
    CliRun eval =
        CliRun.of("eval", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(eval.exitCode()).as(eval.toString()).isEqualTo(1);
    assertThat(eval.err()).isEmpty();

    CliRun explain =
        CliRun.of("explain", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(explain.exitCode()).as(explain.toString()).isZero();
    assertThat(explain.out())
        .contains(
            "ingress of vault/secrets[Pod]: admin tier: ClusterNetworkPolicy/sensitive"
                + " (priority 10) rule 1 \"nobody-else\" denies");

    CliRun json =
        CliRun.of(
            "eval",
            c.toString(),
            "-s",
            "shop/web",
            "-d",
            "vault/secrets",
            "-p",
            "8443",
            "-o",
            "json");
    JsonNode tier = JsonMapper.builder().build().readTree(json.out());
    assertThat(tier.get("complete").asBoolean()).isTrue();
    JsonNode step = tier.at("/explanation/ingress/tiers/0");
    assertThat(step.get("tier").asString()).isEqualTo("admin");
    assertThat(step.get("action").asString()).isEqualTo("deny");
    assertThat(step.get("priority").asInt()).isEqualTo(10);
    assertThat(step.get("ruleName").asString()).isEqualTo("nobody-else");
    assertThat(step.at("/rule/rule").asInt()).isEqualTo(1);
    assertThat(step.at("/rule/policy/kind").asString()).isEqualTo("ClusterNetworkPolicy");
  }

  @Test
  void aPolicyOfAnotherApiMakesEveryAnswerIncompleteAndSaysSoEvenWhenQuiet() throws IOException {
    Path c = write("c.yaml", PODS + CALICO);
    CliRun list = CliRun.of("list", "-q", c.toString());
    assertThat(list.exitCode()).as(list.toString()).isEqualTo(Main.INCOMPLETE);
    // The grammar is kept: every stdout line is still a connection line.
    assertThat(list.lines()).allSatisfy(l -> assertThat(l).contains(" => ").contains(" : "));
    assertThat(CliRun.parseList(list.lines())).isNotEmpty();
    assertThat(list.err())
        .doesNotContain("warning:")
        .contains("incomplete: ")
        .contains("Calico policy GlobalNetworkPolicy (projectcalico.org/v3) is not analysed");

    CliRun eval =
        CliRun.of("eval", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(eval.exitCode()).as(eval.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(eval.out()).startsWith("allowed: ");

    CliRun explain =
        CliRun.of("explain", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(explain.exitCode()).as(explain.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(explain.err()).contains("incomplete: ");

    CliRun radius = CliRun.of("blast-radius", c.toString(), "-s", "shop/web", "-o", "json");
    assertThat(radius.exitCode()).as(radius.toString()).isEqualTo(Main.INCOMPLETE);
    JsonNode reached = JsonMapper.builder().build().readTree(radius.out());
    assertThat(reached.get("complete").asBoolean()).isFalse();
    assertThat(reached.at("/limitations/0/kind").asString()).isEqualTo("UNANALYSED_POLICY_KIND");

    CliRun json = CliRun.of("list", c.toString(), "-o", "json");
    JsonNode root = JsonMapper.builder().build().readTree(json.out());
    assertThat(root.get("complete").asBoolean()).isFalse();
    assertThat(root.at("/limitations/0/kind").asString()).isEqualTo("UNANALYSED_POLICY_KIND");
    assertThat(root.at("/limitations/0/message").asString()).contains("c.yaml:");

    Path complete = write("before.yaml", PODS);
    CliRun diff = CliRun.of("diff", complete.toString(), c.toString());
    assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(diff.out()).isEmpty();
    assertThat(diff.err()).contains("incomplete: ");
  }

  @Test
  void whatTheCrdRefusesIsAnErrorUnlessLenientWhichSaysSo() throws IOException {
    Path c =
        write(
            "c.yaml",
            PODS
                + """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: mixed}
                spec:
                  tier: Admin
                  priority: 5
                  subject: {namespaces: {}}
                  egress:
                  - action: Accept
                    to: [{networks: [10.0.0.0/8]}, {pods: {podSelector: {}}}]
                    protocols: [{destinationNamedPort: https}]
                """);
    CliRun strict = CliRun.of("list", c.toString());
    assertThat(strict.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(strict.err())
        .contains("c.yaml:")
        .contains("ClusterNetworkPolicy mixed spec.egress[0]")
        .contains("a named port cannot be used with networks");

    CliRun lenient =
        CliRun.of(
            "eval",
            "--lenient",
            c.toString(),
            "-s",
            "shop/web",
            "-d",
            "vault/secrets",
            "-p",
            "8443");
    assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(lenient.err()).contains("warning: ").contains("incomplete: read leniently:");
  }

  @Test
  void aVerdictThatDependsOnTheOrderOfSamePriorityPoliciesIsAmbiguousAndIncomplete()
      throws IOException {
    Path c =
        write(
            "c.yaml",
            PODS
                + """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: a-accept}
                spec:
                  tier: Admin
                  priority: 20
                  subject: {namespaces: {}}
                  ingress: [{action: Accept, from: [{namespaces: {}}]}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: b-deny}
                spec:
                  tier: Admin
                  priority: 20
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{namespaces: {}}]}]
                """);
    CliRun eval =
        CliRun.of("eval", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(eval.exitCode()).as(eval.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(eval.out()).contains("(ambiguous: it depends on the order of policies, T9)");
    assertThat(eval.err()).contains("incomplete: ");
    CliRun explain =
        CliRun.of("explain", c.toString(), "-s", "shop/web", "-d", "vault/secrets", "-p", "8443");
    assertThat(explain.out())
        .contains("ClusterNetworkPolicy/a-accept")
        .contains("ClusterNetworkPolicy/b-deny")
        .contains("(T9)");
  }
}
