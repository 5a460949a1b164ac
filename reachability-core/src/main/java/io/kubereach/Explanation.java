package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.render.Render;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a connection is allowed or denied, as data: one {@link Side} for the egress of the source and
 * one for the ingress of the destination (S5), the pods the reasoning is about, and caveats.
 *
 * <p>When an endpoint stands for several pods (S15), the explanation is about one pair of them: the
 * first allowed pair, or the first pair when none is allowed. {@link #toString()} renders it as
 * text, one line per side.
 *
 * <pre>{@code
 * Explanation e = index.explain(web, db, Port.tcp(5432));
 * e.ingress().allowedBy(); // [shop/allow-web rule 0]
 * e.ingress().allowedBy().get(0).policy(); // the PolicyRef of shop/allow-web
 * e.toMarkdown();           // the question above a table of both sides
 * }</pre>
 *
 * @param source the source as queried
 * @param destination the destination as queried
 * @param port the port as queried
 * @param allowed whether the connection is allowed
 * @param sourceMember the pod (pod granularity) or the single address the reasoning is about
 * @param destinationMember likewise for the destination
 * @param egress the egress side, of {@code sourceMember}
 * @param ingress the ingress side, of {@code destinationMember}
 * @param caveats remarks that qualify the answer, e.g. hostNetwork pods (S13); may be empty
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
    List<Caveat> caveats) {

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
   */
  public String toMarkdown() {
    return Render.markdown(table(), 2);
  }

  /** Like {@link #toMarkdown()}, as one escaped HTML {@code <table>} with a caption. */
  public String toHtml() {
    return Render.html(table(), 2);
  }

  private Render.Table table() {
    return new Render.Table(
        headline(),
        List.of(
            "direction", "endpoint", "peer", "outcome", "isolated by", "allowed by", "named ports"),
        List.of(egress.cells(), ingress.cells()),
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
        + (sourceMember.equals(source) && destinationMember.equals(destination)
            ? ""
            : " (via " + sourceMember + " => " + destinationMember + ")");
  }

  /** What one side concluded. */
  public enum Outcome {
    /** The side is outside the cluster: no policy applies there. */
    EXTERNAL,
    /** No policy selects the pod for this direction: everything is allowed (S1). */
    NOT_ISOLATED,
    /** The pod is isolated and at least one rule admits the peer on the port (S4). */
    ALLOWED,
    /** The pod is isolated and no rule admits the peer on the port (S2). */
    DENIED,
    /** Source and destination are the same pod (S11). */
    SELF
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
   * How a named port of a rule whose peer matched resolved on the destination pod (S10).
   *
   * @param rule the rule holding the named port
   * @param name the port name
   * @param protocol the protocol the rule gives it
   * @param on the destination it was resolved on (an external address resolves nothing)
   * @param numbers the container port numbers it resolved to; empty when the name is unknown there
   */
  public record NamedPort(
      RuleRef rule, String name, Protocol protocol, Endpoint on, List<Integer> numbers) {
    /** Validates and copies. */
    public NamedPort {
      requireNonNull(rule, "rule");
      requireNonNull(name, "name");
      requireNonNull(protocol, "protocol");
      requireNonNull(on, "on");
      numbers = List.copyOf(numbers);
    }

    @Override
    public String toString() {
      return "named port "
          + name
          + "/"
          + protocol
          + " of "
          + rule
          + " on "
          + on
          + (numbers.isEmpty() ? " resolves to nothing" : " resolves to " + numbers);
    }
  }

  /**
   * The verdict of one direction: the egress of the source or the ingress of the destination.
   *
   * @param direction the direction
   * @param subject the pod (or external address) whose side this is
   * @param peer the other end, as matched against the rules' peers
   * @param outcome what this side concluded
   * @param isolatedBy the policies that select {@code subject} for {@code direction}; empty unless
   *     the pod is isolated (S2)
   * @param allowedBy the rules that admit {@code peer} on the port (S4); empty unless {@code
   *     ALLOWED}
   * @param namedPorts how the named ports of rules whose peer matched resolved (S10)
   */
  public record Side(
      PolicyType direction,
      Endpoint subject,
      Endpoint peer,
      Outcome outcome,
      List<PolicyRef> isolatedBy,
      List<RuleRef> allowedBy,
      List<NamedPort> namedPorts) {

    /** Validates and copies. */
    public Side {
      requireNonNull(direction, "direction");
      requireNonNull(subject, "subject");
      requireNonNull(peer, "peer");
      requireNonNull(outcome, "outcome");
      isolatedBy = List.copyOf(isolatedBy);
      allowedBy = List.copyOf(allowedBy);
      namedPorts = List.copyOf(namedPorts);
    }

    /** Whether this side lets the connection through. */
    public boolean allows() {
      return outcome != Outcome.DENIED;
    }

    @Override
    public String toString() {
      String head = direction.name().toLowerCase(Locale.ROOT) + " of " + subject + ": ";
      String body =
          switch (outcome) {
            case EXTERNAL -> "outside the cluster, no policy applies";
            case NOT_ISOLATED -> "not isolated, no policy selects it for " + direction + " (S1)";
            case ALLOWED -> "isolated by " + isolatedBy + "; allowed by " + allowedBy;
            case DENIED ->
                "isolated by " + isolatedBy + "; no rule admits " + peer + " on this port";
            case SELF -> "the same pod (S11)";
          };
      String named =
          namedPorts.isEmpty()
              ? ""
              : "; " + String.join("; ", namedPorts.stream().map(NamedPort::toString).toList());
      return head + body + named;
    }

    /** The cells of this side's table row. */
    List<String> cells() {
      return List.of(
          direction.name().toLowerCase(Locale.ROOT),
          subject.toString(),
          peer.toString(),
          outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          String.join(", ", isolatedBy.stream().map(PolicyRef::toString).toList()),
          String.join(", ", allowedBy.stream().map(RuleRef::toString).toList()),
          String.join("; ", namedPorts.stream().map(NamedPort::toString).toList()));
    }
  }
}
