package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;

/**
 * How the allowed ports between two endpoints changed from one snapshot to another.
 *
 * <p>{@link #toString()} prints {@code + src => dst : ports} for a connection that appeared, {@code
 * - src => dst : ports} for one that disappeared, and {@code ~ src => dst : before -> after} for
 * one whose ports changed.
 *
 * @param source the source endpoint
 * @param destination the destination endpoint
 * @param before the ports allowed before (possibly none)
 * @param after the ports allowed after (possibly none); never equal to {@code before}
 */
public record ConnectionChange(
    Endpoint source, Endpoint destination, PortSet before, PortSet after) {

  /** What kind of change this is. */
  public enum Kind {
    /** Nothing was allowed before. */
    ADDED,
    /** Nothing is allowed after. */
    REMOVED,
    /** Some ports were allowed before and some after, but not the same. */
    CHANGED
  }

  /** Validates. */
  public ConnectionChange {
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    if (before.equals(after)) {
      throw new IllegalArgumentException(
          source + " => " + destination + " did not change (" + before + ")");
    }
  }

  /** Whether the connection appeared, disappeared or changed its ports. */
  public Kind kind() {
    if (before.isEmpty()) {
      return Kind.ADDED;
    }
    return after.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
  }

  /** The ports allowed after but not before. */
  public PortSet gained() {
    return after.difference(before);
  }

  /** The ports allowed before but not after. */
  public PortSet lost() {
    return before.difference(after);
  }

  @Override
  public String toString() {
    String pair = source + " => " + destination + " : ";
    return switch (kind()) {
      case ADDED -> "+ " + pair + after;
      case REMOVED -> "- " + pair + before;
      case CHANGED -> "~ " + pair + before + " -> " + after;
    };
  }
}
