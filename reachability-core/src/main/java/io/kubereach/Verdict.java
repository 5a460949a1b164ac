package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer to "can {@code source} reach {@code destination} on {@code port}?".
 *
 * <p>The boolean comes from the index at the cost of a few bit tests; the {@link #explanation()}
 * walks the rules (the reference evaluator) the first time it is asked for and is then kept. The
 * value is immutable and thread-safe; equality ignores the explanation, which follows from the
 * other fields.
 *
 * <pre>{@code
 * Verdict v = index.check(web, db, Port.tcp(5432));
 * if (!v.allowed()) System.out.println(v.explanation());
 * v.toMarkdown(); // | source | destination | port | verdict | ...
 * }</pre>
 */
public final class Verdict {
  private final Endpoint source;
  private final Endpoint destination;
  private final Port port;
  private final boolean allowed;
  private final List<String> caveats;
  private final Supplier<Explanation> explanation;

  /**
   * A verdict whose explanation is computed on first use. Package-private: only an index makes
   * verdicts, from one answer, so that the explanation cannot contradict {@code allowed}.
   *
   * @param source the client end, never null
   * @param destination the server end, never null
   * @param port the destination port, never null
   * @param allowed whether the connection is allowed
   * @param caveats remarks that qualify the answer (S13); may be empty, never null
   * @param explanation computes the explanation; called at most once, must agree with {@code
   *     allowed}
   */
  Verdict(
      Endpoint source,
      Endpoint destination,
      Port port,
      boolean allowed,
      List<String> caveats,
      Supplier<Explanation> explanation) {
    this.source = requireNonNull(source, "source");
    this.destination = requireNonNull(destination, "destination");
    this.port = requireNonNull(port, "port");
    this.allowed = allowed;
    this.caveats = List.copyOf(caveats);
    this.explanation = Memo.of(requireNonNull(explanation, "explanation"));
  }

  /** The client end. */
  public Endpoint source() {
    return source;
  }

  /** The server end. */
  public Endpoint destination() {
    return destination;
  }

  /** The destination port. */
  public Port port() {
    return port;
  }

  /**
   * Whether the connection is allowed (S5: egress of the source and ingress of the destination).
   */
  public boolean allowed() {
    return allowed;
  }

  /** Remarks that qualify the answer, e.g. that a hostNetwork pod is involved (S13). */
  public List<String> caveats() {
    return caveats;
  }

  /** Why: the policies and rules on each side. Computed on first call, then kept. */
  public Explanation explanation() {
    return explanation.get();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Verdict v
        && source.equals(v.source)
        && destination.equals(v.destination)
        && port.equals(v.port)
        && allowed == v.allowed
        && caveats.equals(v.caveats);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, destination, port, allowed, caveats);
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
        + (caveats.isEmpty() ? "" : " " + caveats);
  }

  /**
   * This verdict as a one-row Markdown table, caveats below it. Does not compute the explanation.
   *
   * <pre>{@code
   * | source | destination | port | verdict |
   * | --- | --- | --- | --- |
   * | shop/web[Pod] | shop/db[Pod] | TCP 5432 | allowed |
   * }</pre>
   */
  public String toMarkdown() {
    return Render.markdown(table(), 1);
  }

  /**
   * This verdict as a one-row HTML {@code <table>}, escaped, caveats in its footer. Does not
   * compute the explanation.
   */
  public String toHtml() {
    return Render.html(table(), 1);
  }

  private Render.Table table() {
    return new Render.Table(
        "",
        List.of("source", "destination", "port", "verdict"),
        List.of(
            List.of(
                source.toString(),
                destination.toString(),
                port.toString(),
                allowed ? "allowed" : "denied")),
        caveats.stream().map(c -> "caveat: " + c).toList());
  }

  /** A thread-safe supplier that computes its value once. */
  private static final class Memo implements Supplier<Explanation> {
    private final Supplier<Explanation> delegate;
    private volatile Explanation value;

    private Memo(Supplier<Explanation> delegate) {
      this.delegate = delegate;
    }

    static Supplier<Explanation> of(Supplier<Explanation> delegate) {
      return new Memo(delegate);
    }

    @Override
    public Explanation get() {
      Explanation v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = requireNonNull(delegate.get(), "explanation");
            value = v;
          }
        }
      }
      return v;
    }
  }
}
