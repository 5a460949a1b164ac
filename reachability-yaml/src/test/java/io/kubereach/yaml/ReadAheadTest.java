package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RealisticClusters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large source is read on a thread of its own while the caller decodes it ({@link ReadAhead};
 * docs/architecture.md, "Reading manifests"). On a dump of thousands of objects, as a JSON {@code
 * List} and as a YAML stream, intact and damaged in seeded random ways (cut short, a byte changed,
 * a line dropped or doubled), strict and lenient, reading ahead must give exactly what reading on
 * one thread gives: the same snapshot and warnings, or the same errors.
 */
class ReadAheadTest {
  private static final int VARIANTS = Integer.getInteger("kubereach.readahead.variants", 12);

  /** The seed of every run unless {@code kubereach.readahead.seed} says otherwise. */
  private static final long DEFAULT_SEED = 20_261_210L;

  @Test
  void readingAheadGivesWhatReadingOnOneThreadGives() {
    long seed = Long.getLong("kubereach.readahead.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    // More items than the reader may be ahead, so that it also waits for the caller.
    ClusterSnapshot cluster = RealisticClusters.generate(5_000, seed);
    for (String name : List.of("dump.json", "dump.yaml")) {
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      if (name.endsWith(".json")) {
        Manifests.writeJson(cluster, written);
      } else {
        Manifests.write(cluster, written);
      }
      byte[] intact = written.toByteArray();
      for (int v = 0; v <= VARIANTS; v++) {
        StringBuilder how = new StringBuilder();
        byte[] bytes = v == 0 ? intact : damage(intact, random, how);
        for (boolean lenient : new boolean[] {false, true}) {
          String context =
              String.format(
                  Locale.ROOT,
                  "seed %d, %s damaged by %s, lenient %s (replay with -Dkubereach.readahead.seed=%d)",
                  seed,
                  name,
                  how,
                  lenient,
                  seed);
          String oneThread = outcome(name, bytes, lenient, Long.MAX_VALUE);
          assertThat(outcome(name, bytes, lenient, 0)).as(context).isEqualTo(oneThread);
        }
      }
    }
  }

  /** The snapshot and warnings, or the errors, as one comparable text. */
  private static String outcome(String name, byte[] bytes, boolean lenient, long readAheadFrom) {
    ManifestReader reader = new ManifestReader(Limits.defaults(), false, readAheadFrom);
    try {
      LoadResult result =
          (lenient ? reader.lenient() : reader).read(name, new ByteArrayInputStream(bytes));
      ClusterSnapshot c = result.cluster();
      return "snapshot "
          + List.of(c.namespaces(), c.pods(), c.workloads(), c.services(), c.policies())
          + c.limitations()
          + "\nwarnings "
          + result.warnings();
    } catch (ManifestException e) {
      return "errors " + e.diagnostics();
    }
  }

  /** Cuts the text short, changes a byte, or drops or doubles a line. */
  private static byte[] damage(byte[] bytes, Random random, StringBuilder how) {
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(4)) {
      case 0 -> {
        how.append("cut@").append(at);
        return Arrays.copyOf(bytes, at);
      }
      case 1 -> {
        byte b = (byte) "x{[\":,- 9".charAt(random.nextInt(10));
        how.append("byte@").append(at).append('=').append((char) b);
        byte[] out = bytes.clone();
        out[at] = b;
        return out;
      }
      default -> {
        boolean doubled = random.nextBoolean();
        List<String> lines =
            new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        int line = random.nextInt(lines.size());
        how.append(doubled ? "doubled" : "dropped").append("@line").append(line + 1);
        if (doubled) {
          lines.add(line, lines.get(line));
        } else {
          lines.remove(line);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      }
    }
  }
}
