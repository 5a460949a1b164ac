package io.kubereach.model;

import static java.util.Objects.requireNonNull;

/**
 * Something the answers cannot account for, so that they are incomplete: an object of a policy kind
 * the analysis does not read, a field read leniently, a verdict that depends on the order of two
 * policies of one priority. Carried by the snapshot (what the input left out) and by the index
 * (what the analysis found); every result built from them says it is incomplete.
 *
 * <pre>{@code
 * if (!index.limitations().isEmpty()) System.err.println("incomplete: " + index.limitations());
 * }</pre>
 *
 * @param kind what kind of gap it is
 * @param message what is left out and why, in one sentence
 */
public record Limitation(Kind kind, String message) {

  /** What kind of gap a limitation is. */
  public enum Kind {
    /** Objects of a policy API the analysis does not read (Cilium, Calico, Antrea, ...). */
    UNANALYSED_POLICY_KIND,
    /** Fields that were not understood and were stepped over under lenient loading. */
    LENIENT_LOAD,
    /** Two policies of one tier and priority whose order changes some verdict (T9). */
    AMBIGUOUS_PRIORITY,
    /** {@code nodes} peers, but no Node objects to match them against (T6). */
    NODES_UNKNOWN,
    /** An address the manifests do not hold decides some verdict (T8: a pod without IP). */
    UNKNOWN_ADDRESS,
    /**
     * {@code domainNames} peers, whose addresses come from DNS answers and are outside the
     * manifests (T6).
     */
    DOMAIN_NAMES,
    /**
     * Only some namespaces of a cluster were read: pods elsewhere are not in the answers, and their
     * addresses count as external.
     */
    PART_OF_CLUSTER
  }

  /** Validates. */
  public Limitation {
    requireNonNull(kind, "kind");
    Labels.requireName(message, "limitation message");
  }

  @Override
  public String toString() {
    return message;
  }
}
