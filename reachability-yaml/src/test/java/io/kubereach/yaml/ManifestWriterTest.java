package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RandomClusters;
import io.kubereach.testing.RealisticClusters;
import io.kubereach.testing.RealisticClusters.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The written manifests load back into the very snapshot that was written. */
class ManifestWriterTest {

  @ParameterizedTest
  @EnumSource(Style.class)
  void loaderReadsBackTheRealisticClusterThatWasWritten(Style style) {
    ClusterSnapshot cluster = RealisticClusters.generate(1_000, 5L, style);
    assertThat(Manifests.parse("cluster.yaml", Manifests.toYaml(cluster)).cluster())
        .isEqualTo(cluster);
  }

  @Test
  void loaderReadsBackEveryRandomCluster() {
    // Every feature the random clusters use: selectors, ipBlocks, named ports, owners, IPs of both
    // families, hostNetwork, replicas, Services.
    for (long seed = 0; seed < 500; seed++) {
      ClusterSnapshot cluster = RandomClusters.generate(seed);
      String yaml = Manifests.toYaml(cluster);
      assertThat(Manifests.parse("seed-" + seed + ".yaml", yaml).cluster())
          .as("seed %d:%n%s", seed, yaml)
          .isEqualTo(cluster);
    }
  }

  @Test
  void theJsonListOfAClusterLoadsBackIntoIt() {
    // One List document, items one per line, kind after items: a kubectl get -A -o json dump.
    for (long seed = 0; seed < 500; seed++) {
      ClusterSnapshot cluster = RandomClusters.generate(seed);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      Manifests.writeJson(cluster, out);
      String json = out.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).startsWith("{\"apiVersion\":\"v1\",\"items\":[");
      assertThat(Manifests.parse("seed-" + seed + ".json", json).cluster())
          .as("seed %d:%n%s", seed, json)
          .isEqualTo(cluster);
    }
    ClusterSnapshot realistic = RealisticClusters.generate(1_000, 5L, Style.PODS);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Manifests.writeJson(realistic, out);
    assertThat(
            Manifests.parse("cluster.json", out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .cluster())
        .isEqualTo(realistic);
  }
}
