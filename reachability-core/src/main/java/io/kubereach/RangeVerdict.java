package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PortRange;

/**
 * One maximal range of ports with one verdict between two endpoints, explained at its first port:
 * what {@code explain} without a port shows (docs/cli.md).
 *
 * <pre>{@code
 * for (RangeVerdict r : index.explainRanges(web, db)) {
 *   System.out.println((r.allowed() ? "allowed " : "denied ") + r.ports());
 *   System.out.println(r.explanation().ingress());
 * }
 * }</pre>
 *
 * @param ports the range, of one protocol
 * @param allowed whether every port of it is allowed
 * @param ambiguous whether every port of it depends on the order of same-priority policies (T9)
 * @param explanation why, at the first port of the range
 */
public record RangeVerdict(
    PortRange ports, boolean allowed, boolean ambiguous, Explanation explanation) {
  /** Validates. */
  public RangeVerdict {
    requireNonNull(ports, "ports");
    requireNonNull(explanation, "explanation");
  }
}
