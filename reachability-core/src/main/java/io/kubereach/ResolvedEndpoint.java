package io.kubereach;

import io.kubereach.model.Endpoint;

/**
 * An endpoint resolved once by one index, for asking that index many questions about it: a {@link
 * ReachabilityIndex#check(ResolvedEndpoint, ResolvedEndpoint, io.kubereach.model.Port) check} is
 * then a port lookup and bit tests, with no lookup of the endpoint and no allocation beyond the
 * verdict. Only the index that made it accepts it. Immutable and thread-safe.
 *
 * <pre>{@code
 * ResolvedEndpoint web = index.resolved("shop/web");
 * ResolvedEndpoint db = index.resolved("shop/db");
 * index.check(web, db, Port.tcp(5432)).allowed();
 * }</pre>
 */
public interface ResolvedEndpoint {

  /** The endpoint it stands for. */
  Endpoint endpoint();
}
