package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable picture of a cluster: namespaces, pods, workloads, services, NetworkPolicies,
 * cluster-scoped tiered policies and nodes. The {@code with…}/{@code without…} methods return new
 * snapshots, for what-if questions.
 *
 * <p>Every namespace that an object refers to exists: one that was never declared is added with
 * only its name label (S8). Objects are unique by kind, namespace and name.
 *
 * <pre>{@code
 * ClusterSnapshot cluster = ClusterSnapshot.builder()
 *     .add(Pod.of("shop", "web", Map.of("app", "web")))
 *     .add(denyAll)
 *     .build();
 * ClusterSnapshot open = cluster.withoutPolicy("shop", "deny-all");
 * }</pre>
 *
 * @param namespaces every namespace, declared ones first in input order, then implied ones
 * @param pods the pods, in input order
 * @param workloads the workloads, in input order
 * @param services the services, in input order
 * @param policies the NetworkPolicies, in input order
 * @param clusterPolicies the cluster-scoped tiered policies (ClusterNetworkPolicy, and the v1alpha1
 *     AdminNetworkPolicy and BaselineAdminNetworkPolicy), in input order
 * @param nodes the nodes, in input order
 * @param limitations what the input is known to leave out (objects of kinds not analysed, fields
 *     read leniently); empty for a complete snapshot
 */
public record ClusterSnapshot(
    List<Namespace> namespaces,
    List<Pod> pods,
    List<Workload> workloads,
    List<Service> services,
    List<NetworkPolicy> policies,
    List<ClusterNetworkPolicy> clusterPolicies,
    List<Node> nodes,
    List<Limitation> limitations) {

  /** Validates uniqueness and adds implied namespaces (S8). */
  public ClusterSnapshot {
    pods =
        Checked.of(
            requireNonNull(pods, "pods"),
            Pod.class,
            Pod::namespace,
            Pod::name,
            p -> "Pod " + p.namespace() + "/" + p.name());
    workloads =
        Checked.of(
            requireNonNull(workloads, "workloads"),
            Workload.class,
            Workload::namespace,
            w -> List.of(w.kind(), w.name()),
            w -> w.kind() + " " + w.namespace() + "/" + w.name());
    services =
        Checked.of(
            requireNonNull(services, "services"),
            Service.class,
            Service::namespace,
            Service::name,
            s -> "Service " + s.namespace() + "/" + s.name());
    policies =
        Checked.of(
            requireNonNull(policies, "policies"),
            NetworkPolicy.class,
            NetworkPolicy::namespace,
            NetworkPolicy::name,
            p -> "NetworkPolicy " + p.namespace() + "/" + p.name());
    clusterPolicies = List.copyOf(requireNonNull(clusterPolicies, "clusterPolicies"));
    nodes = List.copyOf(requireNonNull(nodes, "nodes"));
    limitations = List.copyOf(requireNonNull(limitations, "limitations"));
    requireUnique(clusterPolicies, p -> p.kind() + " " + p.name());
    requireUnique(nodes, n -> "Node " + n.name());
    Map<String, Namespace> all = new LinkedHashMap<>();
    for (Namespace ns : requireNonNull(namespaces, "namespaces")) {
      if (all.put(ns.name(), ns) != null) {
        throw new IllegalArgumentException("duplicate Namespace " + ns.name());
      }
    }
    for (List<?> objects : List.of(pods, workloads, services, policies)) {
      for (String name : ((Checked<?>) objects).namespaces) {
        all.computeIfAbsent(name, Namespace::of); // S8: implied by an object in it
      }
    }
    namespaces = List.copyOf(all.values());
  }

  /**
   * An immutable list of namespaced objects whose names were found unique per namespace, with those
   * namespaces in order of first use. A snapshot made from another (a what-if) hands its lists on,
   * and a list already checked is not checked again: 100k pods per what-if. Only this record's
   * constructor makes one.
   */
  private static final class Checked<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Class<T> kind;
    private final Function<T, String> namespace;
    private final List<String> namespaces;

    private Checked(
        List<T> items, Class<T> kind, Function<T, String> namespace, List<String> namespaces) {
      this.items = items;
      this.kind = kind;
      this.namespace = namespace;
      this.namespaces = namespaces;
    }

    /**
     * This list with one object replaced by, or added as, {@code changed}: {@code items} holds the
     * others as they are, so names stay unique without checking them again.
     */
    Checked<T> with(List<T> items, T changed) {
      String ns = namespace.apply(changed);
      List<String> all = namespaces;
      if (!namespaces.contains(ns)) {
        all = new ArrayList<>(namespaces);
        all.add(ns);
      }
      return new Checked<>(List.copyOf(items), kind, namespace, List.copyOf(all));
    }

    /**
     * {@code items} copied and checked, or as they are when they were checked as such before.
     *
     * @throws IllegalArgumentException naming the first duplicate
     */
    @SuppressWarnings("unchecked")
    static <T> List<T> of(
        List<T> items,
        Class<T> kind,
        Function<T, String> namespace,
        Function<T, Object> name,
        Function<T, String> describe) {
      if (items instanceof Checked<?> c && c.kind == kind) {
        return (List<T>) c;
      }
      List<T> copy = List.copyOf(items);
      Map<String, Set<Object>> seen = new LinkedHashMap<>();
      String last = null;
      Set<Object> names = null;
      for (T item : copy) {
        String ns = namespace.apply(item);
        if (!ns.equals(last)) { // objects come by namespace: each run is looked up once
          names = seen.computeIfAbsent(ns, n -> new HashSet<>());
          last = ns;
        }
        if (!names.add(name.apply(item))) {
          throw new IllegalArgumentException(
              "duplicate " + describe.apply(item) + "; names must be unique per kind");
        }
      }
      return new Checked<>(copy, kind, namespace, List.copyOf(seen.keySet()));
    }

    @Override
    public T get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public java.util.Iterator<T> iterator() {
      return items.iterator();
    }

    @Override
    public void forEach(java.util.function.Consumer<? super T> action) {
      items.forEach(action);
    }
  }

  /** This snapshot, said to leave out what {@code limitation} says as well. */
  public ClusterSnapshot withLimitation(Limitation limitation) {
    List<Limitation> more = new ArrayList<>(limitations);
    more.add(requireNonNull(limitation, "limitation"));
    return new ClusterSnapshot(
        namespaces, pods, workloads, services, policies, clusterPolicies, nodes, more);
  }

  /** A complete snapshot without cluster-scoped policies or nodes. */
  public ClusterSnapshot(
      List<Namespace> namespaces,
      List<Pod> pods,
      List<Workload> workloads,
      List<Service> services,
      List<NetworkPolicy> policies) {
    this(namespaces, pods, workloads, services, policies, List.of(), List.of(), List.of());
  }

  private static <T> void requireUnique(List<T> items, Function<T, String> key) {
    requireUnique(items, key::apply, key);
  }

  private static <T> void requireUnique(
      List<T> items, Function<T, Object> key, Function<T, String> describe) {
    Set<Object> seen = new HashSet<>(items.size() * 2);
    for (T item : items) {
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException(
            "duplicate " + describe.apply(item) + "; names must be unique per kind");
      }
    }
  }

  /** The snapshot with nothing in it. */
  public static ClusterSnapshot empty() {
    return new ClusterSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** A builder for a new snapshot. */
  public static Builder builder() {
    return new Builder();
  }

  /** The namespace of that name, if it exists. */
  public Optional<Namespace> namespace(String name) {
    return namespaces.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The pod of that namespace and name, if any. */
  public Optional<Pod> pod(String namespace, String name) {
    return pods.stream().filter(named(Pod::namespace, Pod::name, namespace, name)).findFirst();
  }

  /** The cluster-scoped policy of that kind and name, if any. */
  public Optional<ClusterNetworkPolicy> clusterPolicy(PolicyKind kind, String name) {
    return clusterPolicies.stream()
        .filter(p -> p.kind() == kind && p.name().equals(name))
        .findFirst();
  }

  /** The policy of that namespace and name, if any. */
  public Optional<NetworkPolicy> policy(String namespace, String name) {
    return policies.stream()
        .filter(named(NetworkPolicy::namespace, NetworkPolicy::name, namespace, name))
        .findFirst();
  }

  /** The workload of that kind, namespace and name, if any. */
  public Optional<Workload> workload(WorkloadKind kind, String namespace, String name) {
    return workloads.stream()
        .filter(w -> w.kind() == kind)
        .filter(named(Workload::namespace, Workload::name, namespace, name))
        .findFirst();
  }

  /** This snapshot with {@code policy} added, or replacing the policy of the same name. */
  public ClusterSnapshot withPolicy(NetworkPolicy policy) {
    return new ClusterSnapshot(
        namespaces,
        pods,
        workloads,
        services,
        replaceOrAdd(
            policies,
            named(NetworkPolicy::namespace, NetworkPolicy::name, policy.namespace(), policy.name()),
            policy),
        clusterPolicies,
        nodes,
        limitations);
  }

  /**
   * This snapshot with {@code policy} added, or replacing the cluster-scoped policy of the same
   * kind and name.
   */
  public ClusterSnapshot withClusterPolicy(ClusterNetworkPolicy policy) {
    return new ClusterSnapshot(
        namespaces,
        pods,
        workloads,
        services,
        policies,
        replaceOrAdd(
            clusterPolicies,
            p -> p.kind() == policy.kind() && p.name().equals(policy.name()),
            policy),
        nodes,
        limitations);
  }

  /**
   * This snapshot without the policy {@code ref} names, of any kind.
   *
   * @throws IllegalArgumentException if there is no such policy
   */
  public ClusterSnapshot withoutPolicy(PolicyRef ref) {
    if (ref.kind() == PolicyKind.NetworkPolicy) {
      return withoutPolicy(ref.namespace().orElseThrow(), ref.name());
    }
    ClusterNetworkPolicy gone =
        clusterPolicy(ref.kind(), ref.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "policy "
                            + ref
                            + " is not in this snapshot; cluster-scoped policies: "
                            + clusterPolicies));
    return new ClusterSnapshot(
        namespaces,
        pods,
        workloads,
        services,
        policies,
        clusterPolicies.stream().filter(p -> p != gone).toList(),
        nodes,
        limitations);
  }

  /**
   * This snapshot without the named policy.
   *
   * @throws IllegalArgumentException if there is no such policy
   */
  public ClusterSnapshot withoutPolicy(String namespace, String name) {
    NetworkPolicy gone =
        policy(namespace, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "policy "
                            + namespace
                            + "/"
                            + name
                            + " is not in this snapshot; policies: "
                            + policies));
    return new ClusterSnapshot(
        namespaces,
        pods,
        workloads,
        services,
        policies.stream().filter(p -> p != gone).toList(),
        clusterPolicies,
        nodes,
        limitations);
  }

  /** This snapshot with {@code pod} added, or replacing the pod of the same name. */
  public ClusterSnapshot withPod(Pod pod) {
    return new ClusterSnapshot(
        namespaces,
        replaceOrAdd(pods, named(Pod::namespace, Pod::name, pod.namespace(), pod.name()), pod),
        workloads,
        services,
        policies,
        clusterPolicies,
        nodes,
        limitations);
  }

  /**
   * This snapshot with the named pod relabelled.
   *
   * @throws IllegalArgumentException if there is no such pod
   */
  public ClusterSnapshot withPodLabels(String namespace, String name, Map<String, String> labels) {
    Pod pod =
        pod(namespace, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "pod "
                            + namespace
                            + "/"
                            + name
                            + " is not in this snapshot; pods: "
                            + pods));
    return withPod(pod.withLabels(labels));
  }

  /** This snapshot with {@code workload} added, or replacing the one of the same kind and name. */
  public ClusterSnapshot withWorkload(Workload workload) {
    return new ClusterSnapshot(
        namespaces,
        pods,
        replaceOrAdd(
            workloads,
            w ->
                w.kind() == workload.kind()
                    && w.namespace().equals(workload.namespace())
                    && w.name().equals(workload.name()),
            workload),
        services,
        policies,
        clusterPolicies,
        nodes,
        limitations);
  }

  /**
   * This snapshot with the named workload's pod template relabelled.
   *
   * @throws IllegalArgumentException if there is no such workload
   */
  public ClusterSnapshot withWorkloadLabels(
      WorkloadKind kind, String namespace, String name, Map<String, String> labels) {
    Workload w =
        workload(kind, namespace, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        kind
                            + " "
                            + namespace
                            + "/"
                            + name
                            + " is not in this snapshot; workloads: "
                            + workloads));
    return withWorkload(w.withTemplateLabels(labels));
  }

  /**
   * This snapshot with the namespace relabelled (its name label stays, S8); a namespace not yet
   * present is added.
   */
  public ClusterSnapshot withNamespaceLabels(String name, Map<String, String> labels) {
    return new ClusterSnapshot(
        replaceOrAdd(namespaces, n -> n.name().equals(name), new Namespace(name, labels)),
        pods,
        workloads,
        services,
        policies,
        clusterPolicies,
        nodes,
        limitations);
  }

  /**
   * This snapshot with {@code applied}'s objects applied on top, as {@code kubectl apply} of a
   * folder would leave the cluster once its controllers have caught up: the change about to be
   * applied.
   *
   * <ul>
   *   <li>An object of the same kind, namespace and name is replaced; a new one is added.
   *   <li>A workload applied with another pod template (labels, container ports, hostNetwork) loses
   *       its controller-made objects (its ReplicaSets, its Jobs and their pods, found by owner
   *       chain, S15): the controller replaces them, so the new template stands for the workload
   *       until they run again. A workload applied with the template it runs keeps its pods, their
   *       IPs and the labels controllers add to them.
   *   <li>A namespace keeps the labels it has and gains or changes those {@code applied} gives it;
   *       a label the folder leaves out is kept (kubectl removes it only if it applied it before,
   *       which the snapshot cannot tell). A namespace {@code applied} only refers to keeps its
   *       labels.
   *   <li>Limitations of both stay: an answer from either is as incomplete as its input.
   * </ul>
   *
   * <pre>{@code
   * ClusterSnapshot next = live.apply(Manifests.load(Path.of("k8s/")).cluster());
   * ReachabilityDiff change = Reachability.diff(live, next);
   * }</pre>
   */
  public ClusterSnapshot apply(ClusterSnapshot applied) {
    requireNonNull(applied, "applied");
    Map<String, Workload> mine = new LinkedHashMap<>();
    workloads.forEach(w -> mine.put(workloadKey(w.kind().name(), w.namespace(), w.name()), w));
    // Only a new template makes the controller replace the pods: a workload applied as it runs
    // (or with other replicas) keeps them, with their IPs and the labels controllers add.
    Set<String> replaced = new HashSet<>();
    for (Workload w : applied.workloads) {
      String key = workloadKey(w.kind().name(), w.namespace(), w.name());
      Workload live = mine.get(key);
      if (live != null && !sameTemplate(live, w)) {
        replaced.add(key);
      }
    }
    Predicate<Workload> stamped = w -> stampedByReplaced(w.owner(), w.namespace(), mine, replaced);
    Predicate<Pod> recreated = p -> stampedByReplaced(p.owner(), p.namespace(), mine, replaced);
    Map<String, Namespace> labelled = new LinkedHashMap<>();
    namespaces.forEach(n -> labelled.put(n.name(), n));
    applied.namespaces.forEach(
        n ->
            labelled.merge(
                n.name(),
                n,
                (old, changed) -> {
                  Map<String, String> merged = new LinkedHashMap<>(old.labels());
                  merged.putAll(changed.labels());
                  return old.withLabels(merged);
                }));
    List<Limitation> both = new ArrayList<>(limitations);
    both.addAll(applied.limitations);
    return new ClusterSnapshot(
        List.copyOf(labelled.values()),
        overlay(pods, applied.pods, p -> p.namespace() + "/" + p.name(), recreated),
        overlay(
            workloads,
            applied.workloads,
            w -> workloadKey(w.kind().name(), w.namespace(), w.name()),
            stamped),
        overlay(services, applied.services, s -> s.namespace() + "/" + s.name(), s -> false),
        overlay(policies, applied.policies, p -> p.namespace() + "/" + p.name(), p -> false),
        overlay(
            clusterPolicies, applied.clusterPolicies, p -> p.kind() + " " + p.name(), p -> false),
        overlay(nodes, applied.nodes, Node::name, n -> false),
        both);
  }

  private static boolean sameTemplate(Workload a, Workload b) {
    return a.templateLabels().equals(b.templateLabels())
        && a.templatePorts().equals(b.templatePorts())
        && a.hostNetwork() == b.hostNetwork();
  }

  private static String workloadKey(String kind, String namespace, String name) {
    return kind + " " + namespace + "/" + name;
  }

  /** Whether an owner chain, followed through {@code mine}, reaches a replaced workload. */
  private static boolean stampedByReplaced(
      Optional<Owner> owner, String namespace, Map<String, Workload> mine, Set<String> replaced) {
    Set<String> seen = new HashSet<>();
    Optional<Owner> next = owner;
    while (next.isPresent()) {
      String key = workloadKey(next.get().kind(), namespace, next.get().name());
      if (replaced.contains(key)) {
        return true;
      }
      Workload up = mine.get(key);
      if (up == null || !seen.add(key)) {
        return false;
      }
      next = up.owner();
    }
    return false;
  }

  /**
   * {@code base} in its order with what {@code applied} replaces in place and what {@code drop}
   * rejects left out, then what {@code applied} adds, in its order.
   */
  private static <T> List<T> overlay(
      List<T> base, List<T> applied, Function<T, String> key, Predicate<T> drop) {
    Map<String, T> incoming = new LinkedHashMap<>();
    applied.forEach(t -> incoming.put(key.apply(t), t));
    List<T> out = new ArrayList<>(base.size() + applied.size());
    for (T t : base) {
      T replacement = incoming.remove(key.apply(t));
      if (replacement != null) {
        out.add(replacement);
      } else if (!drop.test(t)) {
        out.add(t);
      }
    }
    out.addAll(incoming.values());
    return out;
  }

  private static <T> Predicate<T> named(
      Function<T, String> ns, Function<T, String> nm, String namespace, String name) {
    return t -> nm.apply(t).equals(name) && ns.apply(t).equals(namespace); // names tell apart
  }

  private static <T> List<T> replaceOrAdd(List<T> items, Predicate<T> same, T replacement) {
    List<T> out = new ArrayList<>(items.size() + 1);
    boolean replaced = false;
    for (T item : items) {
      if (same.test(item)) {
        out.add(replacement);
        replaced = true;
      } else {
        out.add(item);
      }
    }
    if (!replaced) {
      out.add(replacement);
    }
    // A checked list stays checked: every caller's test finds the replacement's own name.
    if (items instanceof Checked<?> checked) {
      @SuppressWarnings("unchecked")
      Checked<T> list = (Checked<T>) checked;
      return list.with(out, replacement);
    }
    return out;
  }

  @Override
  public String toString() {
    return "ClusterSnapshot["
        + namespaces.size()
        + " namespaces, "
        + pods.size()
        + " pods, "
        + workloads.size()
        + " workloads, "
        + services.size()
        + " services, "
        + policies.size()
        + " policies"
        + (clusterPolicies.isEmpty() ? "" : ", " + clusterPolicies.size() + " cluster policies")
        + (nodes.isEmpty() ? "" : ", " + nodes.size() + " nodes")
        + "]";
  }

  /** Collects objects for a new {@link ClusterSnapshot}. Not thread-safe. */
  public static final class Builder {
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<NetworkPolicy> policies = new ArrayList<>();
    private final List<ClusterNetworkPolicy> clusterPolicies = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Limitation> limitations = new ArrayList<>();

    private Builder() {}

    /** Adds a namespace. */
    public Builder add(Namespace namespace) {
      namespaces.add(requireNonNull(namespace));
      return this;
    }

    /** Adds a pod. */
    public Builder add(Pod pod) {
      pods.add(requireNonNull(pod));
      return this;
    }

    /** Adds a workload. */
    public Builder add(Workload workload) {
      workloads.add(requireNonNull(workload));
      return this;
    }

    /** Adds a service. */
    public Builder add(Service service) {
      services.add(requireNonNull(service));
      return this;
    }

    /** Adds a policy. */
    public Builder add(NetworkPolicy policy) {
      policies.add(requireNonNull(policy));
      return this;
    }

    /** Adds a cluster-scoped policy. */
    public Builder add(ClusterNetworkPolicy policy) {
      clusterPolicies.add(requireNonNull(policy));
      return this;
    }

    /** Records what the input leaves out (see {@link ClusterSnapshot#limitations()}). */
    public Builder add(Limitation limitation) {
      limitations.add(requireNonNull(limitation));
      return this;
    }

    /** Adds a node. */
    public Builder add(Node node) {
      nodes.add(requireNonNull(node));
      return this;
    }

    /**
     * The snapshot.
     *
     * @throws IllegalArgumentException if two objects of one kind share a namespace and name
     */
    public ClusterSnapshot build() {
      return new ClusterSnapshot(
          namespaces, pods, workloads, services, policies, clusterPolicies, nodes, limitations);
    }
  }
}
