package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import java.util.List;
import java.util.Optional;

/**
 * How far an attacker who controls {@code source} gets (docs/verify.md, "Blast radius"): every
 * endpoint reachable over allowed connections within the hop limit, each with one shortest path.
 * The attacker is taken to own every endpoint it reaches, so a hop leaves from any of its pods.
 *
 * <pre>{@code
 * BlastRadius r = index.blastRadius(index.resolve("shop/web"), 3);
 * r.reached().forEach(x -> System.out.println(x.hops() + " " + x.endpoint()));
 * }</pre>
 *
 * @param source the compromised endpoint, or empty for the internet (every external range)
 * @param maxHops the hop limit the search used
 * @param reached the endpoints reached, nearest first, then by text; never the source
 */
public record BlastRadius(Optional<Endpoint> source, int maxHops, List<Reached> reached) {

  /** Validates and copies. */
  public BlastRadius {
    requireNonNull(source, "source");
    reached = List.copyOf(reached);
  }

  /** The source as text: {@code ns/name[Kind]}, or {@code internet}. */
  public String sourceText() {
    return source.map(Object::toString).orElse("internet");
  }

  /** The entry for {@code endpoint}, if it is reached. */
  public Optional<Reached> to(Endpoint endpoint) {
    return reached.stream().filter(r -> r.endpoint().equals(endpoint)).findFirst();
  }

  /**
   * One reached endpoint.
   *
   * @param endpoint what is reached
   * @param hops the length of the shortest path
   * @param path the hops of one shortest path, in order
   */
  public record Reached(Endpoint endpoint, int hops, List<Hop> path) {
    /** Validates and copies. */
    public Reached {
      requireNonNull(endpoint, "endpoint");
      path = List.copyOf(path);
    }
  }

  /**
   * One allowed connection on a path.
   *
   * @param from the client (an external range for the internet's first hop)
   * @param to the server
   * @param ports the ports allowed between them
   * @param because the explanation of the first allowed port: the policy and rule on each side
   */
  public record Hop(Endpoint from, Endpoint to, PortSet ports, String because) {
    /** Validates. */
    public Hop {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(ports, "ports");
      requireNonNull(because, "because");
    }

    @Override
    public String toString() {
      return from + " => " + to + " : " + ports;
    }
  }

  /**
   * The answer to "can the source reach a target, through whom, and what cuts it off": the shortest
   * path, and the fewest connections whose removal cuts every path (a minimum cut of the connection
   * graph).
   *
   * @param target the target
   * @param path the shortest path, empty when the target is not reached
   * @param chokePoints the connections of a minimum cut, empty when not reached
   */
  public record TargetPath(Endpoint target, List<Hop> path, List<Connection> chokePoints) {
    /** Validates and copies. */
    public TargetPath {
      requireNonNull(target, "target");
      path = List.copyOf(path);
      chokePoints = List.copyOf(chokePoints);
    }

    /** Whether the target is reached. */
    public boolean reached() {
      return !path.isEmpty();
    }
  }
}
