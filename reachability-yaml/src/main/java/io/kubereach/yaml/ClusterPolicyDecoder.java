package io.kubereach.yaml;

import static io.kubereach.yaml.Fields.at;
import static io.kubereach.yaml.Fields.build;
import static io.kubereach.yaml.Fields.field;
import static io.kubereach.yaml.Fields.integer;
import static io.kubereach.yaml.Fields.list;
import static io.kubereach.yaml.Fields.map;
import static io.kubereach.yaml.Fields.optList;
import static io.kubereach.yaml.Fields.optMap;
import static io.kubereach.yaml.Fields.optString;
import static io.kubereach.yaml.Fields.string;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PortRange;
import io.kubereach.model.Protocol;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import io.kubereach.yaml.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the cluster-scoped tiered policies of {@code policy.networking.k8s.io} into the one
 * model, {@link ClusterNetworkPolicy} (T11 in docs/semantics.md): v1alpha2 ClusterNetworkPolicy,
 * and the v1alpha1 AdminNetworkPolicy (Admin tier) and BaselineAdminNetworkPolicy (Baseline tier,
 * priority 0), whose {@code Allow} is {@code Accept} and whose {@code ports} become protocols.
 * Validates what the CRDs validate; what they forbid but a reading exists for (a named port beside
 * a networks peer) goes to {@code lenient}, which refuses it unless the load is lenient.
 */
final class ClusterPolicyDecoder {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private final Problems problems;

  /**
   * @param problems where errors, warnings and what the CRD refuses go (an error, or under lenient
   *     loading a warning)
   */
  ClusterPolicyDecoder(Problems problems) {
    this.problems = problems;
  }

  /** One policy of a kind of this API, named {@code name}. */
  ClusterNetworkPolicy decode(PolicyKind kind, MapNode map, String name) {
    MapNode spec =
        optMap(map, "spec", FieldPath.ROOT)
            .orElseThrow(() -> new Invalid(map, SPEC, "is required"));
    boolean v1alpha2 = kind == PolicyKind.ClusterNetworkPolicy;
    problems.keys(spec, SPEC, Schema.tieredSpec(kind));
    optMap(map, "status", FieldPath.ROOT)
        .ifPresent(status -> problems.keys(status, FieldPath.of("status"), Schema.TIERED_STATUS));
    Tier tier =
        switch (kind) {
          case AdminNetworkPolicy -> Tier.Admin;
          case BaselineAdminNetworkPolicy -> Tier.Baseline;
          default -> {
            Node node = required(spec, "tier", SPEC);
            String text = string(node, at(SPEC, "tier"));
            yield build(node, at(SPEC, "tier"), () -> Tier.parse(text));
          }
        };
    int priority = 0;
    if (kind == PolicyKind.BaselineAdminNetworkPolicy) {
      if (spec.fields().containsKey("priority")) {
        throw new Invalid(
            spec.fields().get("priority"),
            at(SPEC, "priority"),
            "a BaselineAdminNetworkPolicy has no priority; it is the one Baseline policy");
      }
    } else {
      Node node = required(spec, "priority", SPEC);
      priority = integer(node, at(SPEC, "priority"));
      if (priority < 0 || priority > ClusterNetworkPolicy.MAX_PRIORITY) {
        throw new Invalid(
            node,
            at(SPEC, "priority"),
            priority
                + " is not in 0.."
                + ClusterNetworkPolicy.MAX_PRIORITY
                + " (lower goes first)");
      }
    }
    if (kind == PolicyKind.BaselineAdminNetworkPolicy && !name.equals("default")) {
      FieldPath metadataPath = FieldPath.of("metadata");
      MapNode metadata = map(map.fields().get("metadata"), metadataPath);
      throw new Invalid(
          metadata.fields().getOrDefault("name", metadata),
          at(metadataPath, "name"),
          "a BaselineAdminNetworkPolicy must be named 'default' (there is one per cluster); got '"
              + name
              + "'");
    }
    Optional<ClusterPeer> subject =
        problems.attempt(
            () -> subject(required(spec, "subject", SPEC), at(SPEC, "subject"), v1alpha2));
    List<ClusterRule> ingress = rules(spec, "ingress", "from", kind);
    List<ClusterRule> egress = rules(spec, "egress", "to", kind);
    problems.checkpoint();
    int p = priority;
    return build(
        map,
        SPEC,
        () -> new ClusterNetworkPolicy(kind, name, tier, p, subject.get(), ingress, egress));
  }

  private static Node required(MapNode map, String key, FieldPath path) {
    return field(map, key).orElseThrow(() -> new Invalid(map, at(path, key), "is required"));
  }

  /** T5: exactly one of namespaces or pods. */
  private ClusterPeer subject(Node node, FieldPath path, boolean v1alpha2) {
    MapNode subject = map(node, path);
    List<String> present =
        List.of("namespaces", "pods").stream().filter(subject.fields()::containsKey).toList();
    if (present.isEmpty()) {
      int mark = problems.mark();
      problems.keys(subject, path, Schema.TIERED_SUBJECT);
      problems.checkpoint(mark);
    }
    if (present.size() != 1) {
      throw new Invalid(
          subject,
          path,
          (present.isEmpty() ? "sets neither namespaces nor pods" : "sets both namespaces and pods")
              + "; a subject sets exactly one of them");
    }
    return peer(subject, path, v1alpha2, List.of("namespaces", "pods"));
  }

  private List<ClusterRule> rules(
      MapNode spec, String direction, String peersKey, PolicyKind kind) {
    List<ClusterRule> out = new ArrayList<>();
    List<Node> nodes = optList(spec, direction, SPEC);
    int most = ClusterNetworkPolicy.maxRules(kind);
    if (nodes.size() > most) {
      throw new Invalid(
          nodes.get(most),
          at(at(SPEC, direction), most),
          "is rule "
              + (most + 1)
              + " of "
              + nodes.size()
              + "; a "
              + kind
              + " holds at most "
              + most
              + " rules per direction (its CRD's limit)");
    }
    boolean v1alpha2 = kind == PolicyKind.ClusterNetworkPolicy;
    List<String> peerKinds =
        direction.equals("ingress")
            ? List.of("namespaces", "pods")
            : kind == PolicyKind.BaselineAdminNetworkPolicy
                ? List.of("namespaces", "pods", "networks", "nodes")
                : List.of("namespaces", "pods", "networks", "nodes", "domainNames");
    Keys ruleKeys = Schema.tieredRule(kind, direction);
    return problems.each(
        nodes.size(),
        r -> {
          FieldPath path = at(at(SPEC, direction), r);
          MapNode rule = map(nodes.get(r), path);
          int mark = problems.mark();
          problems.keys(rule, path, ruleKeys);
          Optional<String> name = optString(rule, "name", path).filter(n -> !n.isEmpty());
          Optional<TierAction> action =
              problems.attempt(
                  () -> action(required(rule, "action", path), at(path, "action"), kind));
          Node peersNode = required(rule, peersKey, path);
          List<Node> peerNodes = list(peersNode, at(path, peersKey)).items();
          if (peerNodes.isEmpty()) {
            throw new Invalid(peersNode, at(path, peersKey), "needs at least one peer");
          }
          List<ClusterPeer> peers =
              problems.each(
                  peerNodes.size(),
                  i -> {
                    FieldPath peerPath = at(at(path, peersKey), i);
                    return peer(map(peerNodes.get(i), peerPath), peerPath, v1alpha2, peerKinds);
                  });
          List<ClusterPort> ports =
              problems
                  .attempt(() -> v1alpha2 ? protocols(rule, path) : ports(rule, path))
                  .orElse(List.of());
          problems.checkpoint(mark);
          checkCombinations(rule, path, action.get(), peers, ports);
          return build(rule, path, () -> new ClusterRule(name, action.get(), peers, ports));
        });
  }

  /** What the CRDs forbid although the model has a reading for it (T6, T7). */
  private void checkCombinations(
      MapNode rule,
      FieldPath path,
      TierAction action,
      List<ClusterPeer> peers,
      List<ClusterPort> ports) {
    boolean named = ports.stream().anyMatch(p -> p instanceof ClusterPort.Named);
    if (named
        && peers.stream()
            .anyMatch(
                p ->
                    p instanceof ClusterPeer.Networks
                        || p instanceof ClusterPeer.Nodes
                        || p instanceof ClusterPeer.DomainNames)) {
      problems.refused(
          new Invalid(
              rule,
              path,
              "a named port cannot be used with networks, nodes or domainNames peers, which have"
                  + " no named ports (the CRD refuses it); split the rule. Read leniently, the named"
                  + " port matches only the pod peers"));
    }
    if (action != TierAction.Accept
        && peers.stream().anyMatch(p -> p instanceof ClusterPeer.DomainNames)) {
      throw new Invalid(
          rule,
          at(path, "action"),
          "domainNames peers are only supported in Accept rules; deny addresses with networks");
    }
  }

  /** T3: Accept, Deny, Pass; v1alpha1 writes Allow for Accept, and a BANP cannot Pass. */
  private static TierAction action(Node node, FieldPath path, PolicyKind kind) {
    String text = string(node, path);
    if (kind == PolicyKind.ClusterNetworkPolicy) {
      return switch (text) {
        case "Accept" -> TierAction.Accept;
        case "Deny" -> TierAction.Deny;
        case "Pass" -> TierAction.Pass;
        default ->
            throw new Invalid(
                node,
                path,
                "unknown action '"
                    + text
                    + "'; expected Accept, Deny or Pass"
                    + (text.equals("Allow") ? " (Allow is the v1alpha1 word for Accept)" : ""));
      };
    }
    boolean baseline = kind == PolicyKind.BaselineAdminNetworkPolicy;
    return switch (text) {
      case "Allow" -> TierAction.Accept;
      case "Deny" -> TierAction.Deny;
      case "Pass" -> {
        if (baseline) {
          throw new Invalid(
              node, path, "a BaselineAdminNetworkPolicy has no Pass action; use Allow or Deny");
        }
        yield TierAction.Pass;
      }
      default ->
          throw new Invalid(
              node,
              path,
              "unknown action '"
                  + text
                  + (baseline ? "'; expected Allow or Deny" : "'; expected Allow, Deny or Pass"));
    };
  }

  /**
   * One peer: exactly one of the kinds allowed here (T5, T6). A peer with none of them comes from a
   * newer API: it fails closed (T10) under lenient loading, and is refused otherwise.
   */
  private ClusterPeer peer(MapNode peer, FieldPath path, boolean v1alpha2, List<String> allowed) {
    List<String> present =
        List.of("namespaces", "pods", "networks", "nodes", "domainNames").stream()
            .filter(k -> peer.fields().containsKey(k))
            .toList();
    if (present.size() > 1) {
      throw new Invalid(
          peer, path, "sets " + present + "; a peer sets exactly one of them, split it into peers");
    }
    if (present.isEmpty() || !allowed.contains(present.get(0))) {
      String what =
          present.isEmpty()
              ? (peer.fields().isEmpty() ? "{}" : String.join(", ", peer.fields().keySet()))
              : present.get(0);
      Optional<String> typo =
          peer.fields().keySet().stream()
              .filter(k -> Keys.closest(k, java.util.Set.copyOf(allowed)).isPresent())
              .findFirst();
      Invalid problem =
          typo.isPresent()
              ? new Invalid(
                  peer.keyLine(typo.get()),
                  peer.keyColumn(typo.get()),
                  at(path, typo.get()).toString(),
                  "unknown field '"
                      + typo.get()
                      + "' in a peer; did you mean '"
                      + Keys.closest(typo.get(), java.util.Set.copyOf(allowed)).get()
                      + "'?",
                  null)
              : new Invalid(
                  peer,
                  path,
                  present.isEmpty()
                      ? (peer.fields().isEmpty()
                          ? "sets none of " + allowed + "; a peer sets exactly one of them"
                          : what
                              + " is not a peer of this API version (expected one of "
                              + allowed
                              + "); if it is a newer API's, --lenient reads the rule failing"
                              + " closed (T10): an Accept matches nothing through it, a Deny or"
                              + " Pass everything")
                      : present.get(0) + " is not allowed here; expected one of " + allowed);
      if (!present.isEmpty()) {
        throw problem;
      }
      problems.refused(problem);
      return new ClusterPeer.Unknown(what);
    }
    // A known kind beside an unknown key: the unknown key is a typo or a newer API's field.
    problems.keys(peer, path, Keys.closed("a peer", String.join(",", allowed)));
    String kind = present.get(0);
    FieldPath kindPath = at(path, kind);
    Node value = peer.fields().get(kind);
    return switch (kind) {
      case "namespaces" -> new ClusterPeer.Namespaces(Decoder.selector(value, kindPath, problems));
      case "nodes" -> new ClusterPeer.Nodes(Decoder.selector(value, kindPath, problems));
      case "pods" -> pods(map(value, kindPath), kindPath, v1alpha2);
      case "networks" -> {
        List<String> cidrs = strings(value, kindPath);
        yield build(value, kindPath, () -> new ClusterPeer.Networks(cidrs));
      }
      default -> {
        List<String> names = strings(value, kindPath);
        yield build(value, kindPath, () -> new ClusterPeer.DomainNames(names));
      }
    };
  }

  /**
   * T5: pods by namespace AND pod selector. v1alpha2 makes the namespace selector optional (absent
   * is every namespace); v1alpha1 requires both, and a missing one is read as {@code {}}, with a
   * warning, as the API's Go types decode it.
   */
  private ClusterPeer pods(MapNode pods, FieldPath path, boolean v1alpha2) {
    problems.keys(pods, path, Schema.TIERED_PODS);
    LabelSelector namespaces = selectorOrEverything(pods, "namespaceSelector", path, !v1alpha2);
    LabelSelector podSelector = selectorOrEverything(pods, "podSelector", path, true);
    return new ClusterPeer.Pods(namespaces, podSelector);
  }

  private LabelSelector selectorOrEverything(
      MapNode map, String key, FieldPath path, boolean required) {
    Optional<Node> node = field(map, key);
    if (node.isPresent()) {
      return Decoder.selector(node.get(), at(path, key), problems);
    }
    if (required) {
      problems.warn(
          new Invalid(
              map,
              at(path, key),
              "is required by the CRD; read as {} (every "
                  + (key.equals("podSelector") ? "pod" : "namespace")
                  + ")"));
    }
    return LabelSelector.everything();
  }

  private static List<String> strings(Node node, FieldPath path) {
    List<Node> items = list(node, path).items();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(string(items.get(i), at(path, i)));
    }
    return out;
  }

  /** T7, v1alpha2: tcp/udp/sctp with a destinationPort number or range, or destinationNamedPort. */
  private List<ClusterPort> protocols(MapNode rule, FieldPath path) {
    return portEntries(
        rule,
        "protocols",
        path,
        List.of("tcp", "udp", "sctp", "destinationNamedPort"),
        (key, value, keyPath) -> {
          if (key.equals("destinationNamedPort")) {
            String name = string(value, keyPath);
            return build(value, keyPath, () -> ClusterPort.named(name));
          }
          MapNode body = map(value, keyPath);
          problems.keys(body, keyPath, Schema.TIERED_PROTOCOL);
          FieldPath portPath = at(keyPath, "destinationPort");
          Node port =
              field(body, "destinationPort")
                  .orElseThrow(
                      () ->
                          new Invalid(
                              body,
                              portPath,
                              "is required (the CRD has no protocol-only entry); for every "
                                  + key.toUpperCase(java.util.Locale.ROOT)
                                  + " port write range: {start: 1, end: 65535}"));
          return destinationPort(Protocol.parse(key), map(port, portPath), portPath);
        });
  }

  /** How one entry of a port list reads, given the one key it sets. */
  @FunctionalInterface
  private interface PortEntry {
    ClusterPort read(String key, Node value, FieldPath keyPath);
  }

  /**
   * T7: a rule's port list ({@code protocols} or {@code ports}), each entry setting exactly one of
   * {@code keys}; absent means every port, present needs an entry.
   */
  private List<ClusterPort> portEntries(
      MapNode rule, String field, FieldPath path, List<String> keys, PortEntry entryReader) {
    Optional<Node> node = field(rule, field);
    if (node.isEmpty()) {
      return List.of(); // T7: every port of every protocol
    }
    FieldPath listPath = at(path, field);
    List<Node> items = list(node.get(), listPath).items();
    if (items.isEmpty()) {
      throw new Invalid(
          node.get(), listPath, "needs at least one entry; leave it out for all ports");
    }
    List<ClusterPort> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FieldPath entryPath = at(listPath, i);
      MapNode entry = map(items.get(i), entryPath);
      int mark = problems.mark();
      problems.keys(entry, entryPath, Keys.closed("a port entry", String.join(",", keys)));
      problems.checkpoint(mark);
      List<String> present = keys.stream().filter(k -> entry.fields().containsKey(k)).toList();
      if (present.size() != 1) {
        throw new Invalid(
            entry,
            entryPath,
            "sets "
                + (present.isEmpty() ? "none" : present)
                + " of "
                + String.join(", ", keys)
                + "; an entry sets exactly one");
      }
      String key = present.get(0);
      out.add(entryReader.read(key, entry.fields().get(key), at(entryPath, key)));
    }
    return out;
  }

  private ClusterPort destinationPort(Protocol protocol, MapNode port, FieldPath path) {
    problems.keys(port, path, Schema.TIERED_DESTINATION_PORT);
    boolean number = port.fields().containsKey("number");
    boolean range = port.fields().containsKey("range");
    if (number == range) {
      throw new Invalid(port, path, "sets exactly one of number or range");
    }
    if (number) {
      Node n = port.fields().get("number");
      int value = integer(n, at(path, "number"));
      return build(
          n, at(path, "number"), () -> ClusterPort.of(new PortRange(protocol, value, value)));
    }
    FieldPath rangePath = at(path, "range");
    return range(
        protocol, map(port.fields().get("range"), rangePath), rangePath, Schema.TIERED_RANGE);
  }

  /** An inclusive range whose start is below its end (a single port is a number). */
  private ClusterPort range(Protocol protocol, MapNode range, FieldPath path, Keys keys) {
    problems.keys(range, path, keys);
    int start = integer(required(range, "start", path), at(path, "start"));
    int end = integer(required(range, "end", path), at(path, "end"));
    if (start >= end) {
      throw new Invalid(
          range,
          path,
          "start "
              + start
              + " must be less than end "
              + end
              + "; a single port is written as a number");
    }
    return build(range, path, () -> ClusterPort.of(new PortRange(protocol, start, end)));
  }

  /** T7, v1alpha1: portNumber {protocol, port}, portRange {protocol, start, end}, namedPort. */
  private List<ClusterPort> ports(MapNode rule, FieldPath path) {
    return portEntries(
        rule,
        "ports",
        path,
        List.of("portNumber", "portRange", "namedPort"),
        (key, value, keyPath) -> {
          if (key.equals("namedPort")) {
            String name = string(value, keyPath);
            return build(value, keyPath, () -> ClusterPort.named(name));
          }
          MapNode body = map(value, keyPath);
          Protocol protocol = Decoder.protocol(body, keyPath);
          if (key.equals("portRange")) {
            return range(protocol, body, keyPath, Schema.V1ALPHA1_PORT_RANGE);
          }
          problems.keys(body, keyPath, Schema.V1ALPHA1_PORT_NUMBER);
          Node port = required(body, "port", keyPath);
          int n = integer(port, at(keyPath, "port"));
          return build(
              port, at(keyPath, "port"), () -> ClusterPort.of(new PortRange(protocol, n, n)));
        });
  }
}
