package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PolicyType;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Locale;

/**
 * An endpoint that no policy isolates for a direction (S1, S2): everything is allowed there.
 *
 * <pre>{@code
 * shop/web[Deployment] is not isolated for ingress (no policy selects it)
 * shop/web-7d9f[ReplicaSet] is not isolated for egress (no policy selects pod shop/web-7d9f-x)
 * }</pre>
 *
 * @param endpoint the endpoint
 * @param direction the direction no policy isolates
 * @param pods the pods ({@code ns/name}) of a several-pod endpoint (S15) that no policy selects;
 *     empty when the endpoint stands for one pod or a workload's template
 */
public record NotIsolatedViolation(
    WorkloadEndpoint endpoint, PolicyType direction, List<String> pods) implements Violation {

  /** Validates and copies. */
  public NotIsolatedViolation {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(direction, "direction");
    pods = List.copyOf(pods);
  }

  @Override
  public String describe() {
    String which =
        pods.isEmpty() ? "it" : (pods.size() == 1 ? "pod " : "pods ") + String.join(", ", pods);
    return endpoint
        + " is not isolated for "
        + direction.name().toLowerCase(Locale.ROOT)
        + " (no policy selects "
        + which
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
