package io.kubereach.bench;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.yaml.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading manifests: {@link Manifests#load} of the {@link ClusterState} cluster written by {@link
 * WriteCluster} to a temporary file (read from the page cache after the first call). The primary
 * score is loads per second; the secondary {@code bytes} counter is the bytes loaded per second, so
 * MB/s is {@code bytes / 1e6}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xss4m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadBenchmark {

  /**
   * The cluster as a file: a multi-document YAML stream by default, or with {@code -p format=json}
   * one JSON {@code List} document, the shape of a {@code kubectl get -A -o json} dump.
   */
  @State(Scope.Benchmark)
  public static class YamlFile {
    /** {@code yaml} or {@code json}. */
    @Param({"yaml"})
    public String format;

    Path dir;
    Path file;
    long bytes;

    /**
     * Writes the file once per trial.
     *
     * @throws IOException if the temporary folder cannot be created
     */
    @Setup(Level.Trial)
    public void write(ClusterState cluster) throws IOException {
      dir = Files.createTempDirectory("kubereach-bench");
      file = dir.resolve("cluster." + format);
      bytes = WriteCluster.write(cluster.snapshot, file);
    }

    /**
     * Deletes the file.
     *
     * @throws IOException if it cannot be deleted
     */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** Bytes loaded, reported per second next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    /** Bytes loaded in this iteration. */
    public long bytes;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  /** One load of the whole file. */
  @Benchmark
  public ClusterSnapshot load(YamlFile yaml, Throughput counters) {
    counters.bytes += yaml.bytes;
    return Manifests.load(yaml.file).cluster();
  }
}
