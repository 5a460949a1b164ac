/**
 * Reachability analysis of Kubernetes NetworkPolicies: the facade {@link
 * io.kubereach.Reachability}, the {@link io.kubereach.ReachabilityIndex} it builds, and the results
 * ({@link io.kubereach.Verdict}, {@link io.kubereach.Explanation}, {@link
 * io.kubereach.Connection}).
 *
 * <p>The index is implemented by a package-private bitset engine (selectors compiled once, pods
 * folded into equivalence classes, one matrix per distinct port atom group; DESIGN §5); {@link
 * io.kubereach.ReferenceEvaluator} is the slow, rule-by-rule oracle it is tested against and the
 * source of explanations. Rule numbers (S1–S15) refer to the semantics in the design document.
 *
 * <p>Every public value is immutable and thread-safe; misuse raises {@link
 * java.lang.IllegalArgumentException} naming the value and the fix.
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(cluster);
 * index.check(index.resolve("shop/web"), index.resolve("shop/db"), Port.tcp(5432)).allowed();
 * }</pre>
 */
package io.kubereach;
