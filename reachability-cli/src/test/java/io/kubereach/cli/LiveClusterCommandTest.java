package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubereach.fabric8.testing.LiveShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CLI reads a live (mock) cluster, seeded as the shop is once applied: Deployments with their
 * ReplicaSets and pods (owner references, IPs), StatefulSet and DaemonSet pods, a finished Job. Its
 * answer is the answer from the shop's files, byte for byte, in every format.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LiveClusterCommandTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir static Path dir;
  static Path kubeconfig;

  @BeforeAll
  static void seed() throws IOException {
    LiveShop.seed(client, LiveShop.shop());
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "current-context: elsewhere",
            "clusters:",
            "- name: mock",
            "  cluster: {server: '" + client.getMasterUrl() + "'}",
            "- name: far",
            "  cluster: {server: 'http://127.0.0.1:1'}",
            "users:",
            "- name: me",
            "  user: {token: secret}",
            "contexts:",
            "- name: mock",
            "  context: {cluster: mock, user: me}",
            "- name: elsewhere",
            "  context: {cluster: far, user: me}",
            ""));
  }

  private static CliRun live(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = kubeconfig.toString();
    all[args.length + 2] = "--context";
    all[args.length + 3] = "mock";
    return CliRun.of(all);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void listAnswersAsTheManifestsDoByteForByte(Format format) {
    CliRun files = CliRun.of("list", "-q", "-o", format.name(), LiveShop.shop().toString());
    CliRun cluster = live("list", "-q", "-o", format.name());

    assertThat(cluster.exitCode()).as(cluster.toString()).isEqualTo(files.exitCode()).isZero();
    assertThat(cluster.err()).isEmpty();
    // The HTML report's title names its input ("the live cluster (context mock)"), nothing else
    // may differ.
    assertThat(withoutTitle(cluster.out())).isEqualTo(withoutTitle(files.out()));
    assertThat(cluster.out()).isNotBlank();
  }

  private static String withoutTitle(String html) {
    return html.replaceAll("Connections of [^<]*<", "Connections of ...<");
  }

  @Test
  void applyingTheSameManifestsChangesNothingAndAChangeShows() throws IOException {
    CliRun same = live("diff", "-q", "--apply", LiveShop.shop().toString());
    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(same.out()).isEmpty();

    Path change = Files.createDirectories(dir.resolve("change"));
    Files.writeString(
        change.resolve("deny.yaml"),
        String.join(
            "\n",
            "apiVersion: networking.k8s.io/v1",
            "kind: NetworkPolicy",
            "metadata: {name: open-data, namespace: shop-data}",
            "spec: {podSelector: {}, ingress: [{}]}",
            ""));
    CliRun changed = live("diff", "-q", "--apply", change.toString());
    assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(Main.NEGATIVE);
    assertThat(changed.out()).startsWith("+ ").contains("=> shop-data/");
  }

  @Test
  void aNamespaceNarrowsTheReadAndTheKubeconfigIsCheckedLikeKubectlDoes() {
    CliRun frontend = live("list", "-q", "-n", "shop-frontend", "-n", "shop-backend");
    // Part of a cluster is an incomplete answer: the other namespaces' pods are not in it.
    assertThat(frontend.exitCode()).as(frontend.toString()).isEqualTo(Main.INCOMPLETE);
    assertThat(frontend.err())
        .startsWith("incomplete: read only namespaces shop-backend, shop-frontend of cluster");
    assertThat(frontend.out()).contains("shop-frontend/").doesNotContain("shop-data/");

    CliRun both = live("list", "-n", "shop-frontend", "-A");
    assertThat(both.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err())
        .isEqualTo("error: -A (all namespaces) and -n shop-frontend contradict each other\n");

    CliRun noContext =
        CliRun.of("list", "--kubeconfig", kubeconfig.toString(), "--context", "prod");
    assertThat(noContext.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(noContext.err())
        .startsWith("error: no context 'prod' in the kubeconfig ")
        .endsWith("; contexts: [elsewhere, mock]\n");

    CliRun down = CliRun.of("list", "--kubeconfig", kubeconfig.toString());
    assertThat(down.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(down.err())
        .startsWith(
            "error: cannot reach the API server at http://127.0.0.1:1/ to list namespaces:");
  }
}
