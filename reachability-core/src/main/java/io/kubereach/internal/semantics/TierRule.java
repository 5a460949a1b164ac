package io.kubereach.internal.semantics;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.TierAction;
import java.util.Optional;

/**
 * One rule of a tiered policy in the analysis's normal form (T2, T3, T6, T7, T10 in
 * docs/semantics.md): what it admits, on which ports, and what it then does.
 *
 * @param policy the policy it belongs to
 * @param direction the direction of its list
 * @param index its position in that list
 * @param name its name, if the rule has one
 * @param action what it does when it matches
 * @param peers whom it admits (S6 never applies: a tiered rule always lists peers)
 * @param ports the ports it matches
 * @param failedClosed whether a peer of a newer API made it fail closed (T10): an Accept rule then
 *     lost that peer, a Deny or Pass rule became "deny everything"
 */
public record TierRule(
    PolicyRef policy,
    PolicyType direction,
    int index,
    Optional<String> name,
    TierAction action,
    PeerSet peers,
    PortMatch ports,
    boolean failedClosed) {

  /** Validates. */
  public TierRule {
    requireNonNull(policy, "policy");
    requireNonNull(direction, "direction");
    requireNonNull(name, "name");
    requireNonNull(action, "action");
    requireNonNull(peers, "peers");
    requireNonNull(ports, "ports");
  }

  /** The rule as explanations name it: {@code rule 2 "deny-db"} or {@code rule 2}. */
  public String label() {
    return "rule " + index + name.map(n -> " \"" + n + "\"").orElse("");
  }
}
