package io.kubereach.bench;

import io.kubereach.AnalysisOptions;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.reference.ReferenceEvaluator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline: the {@link ReferenceEvaluator}, which walks the rules for one pair at a time, on
 * the same clusters and questions as {@link EngineBenchmark}.
 *
 * <p>{@link #allPairs} answers every ordered pair of distinct pod endpoints on {@link #PORTS} when
 * the cluster has at most {@value #ALL_PAIRS_UP_TO} pods; above that, a seeded sample of {@value
 * #SAMPLE_PAIRS} pairs, whose time {@code docs/benchmarks.md} scales by {@code n(n-1)/}{@value
 * #SAMPLE_PAIRS} to all pairs (the reference's cost per pair does not depend on which pair).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xss4m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReferenceBenchmark {
  /** The port sample of {@link #allPairs}. */
  public static final List<Port> PORTS = List.of(Port.tcp(8080), Port.tcp(5432), Port.udp(53));

  /** Up to this many pods, {@link #allPairs} asks about every pair. */
  public static final int ALL_PAIRS_UP_TO = 1_000;

  /** Above {@link #ALL_PAIRS_UP_TO} pods, {@link #allPairs} asks about this many seeded pairs. */
  public static final int SAMPLE_PAIRS = 2_000;

  /** The evaluator, the question pool and the pair set. */
  @State(Scope.Benchmark)
  public static class Evaluator {
    ReferenceEvaluator reference;
    Queries queries;
    Endpoint[] sources;
    Endpoint[] destinations;

    /** Prepares everything outside the measurement. */
    @Setup(Level.Trial)
    public void prepare(ClusterState cluster) {
      reference = ReferenceEvaluator.of(cluster.snapshot, AnalysisOptions.defaults());
      List<WorkloadEndpoint> endpoints = reference.podEndpoints();
      queries = new Queries(endpoints, ClusterState.SEED);
      int n = endpoints.size();
      if (n <= ALL_PAIRS_UP_TO) {
        sources = new Endpoint[n * (n - 1)];
        destinations = new Endpoint[n * (n - 1)];
        int k = 0;
        for (int s = 0; s < n; s++) {
          for (int d = 0; d < n; d++) {
            if (s != d) {
              sources[k] = endpoints.get(s);
              destinations[k++] = endpoints.get(d);
            }
          }
        }
      } else {
        Random random = new Random(ClusterState.SEED);
        sources = new Endpoint[SAMPLE_PAIRS];
        destinations = new Endpoint[SAMPLE_PAIRS];
        for (int k = 0; k < SAMPLE_PAIRS; k++) {
          int s = random.nextInt(n);
          int d = random.nextInt(n - 1);
          sources[k] = endpoints.get(s);
          destinations[k] = endpoints.get(d >= s ? d + 1 : d);
        }
      }
    }
  }

  /** The reference's answer to the question {@link EngineBenchmark#check} asks. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean check(Evaluator e) {
    Queries q = e.queries;
    int i = q.next();
    return e.reference.allows(q.sources[i], q.destinations[i], q.ports[i]);
  }

  /**
   * Every ordered pair of distinct pods (or the sample) on every port of {@link #PORTS}; returns
   * how many questions were allowed.
   */
  @Benchmark
  public int allPairs(Evaluator e) {
    int allowed = 0;
    for (int k = 0; k < e.sources.length; k++) {
      for (Port port : PORTS) {
        if (e.reference.allows(e.sources[k], e.destinations[k], port)) {
          allowed++;
        }
      }
    }
    return allowed;
  }
}
