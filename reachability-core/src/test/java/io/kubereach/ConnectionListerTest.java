package io.kubereach;

import static io.kubereach.testing.Build.block;
import static io.kubereach.testing.Build.from;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.pods;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.PortSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The listing over pod classes (DESIGN §5.7, §8). */
class ConnectionListerTest {

  /** n standalone pods in two classes (client, server), each its own endpoint (S15). */
  private static ClusterSnapshot standalone(int n) {
    ClusterSnapshot.Builder b = ClusterSnapshot.builder();
    for (int i = 0; i < n; i++) {
      String role = i % 2 == 0 ? "role=client" : "role=server";
      b.add(pod("x", "p" + i, role).withIps(List.of("10.0." + (i / 250) + "." + (i % 250 + 1))));
    }
    b.add(
        policy("x", "server")
            .select("role=server")
            .ingress(from(pods("role=client")), from(block("192.168.0.0/16", "192.168.1.0/24")))
            .build());
    return b.build();
  }

  /** Counts the questions the lister asks of the engine. */
  private static final class Counting implements PairPorts {
    private final PairPorts delegate;
    final AtomicInteger calls = new AtomicInteger();

    Counting(PairPorts delegate) {
      this.delegate = delegate;
    }

    @Override
    public int classOf(int pod) {
      return delegate.classOf(pod);
    }

    @Override
    public long[] mayReach(int sourceClass) {
      calls.incrementAndGet();
      return delegate.mayReach(sourceClass);
    }

    @Override
    public PortSet between(int sourceClass, int destinationClass) {
      calls.incrementAndGet();
      return delegate.between(sourceClass, destinationClass);
    }

    @Override
    public PortSet toExternal(int sourceClass, int ipAtom) {
      calls.incrementAndGet();
      return delegate.toExternal(sourceClass, ipAtom);
    }

    @Override
    public PortSet fromExternal(int ipAtom, int destinationClass) {
      calls.incrementAndGet();
      return delegate.fromExternal(ipAtom, destinationClass);
    }
  }

  private static int questions(ClusterSnapshot c, boolean podGranularity) {
    Topology t = new Topology(c, AnalysisOptions.defaults());
    EngineIndex engine = new EngineIndex(t);
    Counting counting = new Counting(engine);
    List<Connection> listed = new ConnectionLister(t, counting).list(podGranularity);
    ReachabilityIndex reference = ReferenceEvaluator.index(c, AnalysisOptions.defaults());
    assertThat(listed)
        .isEqualTo(podGranularity ? reference.podConnections() : reference.connections());
    return counting.calls.get();
  }

  @Test
  void listingAsksPerClassNotPerEndpoint() {
    // S15, S12: every standalone pod is an endpoint, but pods of one class answer alike, so the
    // questions (pairs of classes, runs of address atoms) do not grow with the pods.
    for (boolean podGranularity : new boolean[] {false, true}) {
      assertThat(questions(standalone(40), podGranularity))
          .isEqualTo(questions(standalone(80), podGranularity));
    }
  }
}
