package io.kubereach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortSetTest {

  @Test
  void printsTheListGrammarWithMergedRangesAndProtocolsInOrder() {
    PortSet s =
        PortSet.of(
            new PortRange(Protocol.UDP, 53, 53),
            new PortRange(Protocol.TCP, 8080, 8085),
            new PortRange(Protocol.TCP, 8086, 8090),
            new PortRange(Protocol.TCP, 80, 80),
            new PortRange(Protocol.SCTP, 1, 65535));
    assertThat(s).hasToString("SCTP 1-65535,TCP 80,8080-8090,UDP 53");
  }

  @Test
  void allProtocolsFullyOpenIsAllConnections() {
    PortSet s =
        PortSet.of(
            PortRange.all(Protocol.TCP), PortRange.all(Protocol.UDP), PortRange.all(Protocol.SCTP));
    assertThat(s).hasToString("All Connections").isEqualTo(PortSet.all());
    assertThat(s.isAll()).isTrue();
    assertThat(PortSet.none()).hasToString("No Connections");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "All Connections",
        "No Connections",
        "TCP 80",
        "TCP 1-79,81-65535,UDP 1-52,54-65535",
        "SCTP 9,TCP 80,8080-8090,UDP 53"
      })
  void parsesWhatItPrints(String text) {
    assertThat(PortSet.parse(text)).hasToString(text);
  }

  @Test
  void setAlgebra() {
    PortSet a = PortSet.parse("TCP 1-100");
    PortSet b = PortSet.parse("TCP 50-150,UDP 53");
    assertThat(a.union(b)).hasToString("TCP 1-150,UDP 53");
    assertThat(a.intersection(b)).hasToString("TCP 50-100");
    assertThat(b.difference(a)).hasToString("TCP 101-150,UDP 53");
    assertThat(a.contains(Port.tcp(100))).isTrue();
    assertThat(a.contains(Port.udp(100))).isFalse();
    assertThat(b.ranges())
        .containsExactly(new PortRange(Protocol.TCP, 50, 150), new PortRange(Protocol.UDP, 53, 53));
    assertThat(PortSet.of(List.of())).isEqualTo(PortSet.none());
  }

  /** The shortcuts of union and intersection (none, all, equal sets) answer what ranges do. */
  @Test
  void shortcutsAgreeWithTheRanges() {
    List<PortSet> sets =
        List.of(
            PortSet.none(),
            PortSet.all(),
            PortSet.parse("SCTP 1-65535,TCP 1-65535,UDP 1-65535"),
            PortSet.parse("TCP 1-100"),
            PortSet.parse("TCP 1-100"),
            PortSet.parse("TCP 50-150,UDP 53"));
    for (PortSet a : sets) {
      for (PortSet b : sets) {
        PortSet union = PortSet.of(concat(a.ranges(), b.ranges()));
        assertThat(a.union(b)).as(a + " | " + b).isEqualTo(union);
        PortSet both = a.difference(a.difference(b)); // a ∩ b through difference alone
        assertThat(a.intersection(b)).as(a + " & " + b).isEqualTo(both);
      }
    }
  }

  private static List<PortRange> concat(List<PortRange> a, List<PortRange> b) {
    List<PortRange> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void rejectsTextOutsideTheGrammar() {
    assertThatThrownBy(() -> PortSet.parse("80")).hasMessageContaining("must start with");
    assertThatThrownBy(() -> PortSet.parse("TCP x")).hasMessageContaining("invalid port set");
    assertThatThrownBy(() -> PortSet.parse("ICMP 1")).hasMessageContaining("unknown protocol");
  }

  @Test
  void portsParseAndPrint() {
    assertThat(Port.parse("UDP 53")).isEqualTo(Port.udp(53)).hasToString("UDP 53");
    assertThat(Port.parse("8080")).isEqualTo(Port.tcp(8080));
    assertThat(Protocol.parse("sctp")).isEqualTo(Protocol.SCTP);
  }
}
