package io.kubereach.yaml;

import static io.kubereach.yaml.Fields.at;
import static io.kubereach.yaml.Fields.bool;
import static io.kubereach.yaml.Fields.build;
import static io.kubereach.yaml.Fields.field;
import static io.kubereach.yaml.Fields.integer;
import static io.kubereach.yaml.Fields.list;
import static io.kubereach.yaml.Fields.map;
import static io.kubereach.yaml.Fields.optList;
import static io.kubereach.yaml.Fields.optMap;
import static io.kubereach.yaml.Fields.optString;
import static io.kubereach.yaml.Fields.requiredString;
import static io.kubereach.yaml.Fields.string;
import static io.kubereach.yaml.Fields.stringMap;

import io.kubereach.SourceLocation;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Operator;
import io.kubereach.model.LabelSelector.Requirement;
import io.kubereach.model.Limitation;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import io.kubereach.yaml.Node.MapNode;
import io.kubereach.yaml.Node.Scalar;
import io.kubereach.yaml.Node.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one source's document trees into model objects, handing them to a {@link Collector}. Each
 * object is decoded on its own: its first error becomes a located {@link Diagnostic} and decoding
 * goes on with the next object, so one run reports problems of every object.
 */
final class Decoder {

  /** The API group of the tiered policies (T11). */
  private static final String TIERED_GROUP = "policy.networking.k8s.io";

  /** The version of each tiered kind this loader reads. */
  private static final Map<String, String> TIERED_VERSIONS =
      Map.of(
          "ClusterNetworkPolicy", "v1alpha2",
          "AdminNetworkPolicy", "v1alpha1",
          "BaselineAdminNetworkPolicy", "v1alpha1");

  /** The API groups whose objects of each kind we analyse; other groups reuse some names. */
  private static final Map<String, Set<String>> GROUPS =
      Map.ofEntries(
          Map.entry("Namespace", Set.of("")),
          Map.entry("Pod", Set.of("")),
          Map.entry("Service", Set.of("")),
          Map.entry("ReplicationController", Set.of("")),
          Map.entry("Deployment", Set.of("apps", "extensions")),
          Map.entry("ReplicaSet", Set.of("apps", "extensions")),
          Map.entry("DaemonSet", Set.of("apps", "extensions")),
          Map.entry("StatefulSet", Set.of("apps")),
          Map.entry("Job", Set.of("batch")),
          Map.entry("CronJob", Set.of("batch")),
          Map.entry("NetworkPolicy", Set.of("networking.k8s.io", "extensions")),
          Map.entry("Node", Set.of("")),
          Map.entry("ClusterNetworkPolicy", Set.of(TIERED_GROUP)),
          Map.entry("AdminNetworkPolicy", Set.of(TIERED_GROUP)),
          Map.entry("BaselineAdminNetworkPolicy", Set.of(TIERED_GROUP)));

  /** The kinds without a namespace. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "ClusterNetworkPolicy",
          "AdminNetworkPolicy",
          "BaselineAdminNetworkPolicy");

  private static final String DEFAULT_NAMESPACE = "default";

  /** The order errors are written in. */
  private static final Comparator<Invalid> WRITTEN =
      Comparator.comparingInt(Invalid::line).thenComparingInt(Invalid::column);

  /** A pod that a pod's addresses are checked on one by one, to locate a bad one (see pod). */
  private static final Pod PROBE = Pod.of("probe", "probe", Map.of());

  private static final FieldPath ROOT = FieldPath.ROOT;
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath METADATA = FieldPath.of("metadata");
  private static final FieldPath STATUS = FieldPath.of("status");

  private final String source;
  private final Collector out;
  private final boolean lenient;
  private final Shared shared = new Shared();

  /** The problems of the object being decoded; one object at a time. */
  private Problems problems;

  /**
   * While the items of a top-level {@code items} list arrive before their document is complete
   * ({@link #item}): the point to return to if the document turns out not to be a list that is
   * read, and the items that wait for the list's kind.
   */
  private Collector.Savepoint speculation;

  private List<Held> held;

  /** The held items of the document being decoded, once it is known to be a list that is read. */
  private List<Held> streamedItems;

  /** An item of a list, with its index there. */
  private record Held(int index, Node item) {}

  /**
   * @param lenient whether what the CRDs refuse but has a reading is a warning (and makes the
   *     snapshot incomplete) rather than an error
   */
  Decoder(String source, Collector out, boolean lenient) {
    this.source = source;
    this.out = out;
    this.lenient = lenient;
  }

  /**
   * An item of the {@code items} list of the top-level mapping being read, before that mapping is
   * complete (a cluster dump is one {@code List} document; kubectl writes its {@code kind} after
   * the items). An item that names its own kind decodes the same in any list, so it is decoded now,
   * after a {@linkplain Collector#savepoint() savepoint}; {@link #document} then keeps it, or
   * forgets it when the document is not a list that is read. Any other item, and every item after
   * it (to keep the order), waits for the document.
   */
  void item(int index, Node item) {
    if (speculation == null) {
      speculation = out.savepoint();
      held = new ArrayList<>();
    }
    if (held.isEmpty()
        && item instanceof MapNode map
        && map.fields().get("kind") instanceof Scalar kind
        && kind.type() == Type.STRING) {
      object(map, "");
    } else if (!held.isEmpty() || !Fields.isNull(item)) {
      held.add(new Held(index, item));
    }
  }

  /** The end of the input: items read before a syntax error are forgotten with their document. */
  void end() {
    if (speculation != null) {
      out.rollback(speculation);
      speculation = null;
      held = null;
    }
  }

  /** Decodes one document: a single object, a {@code List}, or nothing (an empty document). */
  void document(Node root) {
    if (speculation != null) {
      // Its items were decoded as they arrived: keep them exactly when they would be read now.
      if (root instanceof MapNode map && readsItems(map)) {
        out.commit(speculation);
        streamedItems = held;
      } else {
        out.rollback(speculation);
      }
      speculation = null;
      held = null;
    }
    decode(root);
    if (streamedItems != null) {
      // readsItems disagreed with object: a bug, reported as an error rather than a quiet loss.
      streamedItems = null;
      throw new IllegalStateException("streamed List items were kept but not read");
    }
  }

  /**
   * Whether {@link #object} reads the items of {@code map}: its kind is a list kind, its apiVersion
   * (if any) a string, and the list's own keys pass (under lenient loading a refused key is only a
   * warning). Should this ever disagree with {@link #object}, {@link #document} throws, and the
   * load fails with that error instead of losing the items.
   */
  private boolean readsItems(MapNode map) {
    if (!(map.fields().get("kind") instanceof Scalar kind)
        || kind.type() != Type.STRING
        || kind.text().isEmpty()
        || !isList(kind.text(), map)) {
      return false;
    }
    if (field(map, "apiVersion").isPresent()
        && !(map.fields().get("apiVersion") instanceof Scalar v && v.type() == Type.STRING)) {
      return false;
    }
    return lenient
        || map.fields().keySet().stream().allMatch(k -> Schema.LIST.problem(k).isEmpty());
  }

  private void decode(Node root) {
    if (Fields.isNull(root)) {
      return; // an empty document, e.g. between two `---`
    }
    if (!(root instanceof MapNode map)) {
      out.error(
          diagnostic(
              root.line(),
              root.column(),
              Identity.NONE,
              "",
              "a document must be a mapping (one Kubernetes object); got " + root.describe()));
      return;
    }
    if (map.fields().isEmpty()) {
      return; // `{}` holds no object
    }
    object(map, "");
  }

  /**
   * A required top-level key that is absent: located at a near miss of it when there is one ({@code
   * Kind:}, {@code kid:}), else at the object.
   */
  private static Invalid missing(MapNode map, String key) {
    for (String k : map.fields().keySet()) {
      if (Keys.closest(k, Set.of(key)).isPresent()) {
        return new Invalid(
            map.keyLine(k),
            map.keyColumn(k),
            k,
            "unknown field '" + k + "' in an object; did you mean '" + key + "'?",
            null);
      }
    }
    return new Invalid(map, FieldPath.of(key), "is required");
  }

  /**
   * Where a read object's rules are written, and what its {@code kubereach.io/ignore} annotation
   * suppresses, for {@code verify}.
   */
  private void origins(String kind, String namespace, String name, MapNode map, MapNode metadata) {
    Optional<MapNode> spec = optMap(map, "spec", ROOT);
    if (spec.isPresent() && (kind.equals("NetworkPolicy") || TIERED_VERSIONS.containsKey(kind))) {
      String key = Origins.key(kind, namespace, name);
      for (PolicyType direction : PolicyType.values()) {
        List<Node> rules =
            optList(spec.get(), direction.name().toLowerCase(java.util.Locale.ROOT), SPEC);
        out.rules(
            key,
            direction,
            rules.stream().map(r -> new SourceLocation(source, r.line(), r.column())).toList());
      }
    }
    Optional<MapNode> annotations = optMap(metadata, "annotations", METADATA);
    if (annotations.isEmpty()) {
      return;
    }
    FieldPath annotationsPath = at(METADATA, "annotations");
    Optional<String> ignore = optString(annotations.get(), Origins.IGNORE, annotationsPath);
    if (ignore.isEmpty()) {
      return;
    }
    Set<String> checks = new LinkedHashSet<>();
    for (String c : ignore.get().split(",")) {
      if (!c.isBlank()) {
        checks.add(c.trim());
      }
    }
    out.ignore(Origins.key(kind, namespace, name), checks);
    if (optString(annotations.get(), Origins.IGNORE_REASON, annotationsPath)
        .filter(r -> !r.isBlank())
        .isEmpty()) {
      problems.warn(
          new Invalid(
              annotations.get(),
              annotationsPath,
              Origins.IGNORE
                  + " suppresses "
                  + checks
                  + " without "
                  + Origins.IGNORE_REASON
                  + "; say why, so that the next reviewer can judge it"));
    }
  }

  /** The problems of the object {@code id} is about to be decoded. */
  private Problems problems(Identity id) {
    return new Problems(
        lenient,
        w -> out.warning(diagnostic(w.line(), w.column(), id, w.path(), w.getMessage())),
        w -> {
          Diagnostic d = diagnostic(w.line(), w.column(), id, w.path(), w.getMessage());
          out.warning(d);
          out.limitation(new Limitation(Limitation.Kind.LENIENT_LOAD, "read leniently: " + d));
        });
  }

  /** Hands a decoded object on, unless some part of it failed (every failure is reported). */
  private <T> void add(T object, Consumer<T> to) {
    problems.checkpoint();
    to.accept(object);
  }

  /** Decodes one object; {@code inferredKind} is the kind implied by a typed list, or empty. */
  private void object(MapNode map, String inferredKind) {
    Identity id = Identity.of(map, inferredKind);
    problems = null;
    try {
      String kind = string(map, "kind", ROOT, inferredKind);
      Optional<String> apiVersion = optString(map, "apiVersion", ROOT);
      if (kind.isEmpty()) {
        Invalid missingKind = missing(map, "kind");
        if (apiVersion.isEmpty() && missingKind.path().equals("kind")) {
          out.warning(
              diagnostic(
                  map.line(),
                  map.column(),
                  id,
                  "",
                  "document has no kind or apiVersion: not a Kubernetes object; skipped"));
          return;
        }
        throw missingKind;
      }
      if (isList(kind, map)) {
        problems = problems(id);
        problems.keys(map, ROOT, Schema.LIST);
        problems.checkpoint();
        problems = null;
        list(map, kind);
        return;
      }
      String group =
          apiVersion.map(v -> v.contains("/") ? v.substring(0, v.indexOf('/')) : "").orElse(null);
      Optional<String> foreign =
          group == null ? Optional.empty() : ForeignPolicies.project(group, kind);
      if (foreign.isPresent()) {
        incomplete(
            map,
            id,
            Limitation.Kind.UNANALYSED_POLICY_KIND,
            foreign.get()
                + " policy "
                + kind
                + " ("
                + apiVersion.get()
                + ") is not analysed: the answers do not account for it");
        return;
      }
      Set<String> groups = GROUPS.get(kind);
      if (groups == null) {
        out.warning(
            diagnostic(
                map.line(), map.column(), id, "", "kind " + kind + " is not analysed; skipped"));
        return;
      }
      if (group != null && !groups.contains(group)) {
        out.warning(
            diagnostic(
                map.line(),
                map.column(),
                id,
                "",
                "apiVersion "
                    + apiVersion.get()
                    + " of kind "
                    + kind
                    + " is not the Kubernetes API's; skipped"));
        return;
      }
      if (TIERED_GROUP.equals(group)
          && !apiVersion.get().equals(TIERED_GROUP + "/" + TIERED_VERSIONS.get(kind))) {
        incomplete(
            map,
            id,
            Limitation.Kind.UNANALYSED_POLICY_KIND,
            kind
                + " of version "
                + apiVersion.get()
                + " is not read (only "
                + TIERED_GROUP
                + "/"
                + TIERED_VERSIONS.get(kind)
                + "): the answers do not account for it");
        return;
      }
      problems = problems(id);
      problems.keys(map, ROOT, Schema.OBJECT);
      MapNode metadata = optMap(map, "metadata", ROOT).orElseThrow(() -> missing(map, "metadata"));
      problems.keys(metadata, METADATA, Schema.OBJECT_META);
      String name = requiredString(metadata, "name", METADATA);
      String written = string(metadata, "namespace", METADATA, "");
      String namespace = written.isEmpty() ? DEFAULT_NAMESPACE : written;
      SourceLocation where = new SourceLocation(source, map.line(), map.column());
      switch (kind) {
        case "Namespace" -> add(namespace(map, metadata, name), o -> out.add(o, where));
        case "Node" -> add(node(map, metadata, name), o -> out.add(o, where));
        case "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy" ->
            add(
                new ClusterPolicyDecoder(problems).decode(PolicyKind.valueOf(kind), map, name),
                o -> out.add(o, where));
        case "Pod" -> add(pod(map, metadata, namespace, name), o -> out.add(o, where));
        case "Service" -> add(service(map, namespace, name), o -> out.add(o, where));
        case "NetworkPolicy" -> add(policy(map, namespace, name), o -> out.add(o, where));
        default ->
            add(workload(WorkloadKind.parse(kind), map, namespace, name), o -> out.add(o, where));
      }
      origins(kind, CLUSTER_SCOPED.contains(kind) ? "" : namespace, name, map, metadata);
    } catch (Invalid e) {
      if (problems != null) {
        problems.error(e);
      } else {
        out.error(diagnostic(e.line(), e.column(), id, e.path(), e.getMessage()));
      }
    } catch (Problems.Abort e) {
      // the errors are recorded; reported below
    }
    if (problems != null && problems.mark() > 0) {
      // In the order they are written, whatever order the decoding met them in.
      List<Invalid> errors = new ArrayList<>(problems.errors());
      errors.sort(WRITTEN);
      for (Invalid e : errors) {
        out.error(diagnostic(e.line(), e.column(), id, e.path(), e.getMessage()));
      }
    }
    problems = null;
  }

  /** A skipped object that the answers cannot account for: a warning and a limitation. */
  private void incomplete(MapNode map, Identity id, Limitation.Kind kind, String message) {
    out.warning(diagnostic(map.line(), map.column(), id, "", message));
    out.limitation(
        new Limitation(kind, new SourceLocation(source, map.line(), map.column()) + " " + message));
  }

  /** T6: a node's labels and its IP addresses (InternalIP and ExternalIP). */
  private io.kubereach.model.Node node(MapNode map, MapNode metadata, String name) {
    Map<String, String> labels = labels(metadata, METADATA);
    List<String> addresses = new ArrayList<>();
    Optional<MapNode> status = optMap(map, "status", ROOT);
    if (status.isPresent()) {
      problems.keys(status.get(), STATUS, Schema.NODE_STATUS);
      List<Node> entries = optList(status.get(), "addresses", STATUS);
      problems
          .each(
              entries.size(),
              i -> {
                FieldPath path = at(at(STATUS, "addresses"), i);
                MapNode entry = map(entries.get(i), path);
                problems.keys(entry, path, Schema.NODE_ADDRESS);
                String type = optString(entry, "type", path).orElse("");
                if (!type.equals("InternalIP") && !type.equals("ExternalIP")) {
                  return null;
                }
                String address = requiredString(entry, "address", path);
                build(
                    entry.fields().get("address"), at(path, "address"), () -> Endpoint.ip(address));
                return address;
              })
          .forEach(addresses::add);
    }
    return build(map, ROOT, () -> new io.kubereach.model.Node(name, labels, addresses));
  }

  /**
   * A {@code List}, or a typed list of a kind we read ({@code PodList}), or any other typed list
   * that holds {@code items}: its items are read one by one.
   */
  private static boolean isList(String kind, MapNode map) {
    if (kind.equals("List")) {
      return true;
    }
    if (!kind.endsWith("List")) {
      return false;
    }
    String item = kind.substring(0, kind.length() - "List".length());
    return GROUPS.containsKey(item) || map.fields().containsKey("items");
  }

  /** A {@code List} or typed list: items may omit kind and apiVersion when the list names them. */
  private void list(MapNode map, String kind) {
    String itemKind = kind.equals("List") ? "" : kind.substring(0, kind.length() - "List".length());
    List<Held> items = streamedItems;
    streamedItems = null;
    if (items == null) {
      List<Node> nodes = optList(map, "items", ROOT);
      items = new ArrayList<>(nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        items.add(new Held(i, nodes.get(i)));
      }
    }
    for (Held held : items) {
      int i = held.index();
      Node item = held.item();
      if (Fields.isNull(item)) {
        continue;
      }
      if (item instanceof MapNode itemMap) {
        Invalid missingKind = field(itemMap, "kind").isEmpty() ? missing(itemMap, "kind") : null;
        boolean misspelt = missingKind != null && !missingKind.path().equals("kind");
        if (misspelt && !itemKind.isEmpty() && lenient) {
          // A typed list names its items' kind, but a misspelt kind is still a typo: refused,
          // and under lenient loading read as the list's kind with a warning.
          problems(Identity.of(itemMap, itemKind)).refused(missingKind);
          object(itemMap, itemKind);
        } else if (missingKind != null && (itemKind.isEmpty() || misspelt)) {
          out.error(
              diagnostic(
                  missingKind.line(),
                  missingKind.column(),
                  Identity.of(itemMap, ""),
                  missingKind.path(),
                  missingKind.path().equals("kind")
                      ? "is required: items of a List must name their kind"
                      : missingKind.getMessage()));
        } else {
          object(itemMap, itemKind);
        }
      } else {
        out.error(
            diagnostic(
                item.line(),
                item.column(),
                new Identity(kind, "", ""),
                at(FieldPath.of("items"), i).toString(),
                "expected a mapping, got " + item.describe()));
      }
    }
  }

  private Namespace namespace(MapNode map, MapNode metadata, String name) {
    optMap(map, "spec", ROOT).ifPresent(spec -> problems.keys(spec, SPEC, Schema.NAMESPACE_SPEC));
    Map<String, String> labels = labels(metadata, METADATA);
    // S8: the model adds kubernetes.io/metadata.name=<name> when the manifest lacks it.
    return build(metadata, METADATA, () -> new Namespace(name, labels));
  }

  private static Map<String, String> labels(MapNode metadata, FieldPath path) {
    return stringMap(metadata, "labels", path);
  }

  private Pod pod(MapNode map, MapNode metadata, String namespace, String name) {
    Map<String, String> labels = labels(metadata, METADATA);
    Optional<Owner> owner = owner(metadata);
    MapNode spec = mapOrEmpty(map, "spec", ROOT);
    List<ContainerPort> ports = podSpec(spec, SPEC);
    boolean hostNetwork = bool(spec, "hostNetwork", SPEC, false);
    List<Address> addresses = podIps(map);
    try {
      // The pod checks its addresses, which are almost always valid.
      Pod pod =
          new Pod(
              namespace,
              name,
              shared.find(labels),
              shared.find(ports),
              shared.find(owner),
              Address.ips(addresses),
              hostNetwork);
      // The model's own copies are kept, as those are immutable and the pod holds them already.
      shared.keep(pod.labels());
      shared.keep(pod.ports());
      shared.keep(pod.owner());
      return pod;
    } catch (IllegalArgumentException e) {
      // Each address on its own, so that every bad one is located at its own line; the pod is
      // then built with the others, and fails where it is written if something else is wrong.
      List<String> valid = new ArrayList<>();
      for (Address a : addresses) {
        problems
            .attempt(() -> build(a.node(), a.path(), () -> PROBE.withIps(List.of(a.ip()))))
            .ifPresent(probed -> valid.add(a.ip()));
      }
      return build(
          map, ROOT, () -> new Pod(namespace, name, labels, ports, owner, valid, hostNetwork));
    }
  }

  /** S15: the controller owner (kind other than Node); a reference without kind is a Pod. */
  private Optional<Owner> owner(MapNode metadata) {
    List<Node> refs = optList(metadata, "ownerReferences", METADATA);
    Optional<Owner> found = Optional.empty();
    for (int i = 0; i < refs.size(); i++) {
      FieldPath path = at(at(METADATA, "ownerReferences"), i);
      MapNode ref = map(refs.get(i), path);
      problems.keys(ref, path, Schema.OWNER_REFERENCE);
      if (!bool(ref, "controller", path, false)) {
        continue;
      }
      String written = string(ref, "kind", path, "");
      String kind = written.isEmpty() ? "Pod" : written;
      if (kind.equals("Node")) {
        continue;
      }
      if (found.isPresent()) {
        // The API server allows one controller reference per object.
        throw new Invalid(
            ref.fields().get("controller"),
            at(path, "controller"),
            "only one owner reference may have controller: true; the first is " + found.get());
      }
      String ownerName = requiredString(ref, "name", path);
      found = Optional.of(build(ref, path, () -> new Owner(kind, ownerName)));
    }
    return found;
  }

  /** The addresses written in a pod's status, each a string, not yet checked as addresses. */
  private List<Address> podIps(MapNode map) {
    Optional<MapNode> status = optMap(map, "status", ROOT);
    if (status.isEmpty()) {
      return List.of();
    }
    problems.keys(status.get(), STATUS, Schema.POD_STATUS);
    List<Address> written = new ArrayList<>(2);
    Optional<Node> podIp = field(status.get(), "podIP");
    if (podIp.isPresent()) {
      problems.attempt(() -> address(written, podIp.get(), at(STATUS, "podIP")));
    }
    List<Node> podIps = optList(status.get(), "podIPs", STATUS);
    problems.each(
        podIps.size(),
        i -> {
          FieldPath path = at(at(STATUS, "podIPs"), i);
          MapNode entry = map(podIps.get(i), path);
          problems.keys(entry, path, Schema.POD_IP);
          field(entry, "ip").ifPresent(ip -> address(written, ip, at(path, "ip")));
          return null;
        });
    return written;
  }

  /** A pod IP as written: its text, and where, to locate it if it is no address. */
  private record Address(String ip, Node node, FieldPath path) {
    static List<String> ips(List<Address> addresses) {
      List<String> ips = new ArrayList<>(addresses.size());
      addresses.forEach(a -> ips.add(a.ip()));
      return ips;
    }
  }

  /** Adds a written pod IP; the empty string stands for none. */
  private static Address address(List<Address> written, Node node, FieldPath path) {
    String ip = string(node, path);
    if (!ip.isEmpty()) {
      written.add(new Address(ip, node, path));
    }
    return null;
  }

  /**
   * A pod spec (open: only near misses of what is read are refused) and the container ports of
   * {@code spec.containers} (init containers serve no traffic). A port without {@code
   * containerPort} is left out with a warning rather than failing the load: a port without a number
   * can never be the target of a policy, so leaving it out changes no answer. Its misspelt forms
   * ({@code containerport}) are refused as typos like every other.
   */
  private List<ContainerPort> podSpec(MapNode spec, FieldPath path) {
    problems.keys(spec, path, Schema.POD_SPEC);
    List<ContainerPort> ports = new ArrayList<>();
    List<Node> containers = optList(spec, "containers", path);
    problems.each(
        containers.size(),
        c -> {
          FieldPath containerPath = at(at(path, "containers"), c);
          MapNode container = map(containers.get(c), containerPath);
          problems.keys(container, containerPath, Schema.CONTAINER);
          List<Node> entries = optList(container, "ports", containerPath);
          problems
              .each(
                  entries.size(),
                  p -> containerPort(entries.get(p), at(at(containerPath, "ports"), p)))
              .forEach(ports::add);
          return null;
        });
    return ports;
  }

  private ContainerPort containerPort(Node node, FieldPath portPath) {
    MapNode entry = map(node, portPath);
    problems.keys(entry, portPath, Schema.CONTAINER_PORT);
    Optional<String> name = optString(entry, "name", portPath).filter(n -> !n.isEmpty());
    Optional<Node> numberField = field(entry, "containerPort");
    if (numberField.isEmpty()) {
      problems.warn(
          new Invalid(
              entry,
              at(portPath, "containerPort"),
              "is required; port " + name.map(n -> "'" + n + "' ").orElse("") + "left out"));
      return null;
    }
    Node numberNode = numberField.get();
    int number = integer(numberNode, at(portPath, "containerPort"));
    Protocol protocol = protocol(entry, portPath);
    return build(
        numberNode, at(portPath, "containerPort"), () -> new ContainerPort(name, number, protocol));
  }

  /** S9: the protocol defaults to TCP. */
  static Protocol protocol(MapNode entry, FieldPath path) {
    Optional<Node> node = field(entry, "protocol");
    if (node.isEmpty()) {
      return Protocol.TCP;
    }
    String text = string(node.get(), at(path, "protocol"));
    return build(node.get(), at(path, "protocol"), () -> Protocol.parse(text));
  }

  private Workload workload(WorkloadKind kind, MapNode map, String namespace, String name) {
    MapNode spec = mapOrEmpty(map, "spec", ROOT);
    problems.keys(spec, SPEC, Schema.workloadSpec(kind));
    FieldPath specPath = SPEC;
    String replicasField = "replicas";
    if (kind == WorkloadKind.CronJob) {
      // A CronJob stamps Jobs from spec.jobTemplate, whose spec holds the pod template.
      FieldPath jobTemplatePath = at(SPEC, "jobTemplate");
      MapNode jobTemplate = mapOrEmpty(spec, "jobTemplate", SPEC);
      problems.keys(jobTemplate, jobTemplatePath, Schema.JOB_TEMPLATE);
      optMap(jobTemplate, "metadata", jobTemplatePath)
          .ifPresent(m -> problems.keys(m, at(jobTemplatePath, "metadata"), Schema.OBJECT_META));
      spec = mapOrEmpty(jobTemplate, "spec", jobTemplatePath);
      specPath = at(jobTemplatePath, "spec");
      problems.keys(spec, specPath, Schema.workloadSpec(WorkloadKind.Job));
    }
    if (kind == WorkloadKind.Job || kind == WorkloadKind.CronJob) {
      replicasField = "parallelism";
    }
    FieldPath replicasPath = at(specPath, replicasField);
    int replicas = kind == WorkloadKind.DaemonSet ? 1 : integer(spec, replicasField, specPath, 1);
    FieldPath templatePath = at(specPath, "template");
    MapNode template = mapOrEmpty(spec, "template", specPath);
    problems.keys(template, templatePath, Schema.POD_TEMPLATE);
    Optional<MapNode> templateMetadata = optMap(template, "metadata", templatePath);
    templateMetadata.ifPresent(
        m -> problems.keys(m, at(templatePath, "metadata"), Schema.OBJECT_META));
    Map<String, String> labels =
        templateMetadata.map(m -> labels(m, at(templatePath, "metadata"))).orElse(Map.of());
    FieldPath podSpecPath = at(templatePath, "spec");
    MapNode podSpec = mapOrEmpty(template, "spec", templatePath);
    List<ContainerPort> ports = podSpec(podSpec, podSpecPath);
    boolean hostNetwork = bool(podSpec, "hostNetwork", podSpecPath, false);
    if (replicas < 0) {
      throw new Invalid(
          field(spec, replicasField).orElse(map),
          replicasPath,
          replicasField + " " + replicas + " is negative");
    }
    // S15: a ReplicaSet of a Deployment, a Job of a CronJob, names its controller.
    Optional<Owner> owner = optMap(map, "metadata", ROOT).flatMap(this::owner);
    return build(
        map,
        ROOT,
        () -> new Workload(kind, namespace, name, replicas, labels, ports, hostNetwork, owner));
  }

  private Service service(MapNode map, String namespace, String name) {
    MapNode spec = mapOrEmpty(map, "spec", ROOT);
    problems.keys(spec, SPEC, Schema.SERVICE_SPEC);
    // An empty selector means "no selector" for a Service: it selects no pods.
    Optional<Map<String, String>> selector =
        field(spec, "selector")
            .map(n -> stringMap(n, at(SPEC, "selector")))
            .filter(s -> !s.isEmpty());
    List<Node> entries = optList(spec, "ports", SPEC);
    List<ServicePort> ports =
        problems.each(entries.size(), i -> servicePort(entries.get(i), at(at(SPEC, "ports"), i)));
    String type = optString(spec, "type", SPEC).filter(t -> !t.isEmpty()).orElse("ClusterIP");
    List<String> ranges = new ArrayList<>();
    List<Node> rangeNodes = optList(spec, "loadBalancerSourceRanges", SPEC);
    for (int i = 0; i < rangeNodes.size(); i++) {
      ranges.add(string(rangeNodes.get(i), at(at(SPEC, "loadBalancerSourceRanges"), i)));
    }
    Node rangesAt = field(spec, "loadBalancerSourceRanges").orElse(map);
    return build(
        rangesAt,
        rangesAt == map ? ROOT : at(SPEC, "loadBalancerSourceRanges"),
        () -> new Service(namespace, name, selector, ports, type, ranges));
  }

  private ServicePort servicePort(Node node, FieldPath path) {
    MapNode entry = map(node, path);
    problems.keys(entry, path, Schema.SERVICE_PORT);
    Optional<String> portName = optString(entry, "name", path).filter(n -> !n.isEmpty());
    Protocol protocol = protocol(entry, path);
    Node portNode =
        field(entry, "port").orElseThrow(() -> new Invalid(entry, at(path, "port"), "is required"));
    int port = integer(portNode, at(path, "port"));
    Optional<Node> targetNode = field(entry, "targetPort");
    // The API server defaults targetPort (absent or 0) to the Service port.
    PortRef target =
        targetNode.isEmpty() || isZero(targetNode.get())
            ? PortRef.of(port)
            : portRef(targetNode.get(), at(path, "targetPort"));
    return build(
        portNode, at(path, "port"), () -> new ServicePort(portName, protocol, port, target));
  }

  private static boolean isZero(Node node) {
    return node instanceof Scalar s && s.type() == Type.INTEGER && s.text().equals("0");
  }

  /**
   * An IntOrString port: a number, or a container port name. A quoted number such as {@code "80"}
   * is a string for Kubernetes, and as a name it is invalid (an IANA service name needs a letter),
   * so the API server rejects it; so do we, saying to drop the quotes.
   */
  private static PortRef portRef(Node node, FieldPath path) {
    if (node instanceof Scalar s && s.type() == Type.STRING) {
      if (Fields.isDigits(s.text())) {
        throw new Invalid(
            node,
            path,
            "'"
                + s.text()
                + "' is a quoted number, which Kubernetes reads as a port name and rejects;"
                + " write the number without quotes");
      }
      return build(node, path, () -> PortRef.of(s.text()));
    }
    int number = integer(node, path);
    return build(node, path, () -> PortRef.of(number));
  }

  private NetworkPolicy policy(MapNode map, String namespace, String name) {
    MapNode spec = mapOrEmpty(map, "spec", ROOT);
    problems.keys(spec, SPEC, Schema.NETWORK_POLICY_SPEC);
    optMap(map, "status", ROOT)
        .ifPresent(status -> problems.keys(status, STATUS, Schema.NETWORK_POLICY_STATUS));
    Optional<LabelSelector> podSelector =
        problems.attempt(
            () ->
                field(spec, "podSelector")
                    .map(n -> selector(n, at(SPEC, "podSelector"), problems))
                    .orElse(LabelSelector.everything()));
    // S3: absent or empty policyTypes is passed as an empty set; the model applies the default.
    Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    List<Node> typeNodes = optList(spec, "policyTypes", SPEC);
    problems
        .each(
            typeNodes.size(),
            i -> {
              FieldPath path = at(at(SPEC, "policyTypes"), i);
              String text = string(typeNodes.get(i), path);
              return build(typeNodes.get(i), path, () -> PolicyType.parse(text));
            })
        .forEach(types::add);
    List<Rule> ingress = rules(spec, "ingress", "from", Schema.NETWORK_POLICY_INGRESS_RULE);
    List<Rule> egress = rules(spec, "egress", "to", Schema.NETWORK_POLICY_EGRESS_RULE);
    problems.checkpoint();
    return build(
        map,
        SPEC,
        () -> new NetworkPolicy(namespace, name, podSelector.get(), types, ingress, egress));
  }

  private List<Rule> rules(MapNode spec, String direction, String peersKey, Keys keys) {
    List<Node> nodes = optList(spec, direction, SPEC);
    return problems.each(
        nodes.size(),
        r -> {
          FieldPath rulePath = at(at(SPEC, direction), r);
          Node ruleNode = nodes.get(r);
          // S6: an empty rule ({} or null) matches every peer on every port.
          MapNode rule = Fields.isNull(ruleNode) ? emptyAt(spec) : map(ruleNode, rulePath);
          problems.keys(rule, rulePath, keys);
          List<Node> peerNodes = optList(rule, peersKey, rulePath);
          List<Peer> peers =
              problems.each(
                  peerNodes.size(),
                  p -> {
                    FieldPath peerPath = at(at(rulePath, peersKey), p);
                    return peer(map(peerNodes.get(p), peerPath), peerPath);
                  });
          List<Node> portNodes = optList(rule, "ports", rulePath);
          List<PortSpec> ports =
              problems.each(
                  portNodes.size(),
                  p -> {
                    FieldPath portPath = at(at(rulePath, "ports"), p);
                    return portSpec(map(portNodes.get(p), portPath), portPath);
                  });
          return new Rule(peers, ports);
        });
  }

  /** S7: a selector peer or an ipBlock, never both, never neither. */
  private Peer peer(MapNode peer, FieldPath path) {
    problems.keys(peer, path, Schema.NETWORK_POLICY_PEER);
    Optional<Node> ipBlock = field(peer, "ipBlock");
    Optional<LabelSelector> pods =
        field(peer, "podSelector").map(n -> selector(n, at(path, "podSelector"), problems));
    Optional<LabelSelector> namespaces =
        field(peer, "namespaceSelector")
            .map(n -> selector(n, at(path, "namespaceSelector"), problems));
    if (ipBlock.isPresent()) {
      if (pods.isPresent() || namespaces.isPresent()) {
        throw new Invalid(
            peer,
            path,
            "a peer with an ipBlock must not also have a podSelector or namespaceSelector;"
                + " split it into two peers");
      }
      FieldPath blockPath = at(path, "ipBlock");
      MapNode block = map(ipBlock.get(), blockPath);
      problems.keys(block, blockPath, Schema.IP_BLOCK);
      String cidr = requiredString(block, "cidr", blockPath);
      List<String> except = new ArrayList<>();
      List<Node> exceptNodes = optList(block, "except", blockPath);
      for (int i = 0; i < exceptNodes.size(); i++) {
        except.add(string(exceptNodes.get(i), at(at(blockPath, "except"), i)));
      }
      return build(block, blockPath, () -> new IpBlockPeer(cidr, except));
    }
    return build(peer, path, () -> new PodPeer(namespaces, pods));
  }

  /** S9: protocol defaults to TCP; no port means the whole protocol; endPort makes a range. */
  private PortSpec portSpec(MapNode entry, FieldPath path) {
    problems.keys(entry, path, Schema.NETWORK_POLICY_PORT);
    Protocol protocol = protocol(entry, path);
    Optional<PortRef> port = field(entry, "port").map(n -> portRef(n, at(path, "port")));
    Optional<Node> endNode = field(entry, "endPort");
    OptionalInt endPort =
        endNode.isEmpty()
            ? OptionalInt.empty()
            : OptionalInt.of(integer(endNode.get(), at(path, "endPort")));
    return build(
        endNode.orElse(entry),
        endNode.isPresent() ? at(path, "endPort") : path,
        () -> new PortSpec(protocol, port, endPort));
  }

  /**
   * S7a: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); a misspelt key is
   * refused through {@code problems}, since a selector that silently drops it selects too much.
   */
  static LabelSelector selector(Node node, FieldPath path, Problems problems) {
    MapNode map = map(node, path);
    int mark = problems.mark();
    problems.keys(map, path, Schema.LABEL_SELECTOR);
    Map<String, String> matchLabels = stringMap(map, "matchLabels", path);
    List<Node> expressions = optList(map, "matchExpressions", path);
    List<Requirement> requirements =
        problems.each(
            expressions.size(),
            i -> {
              FieldPath exprPath = at(at(path, "matchExpressions"), i);
              MapNode expr = map(expressions.get(i), exprPath);
              problems.keys(expr, exprPath, Schema.LABEL_SELECTOR_REQUIREMENT);
              String key = requiredString(expr, "key", exprPath);
              String operatorText = requiredString(expr, "operator", exprPath);
              Node operatorNode = expr.fields().get("operator");
              Operator operator =
                  build(operatorNode, at(exprPath, "operator"), () -> Operator.parse(operatorText));
              Set<String> values = new LinkedHashSet<>();
              List<Node> valueNodes = optList(expr, "values", exprPath);
              for (int v = 0; v < valueNodes.size(); v++) {
                values.add(string(valueNodes.get(v), at(at(exprPath, "values"), v)));
              }
              return build(expr, exprPath, () -> new Requirement(key, operator, values));
            });
    problems.checkpoint(mark);
    return build(map, path, () -> new LabelSelector(matchLabels, requirements));
  }

  /** The mapping at {@code key}, or when it is absent or null an empty one ({@link #emptyAt}). */
  private static MapNode mapOrEmpty(MapNode map, String key, FieldPath path) {
    Optional<MapNode> found = optMap(map, key, path);
    return found.isPresent() ? found.get() : emptyAt(map);
  }

  /** An empty mapping standing for an absent one, located at its parent for errors. */
  private static MapNode emptyAt(Node parent) {
    return MapNode.empty(parent.line(), parent.column());
  }

  private Diagnostic diagnostic(int line, int column, Identity id, String path, String message) {
    return new Diagnostic(
        source, line, column, id.kind(), id.namespace(), id.name(), path, message);
  }

  /**
   * Who an object is, read leniently (never throwing) so that even a malformed object's diagnostics
   * name it as far as possible.
   */
  record Identity(String kind, String namespace, String name) {
    static final Identity NONE = new Identity("", "", "");

    static Identity of(MapNode map, String inferredKind) {
      String kind = text(map.fields().get("kind")).orElse(inferredKind);
      Node metadata = map.fields().get("metadata");
      if (!(metadata instanceof MapNode meta)) {
        return new Identity(kind, "", "");
      }
      String name = text(meta.fields().get("name")).orElse("");
      // Only kinds known to be namespaced fall back to `default`; others may be cluster-scoped.
      boolean namespaced = GROUPS.containsKey(kind) && !CLUSTER_SCOPED.contains(kind);
      String namespace =
          CLUSTER_SCOPED.contains(kind) || name.isEmpty()
              ? ""
              : text(meta.fields().get("namespace"))
                  .filter(ns -> !ns.isEmpty())
                  .orElse(namespaced ? DEFAULT_NAMESPACE : "");
      return new Identity(kind, namespace, name);
    }

    private static Optional<String> text(Node node) {
      return node instanceof Scalar s && s.type() == Type.STRING
          ? Optional.of(s.text())
          : Optional.empty();
    }
  }
}
