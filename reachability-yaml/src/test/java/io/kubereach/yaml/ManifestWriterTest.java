package io.kubereach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RealisticClusters;
import io.kubereach.testing.RealisticClusters.Style;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.Manifests;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The written manifests load back into the very cluster that was written. */
class ClusterYamlTest {

  @ParameterizedTest
  @EnumSource(Style.class)
  void loaderReadsBackTheClusterThatWasWritten(Style style, @TempDir Path dir) {
    ClusterSnapshot cluster = RealisticClusters.generate(1_000, 5L, style);
    Path file = dir.resolve("cluster.yaml");

    long bytes = ClusterYaml.write(cluster, file);
    LoadResult loaded = Manifests.load(file);

    assertThat(bytes).isPositive();
    assertThat(loaded.cluster()).isEqualTo(cluster);
  }
}
