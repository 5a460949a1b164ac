package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.Explanation;
import io.kubereach.Explanation.Outcome;
import io.kubereach.Explanation.RuleRef;
import io.kubereach.Explanation.Side;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An allowed connection that a rule forbids, with the reason it is allowed.
 *
 * <p>{@link #describe()} prints the {@code list} line of the forbidden ports, then what lets the
 * connection out of the source (egress) and into the destination (ingress): the rules that allow
 * it, {@code not isolated (no policy selects it)} (S1), or {@code outside the cluster}:
 *
 * <pre>{@code
 * shop/web[Deployment] => payments/api[Deployment] : TCP 443; egress: not isolated (no policy selects it); ingress: allowed by payments/allow-shop rule 0
 * }</pre>
 *
 * @param source the client end
 * @param destination the server end
 * @param ports the forbidden ports that are allowed, never empty
 * @param explanations why, one per range of {@code ports} (explained on the range's first port)
 */
public record ConnectionViolation(
    Endpoint source, Endpoint destination, PortSet ports, List<Explanation> explanations)
    implements Violation {

  /** Validates and copies. */
  public ConnectionViolation {
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(ports, "ports");
    if (ports.isEmpty()) {
      throw new IllegalArgumentException(
          source + " => " + destination + " violates nothing on no ports; leave it out");
    }
    explanations = List.copyOf(explanations);
  }

  /**
   * The rules (policy and rule index) that let the connection out of the source: NetworkPolicy
   * rules, or the tiered rule that accepted it (T3).
   */
  public List<RuleRef> egressAllowedBy() {
    return refs(Explanation::egress);
  }

  /** The rules that let the connection into the destination, likewise. */
  public List<RuleRef> ingressAllowedBy() {
    return refs(Explanation::ingress);
  }

  private List<RuleRef> refs(Function<Explanation, Side> side) {
    Set<RuleRef> out = new LinkedHashSet<>();
    for (Explanation e : explanations) {
      Side s = side.apply(e);
      out.addAll(s.allowedBy());
      if (s.outcome() == Outcome.ACCEPTED) {
        out.add(s.tiers().get(s.tiers().size() - 1).rule()); // T3: the accepting tier rule
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String describe() {
    return source
        + " => "
        + destination
        + " : "
        + ports
        + "; egress: "
        + cause(Explanation::egress)
        + "; ingress: "
        + cause(Explanation::ingress);
  }

  private String cause(Function<Explanation, Side> side) {
    Set<String> causes = new LinkedHashSet<>();
    Set<RuleRef> rules = new LinkedHashSet<>();
    for (Explanation e : explanations) {
      Side s = side.apply(e);
      if (s.outcome() == Outcome.ALLOWED) {
        rules.addAll(s.allowedBy());
      } else if (s.outcome() == Outcome.ACCEPTED) {
        causes.add(s.tiers().get(s.tiers().size() - 1).toString()); // T3: the accepting rule
      } else {
        causes.add(text(s.outcome()));
      }
    }
    if (!rules.isEmpty()) {
      causes.add("allowed by " + String.join(", ", rules.stream().map(RuleRef::toString).toList()));
    }
    return causes.isEmpty() ? "not explained" : String.join(" and ", causes);
  }

  private static String text(Outcome outcome) {
    return switch (outcome) {
      case NOT_ISOLATED -> "not isolated (no policy selects it)";
      case EXTERNAL -> "outside the cluster";
      case SELF -> "the same pod (S11)";
      case ALLOWED -> "allowed";
      case DENIED -> "denied";
      case ACCEPTED -> "accepted by a tiered policy";
      case REFUSED -> "denied by a tiered policy";
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}
