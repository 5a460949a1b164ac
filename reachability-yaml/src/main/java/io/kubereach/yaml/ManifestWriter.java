package io.kubereach.yaml;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Requirement;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.TierAction;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a {@link ClusterSnapshot} as Kubernetes manifests: one multi-document YAML stream of
 * Namespaces, Pods (with {@code ownerReferences} and {@code status.podIPs}), workloads, Services,
 * NetworkPolicies, Nodes and the tiered policies (v1alpha2 ClusterNetworkPolicy, v1alpha1
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy), in snapshot order, so that the loader reads
 * back the same snapshot (its limitations have no manifest form). Builds Jackson tree nodes and
 * lets Jackson emit the YAML; policyTypes are always written (after the model's S3 defaulting),
 * which keeps the meaning. Stateless and thread-safe; {@link Manifests} is its public face.
 */
final class ManifestWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .build();

  private ManifestWriter() {}

  /** Writes the documents to {@code out}, without closing it. */
  static void write(ClusterSnapshot cluster, OutputStream out) {
    try (SequenceWriter docs =
        MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValues(out)) {
      for (ObjectNode doc : documents(cluster)) {
        docs.write(doc);
      }
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /**
   * Writes one {@code List} document holding every object, as {@code kubectl get -A -o json} does:
   * {@code apiVersion}, then {@code items} one per line, then {@code kind} and {@code metadata}.
   * Without closing {@code out}.
   */
  static void writeJsonList(ClusterSnapshot cluster, OutputStream out) {
    try (tools.jackson.core.JsonGenerator g =
        JSON.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("apiVersion", "v1");
      g.writeName("items");
      g.writeStartArray();
      for (ObjectNode doc : documents(cluster)) {
        g.writeRaw('\n');
        g.writeTree(doc);
      }
      g.writeEndArray();
      g.writeStringProperty("kind", "List");
      g.writeName("metadata");
      g.writeStartObject();
      g.writeStringProperty("resourceVersion", "");
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** The manifests as tree nodes, one per object. */
  private static List<ObjectNode> documents(ClusterSnapshot cluster) {
    List<ObjectNode> out = new ArrayList<>();
    cluster.namespaces().forEach(n -> out.add(namespace(n)));
    cluster.pods().forEach(p -> out.add(pod(p)));
    cluster.workloads().forEach(w -> out.add(workload(w)));
    cluster.services().forEach(s -> out.add(service(s)));
    cluster.policies().forEach(p -> out.add(policy(p)));
    cluster.nodes().forEach(n -> out.add(node(n)));
    cluster.clusterPolicies().forEach(p -> out.add(tiered(p)));
    return out;
  }

  private static ObjectNode node(io.kubereach.model.Node n) {
    ObjectNode doc = object("v1", "Node", null, n.name());
    if (!n.labels().isEmpty()) {
      ((ObjectNode) doc.get("metadata")).set("labels", strings(n.labels()));
    }
    ArrayNode addresses = doc.putObject("status").putArray("addresses");
    n.addresses().forEach(a -> addresses.addObject().put("type", "InternalIP").put("address", a));
    return doc;
  }

  /** T11: v1alpha2 for a ClusterNetworkPolicy, v1alpha1 for the older kinds. */
  private static ObjectNode tiered(ClusterNetworkPolicy p) {
    boolean v1alpha2 = p.kind() == PolicyKind.ClusterNetworkPolicy;
    ObjectNode doc =
        object(
            "policy.networking.k8s.io/" + (v1alpha2 ? "v1alpha2" : "v1alpha1"),
            p.kind().name(),
            null,
            p.name());
    ObjectNode spec = doc.putObject("spec");
    if (v1alpha2) {
      spec.put("tier", p.tier().name());
    }
    if (p.kind() != PolicyKind.BaselineAdminNetworkPolicy) {
      spec.put("priority", p.priority());
    }
    spec.set("subject", clusterPeer(p.subject()));
    tieredRules(spec, "ingress", "from", p.ingress(), v1alpha2);
    tieredRules(spec, "egress", "to", p.egress(), v1alpha2);
    return doc;
  }

  private static void tieredRules(
      ObjectNode spec, String field, String peersField, List<ClusterRule> rules, boolean v1alpha2) {
    if (rules.isEmpty()) {
      return;
    }
    ArrayNode list = spec.putArray(field);
    for (ClusterRule r : rules) {
      ObjectNode rule = list.addObject();
      r.name().ifPresent(n -> rule.put("name", n));
      rule.put(
          "action", r.action() == TierAction.Accept && !v1alpha2 ? "Allow" : r.action().name());
      ArrayNode peers = rule.putArray(peersField);
      r.peers().forEach(peer -> peers.add(clusterPeer(peer)));
      if (!r.ports().isEmpty()) {
        ArrayNode ports = rule.putArray(v1alpha2 ? "protocols" : "ports");
        r.ports().forEach(port -> ports.add(v1alpha2 ? protocol(port) : v1alpha1Port(port)));
      }
    }
  }

  private static ObjectNode clusterPeer(ClusterPeer peer) {
    ObjectNode node = NODES.objectNode();
    if (peer instanceof ClusterPeer.Namespaces n) {
      node.set("namespaces", selector(n.namespaces()));
    } else if (peer instanceof ClusterPeer.Pods p) {
      ObjectNode pods = node.putObject("pods");
      pods.set("namespaceSelector", selector(p.namespaces()));
      pods.set("podSelector", selector(p.pods()));
    } else if (peer instanceof ClusterPeer.Networks n) {
      ArrayNode cidrs = node.putArray("networks");
      n.cidrs().forEach(cidrs::add);
    } else if (peer instanceof ClusterPeer.Nodes n) {
      node.set("nodes", selector(n.nodes()));
    } else if (peer instanceof ClusterPeer.DomainNames d) {
      ArrayNode names = node.putArray("domainNames");
      d.names().forEach(names::add);
    } else {
      throw new IllegalArgumentException(
          "a peer of unknown fields (" + peer + ") has no manifest form");
    }
    return node;
  }

  private static ObjectNode protocol(ClusterPort port) {
    ObjectNode node = NODES.objectNode();
    if (port instanceof ClusterPort.Named n) {
      node.put("destinationNamedPort", n.name());
      return node;
    }
    PortRange r = ((ClusterPort.Numbers) port).range();
    ObjectNode destination =
        node.putObject(r.protocol().name().toLowerCase(java.util.Locale.ROOT))
            .putObject("destinationPort");
    if (r.first() == r.last()) {
      destination.put("number", r.first());
    } else {
      destination.putObject("range").put("start", r.first()).put("end", r.last());
    }
    return node;
  }

  private static ObjectNode v1alpha1Port(ClusterPort port) {
    ObjectNode node = NODES.objectNode();
    if (port instanceof ClusterPort.Named n) {
      node.put("namedPort", n.name());
      return node;
    }
    PortRange r = ((ClusterPort.Numbers) port).range();
    if (r.first() == r.last()) {
      node.putObject("portNumber").put("protocol", r.protocol().name()).put("port", r.first());
    } else {
      node.putObject("portRange")
          .put("protocol", r.protocol().name())
          .put("start", r.first())
          .put("end", r.last());
    }
    return node;
  }

  private static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode doc = NODES.objectNode();
    doc.put("apiVersion", apiVersion);
    doc.put("kind", kind);
    ObjectNode metadata = doc.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return doc;
  }

  private static ObjectNode namespace(Namespace n) {
    ObjectNode doc = object("v1", "Namespace", null, n.name());
    ((ObjectNode) doc.get("metadata")).set("labels", strings(n.labels()));
    return doc;
  }

  private static ObjectNode pod(Pod p) {
    ObjectNode doc = object("v1", "Pod", p.namespace(), p.name());
    ObjectNode metadata = (ObjectNode) doc.get("metadata");
    if (!p.labels().isEmpty()) {
      metadata.set("labels", strings(p.labels()));
    }
    p.owner().ifPresent(o -> metadata.putArray("ownerReferences").add(owner(p, o)));
    doc.set("spec", podSpec(p.ports(), p.hostNetwork()));
    if (!p.ips().isEmpty()) {
      ObjectNode status = doc.putObject("status");
      status.put("podIP", p.ips().get(0));
      ArrayNode ips = status.putArray("podIPs");
      p.ips().forEach(ip -> ips.addObject().put("ip", ip));
    }
    return doc;
  }

  private static ObjectNode owner(Pod p, Owner o) {
    return owner(p.namespace(), o);
  }

  private static ObjectNode owner(String namespace, Owner o) {
    ObjectNode ref = NODES.objectNode();
    ref.put(
        "apiVersion",
        switch (o.kind()) {
          case "ReplicationController" -> "v1";
          case "Job", "CronJob" -> "batch/v1";
          default -> "apps/v1";
        });
    ref.put("kind", o.kind());
    ref.put("name", o.name());
    ref.put(
        "uid",
        UUID.nameUUIDFromBytes(
                (namespace + "/" + o.kind() + "/" + o.name()).getBytes(StandardCharsets.UTF_8))
            .toString());
    ref.put("controller", true);
    return ref;
  }

  private static ObjectNode podSpec(List<ContainerPort> ports, boolean hostNetwork) {
    ObjectNode spec = NODES.objectNode();
    if (hostNetwork) {
      spec.put("hostNetwork", true);
    }
    ObjectNode container = spec.putArray("containers").addObject();
    container.put("name", "main");
    container.put("image", "registry.example.com/app:1.0");
    if (!ports.isEmpty()) {
      ArrayNode list = container.putArray("ports");
      for (ContainerPort cp : ports) {
        ObjectNode port = list.addObject();
        cp.name().ifPresent(n -> port.put("name", n));
        port.put("containerPort", cp.number());
        port.put("protocol", cp.protocol().name());
      }
    }
    return spec;
  }

  private static ObjectNode workload(Workload w) {
    String apiVersion =
        switch (w.kind()) {
          case ReplicationController -> "v1";
          case Job, CronJob -> "batch/v1";
          default -> "apps/v1";
        };
    ObjectNode doc = object(apiVersion, w.kind().name(), w.namespace(), w.name());
    w.owner()
        .ifPresent(
            o ->
                ((ObjectNode) doc.get("metadata"))
                    .putArray("ownerReferences")
                    .add(owner(w.namespace(), o)));
    ObjectNode template = NODES.objectNode();
    template.putObject("metadata").set("labels", strings(w.templateLabels()));
    template.set("spec", podSpec(w.templatePorts(), w.hostNetwork()));
    ObjectNode spec = doc.putObject("spec");
    if (w.kind() == WorkloadKind.CronJob) {
      spec.put("schedule", "0 * * * *");
      ObjectNode job = spec.putObject("jobTemplate").putObject("spec");
      job.put("parallelism", w.replicas());
      job.set("template", template);
      return doc;
    }
    if (w.kind() == WorkloadKind.Job) {
      spec.put("parallelism", w.replicas());
    } else if (w.kind() != WorkloadKind.DaemonSet) {
      spec.put("replicas", w.replicas());
    }
    if (w.kind() != WorkloadKind.Job) {
      spec.putObject("selector").set("matchLabels", strings(w.templateLabels()));
    }
    spec.set("template", template);
    return doc;
  }

  private static ObjectNode service(Service s) {
    ObjectNode doc = object("v1", "Service", s.namespace(), s.name());
    ObjectNode spec = doc.putObject("spec");
    spec.put("type", s.type());
    s.selector().ifPresent(sel -> spec.set("selector", strings(sel)));
    ArrayNode ports = spec.putArray("ports");
    for (ServicePort sp : s.ports()) {
      ObjectNode port = ports.addObject();
      sp.name().ifPresent(n -> port.put("name", n));
      port.put("protocol", sp.protocol().name());
      port.put("port", sp.port());
      putPort(port, "targetPort", sp.targetPort());
    }
    if (!s.sourceRanges().isEmpty()) {
      ArrayNode ranges = spec.putArray("loadBalancerSourceRanges");
      s.sourceRanges().forEach(ranges::add);
    }
    return doc;
  }

  private static ObjectNode policy(NetworkPolicy p) {
    ObjectNode doc = object("networking.k8s.io/v1", "NetworkPolicy", p.namespace(), p.name());
    ObjectNode spec = doc.putObject("spec");
    spec.set("podSelector", selector(p.podSelector()));
    ArrayNode types = spec.putArray("policyTypes");
    p.policyTypes().forEach(t -> types.add(t.name()));
    rules(spec, "ingress", "from", p.ingress(), p.affects(PolicyType.Ingress));
    rules(spec, "egress", "to", p.egress(), p.affects(PolicyType.Egress));
    return doc;
  }

  private static void rules(
      ObjectNode spec, String field, String peersField, List<Rule> rules, boolean affected) {
    if (rules.isEmpty() && !affected) {
      return;
    }
    ArrayNode list = spec.putArray(field);
    for (Rule r : rules) {
      ObjectNode rule = list.addObject();
      if (!r.peers().isEmpty()) {
        ArrayNode peers = rule.putArray(peersField);
        r.peers().forEach(peer -> peers.add(peer(peer)));
      }
      if (!r.ports().isEmpty()) {
        ArrayNode ports = rule.putArray("ports");
        r.ports().forEach(p -> ports.add(port(p)));
      }
    }
  }

  private static ObjectNode peer(Peer peer) {
    ObjectNode node = NODES.objectNode();
    if (peer instanceof IpBlockPeer b) {
      ObjectNode block = node.putObject("ipBlock");
      block.put("cidr", b.cidr());
      if (!b.except().isEmpty()) {
        ArrayNode except = block.putArray("except");
        b.except().forEach(except::add);
      }
      return node;
    }
    PodPeer p = (PodPeer) peer;
    p.namespaceSelector().ifPresent(s -> node.set("namespaceSelector", selector(s)));
    p.podSelector().ifPresent(s -> node.set("podSelector", selector(s)));
    return node;
  }

  private static ObjectNode port(PortSpec spec) {
    ObjectNode node = NODES.objectNode();
    node.put("protocol", spec.protocol().name());
    spec.port().ifPresent(ref -> putPort(node, "port", ref));
    spec.endPort().ifPresent(end -> node.put("endPort", end));
    return node;
  }

  private static void putPort(ObjectNode node, String field, PortRef ref) {
    if (ref instanceof PortRef.Number n) {
      node.put(field, n.number());
    } else {
      node.put(field, ((PortRef.Name) ref).name());
    }
  }

  private static ObjectNode selector(LabelSelector s) {
    ObjectNode node = NODES.objectNode();
    if (!s.matchLabels().isEmpty()) {
      node.set("matchLabels", strings(s.matchLabels()));
    }
    if (!s.matchExpressions().isEmpty()) {
      ArrayNode list = node.putArray("matchExpressions");
      for (Requirement r : s.matchExpressions()) {
        ObjectNode e = list.addObject();
        e.put("key", r.key());
        e.put("operator", r.operator().name());
        if (!r.values().isEmpty()) {
          ArrayNode values = e.putArray("values");
          r.values().forEach(values::add);
        }
      }
    }
    return node;
  }

  private static ObjectNode strings(Map<String, String> map) {
    ObjectNode node = NODES.objectNode();
    map.forEach(node::put);
    return node;
  }
}
