package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  private static final String CLUSTER =
      """
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
      metadata: {name: db, namespace: shop, labels: {app: db}}
      spec:
        containers:
        - name: db
          ports: [{name: pg, containerPort: 5432}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db-from-web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: web}}}]
          ports: [{port: pg}]
      """;

  @TempDir Path dir;

  private Path cluster() throws IOException {
    return Files.writeString(dir.resolve("cluster.yaml"), CLUSTER);
  }

  @Test
  void listPrintsTheLineGrammar() throws IOException {
    CliRun run = CliRun.of("list", cluster().toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.lines())
        .containsExactly(
            "0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections",
            "shop/db[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections",
            "shop/db[Pod] => shop/web[Pod] : All Connections",
            "shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections",
            "shop/web[Pod] => shop/db[Pod] : TCP 5432");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void evalExitsZeroWhenAllowedAndOneWhenDenied() throws IOException {
    Path c = cluster();
    CliRun allowed =
        CliRun.of("eval", c.toString(), "-s", "shop/web", "-d", "shop/db", "-p", "5432");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(allowed.out()).isEqualTo("allowed: shop/web[Pod] => shop/db[Pod] : TCP 5432\n");
    CliRun denied = CliRun.of("eval", c.toString(), "-s", "shop/web", "-d", "shop/db", "-p", "22");
    assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(1);
    assertThat(denied.out()).isEqualTo("denied: shop/web[Pod] => shop/db[Pod] : TCP 22\n");
    CliRun udp =
        CliRun.of(
            "eval",
            c.toString(),
            "-s",
            "shop/web",
            "-d",
            "shop/db",
            "-p",
            "5432",
            "--protocol",
            "udp");
    assertThat(udp.exitCode()).isEqualTo(1);
  }

  @Test
  void evalRejectsAnUnknownEndpointWithExitTwo() throws IOException {
    CliRun run =
        CliRun.of("eval", cluster().toString(), "-s", "shop/nope", "-d", "shop/db", "-p", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: ").contains("shop/nope").doesNotContain("\tat ");
  }

  @Test
  void bareNamesAndCidrsAreNotEndpoints() throws IOException {
    String c = cluster().toString();
    CliRun bare = CliRun.of("eval", c, "-s", "web", "-d", "shop/db", "-p", "5432");
    assertThat(bare.exitCode()).isEqualTo(2);
    assertThat(bare.err())
        .isEqualTo(
            "error: 'web' is not an endpoint; write ns/name[Kind], ns/name or an IP address,"
                + " e.g. one of [shop/web[Pod]]\n");
    CliRun cidr = CliRun.of("eval", c, "-s", "10.0.0.0/24", "-d", "shop/db", "-p", "5432");
    assertThat(cidr.exitCode()).isEqualTo(2);
    assertThat(cidr.err())
        .isEqualTo(
            "error: '10.0.0.0/24' is a CIDR, not an endpoint; give one address or a range"
                + " A-B[External]\n");
  }

  @Test
  void badManifestsGiveLocatedDiagnosticsAndExitTwo() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: 70000}]
            """);
    CliRun run = CliRun.of("list", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("error: ")
        .contains("bad.yaml:7:")
        .contains("70000")
        .doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun run = CliRun.of("list");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: nothing to read: give manifest files or folders, - for standard input, or"
                + " --cluster for the live cluster (see kubereach list --help)\n");
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void helpAndVersionWork() {
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("list", "eval", "explain", "diff", "Exit codes");
    for (String sub : new String[] {"list", "eval", "explain", "diff"}) {
      CliRun subHelp = CliRun.of(sub, "--help");
      assertThat(subHelp.exitCode()).isZero();
      assertThat(subHelp.out()).contains("Usage: kubereach " + sub);
    }
    assertThat(CliRun.of("--version").out()).startsWith("kubereach ");
  }

  @Test
  void outputOptionWritesTheFileAndNothingToStdout() throws IOException {
    Path out = dir.resolve("out.json");
    CliRun run = CliRun.of("list", cluster().toString(), "-o", "json", "--file", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(out))
        .startsWith(
            "{\"schemaVersion\":1,\"complete\":true,\"limitations\":[],\"count\":5,"
                + "\"connections\":[");
  }

  @Test
  void theOldOutputFlagNowNamesTheFormatAndAnUnknownOneIsAUsageError() throws IOException {
    // Before, --output FILE wrote a text file named "json"; now --output is the format.
    CliRun json = CliRun.of("list", cluster().toString(), "--output", "json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).startsWith("{\"schemaVersion\":1");
    CliRun unknown = CliRun.of("list", cluster().toString(), "-o", "yaml");
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("yaml");
    CliRun unwritable =
        CliRun.of(
            "list", cluster().toString(), "-f", dir.resolve("no/such/dir/out.txt").toString());
    assertThat(unwritable.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unwritable.err()).contains("its directory does not exist");
    CliRun check =
        CliRun.of("check", cluster().toString(), "-s", "shop/web", "-d", "shop/db", "-p", "pg");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(check.out()).isEqualTo("allowed: shop/web[Pod] => shop/db[Pod] : TCP 5432\n");
  }

  @Test
  void focusWorkloadKeepsItsConnectionsOnly() throws IOException {
    CliRun run = CliRun.of("list", cluster().toString(), "--focus-workload", "shop/web");
    assertThat(run.lines()).hasSize(4).allMatch(l -> l.contains("shop/web[Pod]"));
  }

  @Test
  void hostNetworkCaveatsGoIntoJsonRecordsAndOtherwiseToStderr() throws IOException {
    // S13: every JSON record that involves a hostNetwork pod carries the caveat.
    Path c =
        Files.writeString(
            dir.resolve("host.yaml"),
            CLUSTER.replace(
                "metadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n",
                "metadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n"
                    + "  hostNetwork: true\n"));
    CliRun json = CliRun.of("list", c.toString(), "-o", "json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.lines())
        .filteredOn(l -> l.contains("\"shop/web[Pod]\""))
        .hasSize(4)
        .allMatch(
            l ->
                l.contains("\"caveats\":[{\"kind\":\"HOST_NETWORK\",\"endpoint\":{")
                    && l.contains("uses hostNetwork"));
    assertThat(json.lines())
        .filteredOn(l -> l.contains("\"text\":\"shop/db[Pod]\"") && !l.contains("shop/web"))
        .allMatch(l -> l.contains("\"caveats\":[]"));
    CliRun txt = CliRun.of("list", c.toString());
    assertThat(txt.err())
        .isEqualTo(
            "warning: shop/web[Pod] uses hostNetwork: most network plugins do not apply"
                + " NetworkPolicy to such pods; this answer treats them as ordinary pods (S13)\n");
    assertThat(txt.out()).doesNotContain("hostNetwork");
  }

  @Test
  void focusOnAnUnknownWorkloadIsBadInput() throws IOException {
    CliRun run = CliRun.of("list", cluster().toString(), "--focus-workload", "shop/wbe");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: --focus-workload shop/wbe names no workload; write ns/name, name or"
                + " ns/name[Kind], e.g. shop/db[Pod]\n");
  }

  @Test
  void outputIntoAMissingDirectoryIsBadInput() throws IOException {
    Path out = dir.resolve("no/such/dir/out.txt");
    CliRun run = CliRun.of("list", cluster().toString(), "--file", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: cannot write " + out + ": its directory does not exist; create it first\n");
  }

  @Test
  void diffReportsChangesWithExitOne() throws IOException {
    Path before = cluster();
    Path afterDir = Files.createDirectory(dir.resolve("after"));
    Path after =
        Files.writeString(
            afterDir.resolve("c.yaml"),
            CLUSTER.replace("ports: [{port: pg}]", "ports: [{port: 22}]"));
    CliRun same = CliRun.of("diff", before.toString(), before.toString());
    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(same.out()).isEmpty();
    CliRun changed = CliRun.of("diff", before.toString(), after.toString());
    assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(1);
    assertThat(changed.lines())
        .containsExactly("~ shop/web[Pod] => shop/db[Pod] : TCP 5432 -> TCP 22");
  }

  @Test
  void explainNamesThePolicyAndRule() throws IOException {
    CliRun run =
        CliRun.of("explain", cluster().toString(), "-s", "shop/web", "-d", "shop/db", "-p", "5432");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("allowed").contains("shop/db-from-web rule 0");
  }
}
