package io.kubereach.bench;

import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import java.util.List;
import java.util.Random;

/**
 * A seeded pool of pre-resolved (source, destination, port) questions between distinct endpoints,
 * cycled through by the per-query benchmarks so that no lookup happens inside the measurement.
 */
final class Queries {
  /** The ports questions ask about: the stack's services, DNS, the internet and one never open. */
  static final List<Port> PORTS =
      List.of(
          Port.tcp(8080),
          Port.tcp(9090),
          Port.tcp(5432),
          Port.tcp(6379),
          Port.udp(53),
          Port.tcp(443),
          Port.tcp(9102),
          Port.tcp(22));

  /** Pool size, a power of two. */
  static final int SIZE = 1 << 12;

  final Endpoint[] sources = new Endpoint[SIZE];
  final Endpoint[] destinations = new Endpoint[SIZE];
  final Port[] ports = new Port[SIZE];
  private int next;

  Queries(List<? extends Endpoint> endpoints, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < SIZE; i++) {
      int s = random.nextInt(endpoints.size());
      int d = random.nextInt(endpoints.size() - 1);
      sources[i] = endpoints.get(s);
      destinations[i] = endpoints.get(d >= s ? d + 1 : d);
      ports[i] = PORTS.get(random.nextInt(PORTS.size()));
    }
  }

  /** The index of the next question; one thread only. */
  int next() {
    int i = next;
    next = (i + 1) & (SIZE - 1);
    return i;
  }
}
