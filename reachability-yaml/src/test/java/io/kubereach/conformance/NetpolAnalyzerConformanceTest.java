package io.kubereach.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import io.kubereach.AnalysisOptions;
import io.kubereach.Connection;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.testing.Oracle;
import io.kubereach.yaml.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with the np-guard netpol-analyzer {@code list} goldens ({@code
 * ../shared/oracle/netpol-analyzer} and the Ingress/Route collection without its ingress-controller
 * lines, DESIGN §8, §9), one dynamic test per case, under the "ipBlocks external only" convention
 * those goldens assume (S12). Lines between workloads must be equal as text; external lines are
 * compared as functions over the IPv4 space (netpol-analyzer cuts ranges at every policy CIDR and
 * never merges, kubereach merges maximal runs; it has no IPv6 space).
 */
class NetpolAnalyzerConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyPlainCaseListsTheSameConnections() {
    return Oracle.cases("netpol-analyzer").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(), () -> compare(dir, "expected.txt")));
  }

  @TestFactory
  Stream<DynamicTest> everyIngressCaseListsTheSameConnectionsWithoutTheIngressController() {
    return Oracle.cases("netpol-analyzer-ingress").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> compare(dir, "expected_without_ingress_controller.txt")));
  }

  private static void compare(Path dir, String expectedFile) {
    ReachabilityIndex index =
        Reachability.index(
            Manifests.load(dir.resolve("input")).cluster(), AnalysisOptions.externalOnly());
    List<String> expected = lines(dir.resolve(expectedFile));
    List<Connection> actual = index.connections();

    List<String> expectedInternal = new ArrayList<>();
    List<String[]> expectedExternal = new ArrayList<>();
    for (String line : expected) {
      String[] parts = split(line);
      if (parts[0].endsWith("[External]") || parts[1].endsWith("[External]")) {
        expectedExternal.add(parts);
      } else {
        expectedInternal.add(line);
      }
    }
    List<String> actualInternal =
        actual.stream()
            .filter(
                c ->
                    c.source() instanceof WorkloadEndpoint
                        && c.destination() instanceof WorkloadEndpoint)
            .map(Connection::toString)
            .toList();
    assertThat(actualInternal).as("lines between workloads").isEqualTo(expectedInternal);

    // External lines as functions: per (workload, direction), ports at every range boundary.
    Map<String, TreeMap<BigInteger, Piece>> want = new TreeMap<>();
    for (String[] p : expectedExternal) {
      boolean egress = p[1].endsWith("[External]");
      ExternalEndpoint range = (ExternalEndpoint) Endpoint.parse(egress ? p[1] : p[0]);
      put(want, (egress ? "egress " + p[0] : "ingress " + p[1]), range, PortSet.parse(p[2]));
    }
    Map<String, TreeMap<BigInteger, Piece>> got = new TreeMap<>();
    for (Connection c : actual) {
      if (c.destination() instanceof ExternalEndpoint e && !e.isIpv6()) {
        put(got, "egress " + c.source(), e, c.ports());
      } else if (c.source() instanceof ExternalEndpoint e && !e.isIpv6()) {
        put(got, "ingress " + c.destination(), e, c.ports());
      }
    }
    TreeSet<String> keys = new TreeSet<>(want.keySet());
    keys.addAll(got.keySet());
    for (String key : keys) {
      TreeMap<BigInteger, Piece> w = want.getOrDefault(key, new TreeMap<>());
      TreeMap<BigInteger, Piece> g = got.getOrDefault(key, new TreeMap<>());
      TreeSet<BigInteger> samples = new TreeSet<>(List.of(BigInteger.ZERO));
      for (TreeMap<BigInteger, Piece> m : List.of(w, g)) {
        for (Piece piece : m.values()) {
          samples.add(piece.first());
          samples.add(piece.last().add(BigInteger.ONE));
        }
      }
      for (BigInteger a : samples.headSet(BigInteger.ONE.shiftLeft(32), false)) {
        assertThat(at(g, a)).as("%s at address %s", key, a).isEqualTo(at(w, a));
      }
    }
  }

  private record Piece(BigInteger first, BigInteger last, PortSet ports) {}

  private static void put(
      Map<String, TreeMap<BigInteger, Piece>> map,
      String key,
      ExternalEndpoint range,
      PortSet ports) {
    BigInteger first = new IPAddressString(range.first()).getAddress().getValue();
    BigInteger last = new IPAddressString(range.last()).getAddress().getValue();
    map.computeIfAbsent(key, k -> new TreeMap<>()).put(first, new Piece(first, last, ports));
  }

  private static PortSet at(TreeMap<BigInteger, Piece> pieces, BigInteger address) {
    Map.Entry<BigInteger, Piece> e = pieces.floorEntry(address);
    return e != null && e.getValue().last().compareTo(address) >= 0
        ? e.getValue().ports()
        : PortSet.none();
  }

  /** {@code src => dst : conns}. */
  private static String[] split(String line) {
    int arrow = line.indexOf(" => ");
    int colon = line.indexOf(" : ", arrow);
    return new String[] {
      line.substring(0, arrow), line.substring(arrow + 4, colon), line.substring(colon + 3)
    };
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
