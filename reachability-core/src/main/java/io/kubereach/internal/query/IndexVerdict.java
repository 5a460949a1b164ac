package io.kubereach.internal.query;

import static java.util.Objects.requireNonNull;

import io.kubereach.Caveat;
import io.kubereach.Explanation;
import io.kubereach.Verdict;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import java.util.List;
import java.util.Objects;

/** The index's {@link Verdict}: one answer, its caveats, and its explanation computed once. */
final class IndexVerdict implements Verdict {
  private final Endpoint source;
  private final Endpoint destination;
  private final Port port;
  private final boolean allowed;
  private final List<Caveat> caveats;
  private final boolean ambiguous;
  private final boolean complete;

  /**
   * What explains it, dropped once it has: the explainer and the two ends' members, held as they
   * are rather than in a closure, so that a check allocates the verdict alone.
   */
  private Explainer explainer;

  private EndpointMembers sourceMembers;
  private EndpointMembers destinationMembers;

  private volatile Explanation explanation;

  /**
   * @param explainer explains it (asked at most once); its explanation must agree with {@code
   *     allowed}
   * @param sourceMembers what the source stands for
   * @param destinationMembers what the destination stands for
   */
  IndexVerdict(
      Endpoint source,
      Endpoint destination,
      Port port,
      boolean allowed,
      List<Caveat> caveats,
      boolean ambiguous,
      boolean snapshotComplete,
      Explainer explainer,
      EndpointMembers sourceMembers,
      EndpointMembers destinationMembers) {
    this.source = requireNonNull(source, "source");
    this.destination = requireNonNull(destination, "destination");
    this.port = requireNonNull(port, "port");
    this.allowed = allowed;
    this.caveats = caveats; // immutable already: every caller passes List.of or a copy
    this.ambiguous = ambiguous;
    this.complete = snapshotComplete && !ambiguous && noIncompleteCaveat(this.caveats);
    this.explainer = requireNonNull(explainer, "explainer");
    this.sourceMembers = requireNonNull(sourceMembers, "sourceMembers");
    this.destinationMembers = requireNonNull(destinationMembers, "destinationMembers");
  }

  private static boolean noIncompleteCaveat(List<Caveat> caveats) {
    for (int i = 0; i < caveats.size(); i++) { // no iterator: a check has none, millions of times
      if (caveats.get(i).kind().incomplete()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Endpoint source() {
    return source;
  }

  @Override
  public Endpoint destination() {
    return destination;
  }

  @Override
  public Port port() {
    return port;
  }

  @Override
  public boolean allowed() {
    return allowed;
  }

  @Override
  public List<Caveat> caveats() {
    return caveats;
  }

  @Override
  public boolean ambiguous() {
    return ambiguous;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  /** Computed on first call (a check costs no explanation), then kept. */
  @Override
  public Explanation explanation() {
    Explanation e = explanation;
    if (e == null) {
      synchronized (this) {
        e = explanation;
        if (e == null) {
          e = explainer.explain(sourceMembers, destinationMembers, port, caveats);
          if (e.allowed() != allowed) {
            throw new IllegalStateException(
                "the explanation of " + this + " says " + (e.allowed() ? "allowed" : "denied"));
          }
          explanation = e;
          explainer = null;
          sourceMembers = null;
          destinationMembers = null;
        }
      }
    }
    return e;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Verdict v
        && source.equals(v.source())
        && destination.equals(v.destination())
        && port.equals(v.port())
        && allowed == v.allowed()
        && ambiguous == v.ambiguous()
        && complete == v.complete()
        && caveats.equals(v.caveats());
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, destination, port, allowed, ambiguous, complete, caveats);
  }

  @Override
  public String toString() {
    return source
        + " => "
        + destination
        + " on "
        + port
        + ": "
        + (allowed ? "allowed" : "denied")
        + (ambiguous ? " (ambiguous)" : "")
        + (caveats.isEmpty() ? "" : " " + caveats);
  }
}
