/**
 * AssertJ assertions about reachability, for unit tests that pin a cluster's isolation: who can
 * reach whom, on which ports, and which namespaces stay apart. Failure messages carry the
 * explanation (which policy and rule allowed or denied the connection).
 *
 * <p>Hard assertions start at {@link io.kubereach.assertj.KubereachAssertions#assertThat}; soft
 * ones, collected and reported together, at {@link io.kubereach.assertj.KubereachSoftAssertions}
 * (or any AssertJ soft assertions class that implements {@link
 * io.kubereach.assertj.KubereachSoftAssertionsProvider}).
 *
 * <pre>{@code
 * assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(8080));
 * assertThat(index).workload("shop/web").cannotReach("shop/db");
 * assertThat(index).namespace("db").isIsolatedFrom(namespace("default"));
 * }</pre>
 */
package io.kubereach.assertj;
