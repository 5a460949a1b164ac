package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;

/**
 * Bad input gives exactly one located diagnostic with the expected line, column, object, field and
 * message; nothing but {@link ManifestException} escapes (docs/architecture.md, "Reading
 * manifests").
 */
class MalformedManifestTest {

  /** The cases of {@code malformed.txt}: name, manifest text, expected diagnostic. */
  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : resource("malformed.txt").split("\n", -1)) {
      if (line.startsWith("### ")) {
        name = line.substring(4);
        body.setLength(0);
      } else if (line.startsWith("=> ")) {
        cases.add(Arguments.of(name, body.toString(), line.substring(3)));
        name = null;
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheExactLocationAndMessage(String name, String manifest, String expected) {
    String source = name.startsWith("json") ? "m.json" : "m.yaml";

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> Manifests.parse(source, manifest));

    assertThat(e).as("no error for %s", name).isNotNull();
    assertThat(e.diagnostics()).singleElement().hasToString(expected);
    assertThat(e).hasMessage(expected);
  }

  @Test
  void everyErrorOfEveryObjectIsReportedAtOnce() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () ->
                Manifests.parse(
                    "m.yaml",
                    """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: p, namespace: shop}
                    spec:
                      podSelector: {matchLabel: {app: db}}
                      ingres: []
                      egress:
                      - to:
                        - ipBlock: {cidr: 10.0.0.0/33}
                        - ipBlock: {cidr: 300.0.0.0/8}
                        ports: [{prot: 80}]
                      - to:
                        - ipBlock: {cidr: 10.0.0/8}
                    ---
                    kind: Pod
                    metadata: {name: web, lables: {app: web}}
                    """));
    assertThat(e.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "m.yaml:5:17 NetworkPolicy shop/p spec.podSelector.matchLabel: unknown field"
                + " 'matchLabel' in a label selector; did you mean 'matchLabels'?",
            "m.yaml:6:3 NetworkPolicy shop/p spec.ingres: unknown field 'ingres' in a"
                + " NetworkPolicy spec; did you mean 'ingress'?",
            "m.yaml:9:16 NetworkPolicy shop/p spec.egress[0].to[0].ipBlock: ipBlock.cidr"
                + " '10.0.0.0/33' is not a valid IP address or CIDR: the prefix length must be a"
                + " number from 0 to 32 for IPv4",
            "m.yaml:10:16 NetworkPolicy shop/p spec.egress[0].to[1].ipBlock: ipBlock.cidr"
                + " '300.0.0.0/8' is not a valid IP address or CIDR: each of the four numbers must"
                + " be 0 to 255 ('300' is not)",
            "m.yaml:11:14 NetworkPolicy shop/p spec.egress[0].ports[0].prot: unknown field"
                + " 'prot' in a NetworkPolicy port; did you mean 'port'?",
            "m.yaml:13:16 NetworkPolicy shop/p spec.egress[1].to[0].ipBlock: ipBlock.cidr"
                + " '10.0.0/8' is not a valid IP address or CIDR: an IPv4 address has four numbers"
                + " separated by dots, e.g. 10.0.0.1",
            "m.yaml:16:23 Pod default/web metadata.lables: unknown field 'lables' in metadata;"
                + " did you mean 'labels'?");
  }

  @Test
  void tableHoldsAtLeastThirtyDistinctCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void syntaxErrorKeepsTheParsersExceptionAsCause() {
    ManifestException e =
        catchThrowableOfType(
            ManifestException.class, () -> Manifests.parse("m.yaml", "kind: Pod\nmetadata: [a\n"));

    assertThat(e.getCause()).isInstanceOf(JacksonException.class);
  }

  @Test
  void invalidUtf8IsLocatedAtTheFirstBadByte() {
    byte[] bytes = {'k', 'i', 'n', 'd', ':', ' ', 'P', 'o', 'd', '\n', 'x', ':', ' ', (byte) 0xC3};

    assertThatThrownBy(() -> Manifests.read("bad.yaml", new ByteArrayInputStream(bytes)))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "bad.yaml:2:4: not valid UTF-8 (byte 0xc3 at offset 13); manifests must be UTF-8 text");
  }

  @Test
  void binaryGarbageIsALocatedSyntaxError() {
    byte[] garbage = {0x00, 0x01, 0x02, (byte) 0x7f, 0x1b, 'a', ':', ' ', 0x07};

    ManifestException e =
        catchThrowableOfType(
            ManifestException.class,
            () -> Manifests.read("garbage.yaml", new ByteArrayInputStream(garbage)));

    assertThat(e.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.column()).isEqualTo(1);
              assertThat(d.message()).startsWith("YAML syntax error:");
            });
  }

  @Test
  void nestingDeeperThanTheLimitIsLocatedAndSaysHowToRaiseIt() {
    String deep = "kind: Pod\nmetadata: " + "[".repeat(150) + "]".repeat(150) + "\n";

    assertThatThrownBy(() -> Manifests.parse("deep.yaml", deep))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "deep.yaml:2:110: nesting deeper than 100 levels; raise it with --max-depth N, or"
                + " Limits.withMaxNestingDepth(n) from Java");
  }

  @Test
  void raisedNestingLimitAcceptsDeeperDocuments() {
    String deep =
        "kind: ConfigMap\nmetadata: {name: c}\ndata: " + "[".repeat(150) + "]".repeat(150);

    LoadResult loaded =
        Manifests.withLimits(Limits.defaults().withMaxNestingDepth(200)).parse("deep.yaml", deep);

    assertThat(loaded.warnings()).hasSize(1);
  }

  @Test
  void jsonNestingDeeperThanTheLimitIsLocated() {
    String deep = "{\"kind\": \"Pod\", \"a\": " + "[".repeat(120) + "]".repeat(120) + "}";

    assertThatThrownBy(() -> Manifests.parse("deep.json", deep))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("deep.json:1:121: nesting deeper than 100 levels");
  }

  @Test
  void documentOverTheSizeLimitIsLocatedAndSaysHowToRaiseIt() {
    ManifestReader small = Manifests.withLimits(Limits.defaults().withMaxDocumentChars(100));
    String big =
        "kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata:\n  name: b\n  labels: {x: "
            + "y".repeat(200)
            + "}\n";

    ManifestException e =
        catchThrowableOfType(ManifestException.class, () -> small.parse("big.yaml", big));

    assertThat(e.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.message())
                  .isEqualTo(
                      "document (or List item) longer than 100 characters; raise it with"
                          + " --max-document-chars N, or Limits.withMaxDocumentChars(n) from"
                          + " Java");
            });
  }

  @Test
  void sizeLimitAppliesPerDocumentNotPerStream() {
    ManifestReader small = Manifests.withLimits(Limits.defaults().withMaxDocumentChars(100));
    String many = "kind: Pod\nmetadata: {name: a}\n---\n".repeat(20).replace("name: a", "name: p");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append("kind: Pod\nmetadata: {name: p").append(i).append("}\n---\n");
    }

    assertThat(many).hasSizeGreaterThan(100);
    assertThat(small.parse("many.yaml", text.toString()).cluster().pods()).hasSize(20);
  }

  /** kubectl writes a List's kind after its items; they are read as they arrive, and kept. */
  @Test
  void aListWhoseKindFollowsItsItemsIsRead(@TempDir Path dir) throws IOException {
    String dump =
        """
        {"apiVersion": "v1", "items": [
         {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "shop"}},
         {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b", "namespace": "shop"}}
        ], "kind": "List", "metadata": {"resourceVersion": ""}}
        """;
    Path file = Files.writeString(dir.resolve("dump.json"), dump);
    assertThat(Manifests.load(file).cluster().pods()).hasSize(2);
    assertThat(Manifests.parse("dump.yaml", dump).cluster().pods()).hasSize(2);
  }

  /** Items read before the document says it is no List are forgotten: no pod appears. */
  @Test
  void itemsOfAMappingThatIsNoListAreNotRead() {
    String notAList =
        """
        {"apiVersion": "v1", "items": [
         {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "shop"}}
        ], "kind": "Namespace", "metadata": {"name": "shop"}}
        """;
    assertThat(
            catchThrowableOfType(
                    ManifestException.class, () -> Manifests.parse("ns.json", notAList))
                .getMessage())
        .contains("unknown field 'items'")
        .doesNotContain("Pod");
    LoadResult lenient =
        Manifests.withLimits(Limits.defaults()).lenient().parse("ns.json", notAList);
    assertThat(lenient.cluster().pods()).isEmpty();
    assertThat(lenient.cluster().namespaces()).hasSize(1);

    String noKind =
        """
        {"items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}]}
        """;
    LoadResult skipped = Manifests.parse("x.json", noKind);
    assertThat(skipped.cluster().pods()).isEmpty();
    assertThat(skipped.warnings()).singleElement().asString().contains("document has no kind");
  }

  /** Forgetting the items of a mapping that is no List keeps what was read before it. */
  @Test
  void forgettingItemsKeepsTheObjectsReadBeforeThem() {
    String text =
        """
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "before", "namespace": "shop"}}
        ---
        {"apiVersion": "v1", "items": [
         {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "shop"}},
         {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b", "namespace": "shop"}}
        ], "kind": "Namespace", "metadata": {"name": "shop"}}
        ---
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "after", "namespace": "shop"}}
        """;
    LoadResult lenient = Manifests.withLimits(Limits.defaults()).lenient().parse("s.yaml", text);
    assertThat(lenient.cluster().pods())
        .extracting(io.kubereach.model.Pod::name)
        .containsExactly("before", "after");
    assertThat(lenient.cluster().namespaces()).hasSize(1);
  }

  /** A typed list lends its kind to items without one, but a misspelt kind is a typo. */
  @Test
  void aMisspeltKindInATypedListIsATypoNotTheListsKind() {
    String podList =
        """
        {"apiVersion": "v1", "kind": "PodList", "items": [
         {"apiVersion": "networking.k8s.io/v1", "kid": "NetworkPolicy",
          "metadata": {"name": "p", "namespace": "shop"}}]}
        """;
    assertThat(
            catchThrowableOfType(ManifestException.class, () -> Manifests.parse("l.json", podList))
                .getMessage())
        .contains("'kid'")
        .contains("did you mean 'kind'?");
    // Leniently it is read as the list's kind, and the answers say they are incomplete.
    LoadResult lenient = Manifests.withLimits(Limits.defaults()).lenient().parse("l.json", podList);
    assertThat(lenient.warnings()).anySatisfy(w -> assertThat(w.message()).contains("'kid'"));
    assertThat(lenient.cluster().limitations())
        .anySatisfy(
            l -> assertThat(l.kind()).isEqualTo(io.kubereach.model.Limitation.Kind.LENIENT_LOAD));
  }

  /** Mappings past the size where keys are found by hash read and refuse as small ones do. */
  @Test
  void largeMappingsKeepEveryKeyAndRefuseDuplicates() {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      labels
          .append(i == 0 ? "" : ", ")
          .append("\"k")
          .append(i)
          .append("\": \"v")
          .append(i)
          .append('"');
    }
    String pod =
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\","
            + " \"labels\": {"
            + labels
            + "}}}";
    for (String name : List.of("p.json", "p.yaml")) {
      assertThat(Manifests.parse(name, pod).cluster().pods().get(0).labels())
          .hasSize(20)
          .containsEntry("k0", "v0")
          .containsEntry("k19", "v19");
      String twice = pod.replace("\"k17\": \"v17\"", "\"k3\": \"again\"");
      assertThat(
              catchThrowableOfType(ManifestException.class, () -> Manifests.parse(name, twice))
                  .getMessage())
          .contains("duplicate key 'k3'");
    }
  }

  @Test
  void listItemsCountAsDocumentsForTheSizeAndCountLimits() {
    StringBuilder json =
        new StringBuilder("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [");
    for (int i = 0; i < 50; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p")
          .append(i)
          .append("\"}}");
    }
    json.append("]}");
    assertThat(json).hasSizeGreaterThan(2000);
    ManifestReader small = Manifests.withLimits(Limits.defaults().withMaxDocumentChars(200));
    assertThat(small.parse("dump.json", json.toString()).cluster().pods()).hasSize(50);

    ManifestReader few = Manifests.withLimits(Limits.defaults().withMaxDocuments(10));
    assertThatThrownBy(() -> few.parse("dump.json", json.toString()))
        .isInstanceOf(ManifestException.class)
        .hasMessageEndingWith(
            "more than 10 documents (List items count as documents); raise it with"
                + " --max-documents N, or Limits.withMaxDocuments(n) from Java");
  }

  @Test
  void sourceOverTheByteLimitIsRejectedWithoutReadingItAll() {
    ManifestReader small = Manifests.withLimits(Limits.defaults().withMaxSourceBytes(10));
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };

    assertThatThrownBy(() -> small.read("endless.yaml", endless))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "endless.yaml: larger than 10 bytes; raise it with --max-source-bytes N, or"
                + " Limits.withMaxSourceBytes(n) from Java");
  }

  @Test
  void unreadableStreamIsADiagnostic() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };

    assertThatThrownBy(() -> Manifests.read("broken.yaml", broken))
        .isInstanceOf(ManifestException.class)
        .hasMessage("broken.yaml: could not read: disk on fire")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void errorsOfEveryFileAreCollectedAndThrownOnce(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "kind: Pod\nmetadata: {name: a}\nspec: []\n");
    Files.writeString(dir.resolve("b.yaml"), "kind: Pod\nmetadata: {name: b}\n---\n- x\n");
    Files.writeString(dir.resolve("c.yaml"), "kind: Pod\nmetadata: {name: c}\n");

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.load(dir));

    assertThat(e.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            dir.resolve("a.yaml") + ":3:7 Pod default/a spec: expected a mapping, got a list",
            dir.resolve("b.yaml")
                + ":4:1: a document must be a mapping (one Kubernetes object); got a list");
    assertThat(e.getMessage().lines()).hasSize(2);
  }

  @Test
  void missingPathIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> Manifests.load(missing))
        .isInstanceOf(ManifestException.class)
        .hasMessage(missing + ": no such file or directory");
  }

  @Test
  void theSameObjectTwiceIsReadOnceWithAWarning(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "kind: Namespace\nmetadata: {name: shop}\n");
    Files.writeString(dir.resolve("b.yaml"), "# again\nkind: Namespace\nmetadata: {name: shop}\n");

    LoadResult loaded = Manifests.load(dir);
    assertThat(loaded.cluster().namespaces()).hasSize(1);
    assertThat(loaded.warnings())
        .extracting(Diagnostic::toString)
        .containsExactly(
            dir.resolve("b.yaml")
                + ":2:1: Namespace shop again, identical to the one at "
                + dir.resolve("a.yaml")
                + ":1:1; read once");
  }

  @Test
  void duplicateAcrossFilesNamesTheFirstDefinition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "kind: Namespace\nmetadata: {name: shop}\n");
    Files.writeString(
        dir.resolve("b.yaml"),
        "# again\nkind: Namespace\nmetadata: {name: shop, labels: {a: b}}\n");

    assertThatThrownBy(() -> Manifests.load(dir))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            dir.resolve("b.yaml")
                + ":2:1 Namespace shop: duplicate Namespace shop, first defined at "
                + dir.resolve("a.yaml")
                + ":1:1; names must be unique per kind and namespace");
  }

  private static String resource(String name) {
    try (InputStream in = MalformedManifestTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
