package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubereach.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loader lets the pod check all its addresses, and checks each on its own only when that fails
 * (docs/architecture.md, "Reading manifests"). On seeded random pods whose {@code podIP} and {@code
 * podIPs} mix valid, invalid, empty and repeated addresses, the load must give what checking each
 * address on its own gives: an error at every address the model refuses, with the model's message,
 * or else the pod with every address.
 */
class PodAddressTest {
  private static final int PODS = Integer.getInteger("kubereach.address.pods", 300);

  /** The seed of every run unless {@code kubereach.address.seed} says otherwise. */
  private static final long DEFAULT_SEED = 20_261_207L;

  private static final String[] ADDRESSES = {
    "10.0.0.1",
    "10.0.0.2",
    "fd00::7",
    "fd00::0007",
    "FD00:0:0::1",
    "10.0.0.256",
    "010.0.0.1",
    "10.0.0.1/32",
    "not-an-ip",
    " 10.0.0.1",
    "::ffff:10.0.0.1",
    ""
  };

  /** An address as written: the text, its line and column, and its field path. */
  private record Written(String ip, int line, int column, String path) {}

  @Test
  void everyAddressTheModelRefusesIsAnErrorWhereItIsWritten() {
    long seed = Long.getLong("kubereach.address.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    Pod probe = Pod.of("probe", "probe", Map.of());
    for (int i = 0; i < PODS; i++) {
      StringBuilder yaml =
          new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n");
      yaml.append("status:\n");
      List<Written> written = new ArrayList<>();
      int line = 5;
      if (random.nextBoolean()) {
        String ip = ADDRESSES[random.nextInt(ADDRESSES.length)];
        yaml.append("  podIP: \"").append(ip).append("\"\n");
        written.add(new Written(ip, line++, 10, "status.podIP"));
      }
      int entries = random.nextInt(4);
      if (entries > 0) {
        yaml.append("  podIPs:\n");
        line++;
      }
      for (int e = 0; e < entries; e++) {
        String ip = ADDRESSES[random.nextInt(ADDRESSES.length)];
        yaml.append("  - ip: \"").append(ip).append("\"\n");
        written.add(new Written(ip, line++, 9, "status.podIPs[" + e + "].ip"));
      }
      String text = yaml.toString();
      String context =
          String.format(
              Locale.ROOT,
              "seed %d, pod %d (replay with -Dkubereach.address.seed=%d):%n%s",
              seed,
              i,
              seed,
              text);

      List<String> expectedErrors = new ArrayList<>();
      Set<String> ips = new LinkedHashSet<>();
      for (Written w : written) {
        if (w.ip().isEmpty()) {
          continue;
        }
        try {
          probe.withIps(List.of(w.ip()));
          ips.add(w.ip());
        } catch (IllegalArgumentException e) {
          expectedErrors.add(w.line() + ":" + w.column() + " " + w.path() + ": " + e.getMessage());
        }
      }
      if (expectedErrors.isEmpty()) {
        Pod pod = Manifests.parse("pod.yaml", text).cluster().pods().get(0);
        assertThat(pod.ips()).as(context).isEqualTo(probe.withIps(List.copyOf(ips)).ips());
      } else {
        ManifestException refused =
            catchThrowableOfType(ManifestException.class, () -> Manifests.parse("pod.yaml", text));
        assertThat(refused).as(context).isNotNull();
        assertThat(
                refused.diagnostics().stream()
                    .map(d -> d.line() + ":" + d.column() + " " + d.path() + ": " + d.message())
                    .toList())
            .as(context)
            .isEqualTo(expectedErrors);
      }
    }
  }
}
