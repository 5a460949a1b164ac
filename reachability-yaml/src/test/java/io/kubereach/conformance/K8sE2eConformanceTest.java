package io.kubereach.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.Protocol;
import io.kubereach.testing.Oracle;
import io.kubereach.yaml.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with the Kubernetes upstream e2e NetworkPolicy truth tables ({@code
 * ../shared/oracle/k8s-e2e}, docs/architecture.md): one dynamic test per probed (from, to,
 * protocol, port) line. Self lines are skipped, as upstream ignores them (S11 makes them always
 * true here). These cases match ipBlocks against pod IPs (S12), so the index uses the default
 * options.
 */
class K8sE2eConformanceTest {

  @TestFactory
  Stream<DynamicNode> everyProbeOfEveryCaseMatchesTheTruthTable() {
    return Oracle.cases("k8s-e2e").stream().map(K8sE2eConformanceTest::caseTests);
  }

  private static DynamicNode caseTests(Path dir) {
    ReachabilityIndex index =
        Reachability.index(Manifests.load(dir.resolve("cluster.yaml")).cluster());
    List<DynamicTest> probes =
        lines(dir.resolve("expected.tsv")).stream()
            .map(line -> line.split("\t"))
            .filter(cells -> !cells[0].equals(cells[1]))
            .map(
                cells ->
                    DynamicTest.dynamicTest(
                        String.join(" ", cells),
                        () -> {
                          Endpoint from = index.resolve(cells[0]);
                          Endpoint to = index.resolve(cells[1]);
                          Port port =
                              new Port(Protocol.parse(cells[2]), Integer.parseInt(cells[3]));
                          boolean expected = Boolean.parseBoolean(cells[4]);
                          assertThat(index.check(from, to, port).allowed())
                              .as("%s\n%s", String.join(" ", cells), index.explain(from, to, port))
                              .isEqualTo(expected);
                        }))
            .toList();
    return DynamicContainer.dynamicContainer(dir.getFileName().toString(), probes);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
