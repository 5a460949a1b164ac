package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.render.Render;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.Protocol;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a connection is allowed or denied, as data: one {@link Side} for the egress of the source and
 * one for the ingress of the destination (S5), the pods the reasoning is about, and caveats. Each
 * side tells which tier decided (T1): the Admin tier rule that accepted, denied or passed, the
 * NetworkPolicies that isolate the pod and the rules that allow, the Baseline tier rule.
 *
 * <p>When an endpoint stands for several pods (S15), the explanation is about one pair of them: the
 * first allowed pair, or the first pair when none is allowed. {@link #toString()} renders it as
 * text, one line per side.
 *
 * <pre>{@code
 * Explanation e = index.explain(web, db, Port.tcp(5432));
 * e.ingress().allowedBy(); // [shop/allow-web rule 0]
 * e.ingress().allowedBy().get(0).policy(); // the PolicyRef of shop/allow-web
 * e.egress().tiers();      // the tier rules that matched, e.g. an Admin tier Pass
 * e.toMarkdown();           // the question above a table of both sides
 * }</pre>
 *
 * @param source the source as queried
 * @param destination the destination as queried
 * @param port the port as queried
 * @param allowed whether the connection is allowed
 * @param sourceMember the pod (pod granularity) or the single address the reasoning is about; the
 *     endpoint itself when all its pods are alike to every policy (one class), since what is said
 *     of one is said of each
 * @param destinationMember likewise for the destination
 * @param egress the egress side, of {@code sourceMember}
 * @param ingress the ingress side, of {@code destinationMember}
 * @param caveats remarks that qualify the answer, e.g. hostNetwork pods (S13); may be empty
 * @param ambiguous whether another order of same-priority policies would give the other verdict
 *     (T9); the sides' {@link Side#alternatives()} name them
 */
public record Explanation(
    Endpoint source,
    Endpoint destination,
    Port port,
    boolean allowed,
    Endpoint sourceMember,
    Endpoint destinationMember,
    Side egress,
    Side ingress,
    List<Caveat> caveats,
    boolean ambiguous) {

  /** Validates and copies. */
  public Explanation {
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(port, "port");
    requireNonNull(sourceMember, "sourceMember");
    requireNonNull(destinationMember, "destinationMember");
    requireNonNull(egress, "egress");
    requireNonNull(ingress, "ingress");
    caveats = List.copyOf(caveats);
  }

  /** Whether this is a pod reaching itself, always allowed (S11). */
  public boolean self() {
    return egress.outcome() == Outcome.SELF;
  }

  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(headline());
    if (self()) {
      lines.add("  a pod always reaches itself (S11)");
    } else {
      lines.add("  " + egress);
      lines.add("  " + ingress);
    }
    caveats.forEach(c -> lines.add("  caveat: " + c));
    return String.join("\n", lines);
  }

  /**
   * This explanation as Markdown: the question and verdict, a table with one row per side (S5),
   * caveats below.
   *
   * <pre>{@code
   * shop/web[Pod] => shop/db[Pod] on TCP 5432: allowed
   *
   * | direction | endpoint | peer | outcome | isolated by | allowed by | named ports |
   * | --- | --- | --- | --- | --- | --- | --- |
   * | egress | shop/web[Pod] | shop/db[Pod] | not isolated |  |  |  |
   * | ingress | shop/db[Pod] | shop/web[Pod] | allowed | shop/db | shop/db rule 0 |  |
   * }</pre>
   *
   * <p>When a tiered policy took part, a {@code tier rules} column follows.
   */
  public String toMarkdown() {
    return Render.markdown(table(), 2);
  }

  /** Like {@link #toMarkdown()}, as one escaped HTML {@code <table>} with a caption. */
  public String toHtml() {
    return Render.html(table(), 2);
  }

  private Render.Table table() {
    boolean tiers = !egress.tiers().isEmpty() || !ingress.tiers().isEmpty();
    List<String> header =
        new ArrayList<>(
            List.of(
                "direction",
                "endpoint",
                "peer",
                "outcome",
                "isolated by",
                "allowed by",
                "named ports"));
    if (tiers) {
      header.add("tier rules");
    }
    return new Render.Table(
        headline(),
        header,
        List.of(egress.cells(tiers), ingress.cells(tiers)),
        Render.caveatNotes(caveats));
  }

  /** The question and the verdict, with the pair of members when they differ from it (S15). */
  private String headline() {
    return source
        + " => "
        + destination
        + " on "
        + port
        + ": "
        + (allowed ? "allowed" : "denied")
        + (ambiguous
            ? " (ambiguous: another order of same-priority policies would "
                + (allowed ? "deny" : "allow")
                + " it, T9)"
            : "")
        + (sourceMember.equals(source) && destinationMember.equals(destination)
            ? ""
            : " (via " + sourceMember + " => " + destinationMember + ")");
  }

  /** What one side concluded. */
  public enum Outcome {
    /** The side is outside the cluster: no policy applies there. */
    EXTERNAL,
    /** No policy decides for the pod in this direction: everything is allowed (S1, T1). */
    NOT_ISOLATED,
    /** A NetworkPolicy isolates the pod and at least one rule admits the peer on the port (S4). */
    ALLOWED,
    /** A NetworkPolicy isolates the pod and no rule admits the peer on the port (S2). */
    DENIED,
    /** Source and destination are the same pod (S11). */
    SELF,
    /** A rule of a tiered policy accepts the peer on the port (T3). */
    ACCEPTED,
    /** A rule of a tiered policy denies the peer on the port (T3). */
    REFUSED
  }

  /**
   * One rule of one policy, e.g. {@code shop/allow-web rule 0}.
   *
   * @param policy the policy
   * @param rule the index of the rule in the policy's list for the side's direction
   */
  public record RuleRef(PolicyRef policy, int rule) {
    /** Validates. */
    public RuleRef {
      requireNonNull(policy, "policy");
      if (rule < 0) {
        throw new IllegalArgumentException("rule index " + rule + " is negative");
      }
    }

    @Override
    public String toString() {
      return policy + " rule " + rule;
    }
  }

  /**
   * The rule of a tiered policy that matched on one side (T2, T3): the first match in its tier.
   *
   * <pre>{@code
   * admin tier: ClusterNetworkPolicy/sensitive (priority 10) rule 1 "deny-others" denies
   * }</pre>
   *
   * @param tier its tier
   * @param rule the policy and the rule's index
   * @param priority the policy's priority
   * @param ruleName the rule's name, if it has one
   * @param action what it did
   * @param failedClosed whether a peer of a newer API made the rule fail closed (T10)
   */
  public record TierStep(
      Tier tier,
      RuleRef rule,
      int priority,
      Optional<String> ruleName,
      TierAction action,
      boolean failedClosed) {
    /** Validates. */
    public TierStep {
      requireNonNull(tier, "tier");
      requireNonNull(rule, "rule");
      requireNonNull(ruleName, "ruleName");
      requireNonNull(action, "action");
    }

    /** The rule as {@code ClusterNetworkPolicy/x (priority 10) rule 1 "deny-others"}. */
    public String ruleText() {
      return rule.policy()
          + " (priority "
          + priority
          + ") rule "
          + rule.rule()
          + ruleName.map(n -> " \"" + n + "\"").orElse("");
    }

    @Override
    public String toString() {
      String verb =
          switch (action) {
            case Accept -> "accepts";
            case Deny -> "denies";
            case Pass -> "passes";
          };
      return tier.name().toLowerCase(Locale.ROOT)
          + " tier: "
          + ruleText()
          + " "
          + verb
          + (failedClosed ? " (it fails closed: a peer of a newer API, T10)" : "");
    }
  }

  /**
   * How a named port of a rule whose peer matched resolved on the destination pod (S10, T7).
   *
   * @param rule the rule holding the named port
   * @param name the port name
   * @param protocol the protocol the rule gives it; empty for a tiered policy's, which takes the
   *     container port's own (T7)
   * @param on the destination it was resolved on (an external address resolves nothing)
   * @param ports the container ports it resolved to; empty when the name is unknown there
   */
  public record NamedPort(
      RuleRef rule, String name, Optional<Protocol> protocol, Endpoint on, List<Port> ports) {
    /** Validates and copies. */
    public NamedPort {
      requireNonNull(rule, "rule");
      requireNonNull(name, "name");
      requireNonNull(protocol, "protocol");
      requireNonNull(on, "on");
      ports = List.copyOf(ports);
    }

    /** The numbers of {@link #ports()}. */
    public List<Integer> numbers() {
      return ports.stream().map(Port::number).toList();
    }

    @Override
    public String toString() {
      return "named port "
          + name
          + protocol.map(p -> "/" + p).orElse("")
          + " of "
          + rule
          + " on "
          + on
          + (ports.isEmpty()
              ? " resolves to nothing"
              : " resolves to " + (protocol.isPresent() ? numbers() : ports));
    }
  }

  /**
   * The verdict of one direction: the egress of the source or the ingress of the destination.
   *
   * @param direction the direction
   * @param subject the pod (or external address) whose side this is
   * @param peer the other end, as matched against the rules' peers
   * @param outcome what this side concluded
   * @param isolatedBy the NetworkPolicies that select {@code subject} for {@code direction}; empty
   *     unless the NetworkPolicy tier decided (S2, T4)
   * @param allowedBy the rules that admit {@code peer} on the port (S4); empty unless {@code
   *     ALLOWED}
   * @param namedPorts how the named ports of rules whose peer matched resolved (S10, T7)
   * @param tiers the tier rules that matched, in chain order (T1): an Admin tier rule, and a
   *     Baseline tier rule when that tier was reached
   * @param alternatives rules of other policies of the deciding rule's tier and priority that match
   *     too and do something else: another order would apply them (T9)
   */
  public record Side(
      PolicyType direction,
      Endpoint subject,
      Endpoint peer,
      Outcome outcome,
      List<PolicyRef> isolatedBy,
      List<RuleRef> allowedBy,
      List<NamedPort> namedPorts,
      List<TierStep> tiers,
      List<TierStep> alternatives) {

    /** Validates and copies. */
    public Side {
      requireNonNull(direction, "direction");
      requireNonNull(subject, "subject");
      requireNonNull(peer, "peer");
      requireNonNull(outcome, "outcome");
      isolatedBy = List.copyOf(isolatedBy);
      allowedBy = List.copyOf(allowedBy);
      namedPorts = List.copyOf(namedPorts);
      tiers = List.copyOf(tiers);
      alternatives = List.copyOf(alternatives);
    }

    /** A side no tiered policy took part in. */
    public Side(
        PolicyType direction,
        Endpoint subject,
        Endpoint peer,
        Outcome outcome,
        List<PolicyRef> isolatedBy,
        List<RuleRef> allowedBy,
        List<NamedPort> namedPorts) {
      this(
          direction,
          subject,
          peer,
          outcome,
          isolatedBy,
          allowedBy,
          namedPorts,
          List.of(),
          List.of());
    }

    /** Whether this side lets the connection through. */
    public boolean allows() {
      return outcome != Outcome.DENIED && outcome != Outcome.REFUSED;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      tiers.stream().filter(t -> t.tier() == Tier.Admin).forEach(t -> parts.add(t.toString()));
      switch (outcome) {
        case EXTERNAL -> parts.add("outside the cluster, no policy applies");
        case SELF -> parts.add("the same pod (S11)");
        case ALLOWED -> parts.add("isolated by " + isolatedBy + "; allowed by " + allowedBy);
        case DENIED ->
            parts.add("isolated by " + isolatedBy + "; no rule admits " + peer + " on this port");
        case NOT_ISOLATED, ACCEPTED, REFUSED -> {
          boolean reachedNetworkPolicies =
              tiers.stream()
                  .noneMatch(t -> t.tier() == Tier.Admin && t.action() != TierAction.Pass);
          if (reachedNetworkPolicies && tiers.isEmpty()) {
            parts.add("not isolated, no policy selects it for " + direction + " (S1)");
          } else if (reachedNetworkPolicies) {
            parts.add("no NetworkPolicy selects it for " + direction + " (T4)");
          }
        }
      }
      tiers.stream().filter(t -> t.tier() == Tier.Baseline).forEach(t -> parts.add(t.toString()));
      if (outcome == Outcome.NOT_ISOLATED && !tiers.isEmpty()) {
        parts.add("allowed by default (T1)");
      }
      alternatives.forEach(
          a -> parts.add("but " + a.ruleText() + " of the same priority " + verb(a) + " (T9)"));
      namedPorts.forEach(n -> parts.add(n.toString()));
      return direction.name().toLowerCase(Locale.ROOT)
          + " of "
          + subject
          + ": "
          + String.join("; ", parts);
    }

    private static String verb(TierStep step) {
      return switch (step.action()) {
        case Accept -> "would accept";
        case Deny -> "would deny";
        case Pass -> "would pass";
      };
    }

    /** The cells of this side's table row. */
    List<String> cells(boolean withTiers) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  direction.name().toLowerCase(Locale.ROOT),
                  subject.toString(),
                  peer.toString(),
                  outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                  String.join(", ", isolatedBy.stream().map(PolicyRef::toString).toList()),
                  String.join(", ", allowedBy.stream().map(RuleRef::toString).toList()),
                  String.join("; ", namedPorts.stream().map(NamedPort::toString).toList())));
      if (withTiers) {
        List<String> steps = new ArrayList<>();
        tiers.forEach(t -> steps.add(t.toString()));
        alternatives.forEach(a -> steps.add("alternative: " + a));
        cells.add(String.join("; ", steps));
      }
      return cells;
    }
  }
}
