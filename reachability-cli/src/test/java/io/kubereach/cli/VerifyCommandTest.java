package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubereach.testing.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kubereach verify} and {@code blast-radius} at the command line (docs/verify.md). */
class VerifyCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static Path shop() {
    Path fromModule = Path.of("..", "examples", "shop");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "shop");
  }

  @Test
  void theShopExampleHasOnlyItsDocumentedFindings() {
    CliRun run = CliRun.of("verify", shop().toString(), "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.NEGATIVE);
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("complete").asBoolean()).isTrue();
    List<String> found =
        root.get("findings")
            .valueStream()
            .map(
                f ->
                    f.get("severity").asString()
                        + " "
                        + f.get("check").asString()
                        + " "
                        + f.get("subject").asString())
            .toList();
    // examples/shop/README.md, "What verify finds": the platform namespaces are left open.
    assertThat(found)
        .containsExactly(
            "high unprotected-ingress ingress-nginx/ingress-nginx-controller[DaemonSet]",
            "high unprotected-ingress kube-system/coredns[Deployment]",
            "high metadata-egress ingress-nginx/ingress-nginx-controller[DaemonSet]",
            "high metadata-egress kube-system/coredns[Deployment]",
            "high external-ingress ingress-nginx/ingress-nginx-controller[DaemonSet]",
            "high external-ingress kube-system/coredns[Deployment]",
            "medium unprotected-egress ingress-nginx/ingress-nginx-controller[DaemonSet]",
            "medium unprotected-egress kube-system/coredns[Deployment]",
            "medium namespace-without-default-deny ingress-nginx",
            "medium namespace-without-default-deny ingress-nginx",
            "medium namespace-without-default-deny kube-system",
            "medium namespace-without-default-deny kube-system");
    JsonNode first = root.get("findings").get(0);
    assertThat(first.at("/location/file").asString()).endsWith("platform.yaml");
    assertThat(first.at("/location/line").asInt()).isPositive();
  }

  @Test
  void sarifValidatesAgainstTheSarif210SchemaAndPointsAtManifestLines() throws IOException {
    CliRun run = CliRun.of("verify", shop().toString(), "-o", "sarif");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.NEGATIVE);
    Schema schema;
    try (InputStream in = Files.newInputStream(Oracle.schema("sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    JsonNode sarif = JSON.readTree(run.out());
    List<Error> errors = schema.validate(sarif);
    assertThat(errors).as("SARIF schema errors").isEmpty();
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asString()).isEqualTo("unprotected-ingress");
    assertThat(result.get("level").asString()).isEqualTo("error");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
    // A broken report would fail: the schema check is not vacuous.
    ((tools.jackson.databind.node.ObjectNode) sarif).put("version", "1.0");
    assertThat(schema.validate(sarif)).isNotEmpty();
  }

  @Test
  void suppressionsBaselinesAndFailOn() throws IOException {
    Path cluster =
        Files.writeString(
            dir.resolve("c.yaml"),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
              annotations:
                kubereach.io/ignore: unprotected-ingress,unprotected-egress,external-ingress,metadata-egress
                kubereach.io/ignore-reason: public by design
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop}
            """);
    CliRun run = CliRun.of("verify", cluster.toString(), "--checks", "unprotected-ingress");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.NEGATIVE);
    assertThat(run.out()).contains("shop/db[Pod]").doesNotContain("shop/web[Pod]");
    assertThat(run.err()).contains("info: 1 finding(s) suppressed by kubereach.io/ignore");

    CliRun medium =
        CliRun.of(
            "verify", cluster.toString(), "--checks", "unprotected-egress", "--fail-on", "high");
    assertThat(medium.exitCode()).as("a medium finding under --fail-on high").isZero();

    Path report = dir.resolve("before.json");
    CliRun json =
        CliRun.of("verify", cluster.toString(), "-o", "json", "--file", report.toString());
    assertThat(json.exitCode()).isEqualTo(Main.NEGATIVE);
    CliRun again = CliRun.of("verify", cluster.toString(), "--baseline", report.toString());
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.err()).contains("already in the baseline");
  }

  @Test
  void intentsAreCheckedAndATypoInOneIsAFinding() throws IOException {
    Path intents =
        Files.writeString(
            dir.resolve("intents.yaml"),
            """
            intents:
            - {from: shop-frontend/storefront, to: shop-backend/cart, port: 50051, expect: allow}
            - {from: shop-frontend/storefront, to: shop-data/postgres, port: 5432, expect: deny}
            - {from: shop-frontend/storefrnt, to: shop-backend/cart, port: 50051, expect: allow}
            """);
    CliRun run =
        CliRun.of(
            "verify",
            shop().toString(),
            "--checks",
            "intent-violated,intent-matches-nothing",
            "--intents",
            intents.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.NEGATIVE);
    assertThat(run.out())
        .contains("intents.yaml:4:3: high intent-matches-nothing intent 3")
        .doesNotContain("intent 1")
        .doesNotContain("intent 2");
    Path typo =
        Files.writeString(
            dir.resolve("bad.yaml"), "intents:\n- {from: a, to: b, prot: 80, expect: allow}\n");
    CliRun bad = CliRun.of("verify", shop().toString(), "--intents", typo.toString());
    assertThat(bad.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).contains("did you mean 'port'?");
  }

  @Test
  void blastRadiusFromTheInternetAndToACrownJewel() {
    CliRun run = CliRun.of("blast-radius", shop().toString(), "-s", "internet", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(Main.NEGATIVE);
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("source").asString()).isEqualTo("internet");
    JsonNode first = root.get("reached").get(0);
    assertThat(first.get("hops").asInt()).isEqualTo(1);
    assertThat(first.get("path").size()).isEqualTo(1);

    CliRun target =
        CliRun.of(
            "blast-radius",
            shop().toString(),
            "-s",
            "shop-frontend/storefront",
            "--target",
            "shop-data/postgres");
    assertThat(target.out()).contains("reaches shop-data/postgres").contains("choke points");
  }
}
