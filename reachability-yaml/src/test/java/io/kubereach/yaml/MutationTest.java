package io.kubereach.yaml;

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

  private record Sample(String name, byte[] bytes) {}

  private static List<Sample> corpus() {
    List<Sample> corpus = new ArrayList<>();
    try (Stream<Path> files = Files.list(ShopExampleTest.shop())) {
      for (Path f : files.sorted().toList()) {
        if (f.toString().endsWith(".yaml")) {
          corpus.add(new Sample(f.getFileName().toString(), Files.readAllBytes(f)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    corpus.add(new Sample("pods.json", INLINE[0].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("policy.yaml", INLINE[1].getBytes(StandardCharsets.UTF_8)));
    corpus.add(new Sample("list.yaml", INLINE[2].getBytes(StandardCharsets.UTF_8)));
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
