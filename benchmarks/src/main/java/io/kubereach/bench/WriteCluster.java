package io.kubereach.bench;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RealisticClusters;
import io.kubereach.testing.RealisticClusters.Style;
import io.kubereach.yaml.Manifests;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one generated cluster as {@code <out-dir>/cluster.yaml}, for the CLI and the loader.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.kubereach.bench.WriteCluster 10000 42 /tmp/c10k
 * java -cp benchmarks/target/benchmarks.jar io.kubereach.bench.WriteCluster 1000 42 /tmp/w1k WORKLOADS
 * </pre>
 */
public final class WriteCluster {
  private WriteCluster() {}

  /**
   * {@code <pods> <seed> <out-dir> [PODS|WORKLOADS]}; prints what it wrote.
   *
   * @throws IOException if the folder cannot be created
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: WriteCluster <pods> <seed> <out-dir> [PODS|WORKLOADS]");
      System.exit(2);
    }
    int pods = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path dir = Files.createDirectories(Path.of(args[2]));
    Style style = args.length == 4 ? Style.valueOf(args[3].toUpperCase(Locale.ROOT)) : Style.PODS;
    ClusterSnapshot cluster = RealisticClusters.generate(pods, seed, style);
    Path file = dir.resolve("cluster.yaml");
    long bytes = write(cluster, file);
    System.out.printf(Locale.ROOT, "%s: %s, %d bytes%n", file, cluster, bytes);
  }

  /**
   * Writes {@code cluster} as manifests to {@code file}, replacing it.
   *
   * @return the number of bytes written
   * @throws IOException if the file cannot be written
   */
  static long write(ClusterSnapshot cluster, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      if (file.toString().endsWith(".json")) {
        Manifests.writeJson(cluster, out); // one List document, as kubectl get -A -o json
      } else {
        Manifests.write(cluster, out);
      }
    }
    return Files.size(file);
  }
}
