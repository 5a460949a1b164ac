package io.kubereach.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityDiff;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.Port;
import io.kubereach.testing.Build;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documents read back: their shape is docs/cli.md's, and what they say is the index's. */
class KubereachJsonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ReachabilityIndex INDEX = Reachability.index(Build.webToDbOn5432());
  private static final Endpoint WEB = INDEX.resolve("shop/web");
  private static final Endpoint DB = INDEX.resolve("shop/db");

  private interface Document {
    void write(Writer out);
  }

  private static JsonNode read(Document document) {
    StringWriter out = new StringWriter();
    document.write(out);
    assertThat(out.toString()).endsWith("}\n");
    JsonNode root = JSON.readTree(out.toString());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(KubereachJson.SCHEMA_VERSION);
    return root;
  }

  @Test
  void connectionsAreTheIndexsOneRecordPerLine() {
    StringWriter text = new StringWriter();
    KubereachJson.connections(INDEX, text);
    JsonNode root = JSON.readTree(text.toString());

    assertThat(root.get("complete").asBoolean()).isTrue();
    assertThat(root.get("count").asInt()).isEqualTo(INDEX.connections().size());
    JsonNode webToDb =
        root.get("connections")
            .valueStream()
            .filter(c -> c.get("destination").get("text").asString().equals("shop/db[Pod]"))
            .findFirst()
            .orElseThrow();
    assertThat(webToDb.get("source").get("name").asString()).isEqualTo("web");
    assertThat(webToDb.get("ports").get("text").asString()).isEqualTo("TCP 5432");
    // A record per line: a reader can stream a list of millions.
    assertThat(text.toString().lines()).hasSize(INDEX.connections().size() + 1);
  }

  @Test
  void aVerdictCarriesItsExplanationAndCompleteness() {
    JsonNode denied =
        read(
            out ->
                KubereachJson.verdict(
                    INDEX.check(WEB, DB, Port.tcp(80)),
                    List.of(new Limitation(Limitation.Kind.LENIENT_LOAD, "read leniently")),
                    out));

    assertThat(denied.get("allowed").asBoolean()).isFalse();
    assertThat(denied.get("port").asInt()).isEqualTo(80);
    assertThat(denied.get("limitations").get(0).get("kind").asString()).isEqualTo("LENIENT_LOAD");
    assertThat(denied.get("explanation").get("ingress").get("outcome").asString())
        .isEqualTo("denied");
    assertThat(
            denied
                .get("explanation")
                .get("ingress")
                .get("isolatedBy")
                .get(0)
                .get("text")
                .asString())
        .isEqualTo("shop/db");
  }

  @Test
  void explanationsSplitThePortsIntoRangesOfOneVerdict() {
    JsonNode all =
        read(out -> KubereachJson.explanations(INDEX, List.of(Map.entry(WEB, DB)), r -> true, out));
    JsonNode allowedOnly =
        read(
            out ->
                KubereachJson.explanations(
                    INDEX, List.of(Map.entry(WEB, DB)), r -> r.allowed(), out));

    JsonNode ranges = all.get("pairs").get(0).get("ranges");
    assertThat(ranges.valueStream().map(r -> r.get("ports").get("text").asString()))
        .contains("TCP 5432");
    assertThat(ranges.size()).isEqualTo(INDEX.explainRanges(WEB, DB).size());
    assertThat(allowedOnly.get("pairs").get(0).get("ranges").size()).isEqualTo(1);
  }

  @Test
  void aDiffListsEachChange() {
    ClusterSnapshot before = Build.webToDbOn5432();
    ClusterSnapshot after = before.withoutPolicy("shop", "db");
    ReachabilityDiff diff = Reachability.diff(before, after);

    JsonNode root = read(out -> KubereachJson.diff(diff, List.of(), out));

    assertThat(root.get("count").asInt()).isEqualTo(diff.changes().size()).isPositive();
    assertThat(root.get("changes").get(0).get("change").asString())
        .isIn("added", "removed", "changed");
  }

  @Test
  void findingsAndSarifCarryEveryFinding() {
    var report = Reachability.verify(INDEX);

    JsonNode findings = read(out -> KubereachJson.findings(report, out));
    StringWriter sarif = new StringWriter();
    KubereachJson.sarif(report, sarif);

    assertThat(findings.get("count").asInt()).isEqualTo(report.findings().size());
    JsonNode run = JSON.readTree(sarif.toString()).get("runs").get(0);
    assertThat(run.get("results").size()).isEqualTo(report.findings().size());
    assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("kubereach");
  }

  @Test
  void aFailingWriterIsAnUncheckedIoExceptionAndTheWriterIsNeverClosed() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {
            throw new AssertionError("the caller's writer was closed");
          }
        };

    assertThatThrownBy(() -> KubereachJson.connections(INDEX, broken))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("disk full");
  }
}
