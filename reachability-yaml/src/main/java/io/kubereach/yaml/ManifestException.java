package io.kubereach.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input could not be read into a snapshot. Carries every error found in every source, not only
 * the first; the message lists them one per line. When a single parser failure caused it, that
 * exception is the cause.
 *
 * <pre>{@code
 * try {
 *   Manifests.load(Path.of("manifests"));
 * } catch (ManifestException e) {
 *   e.diagnostics().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: the message already carries every diagnostic as text. */
  private final transient List<Diagnostic> diagnostics;

  /**
   * An exception for these errors.
   *
   * @param diagnostics the errors, at least one
   * @param cause the parser's exception, or null when there is none or several
   * @throws IllegalArgumentException if {@code diagnostics} is empty
   */
  public ManifestException(List<Diagnostic> diagnostics, Throwable cause) {
    super(message(diagnostics), cause);
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static String message(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a ManifestException needs at least one diagnostic");
    }
    return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  /** Every error, in input order; never empty. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
