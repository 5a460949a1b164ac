package io.kubereach;

/**
 * How the analysis reads the policies where conventions differ.
 *
 * <pre>{@code
 * Reachability.index(cluster, AnalysisOptions.externalOnly()); // the netpol-analyzer convention
 * }</pre>
 *
 * @param ipBlocksMatchPodIps whether an {@code ipBlock} also matches pods whose known IP lies in
 *     the block, as Kubernetes does (S12); {@code false} is the "ipBlocks external only" convention
 *     of netpol-analyzer, where an ipBlock matches external addresses only
 */
public record AnalysisOptions(boolean ipBlocksMatchPodIps) {

  private static final AnalysisOptions DEFAULTS = new AnalysisOptions(true);
  private static final AnalysisOptions EXTERNAL_ONLY = new AnalysisOptions(false);

  /** Kubernetes semantics: ipBlocks match external addresses and pod IPs (S12). */
  public static AnalysisOptions defaults() {
    return DEFAULTS;
  }

  /** ipBlocks match external addresses only (netpol-analyzer, {@code --ipblocks-external-only}). */
  public static AnalysisOptions externalOnly() {
    return EXTERNAL_ONLY;
  }
}
