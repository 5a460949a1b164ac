package io.kubereach.yaml;

import java.util.Locale;

/**
 * Bounds that keep hostile or accidental input (a huge dump, a deeply nested document) from
 * exhausting memory or time (docs/architecture.md, "Reading manifests"). Crossing one is a located
 * error whose message names how to raise it: the command-line flag and the method. The items of a
 * {@code List} count as documents, so a {@code kubectl get -A -o json} dump of any size within
 * {@link #maxSourceBytes()} loads with the defaults.
 *
 * <pre>{@code
 * ManifestReader big = Manifests.withLimits(Limits.defaults().withMaxDocumentChars(64 << 20));
 * }</pre>
 *
 * @param maxSourceBytes the most bytes read from one file or stream
 * @param maxDocumentChars the most characters in one document, or one item of a {@code List}
 * @param maxNestingDepth the deepest nesting of mappings and lists in one document
 * @param maxDocuments the most documents (and {@code List} items) in one source
 */
public record Limits(
    long maxSourceBytes, int maxDocumentChars, int maxNestingDepth, int maxDocuments) {

  /** The default for {@link #maxSourceBytes()}: 256 MiB. */
  public static final long DEFAULT_MAX_SOURCE_BYTES = 256L << 20;

  /** The default for {@link #maxDocumentChars()}: 16 Mi characters. */
  public static final int DEFAULT_MAX_DOCUMENT_CHARS = 16 << 20;

  /** The default for {@link #maxNestingDepth()}: 100 (real manifests stay below 20). */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

  /** The default for {@link #maxDocuments()}: a million. */
  public static final int DEFAULT_MAX_DOCUMENTS = 1_000_000;

  /** The highest nesting depth allowed, so that raising the limit cannot exhaust the stack. */
  public static final int MAX_NESTING_DEPTH = 10_000;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a limit is not positive, or the depth exceeds {@link
   *     #MAX_NESTING_DEPTH}
   */
  public Limits {
    if (maxSourceBytes < 1 || maxDocumentChars < 1 || maxDocuments < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "limits must be positive; got maxSourceBytes %d, maxDocumentChars %d, maxDocuments"
                  + " %d",
              maxSourceBytes,
              maxDocumentChars,
              maxDocuments));
    }
    if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException(
          "maxNestingDepth " + maxNestingDepth + " is not in 1.." + MAX_NESTING_DEPTH);
    }
  }

  /** 256 MiB per source, 16 Mi characters per document, nesting depth 100, a million documents. */
  public static Limits defaults() {
    return new Limits(
        DEFAULT_MAX_SOURCE_BYTES,
        DEFAULT_MAX_DOCUMENT_CHARS,
        DEFAULT_MAX_NESTING_DEPTH,
        DEFAULT_MAX_DOCUMENTS);
  }

  /** These limits with another per-source byte bound. */
  public Limits withMaxSourceBytes(long bytes) {
    return new Limits(bytes, maxDocumentChars, maxNestingDepth, maxDocuments);
  }

  /** These limits with another per-document character bound. */
  public Limits withMaxDocumentChars(int chars) {
    return new Limits(maxSourceBytes, chars, maxNestingDepth, maxDocuments);
  }

  /** These limits with another nesting depth bound. */
  public Limits withMaxNestingDepth(int depth) {
    return new Limits(maxSourceBytes, maxDocumentChars, depth, maxDocuments);
  }

  /** These limits with another bound on documents per source. */
  public Limits withMaxDocuments(int documents) {
    return new Limits(maxSourceBytes, maxDocumentChars, maxNestingDepth, documents);
  }

  /** How a message says to raise a limit: the flag, then the method. */
  static String raise(String flag, String method) {
    return "raise it with " + flag + " N, or Limits." + method + "(n) from Java";
  }
}
