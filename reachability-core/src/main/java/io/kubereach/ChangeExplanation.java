package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why one {@link ConnectionChange} happened: the explanation of the same question on one port, in
 * the snapshot before and in the snapshot after. Immutable and thread-safe.
 *
 * <pre>{@code
 * ChangeExplanation why = diff.explain(diff.changes().get(0));
 * why.before().get().ingress().isolatedBy(); // [shop/deny-all]
 * why.after().get().ingress().outcome();     // NOT_ISOLATED
 * }</pre>
 *
 * @param change the change explained
 * @param port the port both explanations are about, one whose verdict changed unless the caller
 *     picked another
 * @param before the explanation in the old snapshot; empty when an end of the change is not in it
 *     (e.g. a pod that was added)
 * @param after the explanation in the new snapshot; empty when an end is not in it
 */
public record ChangeExplanation(
    ConnectionChange change, Port port, Optional<Explanation> before, Optional<Explanation> after) {

  /** Validates. */
  public ChangeExplanation {
    requireNonNull(change, "change");
    requireNonNull(port, "port");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }

  /** The change line, then the explanation before and after, indented. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(change + " (explained on " + port + ")");
    lines.add("before: " + text(before));
    lines.add("after: " + text(after));
    return String.join("\n", lines);
  }

  private static String text(Optional<Explanation> e) {
    return e.map(x -> x.toString().replace("\n", "\n  "))
        .orElse("an end of this connection is not in the snapshot");
  }
}
