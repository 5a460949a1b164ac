package io.kubereach.internal.topology;

import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.Arrays;

/** What an endpoint of a query stands for: some analysis pods, or a range of addresses. */
public sealed interface EndpointMembers permits EndpointMembers.Pods, EndpointMembers.Addresses {

  /** The endpoint as queried. */
  Endpoint endpoint();

  /**
   * Analysis pods (S15). A class, not a record: a record would compare and print its {@code int[]}
   * by identity; equality and text follow the contents. The array is shared, never copied (for an
   * endpoint of several pods it is the {@link Endpoints}' own row, which listings use as a cache
   * key by identity), so nobody may modify it.
   */
  final class Pods implements EndpointMembers {
    private final WorkloadEndpoint endpoint;
    private final int[] pods;

    /**
     * @param endpoint the endpoint
     * @param pods the analysis pods, at least one; kept, not copied
     */
    public Pods(WorkloadEndpoint endpoint, int[] pods) {
      if (pods.length == 0) {
        throw new IllegalArgumentException("endpoint " + endpoint + " stands for no pod");
      }
      this.endpoint = endpoint;
      this.pods = pods;
    }

    @Override
    public WorkloadEndpoint endpoint() {
      return endpoint;
    }

    /** The analysis pods, at least one: the shared array itself, do not modify. */
    public int[] pods() {
      return pods;
    }

    /** Whether the endpoint stands for more than one analysis pod. */
    public boolean several() {
      return pods.length > 1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pods m && endpoint.equals(m.endpoint) && Arrays.equals(pods, m.pods);
    }

    @Override
    public int hashCode() {
      return 31 * endpoint.hashCode() + Arrays.hashCode(pods);
    }

    @Override
    public String toString() {
      return endpoint + " " + Arrays.toString(pods);
    }
  }

  /**
   * A range of external addresses (S12).
   *
   * @param endpoint the endpoint
   * @param range its addresses
   */
  record Addresses(ExternalEndpoint endpoint, IpSpace.Block range) implements EndpointMembers {}
}
