package io.kubereach.fabric8;

/**
 * The cluster could not be read: the API server is unreachable, refused the credentials, or does
 * not let them list a kind kubereach needs. Nothing is returned then, because an answer from part
 * of a cluster would look complete. The message says what was asked, what the server answered and
 * what to grant or check.
 */
public final class ClusterReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  ClusterReadException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the API server answered, or 0 when it was not reached. */
  public int httpStatus() {
    return httpStatus;
  }
}
