package io.kubereach.internal.semantics;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;

/**
 * One rule of one policy in the analysis's normal form: who it admits and on which ports.
 *
 * @param policy the policy it belongs to
 * @param direction the direction of its list
 * @param index its position in that list
 * @param peers its peers (S6, S7, S12)
 * @param ports its ports (S6, S9, S10)
 */
public record CompiledRule(
    PolicyRef policy, PolicyType direction, int index, PeerSet peers, PortMatch ports) {

  /** Validates. */
  public CompiledRule {
    requireNonNull(policy, "policy");
    requireNonNull(direction, "direction");
    requireNonNull(peers, "peers");
    requireNonNull(ports, "ports");
  }
}
