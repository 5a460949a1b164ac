/**
 * Reachability analysis of Kubernetes network policies, the public API: the facade {@link
 * io.kubereach.Reachability}, the {@link io.kubereach.ReachabilityIndex} it builds, and the results
 * ({@link io.kubereach.Verdict}, {@link io.kubereach.Explanation}, {@link io.kubereach.Connection},
 * {@link io.kubereach.ReachabilityDiff}, {@link io.kubereach.Warning}, {@link io.kubereach.Caveat},
 * ...). Rule numbers (S1–S15) refer to docs/semantics.md; how the index computes its answers is in
 * docs/architecture.md.
 *
 * <p>Every public value is immutable and thread-safe; misuse raises {@link
 * java.lang.IllegalArgumentException} naming the value and the fix. The engine lives in the {@code
 * io.kubereach.internal} packages, which the module does not export.
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(cluster);
 * index.check(index.resolve("shop/web"), index.resolve("shop/db"), Port.tcp(5432)).allowed();
 * }</pre>
 */
package io.kubereach;
