package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import java.util.List;

/**
 * A remark that qualifies an answer without changing it, as data: what kind of remark, the endpoint
 * it is about, the pods behind it, and the text. {@link #toString()} is the text.
 *
 * <pre>{@code
 * for (Caveat c : verdict.caveats()) {
 *   if (c.kind() == Caveat.Kind.HOST_NETWORK) System.err.println(c); // S13
 * }
 * }</pre>
 *
 * @param kind what the remark is about
 * @param endpoint the endpoint it qualifies
 * @param pods the pods of {@code endpoint} it concerns ({@code ns/name[Pod]}, or the workload)
 * @param message the remark as a sentence, citing its rule
 */
public record Caveat(Kind kind, Endpoint endpoint, List<Endpoint> pods, String message) {

  /** What a caveat is about. */
  public enum Kind {
    /**
     * The endpoint is, or has pods that are, hostNetwork pods, to which most network plugins do not
     * apply policies; the answer treats them as ordinary pods (S13).
     */
    HOST_NETWORK,
    /**
     * A pod without a known IP meets a networks peer narrower than {@code 0.0.0.0/0}: whether the
     * network holds it is outside the manifests; the answer takes it to be outside (T8).
     */
    UNKNOWN_ADDRESS,
    /**
     * A dual-stack pod's other address family would get another answer than the first family's,
     * which the answer is for (T8).
     */
    OTHER_FAMILY;

    /**
     * Whether a caveat of this kind leaves the answer incomplete (not just qualified): only an
     * address the manifests do not hold. A hostNetwork end and the other family of a dual-stack pod
     * qualify an answer that is complete for what it says it answers (S13, T8).
     */
    public boolean incomplete() {
      return this == UNKNOWN_ADDRESS;
    }
  }

  /** Validates and copies. */
  public Caveat {
    requireNonNull(kind, "kind");
    requireNonNull(endpoint, "endpoint");
    pods = List.copyOf(pods);
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
