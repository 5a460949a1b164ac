package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.ConnectionChange;
import io.kubereach.ReachabilityDiff;
import io.kubereach.model.Endpoint;
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
                    dir.getFileName().toString(), () -> sameAs(dir, "expected.txt")));
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

  private static void sameAs(Path dir, String expectedFile) throws IOException {
    CliRun run = CliRun.of("list", "--ipblocks-external-only", dir.resolve("input").toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> expected =
        Files.readAllLines(dir.resolve(expectedFile)).stream().filter(l -> !l.isBlank()).toList();
    ReachabilityDiff diff =
        ReachabilityDiff.of(CliRun.parseList(expected), CliRun.parseList(run.lines()));
    assertThat(diff.changes())
        .as("differences (- only expected, + only ours, ~ other ports)")
        .extracting(ConnectionChange::toString)
        .isEmpty();
    // Workload-to-workload lines are the same text, in the same order.
    assertThat(run.lines().stream().filter(l -> !l.contains("[External]")).toList())
        .containsExactlyElementsOf(
            expected.stream().filter(l -> !l.contains("[External]")).toList());
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
