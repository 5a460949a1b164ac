/**
 * JMH benchmarks of kubereach on seeded realistic clusters (DESIGN §10), and the tools around them:
 * {@link io.kubereach.bench.ClusterYaml} writes a generated cluster as manifests, {@link
 * io.kubereach.bench.WriteCluster} does so from the command line, {@link
 * io.kubereach.bench.Footprint} prints the index's compression and heap size. Results and commands
 * live in {@code docs/benchmarks.md}.
 */
package io.kubereach.bench;
