/**
 * kubereach core: the model, the reachability index and its results, diffs and isolation rules.
 * Only the API packages are exported; the engine ({@code io.kubereach.internal.*}) is not.
 */
module io.kubereach {
  requires com.google.common;
  requires inet.ipaddr;
  requires transitive org.jgrapht.core;

  exports io.kubereach;
  exports io.kubereach.model;
  exports io.kubereach.rules;
}
