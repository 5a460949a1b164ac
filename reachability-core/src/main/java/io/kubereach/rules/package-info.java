/**
 * Isolation rules over a {@link io.kubereach.ReachabilityIndex}: properties such as "payments is
 * only reachable from checkout on TCP 443", written fluently and checked against every allowed
 * connection of a cluster.
 *
 * <p>A rule reads {@code subjects that … should …}: {@link io.kubereach.rules.IsolationRules}
 * starts it, {@link io.kubereach.rules.IsolationRule#check} throws an {@link AssertionError} that
 * lists every violation on its own line, {@link io.kubereach.rules.IsolationRule#evaluate} returns
 * them as data. The package depends on no test framework, so rules run in JUnit, TestNG, a notebook
 * or a CI gate alike.
 *
 * <pre>{@code
 * workloads().that().areInNamespace("payments")
 *     .should().onlyBeReachableFrom(namespace("checkout")).onPorts(Port.tcp(443))
 *     .because("PCI scope")
 *     .check(index);
 * }</pre>
 */
package io.kubereach.rules;
