package io.kubereach.internal.query;

import io.kubereach.Connection;
import io.kubereach.Explanation;
import io.kubereach.Finding;
import io.kubereach.Intent;
import io.kubereach.ReachabilityIndex;
import io.kubereach.Severity;
import io.kubereach.VerifyOptions;
import io.kubereach.VerifyReport;
import io.kubereach.Warning;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledTierPolicy;
import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.Selection;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.Endpoints;
import io.kubereach.internal.topology.Granularity;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of {@code verify} (docs/verify.md) over one index: each reads the products the index
 * already has (compiled policies, the engine's rows and tier decisions, listings, explanations) and
 * says what it found as {@link Finding} records. Nothing here re-indexes.
 */
final class Verifier {
  /** The cloud metadata service, which a pod should rarely reach. */
  private static final List<String> METADATA = List.of("169.254.169.254", "fd00:ec2::254");

  private final ReachabilityIndex index;
  private final PodTable table;
  private final Endpoints endpoints;
  private final CompiledPolicies policies;
  private final Engine engine;
  private final List<Finding> out = new ArrayList<>();

  Verifier(
      ReachabilityIndex index,
      PodTable table,
      Endpoints endpoints,
      CompiledPolicies policies,
      Engine engine) {
    this.index = index;
    this.table = table;
    this.endpoints = endpoints;
    this.policies = policies;
    this.engine = engine;
  }

  VerifyReport run(VerifyOptions options) {
    Set<String> unprotectedIngress = new LinkedHashSet<>();
    if (options.runs("ambiguous-priority")) {
      ambiguousPriority();
    }
    for (PolicyType direction : PolicyType.values()) {
      String id = "unprotected-" + direction.name().toLowerCase(Locale.ROOT);
      if (options.runs(id)
          || (direction == PolicyType.Ingress && options.runs("external-ingress"))) {
        Set<String> found = unprotected(direction, options.runs(id));
        if (direction == PolicyType.Ingress) {
          unprotectedIngress.addAll(found);
        }
      }
    }
    if (options.runs("namespace-without-default-deny")) {
      namespacesWithoutDefaultDeny();
    }
    if (options.runs("metadata-egress")) {
      metadataEgress();
    }
    if (options.runs("external-ingress")) {
      externalIngress(unprotectedIngress);
    }
    Set<PolicyRef> selectNothing = new LinkedHashSet<>();
    if (options.runs("policy-selects-nothing")
        || options.runs("shadowed-rule")
        || options.runs("rule-matches-nothing")) {
      selectNothing.addAll(policiesSelectingNothing(options.runs("policy-selects-nothing")));
    }
    if (options.runs("rule-matches-nothing")) {
      rulesMatchingNothing(selectNothing);
    }
    if (options.runs("shadowed-rule")) {
      shadowedRules(selectNothing);
    }
    if (options.runs("unresolved-named-port")) {
      unresolvedNamedPorts();
    }
    if (options.runs("redundant-policy") || options.runs("redundant-rule")) {
      redundant(options);
    }
    if (options.runs("intent-violated") || options.runs("intent-matches-nothing")) {
      intents(options);
    }
    out.sort(
        Comparator.comparing(Finding::severity)
            .reversed()
            .thenComparingInt(f -> VerifyOptions.CHECKS.indexOf(f.check()))
            .thenComparing(Finding::subject)
            .thenComparingInt(f -> f.rule().orElse(-1)));
    return new VerifyReport(out, index.limitations());
  }

  private void add(
      String check,
      Severity severity,
      String subject,
      Optional<PolicyRef> policy,
      Optional<PolicyType> direction,
      OptionalInt rule,
      List<String> evidence,
      String message) {
    out.add(
        new Finding(
            check,
            severity,
            subject,
            policy,
            direction,
            rule,
            evidence,
            Optional.empty(),
            message));
  }

  // --- T9 ---

  /** Tied policies whose order changes verdicts: the first cells found, with both rules. */
  private void ambiguousPriority() {
    if (engine.unambiguous()) {
      return;
    }
    Map<Set<PolicyRef>, List<String>> byGroup = new LinkedHashMap<>();
    List<PortSet> portClasses = engine.portClasses();
    List<WorkloadEndpoint> all = endpoints.list(Granularity.POD);
    int examined = 0;
    outer:
    for (WorkloadEndpoint s : all) {
      for (WorkloadEndpoint d : all) {
        if (s.equals(d)) {
          continue;
        }
        for (PortSet ports : portClasses) {
          Port port = ports.samplePort();
          if (!index.check(s, d, port).ambiguous()) {
            continue;
          }
          Explanation e = index.explain(s, d, port);
          Set<PolicyRef> group = new TreeSet<>(Comparator.comparing(PolicyRef::toString));
          List<String> rules = new ArrayList<>();
          for (Explanation.Side side : List.of(e.egress(), e.ingress())) {
            for (Explanation.TierStep step : side.tiers()) {
              if (!side.alternatives().isEmpty()
                  && step.priority() == side.alternatives().get(0).priority()) {
                group.add(step.rule().policy());
                rules.add(step.toString());
              }
            }
            for (Explanation.TierStep alt : side.alternatives()) {
              group.add(alt.rule().policy());
              rules.add("alternative: " + alt);
            }
          }
          List<String> evidence = byGroup.computeIfAbsent(group, g -> new ArrayList<>());
          if (evidence.size() < 10) {
            evidence.add(
                s
                    + " => "
                    + d
                    + " on "
                    + ports
                    + ": "
                    + (e.allowed() ? "allowed" : "denied")
                    + " here; "
                    + String.join("; ", rules));
          }
          if (++examined >= 200) {
            break outer;
          }
        }
      }
    }
    byGroup.forEach(
        (group, evidence) -> {
          List<String> names = group.stream().map(PolicyRef::toString).toList();
          for (PolicyRef p : group) {
            add(
                "ambiguous-priority",
                Severity.HIGH,
                p.toString(),
                Optional.of(p),
                Optional.empty(),
                OptionalInt.empty(),
                evidence,
                "shares its tier and priority with "
                    + String.join(
                        ", ", names.stream().filter(n -> !n.equals(p.toString())).toList())
                    + " and the order changes verdicts, which upstream leaves to each"
                    + " implementation (T9); give them distinct priorities");
          }
        });
  }

  // --- protection ---

  /**
   * Endpoints with a pod that no policy of any tier protects in {@code direction}: no NetworkPolicy
   * isolates it and no Admin or Baseline policy selecting it denies anything there.
   */
  private Set<String> unprotected(PolicyType direction, boolean report) {
    Set<String> found = new LinkedHashSet<>();
    String id = "unprotected-" + direction.name().toLowerCase(Locale.ROOT);
    List<WorkloadEndpoint> all = endpoints.list(Granularity.WORKLOAD);
    for (int i = 0; i < all.size(); i++) {
      WorkloadEndpoint e = all.get(i);
      int[] pods = endpoints.podsOf(Granularity.WORKLOAD, i);
      boolean open = false;
      for (int p : pods) {
        AnalysisPod pod = table.pod(p);
        if (!protectedBy(direction, pod).isPresent()) {
          open = true;
          break;
        }
      }
      if (open) {
        found.add(e.toString());
        if (report) {
          add(
              id,
              direction == PolicyType.Ingress ? Severity.HIGH : Severity.MEDIUM,
              e.toString(),
              Optional.empty(),
              Optional.of(direction),
              OptionalInt.empty(),
              List.of(),
              "no NetworkPolicy isolates it for "
                  + direction
                  + " and no Admin or Baseline policy denies anything "
                  + (direction == PolicyType.Ingress ? "to" : "from")
                  + " it: "
                  + (direction == PolicyType.Ingress
                      ? "every pod and address can reach it"
                      : "it can reach every pod and address"));
        }
      }
    }
    return found;
  }

  /** Which tier protects the pod in that direction, if any. */
  private Optional<String> protectedBy(PolicyType direction, AnalysisPod pod) {
    if (!policies.isolating(direction, pod, table).isEmpty()) {
      return Optional.of("NetworkPolicy");
    }
    for (Tier tier : Tier.values()) {
      for (CompiledTierPolicy p : policies.selecting(tier, direction, pod, table)) {
        if (p.rules(direction).stream().anyMatch(r -> r.action() == TierAction.Deny)) {
          return Optional.of(tier.name());
        }
      }
    }
    return Optional.empty();
  }

  private void namespacesWithoutDefaultDeny() {
    Set<String> namespaces = new TreeSet<>();
    table.snapshot().namespaces().forEach(n -> namespaces.add(n.name()));
    table.pods().forEach(p -> namespaces.add(p.namespace()));
    for (String ns : namespaces) {
      for (PolicyType direction : PolicyType.values()) {
        if (!defaultDenies(ns, direction)) {
          add(
              "namespace-without-default-deny",
              Severity.MEDIUM,
              ns,
              Optional.empty(),
              Optional.of(direction),
              OptionalInt.empty(),
              List.of(),
              "no NetworkPolicy with podSelector {} isolates "
                  + direction
                  + " here and no Admin or Baseline policy covering the namespace ends "
                  + direction
                  + " in a Deny of every pod: a pod added to it later is open");
        }
      }
    }
  }

  private boolean defaultDenies(String ns, PolicyType direction) {
    for (CompiledPolicy p : policies.inNamespace(ns)) {
      if (p.source().podSelector().isEmpty() && p.isolates(direction)) {
        return true;
      }
    }
    Map<String, String> labels = table.namespaceLabels(ns);
    for (Tier tier : Tier.values()) {
      for (CompiledTierPolicy p : policies.tier(tier)) {
        Selection s = p.subject();
        List<TierRule> rules = p.rules(direction);
        if (rules.isEmpty() || !s.pods().isEmpty() || !s.holdsNamespace(ns, labels)) {
          continue;
        }
        TierRule last = rules.get(rules.size() - 1);
        if (last.action() == TierAction.Deny && last.ports().all() && everyPod(last.peers())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a peer set admits every pod of every namespace. */
  private static boolean everyPod(PeerSet peers) {
    return peers.all()
        || peers.selections().stream()
            .anyMatch(
                s ->
                    s.pods().isEmpty()
                        && s.scope() instanceof Selection.MatchingNamespaces m
                        && m.selector().isEmpty());
  }

  private void metadataEgress() {
    for (WorkloadEndpoint e : endpoints.list(Granularity.WORKLOAD)) {
      List<String> reached = new ArrayList<>();
      for (String address : METADATA) {
        PortSet ports = index.allowed(e, Endpoint.ip(address));
        if (!ports.isEmpty()) {
          reached.add(address + " : " + ports);
        }
      }
      if (!reached.isEmpty()) {
        add(
            "metadata-egress",
            Severity.HIGH,
            e.toString(),
            Optional.empty(),
            Optional.of(PolicyType.Egress),
            OptionalInt.empty(),
            reached,
            "can reach the cloud metadata service, which hands out the node's credentials on"
                + " many clouds; deny it unless the workload needs it");
      }
    }
  }

  private void externalIngress(Set<String> unprotectedIngress) {
    Map<Endpoint, List<String>> reached = new LinkedHashMap<>();
    for (Connection c : index.connections()) {
      if (c.source() instanceof ExternalEndpoint) {
        reached
            .computeIfAbsent(c.destination(), d -> new ArrayList<>())
            .add(c.source() + " : " + c.ports());
      }
    }
    reached.forEach(
        (e, evidence) -> {
          boolean open = unprotectedIngress.contains(e.toString());
          add(
              "external-ingress",
              open ? Severity.HIGH : Severity.INFO,
              e.toString(),
              Optional.empty(),
              Optional.of(PolicyType.Ingress),
              OptionalInt.empty(),
              evidence.size() > 10 ? evidence.subList(0, 10) : evidence,
              "reachable from outside the cluster"
                  + (open ? ", and no policy protects its ingress" : ""));
        });
  }

  // --- policies and rules ---

  private Set<PolicyRef> policiesSelectingNothing(boolean report) {
    Set<PolicyRef> nothing = new LinkedHashSet<>();
    for (CompiledPolicy p : policies.all()) {
      if (table.inNamespace(p.namespace()).stream()
          .noneMatch(pod -> p.subject().selects(pod, table))) {
        nothing.add(p.ref());
        if (report) {
          add(
              "policy-selects-nothing",
              Severity.MEDIUM,
              p.ref().toString(),
              Optional.of(p.ref()),
              Optional.empty(),
              OptionalInt.empty(),
              List.of("podSelector " + p.source().podSelector()),
              "its podSelector matches no pod of namespace "
                  + p.namespace()
                  + ": it isolates and allows nothing (a label typo?)");
        }
      }
    }
    policies
        .tiered()
        .forEach(
            p -> {
              if (table.pods().stream().noneMatch(pod -> p.subject().selects(pod, table))) {
                nothing.add(p.ref());
                if (report) {
                  add(
                      "policy-selects-nothing",
                      Severity.MEDIUM,
                      p.ref().toString(),
                      Optional.of(p.ref()),
                      Optional.empty(),
                      OptionalInt.empty(),
                      List.of("subject " + p.source().subject()),
                      "its subject matches no pod (hostNetwork pods are never selected, T5):"
                          + " none of its rules applies");
                }
              }
            });
    return nothing;
  }

  private void rulesMatchingNothing(Set<PolicyRef> selectNothing) {
    policies
        .rules()
        .forEach(
            r -> {
              if (!selectNothing.contains(r.policy()) && matchesNothing(r.peers())) {
                ruleFinding(r.policy(), r.direction(), r.index(), describe(r.peers()));
              }
            });
    policies
        .tierRules()
        .forEach(
            r -> {
              if (!selectNothing.contains(r.policy())
                  && !r.failedClosed()
                  && matchesNothing(r.peers())) {
                ruleFinding(r.policy(), r.direction(), r.index(), describe(r.peers()));
              }
            });
  }

  private void ruleFinding(PolicyRef policy, PolicyType direction, int rule, String peers) {
    add(
        "rule-matches-nothing",
        Severity.MEDIUM,
        policy.toString(),
        Optional.of(policy),
        Optional.of(direction),
        OptionalInt.of(rule),
        List.of(peers),
        "its peers match no pod, no namespace and no address (a label typo?): the "
            + direction.name().toLowerCase(Locale.ROOT)
            + " rule admits nothing");
  }

  /** Whether no peer of the set holds a pod, a namespace, an address or a domain. */
  private boolean matchesNothing(PeerSet peers) {
    if (peers.all() || !peers.networks().isEmpty() || !peers.domains().isEmpty()) {
      return false;
    }
    if (peers.selections().isEmpty()) {
      return false; // a fail-closed or nodes-only peer set: other checks speak of it
    }
    for (Selection s : peers.selections()) {
      if (engine.selectsSomePod(s)) {
        return false;
      }
      if (s.pods().isEmpty() && namespacesHeld(s)) {
        return false; // a namespace without pods yet
      }
    }
    return true;
  }

  private boolean namespacesHeld(Selection s) {
    for (io.kubereach.model.Namespace n : table.snapshot().namespaces()) {
      if (s.holdsNamespace(n.name(), table.namespaceLabels(n.name()))) {
        return true;
      }
    }
    return false;
  }

  private static String describe(PeerSet peers) {
    return "peers "
        + peers.selections().stream()
            .map(
                s ->
                    (s.scope() instanceof Selection.InNamespace in
                            ? "namespace " + in.namespace()
                            : "namespaces " + ((Selection.MatchingNamespaces) s.scope()).selector())
                        + ", pods "
                        + s.pods())
            .toList();
  }

  private void shadowedRules(Set<PolicyRef> selectNothing) {
    policies
        .tierRules()
        .forEach(
            r -> {
              if (!selectNothing.contains(r.policy()) && !engine.decidesSomething(r)) {
                add(
                    "shadowed-rule",
                    Severity.MEDIUM,
                    r.policy().toString(),
                    Optional.of(r.policy()),
                    Optional.of(r.direction()),
                    OptionalInt.of(r.index()),
                    List.of(r.name().map(n -> "rule \"" + n + "\"").orElse("rule " + r.index())),
                    "never decides anything: for every pod it applies to, earlier rules,"
                        + " policies of a lower priority number or a tier before it (a"
                        + " NetworkPolicy, for Baseline) decide first (T1, T2)");
              }
            });
  }

  private void unresolvedNamedPorts() {
    for (Warning w : index.warnings()) {
      if (w.kind() == Warning.Kind.UNDEFINED_NAMED_PORT && w.policy().isPresent()) {
        add(
            "unresolved-named-port",
            Severity.LOW,
            w.policy().get().toString(),
            w.policy(),
            Optional.empty(),
            OptionalInt.empty(),
            w.subjects().stream().map(Object::toString).toList(),
            w.message());
      }
    }
  }

  private void redundant(VerifyOptions options) {
    for (Engine.RedundantPart part : engine.redundant()) {
      boolean policy = part.rule() < 0;
      String check = policy ? "redundant-policy" : "redundant-rule";
      if (!options.runs(check)) {
        continue;
      }
      add(
          check,
          Severity.LOW,
          part.policy().toString(),
          Optional.of(part.policy()),
          Optional.ofNullable(part.direction()),
          policy ? OptionalInt.empty() : OptionalInt.of(part.rule()),
          part.coveredBy(),
          (policy
                  ? "removing it alone changes no connection: the other policies selecting its"
                      + " pods isolate them and admit everything it admits"
                  : "removing it alone changes no connection: the other rules for its pods admit"
                      + " everything it admits")
              + (part.coveredBy().isEmpty() ? " (it admits nothing)" : ""));
    }
  }

  private void intents(VerifyOptions options) {
    for (int i = 0; i < options.intents().size(); i++) {
      Intent intent = options.intents().get(i);
      String subject = "intent " + (i + 1);
      Endpoint from;
      Endpoint to;
      try {
        from = index.resolve(intent.from());
        to = index.resolve(intent.to());
      } catch (IllegalArgumentException e) {
        if (options.runs("intent-matches-nothing")) {
          out.add(
              new Finding(
                  "intent-matches-nothing",
                  Severity.HIGH,
                  subject,
                  Optional.empty(),
                  Optional.empty(),
                  OptionalInt.empty(),
                  List.of(intent.toString()),
                  intent.location(),
                  "names no endpoint: " + e.getMessage()));
        }
        continue;
      }
      var verdict = index.check(from, to, intent.port());
      if (verdict.allowed() != intent.allow() && options.runs("intent-violated")) {
        out.add(
            new Finding(
                "intent-violated",
                Severity.HIGH,
                subject,
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                List.of(verdict.explanation().toString()),
                intent.location(),
                "expected "
                    + intent
                    + ", but it is "
                    + (verdict.allowed() ? "allowed" : "denied")));
      }
    }
  }
}
