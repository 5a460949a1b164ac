package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation test (docs/architecture.md, "Reading manifests"): valid manifests, damaged by
 * truncation, byte flips, type swaps, deleted keys and lines, duplicated lines and YAML references,
 * must give a {@link LoadResult} or a {@link ManifestException} - never another exception. A hang
 * is caught by surefire's fork timeout, not by a timing assertion here.
 *
 * <p>{@code -Dkubereach.mutation.iterations=N} (default 1000) and {@code
 * -Dkubereach.mutation.seed=S} (default {@value #DEFAULT_SEED}, printed on failure) set a run;
 * every CI run is the same run.
 */
class MutationTest {
  private static final int ITERATIONS = Integer.getInteger("kubereach.mutation.iterations", 1000);

  /** The seed of every run unless {@code kubereach.mutation.seed} says otherwise. */
  static final long DEFAULT_SEED = 20_261_201L;

  private static final String[] INLINE = {
    """
    {"apiVersion": "v1", "kind": "PodList", "items": [
      {"metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"},
        "ownerReferences": [{"kind": "ReplicaSet", "name": "web-1", "controller": true}]},
       "spec": {"containers": [{"ports": [{"name": "http", "containerPort": 8080}]}]},
       "status": {"podIP": "10.0.0.1", "podIPs": [{"ip": "10.0.0.1"}]}}]}
    """,
    """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: p, namespace: shop}
    spec:
      podSelector:
        matchExpressions: [{key: app, operator: NotIn, values: [a, b]}]
      policyTypes: [Ingress, Egress]
      ingress:
      - from:
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
        - namespaceSelector: {matchLabels: {team: x}}
          podSelector: {}
        ports: [{port: 80, endPort: 90}, {port: http, protocol: UDP}]
      egress: [{}]
    ---
    kind: Service
    metadata: {name: s}
    spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
    """,
    """
    apiVersion: v1
    kind: List
    items:
    - apiVersion: batch/v1
      kind: CronJob
      metadata: {name: c}
      spec: {jobTemplate: {spec: {template: {metadata: {labels: {a: b}}}}}}
    - {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}}
    """,
    // kubectl get -A -o json: the kind after the items.
    """
    {"apiVersion": "v1", "items": [
     {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "shop",
       "labels": {"app": "web"}}, "status": {"podIP": "10.0.0.2"}},
     {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
       "metadata": {"name": "p", "namespace": "shop"},
       "spec": {"podSelector": {}, "ingress": [{"from": [{"podSelector": {}}]}]}},
     {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}
    ], "kind": "List", "metadata": {"resourceVersion": ""}}
    """,
    // A typed list whose items leave out their kind, with the kind after them.
    """
    {"apiVersion": "v1", "items": [
     {"metadata": {"name": "b", "namespace": "shop"}, "status": {"podIP": "10.0.0.3"}},
     {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "c", "namespace": "shop"}}
    ], "kind": "PodList"}
    """,
    """
    apiVersion: v1
    items:
    - {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {team: x}}}
    - {apiVersion: v1, kind: Pod, metadata: {name: c, namespace: shop}}
    kind: List
    metadata: {}
    """
  };

  private static final String[] REPLACEMENTS = {
    "[]",
    "{}",
    "\"x\"",
    "123",
    "-1",
    "true",
    "null",
    "~",
    "*a",
    "&a x",
    "!!binary AA==",
    "\"80\"",
    "70000",
    "'",
    "\"",
    "[",
    "{",
    "\t",
    "- x",
    "? x",
    "a: b: c",
    "\u0000",
    "99999999999999999999"
  };

  @Test
  void mutatedManifestsGiveAResultOrAManifestExceptionNeverAnythingElse() {
    long seed = Long.getLong("kubereach.mutation.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    List<Sample> corpus = corpus();
    for (int i = 0; i < ITERATIONS; i++) {
      Sample sample = corpus.get(random.nextInt(corpus.size()));
      StringBuilder how = new StringBuilder();
      byte[] mutated = mutate(sample.bytes(), random, how);
      try {
        Manifests.read(sample.name(), new ByteArrayInputStream(mutated));
      } catch (ManifestException expected) {
        // Bad input is reported, which is the point.
      } catch (RuntimeException | StackOverflowError e) {
        fail(
            String.format(
                Locale.ROOT,
                "seed %d, iteration %d, %s mutated by %s (replay with -Dkubereach.mutation.seed=%d):"
                    + " %s%ninput:%n%s",
                seed,
                i,
                sample.name(),
                how,
                seed,
                e,
                new String(mutated, StandardCharsets.UTF_8)),
            e);
      }
    }
  }

  /**
   * The items of a top-level {@code List} are decoded as they arrive, before the document says
   * whether it is a list that is read (ManifestReader streams them; docs/architecture.md, "Reading
   * manifests"). On every mutated input, strict and lenient, that must come to exactly what
   * decoding the whole tree comes to: the same snapshot, or the same errors; and ASCII JSON read as
   * bytes must give the same locations as read as text.
   */
  @Test
  void streamedListItemsDecodeExactlyAsTheWholeTreeDoes() {
    long seed = Long.getLong("kubereach.mutation.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    List<Sample> corpus = corpus();
    int compared = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Sample sample = corpus.get(random.nextInt(corpus.size()));
      StringBuilder how = new StringBuilder();
      byte[] mutated =
          i < corpus.size() ? corpus.get(i).bytes() : mutate(sample.bytes(), random, how);
      String name = i < corpus.size() ? corpus.get(i).name() : sample.name();
      String text = new String(mutated, StandardCharsets.UTF_8);
      for (boolean lenient : new boolean[] {false, true}) {
        String whole = outcome(name, text, lenient, Way.WHOLE_TREE);
        String context =
            String.format(
                Locale.ROOT,
                "seed %d, iteration %d, %s mutated by %s, lenient %s; input:%n%s",
                seed,
                i,
                name,
                how,
                lenient,
                text);
        assertThat(outcome(name, text, lenient, Way.STREAMED)).as(context).isEqualTo(whole);
        if (name.endsWith(".json") && ManifestReader.isPlainAscii(mutated)) {
          assertThat(outcome(name, text, lenient, Way.ASCII_BYTES)).as(context).isEqualTo(whole);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(2 * ITERATIONS);
  }

  private enum Way {
    WHOLE_TREE,
    STREAMED,
    ASCII_BYTES
  }

  /** The snapshot or the errors, and the warnings, as one comparable text. */
  private static String outcome(String name, String text, boolean lenient, Way way) {
    Collector out = new Collector();
    Decoder decoder = new Decoder(name, out, lenient);
    TreeReader trees = new TreeReader(Limits.defaults());
    boolean json = name.endsWith(".json");
    java.util.Optional<Invalid> error =
        switch (way) {
          case WHOLE_TREE -> trees.read(text, json, true, decoder::document);
          case STREAMED -> trees.read(text, json, true, decoder::document, decoder::item);
          case ASCII_BYTES ->
              trees.readAsciiJson(
                  text.getBytes(StandardCharsets.US_ASCII), true, decoder::document, decoder::item);
        };
    decoder.end();
    error.ifPresent(
        e -> out.error(new Diagnostic(name, e.line(), e.column(), "", "", "", "", e.getMessage())));
    try {
      LoadResult result = out.finish();
      io.kubereach.model.ClusterSnapshot c = result.cluster();
      // Warnings and limitations of a List's own keys come before or after its items by way.
      return "snapshot "
          + List.of(c.namespaces(), c.pods(), c.workloads(), c.services(), c.policies())
          + List.of(c.clusterPolicies(), c.nodes())
          + new java.util.TreeSet<>(c.limitations().stream().map(Object::toString).toList())
          + "\nwarnings "
          + sorted(result.warnings());
    } catch (ManifestException e) {
      return "errors " + sorted(e.diagnostics());
    }
  }

  /**
   * Every diagnostic, in order of its text. Jackson words some syntax errors differently for bytes
   * and for text; where they are is the same, and that is compared.
   */
  private static List<String> sorted(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(Diagnostic::toString)
        .map(d -> d.replaceFirst("syntax error: .*", "syntax error"))
        .sorted()
        .toList();
  }

  /**
   * The field-name operator: a key of a valid manifest misspelt (a letter dropped, two swapped, the
   * case changed). The load must be refused with a diagnostic on the typo's line, or give exactly
   * the snapshot of the unmutated manifest (a typo in a field the analysis never reads, e.g. a
   * container's {@code image}); never another answer. Keys whose mapping is data (labels,
   * annotations, selectors) are left alone: renaming a label is not a typo of a field.
   */
  @Test
  void aMisspeltFieldIsRefusedWhereItIsWrittenOrChangesNothing() {
    long seed = Long.getLong("kubereach.mutation.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    List<Sample> corpus = corpus();
    java.util.Map<String, List<KeySite>> sites = new java.util.HashMap<>();
    java.util.Map<String, io.kubereach.model.ClusterSnapshot> originals = new java.util.HashMap<>();
    int refused = 0;
    int unchanged = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Sample sample = corpus.get(random.nextInt(corpus.size()));
      String text = new String(sample.bytes(), StandardCharsets.UTF_8);
      List<KeySite> keys = sites.computeIfAbsent(sample.name(), n -> keySites(n, text));
      io.kubereach.model.ClusterSnapshot original =
          originals.computeIfAbsent(sample.name(), n -> Manifests.parse(n, text).cluster());
      KeySite site = keys.get(random.nextInt(keys.size()));
      List<String> typos =
          new ArrayList<>(
              FieldTypoTest.typos(site.key()).stream()
                  .filter(t -> !site.siblings().contains(t))
                  .toList());
      if (typos.isEmpty()) {
        continue;
      }
      String typo = typos.get(random.nextInt(typos.size()));
      String mutated = site.replace(text, typo);
      String what =
          String.format(
              Locale.ROOT,
              "seed %d, iteration %d, %s: '%s' at %d:%d misspelt '%s'",
              seed,
              i,
              sample.name(),
              site.key(),
              site.line(),
              site.column(),
              typo);
      try {
        LoadResult loaded = Manifests.parse(sample.name(), mutated);
        if (!loaded.cluster().equals(original)) {
          fail(what + ": loaded without error and the snapshot changed");
        }
        unchanged++;
      } catch (ManifestException e) {
        if (e.diagnostics().stream().noneMatch(d -> d.line() == site.line())) {
          fail(what + ": refused, but not on the typo's line: " + e.diagnostics());
        }
        refused++;
      }
    }
    org.assertj.core.api.Assertions.assertThat(refused)
        .as("typos refused (%d read nothing the analysis uses)", unchanged)
        .isGreaterThan(ITERATIONS / 2);
  }

  /**
   * A key in a manifest: where it is written, the keys beside it, and whether it is quoted (JSON).
   */
  private record KeySite(int line, int column, String key, Set<String> siblings, boolean quoted) {
    String replace(String text, String typo) {
      String[] lines = text.split("\n", -1);
      String l = lines[line - 1];
      int at = column - 1 + (quoted ? 1 : 0);
      lines[line - 1] = l.substring(0, at) + typo + l.substring(at + key.length());
      return String.join("\n", lines);
    }
  }

  /** Parents whose keys are data, not field names. */
  private static final Set<String> DATA =
      Set.of("labels", "annotations", "matchLabels", "selector", "nodeSelector", "data");

  private static List<KeySite> keySites(String name, String text) {
    List<KeySite> out = new ArrayList<>();
    boolean json = name.endsWith(".json");
    new TreeReader(Limits.defaults())
        .read(text, json, true, root -> collect(root, "", out, json))
        .ifPresent(
            e -> {
              throw new IllegalStateException(name + " does not parse: " + e.getMessage());
            });
    return out;
  }

  private static void collect(Node node, String parent, List<KeySite> out, boolean json) {
    if (node instanceof Node.MapNode map) {
      for (java.util.Map.Entry<String, Node> e : map.fields().entrySet()) {
        if (!DATA.contains(parent)) {
          out.add(
              new KeySite(
                  map.keyLine(e.getKey()),
                  map.keyColumn(e.getKey()),
                  e.getKey(),
                  map.fields().keySet(),
                  json));
        }
        collect(e.getValue(), e.getKey(), out, json);
      }
    } else if (node instanceof Node.ListNode list) {
      list.items().forEach(item -> collect(item, parent, out, json));
    }
  }

  private record Sample(String name, byte[] bytes) {}

  private static List<Sample> corpus() {
    List<Sample> corpus = new ArrayList<>();
    Path tiers = ShopExampleTest.shop().resolveSibling("admin-tiers");
    for (Path dir :
        List.of(ShopExampleTest.shop(), tiers.resolve("v1alpha1"), tiers.resolve("v1alpha2"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          if (f.toString().endsWith(".yaml")) {
            corpus.add(
                new Sample(
                    dir.getFileName() + "-" + f.getFileName().toString(), Files.readAllBytes(f)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    corpus.add(new Sample("pods.json", INLINE[0].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("policy.yaml", INLINE[1].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("list.yaml", INLINE[2].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("dump.json", INLINE[3].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("podlist.json", INLINE[4].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("dump.yaml", INLINE[5].getBytes(StandardCharsets.UTF_8)));
    return corpus;
  }

  /** Applies 1 to 3 random mutations, describing them in {@code how}. */
  private static byte[] mutate(byte[] original, Random random, StringBuilder how) {
    byte[] bytes = original;
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      if (bytes.length == 0) {
        break;
      }
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(6)) {
        case 0 -> {
          how.append("truncate@").append(at).append(' ');
          bytes = java.util.Arrays.copyOf(bytes, at);
        }
        case 1 -> {
          byte b = (byte) random.nextInt(256);
          how.append(String.format(Locale.ROOT, "flip@%d=0x%02x ", at, b & 0xff));
          bytes = bytes.clone();
          bytes[at] = b;
        }
        case 2 -> bytes = replaceValue(bytes, random, how);
        case 3 -> bytes = deleteLine(bytes, random, how, false);
        case 4 -> bytes = deleteLine(bytes, random, how, true);
        default -> {
          String insert = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
          how.append("insert@").append(at).append('=').append(insert).append(' ');
          byte[] ins = insert.getBytes(StandardCharsets.UTF_8);
          byte[] out = new byte[bytes.length + ins.length];
          System.arraycopy(bytes, 0, out, 0, at);
          System.arraycopy(ins, 0, out, at, ins.length);
          System.arraycopy(bytes, at, out, at + ins.length, bytes.length - at);
          bytes = out;
        }
      }
    }
    return bytes;
  }

  /** Type swap: the value after some {@code key: } becomes another type or a YAML reference. */
  private static byte[] replaceValue(byte[] bytes, Random random, StringBuilder how) {
    List<String> lines = lines(bytes);
    int index = random.nextInt(lines.size());
    String line = lines.get(index);
    int colon = line.indexOf(": ");
    if (colon < 0) {
      return bytes;
    }
    String replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
    how.append("value@line").append(index + 1).append('=').append(replacement).append(' ');
    lines.set(index, line.substring(0, colon + 2) + replacement);
    return join(lines);
  }

  /** Deletes a line (a key and its value, often) or duplicates it (a duplicate key, often). */
  private static byte[] deleteLine(
      byte[] bytes, Random random, StringBuilder how, boolean duplicate) {
    List<String> lines = lines(bytes);
    int index = random.nextInt(lines.size());
    how.append(duplicate ? "duplicate" : "delete").append("@line").append(index + 1).append(' ');
    if (duplicate) {
      lines.add(index, lines.get(index));
    } else {
      lines.remove(index);
    }
    return join(lines);
  }

  private static List<String> lines(byte[] bytes) {
    return new ArrayList<>(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }
}
