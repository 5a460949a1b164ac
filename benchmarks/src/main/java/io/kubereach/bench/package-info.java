/**
 * JMH benchmarks of kubereach on seeded realistic clusters (docs/benchmarks.md), and the tools
 * around them: {@link io.kubereach.bench.WriteCluster} writes a generated cluster as manifests,
 * {@link io.kubereach.bench.Footprint} prints the index's compression and heap size. Results and
 * commands live in {@code docs/benchmarks.md}.
 */
package io.kubereach.bench;
