package io.kubereach.bench;

import io.kubereach.Connection;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityDiff;
import io.kubereach.ReachabilityIndex;
import io.kubereach.Verdict;
import io.kubereach.model.PortSet;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bitset engine (docs/architecture.md) on {@link ClusterState}: index build, one {@code check},
 * the full {@code connections()} list, and what-ifs that change one policy and answer again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xss4m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

  /** A built index, its question pool and one what-if. */
  @State(Scope.Benchmark)
  public static class Built {
    ReachabilityIndex index;
    Queries queries;
    io.kubereach.ResolvedEndpoint[] sources;
    io.kubereach.ResolvedEndpoint[] destinations;
    WhatIf whatIf;

    /** Builds once per trial. */
    @Setup(Level.Trial)
    public void build(ClusterState cluster) {
      index = Reachability.index(cluster.snapshot);
      queries = new Queries(index.podEndpoints(), ClusterState.SEED);
      sources = new io.kubereach.ResolvedEndpoint[Queries.SIZE];
      destinations = new io.kubereach.ResolvedEndpoint[Queries.SIZE];
      for (int i = 0; i < Queries.SIZE; i++) {
        sources[i] = index.resolved(queries.sources[i]);
        destinations[i] = index.resolved(queries.destinations[i]);
      }
      whatIf = WhatIf.of(cluster.snapshot, ClusterState.SEED);
    }
  }

  /** The built index with its connections listed, so that the diff what-if finds them ready. */
  @State(Scope.Benchmark)
  public static class Listed {
    /** Lists once per trial. */
    @Setup(Level.Trial)
    public void list(Built built) {
      built.index.connections();
    }
  }

  /**
   * A fresh index before every call, for {@link #connections}: the list is memoised per index.
   * Building it is not measured.
   */
  @State(Scope.Thread)
  public static class Fresh {
    ReachabilityIndex index;

    /** Builds a new index (outside the measured time). */
    @Setup(Level.Invocation)
    public void build(ClusterState cluster) {
      index = Reachability.index(cluster.snapshot);
    }
  }

  /**
   * Index build: selectors, pod classes, port atoms, rows; without tiers the matrices wait for a
   * question that needs them all (docs/architecture.md, "The pipeline").
   */
  @Benchmark
  public ReachabilityIndex build(ClusterState cluster) {
    return Reachability.index(cluster.snapshot);
  }

  /**
   * Index build with every matrix: the build followed by one question that needs them all (the
   * ports between two endpoints), which is what a build cost before the matrices waited.
   */
  @Benchmark
  public PortSet buildWithMatrices(ClusterState cluster, Built built) {
    WhatIf w = built.whatIf;
    return Reachability.index(cluster.snapshot).allowed(w.web(), w.api());
  }

  /** One {@code check} of a random pod pair resolved before ({@code index.resolved}) and port. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void check(Built built, Blackhole bh) {
    Queries q = built.queries;
    int i = q.next();
    Verdict v = built.index.check(built.sources[i], built.destinations[i], q.ports[i]);
    bh.consume(v.allowed());
    bh.consume(v);
  }

  /** The same question by endpoint value: looked up on every call, for comparison. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void checkByValue(Built built, Blackhole bh) {
    Queries q = built.queries;
    int i = q.next();
    Verdict v = built.index.check(q.sources[i], q.destinations[i], q.ports[i]);
    bh.consume(v.allowed());
    bh.consume(v);
  }

  /** Every allowed connection at workload granularity, on an index built before the call. */
  @Benchmark
  public List<Connection> connections(Fresh fresh) {
    return fresh.index.connections();
  }

  /**
   * What-if: remove the app's api policy from the built index ({@code index.withoutPolicy}, the
   * incremental path), ask web to api on TCP 8080 again.
   */
  @Benchmark
  public boolean whatIfRemoveCheck(Built built) {
    WhatIf w = built.whatIf;
    ReachabilityIndex after = built.index.withoutPolicy(w.namespace(), w.removed());
    return after.check(w.web(), w.api(), WhatIf.PORT).allowed();
  }

  /** The same what-if by a fresh index of the changed snapshot: the old path, for comparison. */
  @Benchmark
  public boolean whatIfRemoveCheckRebuild(ClusterState cluster, Built built) {
    WhatIf w = built.whatIf;
    ReachabilityIndex after =
        Reachability.index(cluster.snapshot.withoutPolicy(w.namespace(), w.removed()));
    return after.check(w.web(), w.api(), WhatIf.PORT).allowed();
  }

  /**
   * What-if on the pods: label the web pod {@code release=canary} ({@code index.with}, the
   * incremental path: the pod table, endpoints and memberships are taken over, selections matched
   * anew in its namespace only), ask web to api on TCP 8080 again.
   */
  @Benchmark
  public boolean whatIfRelabelCheck(Built built) {
    WhatIf w = built.whatIf;
    ReachabilityIndex after = built.index.with(w.relabeled(built.index.snapshot()));
    return after.check(w.web(), w.api(), WhatIf.PORT).allowed();
  }

  /** What-if: add a policy exposing the api to the ingress controller, ask again (incremental). */
  @Benchmark
  public boolean whatIfAddCheck(Built built) {
    WhatIf w = built.whatIf;
    ReachabilityIndex after = built.index.withPolicy(w.added());
    return after.check(w.ingress(), w.api(), WhatIf.PORT).allowed();
  }

  /**
   * What-if as a diff: remove the app's api policy, rebuild, list, and diff against the old list
   * (computed before the measurement).
   */
  @Benchmark
  public ReachabilityDiff whatIfRemoveDiff(Built built, Listed listed) {
    WhatIf w = built.whatIf;
    ReachabilityIndex after = built.index.withoutPolicy(w.namespace(), w.removed());
    return ReachabilityDiff.between(built.index, after);
  }
}
