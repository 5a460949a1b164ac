package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the command line takes its input: pipelines, repositories, typos, limits, crashes. */
class InputHandlingTest {

  private static final String PODS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, labels: {app: web}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db, namespace: shop, labels: {app: db}}
      """;

  @TempDir Path dir;

  @Test
  void aDashReadsStandardInputAsInAPipeline() {
    // helm template chart | kubereach list -
    CliRun run = CliRun.withStdin(PODS, "list", "-");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.lines()).contains("shop/web[Pod] => shop/db[Pod] : All Connections");

    CliRun empty = CliRun.withStdin("", "list", "-");
    assertThat(empty.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(empty.err()).contains("standard input holds no Kubernetes object");

    CliRun mixed = CliRun.withStdin(PODS, "list", "-", dir.toString());
    assertThat(mixed.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(mixed.err()).contains("'-' reads standard input and must be the only path");
  }

  @Test
  void aMisspeltFieldIsABadInputThatNamesItAndLenientReadsItWithANotice() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("p.yaml"),
            PODS
                + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db-in, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - ports: [{prot: 5432}]
                """);
    CliRun strict =
        CliRun.of("eval", file.toString(), "-s", "shop/web", "-d", "shop/db", "-p", "22");
    assertThat(strict.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err())
        .isEqualTo(
            "error: "
                + file
                + ":15:14 NetworkPolicy shop/db-in spec.ingress[0].ports[0].prot: unknown field"
                + " 'prot' in a NetworkPolicy port; did you mean 'port'?\n");

    CliRun lenient =
        CliRun.of(
            "eval", "--lenient", file.toString(), "-s", "shop/web", "-d", "shop/db", "-p", "22");
    assertThat(lenient.exitCode()).isEqualTo(Main.INCOMPLETE);
    assertThat(lenient.err()).contains("warning: ").contains("incomplete: read leniently:");
  }

  @Test
  void aRepositoryFolderNotesWhatItStepsOverAndSumsUpSkippedKinds() throws IOException {
    Files.writeString(dir.resolve("pods.yaml"), PODS);
    Files.createDirectories(dir.resolve("chart/templates"));
    Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: c\n");
    StringBuilder accounts = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      accounts
          .append("---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa")
          .append(i)
          .append("}\n");
    }
    Files.writeString(dir.resolve("accounts.yaml"), accounts.toString());

    CliRun run = CliRun.of("list", dir.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains(
            "info: "
                + dir.resolve("chart")
                + ": a Helm chart; its templates are manifests only once rendered, so it is"
                + " skipped: run helm template "
                + dir.resolve("chart")
                + " | kubereach list -")
        .contains(
            "warning: skipped 11 ServiceAccount objects (kind ServiceAccount is not analysed;"
                + " the first at "
                + dir.resolve("accounts.yaml")
                + ":2); -v lists each");
    assertThat(
            CliRun.of("list", "-v", dir.toString())
                .err()
                .lines()
                .filter(l -> l.contains("ServiceAccount")))
        .hasSize(11);
    assertThat(CliRun.of("list", "-q", dir.toString()).err()).isEmpty();
  }

  @Test
  void anEmptyFolderIsBadInputNotAnEmptyAnswer() {
    CliRun run = CliRun.of("list", dir.toString());
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no manifest files (.yaml, .yml, .json) found");
  }

  @Test
  void aLimitIsRaisedWithTheFlagItsMessageNames() throws IOException {
    Path deep =
        Files.writeString(
            dir.resolve("deep.yaml"),
            PODS
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: "
                + "[".repeat(150)
                + "]".repeat(150)
                + "\n");
    CliRun refused = CliRun.of("list", deep.toString());
    assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err())
        .contains("nesting deeper than 100 levels; raise it with --max-depth N");
    CliRun raised = CliRun.of("list", "--max-depth", "200", deep.toString());
    assertThat(raised.exitCode()).as(raised.toString()).isZero();
  }

  @Test
  void aCrashOfTheJvmIsAnInternalErrorNeverAVerdict() {
    StringWriter err = new StringWriter();
    assertThat(Main.crashed(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true)))
        .isEqualTo(Main.INTERNAL_ERROR);
    assertThat(err.toString())
        .isEqualTo(
            "internal error: out of memory; give the JVM more heap, e.g. java -Xmx8g -jar"
                + " kubereach.jar ...\n");
    StringWriter err2 = new StringWriter();
    assertThat(Main.crashed(new StackOverflowError(), new PrintWriter(err2, true)))
        .isEqualTo(Main.INTERNAL_ERROR);
    assertThat(err2.toString()).startsWith("internal error: stack overflow");
  }
}
