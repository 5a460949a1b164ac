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
    HOST_NETWORK
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
