package io.kubereach;

import io.kubereach.internal.render.Render;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import java.util.List;

/**
 * The answer to "can {@code source} reach {@code destination} on {@code port}?".
 *
 * <p>Only an index makes verdicts, from one answer, so that the explanation cannot contradict
 * {@link #allowed()}. The boolean costs a few bit tests; the {@link #explanation()} is computed the
 * first time it is asked for and then kept. Verdicts are immutable and thread-safe. Two verdicts
 * are equal when their source, destination, port, {@code allowed}, {@code ambiguous}, {@code
 * complete} and caveats are equal: the explanation follows from them.
 *
 * <pre>{@code
 * Verdict v = index.check(web, db, Port.tcp(5432));
 * if (!v.allowed()) System.out.println(v.explanation());
 * v.toMarkdown(); // | source | destination | port | verdict | ...
 * }</pre>
 */
public interface Verdict {

  /** The client end. */
  Endpoint source();

  /** The server end. */
  Endpoint destination();

  /** The destination port. */
  Port port();

  /**
   * Whether the connection is allowed (S5: egress of the source and ingress of the destination).
   */
  boolean allowed();

  /** Remarks that qualify the answer, e.g. that a hostNetwork pod is involved (S13). */
  List<Caveat> caveats();

  /**
   * Whether another order of policies of one tier and priority would give the other answer (T9):
   * upstream lets an implementation apply any of them. {@link #explanation()} names the policies.
   */
  boolean ambiguous();

  /**
   * Whether the answer accounts for everything that decides it: it is not ambiguous, no caveat
   * leaves it incomplete (T8), and the snapshot leaves nothing out ({@link
   * io.kubereach.model.ClusterSnapshot#limitations()}: policies of other APIs, lenient loading).
   */
  boolean complete();

  /** Why: the policies and rules on each side. Computed on first call, then kept. */
  Explanation explanation();

  /**
   * This verdict as a one-row Markdown table, caveats below it. Does not compute the explanation.
   *
   * <pre>{@code
   * | source | destination | port | verdict |
   * | --- | --- | --- | --- |
   * | shop/web[Pod] | shop/db[Pod] | TCP 5432 | allowed |
   * }</pre>
   */
  default String toMarkdown() {
    return Render.markdown(table(), 1);
  }

  /**
   * This verdict as a one-row HTML {@code <table>}, escaped, caveats in its footer. Does not
   * compute the explanation.
   */
  default String toHtml() {
    return Render.html(table(), 1);
  }

  private Render.Table table() {
    return new Render.Table(
        "",
        List.of("source", "destination", "port", "verdict"),
        List.of(
            List.of(
                source().toString(),
                destination().toString(),
                port().toString(),
                (allowed() ? "allowed" : "denied") + (ambiguous() ? " (ambiguous)" : ""))),
        Render.caveatNotes(caveats()));
  }
}
