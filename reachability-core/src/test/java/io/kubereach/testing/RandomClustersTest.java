package io.kubereach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.WorkloadKind;
import org.junit.jupiter.api.Test;

/**
 * The generator behind every property test yields a valid cluster for every seed the property tests
 * use, and covers the S15 features it claims to. Generating is cheap, so this runs far more seeds
 * than the differential test and fails in seconds, not after minutes.
 */
class RandomClustersTest {

  private static final int SEEDS = 20_000;

  @Test
  void everySeedGeneratesAValidClusterWithOwnerChains() {
    int chained = 0;
    int sharedNames = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      ClusterSnapshot c = RandomClusters.generate(seed); // throws, naming the seed, when invalid
      chained += (int) c.workloads().stream().filter(w -> w.owner().isPresent()).count();
      sharedNames +=
          (int)
              c.workloads().stream()
                  .filter(w -> w.kind() == WorkloadKind.Deployment && w.name().startsWith("d"))
                  .count();
    }
    assertThat(chained).as("ReplicaSets and Jobs with an owner (S15)").isPositive();
    assertThat(sharedNames).as("Deployments named like a ReplicaSet's owner (S15)").isPositive();
  }

  @Test
  void aSeedAlwaysGeneratesTheSameCluster() {
    assertThat(RandomClusters.generate(1234)).isEqualTo(RandomClusters.generate(1234));
  }
}
