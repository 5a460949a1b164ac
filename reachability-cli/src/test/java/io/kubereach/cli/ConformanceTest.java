package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.Connection;
import io.kubereach.ConnectionChange;
import io.kubereach.ReachabilityDiff;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.Protocol;
import io.kubereach.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code list} output against test suites written by others ({@code ../shared/oracle}).
 *
 * <p>netpol-analyzer cuts the address space at every policy CIDR and never merges; we print maximal
 * ranges. Workload lines must be equal; external lines must be equal as functions over the address
 * space, which {@link ReachabilityDiff#of} decides on the common refinement of both.
 */
class ConformanceTest {

  @TestFactory
  Stream<DynamicTest> netpolAnalyzer() {
    return Oracle.cases("netpol-analyzer").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      if (TYPO.contains(dir.getFileName().toString())) {
                        typoReadLeniently(dir);
                      } else {
                        sameAs(dir, "expected.txt");
                      }
                    }));
  }

  /**
   * Two inputs misspell {@code containerPort} as {@code containerport}: refused by default (exit
   * 2); read with {@code --lenient}, the warning names the typo, the answer is incomplete, and the
   * connections are netpol-analyzer's (the port has no number and is left out).
   */
  private static final java.util.Set<String> TYPO =
      java.util.Set.of("netpol_named_port_test", "netpol_named_port_test_2");

  private static void typoReadLeniently(Path dir) throws IOException {
    CliRun strict = CliRun.of("list", "--ipblocks-external-only", dir.resolve("input").toString());
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
    assertThat(strict.err()).contains("did you mean 'containerPort'?");
    CliRun lenient = sameAs(dir, "expected.txt", false, "--lenient");
    assertThat(lenient.err())
        .contains("warning: ")
        .contains("did you mean 'containerPort'?")
        .contains("incomplete: read leniently:");
  }

  @TestFactory
  Stream<DynamicTest> netpolAnalyzerIngress() {
    return Oracle.cases("netpol-analyzer-ingress").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> sameAs(dir, "expected_without_ingress_controller.txt")));
  }

  @TestFactory
  Stream<DynamicTest> k8sE2e() {
    return Oracle.cases("k8s-e2e").stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> truthTable(dir)));
  }

  /**
   * The admin-tier goldens of netpol-analyzer (T1–T11). It reads IPv4 only (it warns on IPv6
   * networks), so both sides are compared on the IPv4 space. One input puts a named port beside a
   * networks peer in one rule, which the CRD refuses: it runs with {@code --lenient}, the warning
   * and the incomplete notice must be there, and the answer must still match.
   */
  @TestFactory
  Stream<DynamicTest> netpolAnalyzerAdminTiers() {
    return Oracle.cases("netpol-analyzer-anp").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      if (dir.endsWith("anp_test_named_ports_multiple_peers")) {
                        CliRun strict =
                            CliRun.of(
                                "list",
                                "--ipblocks-external-only",
                                dir.resolve("input").toString());
                        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
                        CliRun lenient = sameAs(dir, "expected.txt", true, "--lenient");
                        assertThat(lenient.err())
                            .contains("a named port cannot be used with networks")
                            .contains("incomplete: read leniently:");
                      } else {
                        sameAs(dir, "expected.txt", true);
                      }
                    }));
  }

  /**
   * The upstream ClusterNetworkPolicy conformance suite (T1–T10), every probe through {@code list}
   * and through {@code eval}.
   */
  @TestFactory
  Stream<DynamicTest> networkPolicyApi() {
    return Oracle.cases("network-policy-api").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      truthTable(dir);
                      evalEveryProbe(dir);
                    }));
  }

  private static void sameAs(Path dir, String expectedFile) throws IOException {
    sameAs(dir, expectedFile, false);
  }

  private static CliRun sameAs(Path dir, String expectedFile, boolean ipv4Only, String... flags)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("list", "--ipblocks-external-only"));
    args.addAll(List.of(flags));
    args.add(dir.resolve("input").toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    // Exit 4 exactly when stderr says why the answer is incomplete (docs/cli.md).
    assertThat(run.exitCode())
        .as(run.toString())
        .isEqualTo(run.err().contains("incomplete: ") ? Main.INCOMPLETE : Main.OK);
    List<String> expected =
        Files.readAllLines(dir.resolve(expectedFile)).stream().filter(l -> !l.isBlank()).toList();
    List<String> ours = run.lines();
    if (ipv4Only) {
      expected = expected.stream().filter(l -> !ipv6(l)).toList();
      ours = ours.stream().filter(l -> !ipv6(l)).toList();
    }
    ReachabilityDiff diff = ReachabilityDiff.of(CliRun.parseList(expected), CliRun.parseList(ours));
    assertThat(diff.changes())
        .as("differences (- only expected, + only ours, ~ other ports)")
        .extracting(ConnectionChange::toString)
        .isEmpty();
    // Workload-to-workload lines are the same text, in the same order.
    assertThat(run.lines().stream().filter(l -> !l.contains("[External]")).toList())
        .containsExactlyElementsOf(
            expected.stream().filter(l -> !l.contains("[External]")).toList());
    return run;
  }

  /** Whether a list line has an IPv6 external end. */
  private static boolean ipv6(String line) {
    Connection c = CliRun.parseLine(line);
    return Stream.of(c.source(), c.destination())
        .anyMatch(e -> e instanceof ExternalEndpoint x && x.isIpv6());
  }

  /** Every probe of expected.tsv through {@code eval}: exit code 0 allowed, 1 denied. */
  private static void evalEveryProbe(Path dir) throws IOException {
    List<String> wrong = new ArrayList<>();
    String cluster = dir.resolve("cluster.yaml").toString();
    for (String line : Files.readAllLines(dir.resolve("expected.tsv"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      CliRun run =
          CliRun.of("eval", cluster, "-s", f[0], "-d", f[1], "--protocol", f[2], "-p", f[3]);
      int expected = Boolean.parseBoolean(f[4]) ? 0 : 1;
      if (run.exitCode() != expected) {
        wrong.add(line + "\t" + run);
      }
    }
    assertThat(wrong).as("probes where eval disagrees").isEmpty();
  }

  /** Every non-self line of expected.tsv, checked through the {@code list} output. */
  private static void truthTable(Path dir) throws IOException {
    CliRun run = CliRun.of("list", dir.resolve("cluster.yaml").toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Map<String, PortSet> allowed = new HashMap<>();
    CliRun.parseList(run.lines())
        .forEach(c -> allowed.put(c.source() + " " + c.destination(), c.ports()));
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String line : Files.readAllLines(dir.resolve("expected.tsv"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals(f[1])) {
        continue; // upstream ignores loopback cells (oracle/k8s-e2e/README.md)
      }
      Endpoint src = pod(f[0]);
      Endpoint dst = pod(f[1]);
      Port port = new Port(Protocol.parse(f[2]), Integer.parseInt(f[3]));
      boolean expected = Boolean.parseBoolean(f[4]);
      boolean actual = allowed.getOrDefault(src + " " + dst, PortSet.none()).contains(port);
      checked++;
      if (expected != actual) {
        wrong.add(line);
      }
    }
    assertThat(checked).isPositive();
    assertThat(wrong).as("cells where list disagrees with the truth table").isEmpty();
  }

  private static Endpoint pod(String nsSlashName) {
    int slash = nsSlashName.indexOf('/');
    return Endpoint.pod(nsSlashName.substring(0, slash), nsSlashName.substring(slash + 1));
  }
}
