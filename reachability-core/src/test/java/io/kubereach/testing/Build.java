package io.kubereach.testing;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Terse builders for model objects in tests.
 *
 * <pre>{@code
 * Pod a = Build.pod("x", "a", "app=a").withIps(List.of("10.0.0.1"));
 * NetworkPolicy p = Build.policy("x", "deny").ingress().build();
 * }</pre>
 */
public final class Build {
  private Build() {}

  /** Labels from {@code k=v} strings. */
  public static Map<String, String> labels(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return out;
  }

  /** A standalone pod with labels. */
  public static Pod pod(String namespace, String name, String... labels) {
    return Pod.of(namespace, name, labels(labels));
  }

  /** A selector of {@code matchLabels}. */
  public static LabelSelector sel(String... labels) {
    return LabelSelector.matchLabels(labels(labels));
  }

  /** A pod-selector peer (policy's namespace). */
  public static Peer pods(String... labels) {
    return PodPeer.pods(sel(labels));
  }

  /** A namespace-selector peer. */
  public static Peer namespaces(String... labels) {
    return PodPeer.namespaces(sel(labels));
  }

  /** An ipBlock peer. */
  public static Peer block(String cidr, String... except) {
    return IpBlockPeer.of(cidr, except);
  }

  /** A TCP port. */
  public static PortSpec tcp(int port) {
    return PortSpec.number(Protocol.TCP, port);
  }

  /** A rule. */
  public static Rule rule(List<Peer> peers, PortSpec... ports) {
    return new Rule(peers, List.of(ports));
  }

  /** A rule with peers and all ports. */
  public static Rule from(Peer... peers) {
    return new Rule(List.of(peers), List.of());
  }

  /** A named container port. */
  public static ContainerPort port(String name, int number, Protocol protocol) {
    return new ContainerPort(Optional.of(name), number, protocol);
  }

  /** Starts a policy. */
  /**
   * The smallest isolated pair: pods {@code shop/web} and {@code shop/db}, and policy {@code
   * shop/db} that lets only web into db on TCP 5432.
   */
  public static ClusterSnapshot webToDbOn5432() {
    return ClusterSnapshot.builder()
        .add(pod("shop", "web", "app=web"))
        .add(pod("shop", "db", "app=db"))
        .add(
            policy("shop", "db")
                .select("app=db")
                .ingress(rule(List.of(pods("app=web")), tcp(5432)))
                .build())
        .build();
  }

  public static PolicyBuilder policy(String namespace, String name) {
    return new PolicyBuilder(namespace, name);
  }

  /** Builds a NetworkPolicy step by step; policyTypes stay absent unless given (S3). */
  public static final class PolicyBuilder {
    private final String namespace;
    private final String name;
    private LabelSelector selector = LabelSelector.everything();
    private final Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    private final List<Rule> ingress = new ArrayList<>();
    private final List<Rule> egress = new ArrayList<>();

    private PolicyBuilder(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    /** Selects pods by labels. */
    public PolicyBuilder select(String... labels) {
      selector = sel(labels);
      return this;
    }

    /** Selects pods by a selector. */
    public PolicyBuilder select(LabelSelector s) {
      selector = s;
      return this;
    }

    /** Sets policyTypes explicitly. */
    public PolicyBuilder types(PolicyType... t) {
      types.addAll(List.of(t));
      return this;
    }

    /** Adds ingress rules. */
    public PolicyBuilder ingress(Rule... rules) {
      ingress.addAll(List.of(rules));
      return this;
    }

    /** Adds egress rules. */
    public PolicyBuilder egress(Rule... rules) {
      egress.addAll(List.of(rules));
      return this;
    }

    /** The policy. */
    public NetworkPolicy build() {
      return new NetworkPolicy(namespace, name, selector, types, ingress, egress);
    }
  }
}
