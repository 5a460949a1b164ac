package io.kubereach.testing;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Operator;
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
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded generator of realistic clusters for benchmarks and large tests (docs/benchmarks.md):
 * team namespaces of microservice stacks, the way platform teams write their policies.
 *
 * <ul>
 *   <li><b>System namespaces.</b> {@code kube-system} (CoreDNS, {@code k8s-app=kube-dns}, UDP/TCP
 *       53), {@code ingress-nginx} (the controller, open to the internet by an {@code ipBlock}) and
 *       {@code monitoring} (Prometheus, not isolated).
 *   <li><b>Team namespaces</b> {@code <team>-<env>} labelled {@code team}, {@code env}; each holds
 *       one to four apps, each app a stack of {@code api}, {@code db}, {@code web}, {@code worker}
 *       and {@code cache} components (api always, the others often), labelled {@code
 *       app.kubernetes.io/name}, {@code app.kubernetes.io/component}, {@code tier} (frontend,
 *       backend, data) and {@code team}, with named container ports ({@code http}, {@code grpc},
 *       {@code postgres}/{@code mysql}, {@code redis}, {@code metrics}).
 *   <li><b>Policies per namespace:</b> default deny in both directions; DNS egress to kube-system
 *       (UDP and TCP 53); metrics scraping from monitoring on a TCP 9100-9199 {@code endPort} range
 *       to pods that have a {@code tier} label ({@code Exists}); in one namespace of ten an {@code
 *       ipBlock} over the pod CIDR (matches pod IPs, S12).
 *   <li><b>Policies per component:</b> tier-to-tier allows on named ports (ingress-nginx to web,
 *       web to api, api and worker to db and cache); cross-team calls between apps of one env, by
 *       {@code namespaceSelector} (team {@code In}) and {@code podSelector} together; worker egress
 *       to the internet ({@code 0.0.0.0/0} except the private ranges, TCP 443) and to a partner
 *       network on a TCP 8443-8450 range; db egress to a backup network.
 * </ul>
 *
 * <p>{@code pods} is the number of running pods; policies come out at about one per ten pods. In
 * {@link Style#PODS} the snapshot holds exactly that many standalone pods, each with an IP in
 * {@value #POD_CIDR} and an owner reference (ReplicaSet or StatefulSet), like a {@code kubectl get
 * pods -A} dump; in {@link Style#WORKLOADS} it holds Deployments and StatefulSets whose replicas
 * add up to {@code pods}, so the analysis sees one representative pod per workload
 * (docs/architecture.md). The same arguments always give the same snapshot.
 *
 * <pre>{@code
 * ClusterSnapshot c = RealisticClusters.generate(10_000, 42L);
 * ClusterSnapshot w = RealisticClusters.generate(10_000, 42L, RealisticClusters.Style.WORKLOADS);
 * }</pre>
 */
public final class RealisticClusters {

  /** The pod network: every pod IP of {@link Style#PODS} lies in it. */
  public static final String POD_CIDR = "10.64.0.0/10";

  /** Label keys of the app components. */
  public static final String NAME = "app.kubernetes.io/name";

  /** Label key of the component ({@code web}, {@code api}, ...). */
  public static final String COMPONENT = "app.kubernetes.io/component";

  private static final String[] WORDS = {
    "checkout", "payments", "catalog", "search", "orders", "billing", "ledger", "profile",
    "reviews", "shipping", "inventory", "pricing", "auth", "mailer", "reports", "media",
    "tracking", "loyalty", "quotes", "invoices", "accounts", "feeds", "offers", "support"
  };
  private static final String[] ENVS = {"prod", "staging", "dev"};
  private static final String HASH_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  /** How the pods appear in the snapshot. */
  public enum Style {
    /** Standalone pods with IPs and owner references, as a live cluster dump lists them. */
    PODS,
    /** Deployments and StatefulSets with replica counts: one representative pod each. */
    WORKLOADS
  }

  /** The parts of an app, in the order they are filled. */
  private enum Component {
    API("backend", 8, 32, 100),
    DB("data", 1, 3, 80),
    WEB("frontend", 6, 26, 70),
    WORKER("backend", 6, 30, 60),
    CACHE("data", 1, 5, 50);

    final String tier;
    final int minReplicas;
    final int maxReplicas;
    final int percent;

    Component(String tier, int minReplicas, int maxReplicas, int percent) {
      this.tier = tier;
      this.minReplicas = minReplicas;
      this.maxReplicas = maxReplicas;
      this.percent = percent;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean stateful() {
      return this == DB || this == CACHE;
    }
  }

  /** One app of a team namespace, before its policies are written. */
  private static final class App {
    final String namespace;
    final String team;
    final String env;
    final String name;
    final boolean mysql;
    final Map<Component, Integer> replicas = new LinkedHashMap<>();
    final List<App> calls = new ArrayList<>();
    final List<App> callers = new ArrayList<>();

    App(String namespace, String team, String env, String name, boolean mysql) {
      this.namespace = namespace;
      this.team = team;
      this.env = env;
      this.name = name;
      this.mysql = mysql;
    }

    boolean has(Component c) {
      return replicas.containsKey(c);
    }

    String dbPort() {
      return mysql ? "mysql" : "postgres";
    }
  }

  private RealisticClusters() {}

  /** The cluster of {@code pods} standalone pods with IPs ({@link Style#PODS}). */
  public static ClusterSnapshot generate(int pods, long seed) {
    return generate(pods, seed, Style.PODS);
  }

  /**
   * The cluster of {@code pods} running pods, in the given style.
   *
   * @throws IllegalArgumentException if {@code pods} is less than 100
   */
  public static ClusterSnapshot generate(int pods, long seed, Style style) {
    if (pods < 100) {
      throw new IllegalArgumentException(
          "pods " + pods + " is too small for a realistic cluster; ask for 100 or more");
    }
    return new Generator(pods, seed, style).run();
  }

  /**
   * The cluster with a platform team's admin tier on top (T1–T7 in docs/semantics.md), a few dozen
   * ClusterNetworkPolicies: cluster-wide DNS accepted both ways, monitoring passed on to the teams'
   * NetworkPolicies, the cloud metadata address denied, each of up to 24 production namespaces
   * closed to other environments, and a Baseline default deny of ingress where no NetworkPolicy
   * decides.
   */
  public static ClusterSnapshot withAdminTier(ClusterSnapshot cluster) {
    List<ClusterNetworkPolicy> tier = new ArrayList<>();
    ClusterPeer everyNamespace = new ClusterPeer.Namespaces(LabelSelector.everything());
    ClusterPeer dnsPods =
        new ClusterPeer.Pods(
            labelled(Namespace.NAME_LABEL, "kube-system"), labelled("k8s-app", "kube-dns"));
    List<ClusterPort> dnsPorts =
        List.of(
            new ClusterPort.Numbers(new PortRange(Protocol.UDP, 53, 53)),
            new ClusterPort.Numbers(new PortRange(Protocol.TCP, 53, 53)));
    tier.add(
        tiered(
            "cluster-dns-egress",
            Tier.Admin,
            10,
            everyNamespace,
            List.of(),
            List.of(tierRule(TierAction.Accept, dnsPorts, dnsPods))));
    tier.add(
        tiered(
            "cluster-dns-ingress",
            Tier.Admin,
            11,
            dnsPods,
            List.of(tierRule(TierAction.Accept, dnsPorts, everyNamespace)),
            List.of()));
    tier.add(
        tiered(
            "monitoring-to-teams",
            Tier.Admin,
            20,
            everyNamespace,
            List.of(
                tierRule(
                    TierAction.Pass,
                    List.of(),
                    new ClusterPeer.Namespaces(labelled(Namespace.NAME_LABEL, "monitoring")))),
            List.of()));
    tier.add(
        tiered(
            "no-cloud-metadata",
            Tier.Admin,
            30,
            everyNamespace,
            List.of(),
            List.of(
                tierRule(
                    TierAction.Deny,
                    List.of(),
                    new ClusterPeer.Networks(List.of("169.254.169.254/32"))))));
    int priority = 100;
    for (Namespace ns : cluster.namespaces()) {
      if (!"prod".equals(ns.labels().get("env")) || priority >= 124) {
        continue;
      }
      tier.add(
          tiered(
              "protect-" + ns.name(),
              Tier.Admin,
              priority++,
              new ClusterPeer.Namespaces(labelled(Namespace.NAME_LABEL, ns.name())),
              List.of(
                  tierRule(
                      TierAction.Pass,
                      List.of(),
                      new ClusterPeer.Namespaces(labelled("env", "prod"))),
                  tierRule(
                      TierAction.Pass,
                      List.of(),
                      new ClusterPeer.Namespaces(labelled(Namespace.NAME_LABEL, "ingress-nginx"))),
                  tierRule(TierAction.Deny, List.of(), everyNamespace)),
              List.of()));
    }
    tier.add(
        tiered(
            "baseline-default-deny",
            Tier.Baseline,
            0,
            everyNamespace,
            List.of(tierRule(TierAction.Deny, List.of(), everyNamespace)),
            List.of()));
    ClusterSnapshot out = cluster;
    for (ClusterNetworkPolicy p : tier) {
      out = out.withClusterPolicy(p);
    }
    return out;
  }

  private static ClusterNetworkPolicy tiered(
      String name,
      Tier tier,
      int priority,
      ClusterPeer subject,
      List<ClusterRule> ingress,
      List<ClusterRule> egress) {
    return new ClusterNetworkPolicy(
        PolicyKind.ClusterNetworkPolicy, name, tier, priority, subject, ingress, egress);
  }

  private static ClusterRule tierRule(
      TierAction action, List<ClusterPort> ports, ClusterPeer peer) {
    return new ClusterRule(Optional.empty(), action, List.of(peer), ports);
  }

  private static LabelSelector labelled(String key, String value) {
    return LabelSelector.matchLabels(Map.of(key, value));
  }

  /** One generation run; not thread-safe, used once. */
  private static final class Generator {
    private final int target;
    private final Style style;
    private final Random random;

    /** Draws pod-name hashes apart from {@link #random}, so that both styles share a structure. */
    private final Random names;

    private final ClusterSnapshot.Builder out = ClusterSnapshot.builder();
    private final List<App> apps = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private int podCount;

    Generator(int target, long seed, Style style) {
      this.target = target;
      this.style = style;
      this.random = new Random(seed);
      this.names = new Random(~seed);
    }

    ClusterSnapshot run() {
      system();
      int remaining = target - podCount;
      int teams = Math.max(3, target / 300);
      int namespaceIndex = 0;
      while (remaining > 0) {
        String team = word(namespaceIndex % teams);
        String env = ENVS[(namespaceIndex / teams) % ENVS.length];
        String ns = team + "-" + env;
        if (namespaceIndex >= teams * ENVS.length) {
          ns = ns + "-" + (namespaceIndex / (teams * ENVS.length));
        }
        namespaceIndex++;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", team);
        labels.put("env", env);
        out.add(new Namespace(ns, labels));
        namespaces.add(ns);
        int appCount = 1 + random.nextInt(4);
        Set<String> used = new TreeSet<>();
        for (int a = 0; a < appCount && remaining > 0; a++) {
          String name = WORDS[random.nextInt(WORDS.length)];
          while (!used.add(name)) {
            name = WORDS[random.nextInt(WORDS.length)];
          }
          App app = new App(ns, team, env, name, random.nextInt(4) == 0);
          for (Component c : Component.values()) {
            if (remaining == 0 || (c != Component.API && random.nextInt(100) >= c.percent)) {
              continue;
            }
            int n = c.minReplicas + random.nextInt(c.maxReplicas - c.minReplicas + 1);
            n = Math.min(n, remaining);
            app.replicas.put(c, n);
            remaining -= n;
          }
          apps.add(app);
        }
      }
      crossTeamCalls();
      for (App app : apps) {
        for (Map.Entry<Component, Integer> e : app.replicas.entrySet()) {
          component(app, e.getKey(), e.getValue());
        }
      }
      for (int i = 0; i < namespaces.size(); i++) {
        namespacePolicies(namespaces.get(i), i);
      }
      for (App app : apps) {
        appPolicies(app);
      }
      return out.build();
    }

    private String word(int i) {
      String w = WORDS[i % WORDS.length];
      return i < WORDS.length ? w : w + (i / WORDS.length);
    }

    // ---- system namespaces

    private void system() {
      out.add(Namespace.of("kube-system"));
      out.add(new Namespace("ingress-nginx", Map.of("purpose", "ingress")));
      out.add(new Namespace("monitoring", Map.of("purpose", "monitoring")));
      stamp(
          "kube-system",
          "coredns",
          WorkloadKind.Deployment,
          2 + target / 5000,
          Map.of("k8s-app", "kube-dns"),
          List.of(
              ContainerPort.of("dns", 53, Protocol.UDP),
              ContainerPort.of("dns-tcp", 53, Protocol.TCP),
              ContainerPort.tcp("metrics", 9153)));
      stamp(
          "ingress-nginx",
          "ingress-nginx-controller",
          WorkloadKind.Deployment,
          2 + target / 10_000,
          Map.of(NAME, "ingress-nginx", COMPONENT, "controller"),
          List.of(
              ContainerPort.tcp("http", 80),
              ContainerPort.tcp("https", 443),
              ContainerPort.tcp("metrics", 10254)));
      stamp(
          "monitoring",
          "prometheus",
          WorkloadKind.StatefulSet,
          1 + target / 50_000,
          Map.of(NAME, "prometheus"),
          List.of(ContainerPort.tcp("web", 9090)));

      // kube-system: DNS from every namespace, metrics from monitoring.
      out.add(
          policy(
              "kube-system",
              "allow-dns",
              sel("k8s-app", "kube-dns"),
              EnumSet.of(PolicyType.Ingress),
              List.of(
                  new Rule(
                      List.of(PodPeer.namespaces(LabelSelector.everything())),
                      List.of(
                          PortSpec.number(Protocol.UDP, 53), PortSpec.number(Protocol.TCP, 53))),
                  new Rule(
                      List.of(monitoringPeer()), List.of(PortSpec.named(Protocol.TCP, "metrics")))),
              List.of()));
      // ingress-nginx: the controller is open to the internet on 80 and 443.
      out.add(
          policy(
              "ingress-nginx",
              "allow-public",
              sel(NAME, "ingress-nginx"),
              EnumSet.of(PolicyType.Ingress),
              List.of(
                  new Rule(
                      List.of(IpBlockPeer.of("0.0.0.0/0")),
                      List.of(
                          PortSpec.number(Protocol.TCP, 80), PortSpec.number(Protocol.TCP, 443)))),
              List.of()));
    }

    // ---- pods and workloads

    private void component(App app, Component c, int replicas) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(NAME, app.name);
      labels.put(COMPONENT, c.label());
      labels.put("tier", c.tier);
      labels.put("team", app.team);
      stamp(
          app.namespace,
          app.name + "-" + c.label(),
          c.stateful() ? WorkloadKind.StatefulSet : WorkloadKind.Deployment,
          replicas,
          labels,
          ports(app, c));
    }

    private static List<ContainerPort> ports(App app, Component c) {
      return switch (c) {
        case WEB -> List.of(ContainerPort.tcp("http", 8080), ContainerPort.tcp("metrics", 9102));
        case API ->
            List.of(
                ContainerPort.tcp("http", 8080),
                ContainerPort.tcp("grpc", 9090),
                ContainerPort.tcp("metrics", 9102));
        case WORKER -> List.of(ContainerPort.tcp("metrics", 9102));
        case CACHE -> List.of(ContainerPort.tcp("redis", 6379), ContainerPort.tcp("metrics", 9121));
        case DB ->
            app.mysql
                ? List.of(ContainerPort.tcp("mysql", 3306), ContainerPort.tcp("metrics", 9104))
                : List.of(ContainerPort.tcp("postgres", 5432), ContainerPort.tcp("metrics", 9187));
      };
    }

    /** Adds a workload, or its pods with IPs and an owner reference, by {@link #style}. */
    private void stamp(
        String ns,
        String name,
        WorkloadKind kind,
        int replicas,
        Map<String, String> labels,
        List<ContainerPort> ports) {
      if (style == Style.WORKLOADS) {
        out.add(new Workload(kind, ns, name, replicas, labels, ports, false));
        podCount += replicas;
        return;
      }
      boolean deployment = kind == WorkloadKind.Deployment;
      String hash = deployment ? hash(10) : "";
      Owner owner =
          deployment ? new Owner("ReplicaSet", name + "-" + hash) : new Owner(kind.name(), name);
      Map<String, String> podLabels = new LinkedHashMap<>(labels);
      if (deployment) {
        podLabels.put("pod-template-hash", hash);
      }
      java.util.Set<String> podNames = new java.util.HashSet<>();
      for (int i = 0; i < replicas; i++) {
        String podName = deployment ? name + "-" + hash + "-" + hash(5) : name + "-" + i;
        while (!podNames.add(podName)) {
          // Drawn twice (a million pods have hundreds of replicas per Deployment): draw again.
          // Smaller clusters never collide, so they stay what they were.
          podName = name + "-" + hash + "-" + hash(5);
        }
        out.add(
            new Pod(
                ns,
                podName,
                podLabels,
                ports,
                Optional.of(owner),
                List.of(podIp(podCount)),
                false));
        podCount++;
      }
    }

    private String hash(int length) {
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(HASH_CHARS.charAt(names.nextInt(HASH_CHARS.length())));
      }
      return sb.toString();
    }

    /** Pod {@code i}'s address: 200 pods per node, one /24 per node, inside {@link #POD_CIDR}. */
    private static String podIp(int i) {
      int node = i / 200;
      return "10." + (64 + node / 256) + "." + (node % 256) + "." + (10 + i % 200);
    }

    // ---- policies

    /** Each app calls the api of zero to two apps of other teams in the same env. */
    private void crossTeamCalls() {
      for (App app : apps) {
        int calls = random.nextInt(3);
        for (int i = 0; i < calls; i++) {
          App callee = apps.get(random.nextInt(apps.size()));
          if (!callee.team.equals(app.team)
              && callee.env.equals(app.env)
              && !app.calls.contains(callee)) {
            app.calls.add(callee);
            callee.callers.add(app);
          }
        }
      }
    }

    private void namespacePolicies(String ns, int index) {
      out.add(
          policy(
              ns,
              "default-deny-all",
              LabelSelector.everything(),
              EnumSet.of(PolicyType.Ingress, PolicyType.Egress),
              List.of(),
              List.of()));
      out.add(
          policy(
              ns,
              "allow-dns",
              LabelSelector.everything(),
              EnumSet.of(PolicyType.Egress),
              List.of(),
              List.of(
                  new Rule(
                      List.of(
                          PodPeer.of(
                              sel(Namespace.NAME_LABEL, "kube-system"),
                              sel("k8s-app", "kube-dns"))),
                      List.of(
                          PortSpec.number(Protocol.UDP, 53), PortSpec.number(Protocol.TCP, 53))))));
      out.add(
          policy(
              ns,
              "allow-monitoring",
              new LabelSelector(
                  Map.of(), List.of(new Requirement("tier", Operator.Exists, Set.of()))),
              EnumSet.of(PolicyType.Ingress),
              List.of(
                  new Rule(
                      List.of(monitoringPeer()),
                      List.of(PortSpec.range(Protocol.TCP, 9100, 9199)))),
              List.of()));
      if (index % 10 == 3) {
        // A legacy mesh that admits the whole pod network by address (S12: matches pod IPs).
        out.add(
            policy(
                ns,
                "allow-legacy-mesh",
                sel(COMPONENT, "api"),
                EnumSet.of(PolicyType.Ingress),
                List.of(
                    new Rule(
                        List.of(IpBlockPeer.of(POD_CIDR)),
                        List.of(PortSpec.named(Protocol.TCP, "grpc")))),
                List.of()));
      }
    }

    private void appPolicies(App app) {
      List<Rule> ingress = new ArrayList<>();
      List<Rule> egress = new ArrayList<>();
      if (app.has(Component.WEB)) {
        ingress.add(
            new Rule(
                List.of(
                    PodPeer.of(
                        sel(Namespace.NAME_LABEL, "ingress-nginx"), sel(NAME, "ingress-nginx"))),
                List.of(PortSpec.named(Protocol.TCP, "http"))));
        egress.add(appRule(app, List.of(Component.API), "http"));
        out.add(componentPolicy(app, Component.WEB, ingress, egress));
      }

      ingress = new ArrayList<>();
      egress = new ArrayList<>();
      ingress.add(
          new Rule(
              List.of(
                  PodPeer.pods(
                      new LabelSelector(
                          Map.of(NAME, app.name),
                          List.of(
                              new Requirement(COMPONENT, Operator.In, Set.of("web", "worker")))))),
              List.of(PortSpec.named(Protocol.TCP, "http"), PortSpec.named(Protocol.TCP, "grpc"))));
      if (!app.callers.isEmpty()) {
        // Cross-team: namespaceSelector AND podSelector in one peer (S7).
        Set<String> teams = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (App caller : app.callers) {
          teams.add(caller.team);
          names.add(caller.name);
        }
        ingress.add(
            new Rule(
                List.of(
                    PodPeer.of(
                        new LabelSelector(
                            Map.of("env", app.env),
                            List.of(new Requirement("team", Operator.In, teams))),
                        new LabelSelector(
                            Map.of("tier", "backend"),
                            List.of(new Requirement(NAME, Operator.In, names))))),
                List.of(PortSpec.named(Protocol.TCP, "grpc"))));
      }
      egress.addAll(dataEgress(app));
      egress.addAll(callEgress(app));
      out.add(componentPolicy(app, Component.API, ingress, egress));

      if (app.has(Component.WORKER)) {
        egress = new ArrayList<>();
        egress.add(appRule(app, List.of(Component.API), "grpc"));
        egress.addAll(dataEgress(app));
        egress.addAll(callEgress(app));
        egress.add(
            new Rule(
                List.of(
                    IpBlockPeer.of("0.0.0.0/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")),
                List.of(PortSpec.number(Protocol.TCP, 443))));
        egress.add(
            new Rule(
                List.of(IpBlockPeer.of("203.0." + (113 + random.nextInt(4)) + ".0/24")),
                List.of(PortSpec.range(Protocol.TCP, 8443, 8450))));
        out.add(componentPolicy(app, Component.WORKER, List.of(), egress));
      }
      for (Component data : List.of(Component.DB, Component.CACHE)) {
        if (!app.has(data)) {
          continue;
        }
        List<Component> clients =
            app.has(Component.WORKER)
                ? List.of(Component.API, Component.WORKER)
                : List.of(Component.API);
        String port = data == Component.DB ? app.dbPort() : "redis";
        ingress = List.of(appRule(app, clients, port));
        egress =
            data == Component.DB
                ? List.of(
                    new Rule(
                        List.of(IpBlockPeer.of("172.20." + random.nextInt(256) + ".0/24")),
                        List.of(PortSpec.number(Protocol.TCP, 443))))
                : List.of();
        out.add(componentPolicy(app, data, ingress, egress));
      }
    }

    private List<Rule> dataEgress(App app) {
      List<Rule> out = new ArrayList<>();
      if (app.has(Component.DB)) {
        out.add(appRule(app, List.of(Component.DB), app.dbPort()));
      }
      if (app.has(Component.CACHE)) {
        out.add(appRule(app, List.of(Component.CACHE), "redis"));
      }
      return out;
    }

    private static List<Rule> callEgress(App app) {
      List<Rule> out = new ArrayList<>();
      for (App callee : app.calls) {
        out.add(
            new Rule(
                List.of(
                    PodPeer.of(
                        sel(Namespace.NAME_LABEL, callee.namespace),
                        new LabelSelector(Map.of(NAME, callee.name, COMPONENT, "api"), List.of()))),
                List.of(PortSpec.named(Protocol.TCP, "grpc"))));
      }
      return out;
    }

    /** A rule whose peers are some components of the app, on one named port (S10). */
    private static Rule appRule(App app, List<Component> components, String port) {
      return new Rule(
          List.of(appPeer(app, components)), List.of(PortSpec.named(Protocol.TCP, port)));
    }

    private static Peer appPeer(App app, List<Component> components) {
      if (components.size() == 1) {
        return PodPeer.pods(
            LabelSelector.matchLabels(
                Map.of(NAME, app.name, COMPONENT, components.get(0).label())));
      }
      Set<String> values = new TreeSet<>();
      components.forEach(c -> values.add(c.label()));
      return PodPeer.pods(
          new LabelSelector(
              Map.of(NAME, app.name), List.of(new Requirement(COMPONENT, Operator.In, values))));
    }

    private static NetworkPolicy componentPolicy(
        App app, Component c, List<Rule> ingress, List<Rule> egress) {
      Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
      if (!ingress.isEmpty()) {
        types.add(PolicyType.Ingress);
      }
      if (!egress.isEmpty()) {
        types.add(PolicyType.Egress);
      }
      return policy(
          app.namespace,
          app.name + "-" + c.label(),
          LabelSelector.matchLabels(Map.of(NAME, app.name, COMPONENT, c.label())),
          types,
          ingress,
          egress);
    }

    private static Peer monitoringPeer() {
      return PodPeer.of(sel(Namespace.NAME_LABEL, "monitoring"), sel(NAME, "prometheus"));
    }

    private static LabelSelector sel(String key, String value) {
      return LabelSelector.matchLabels(Map.of(key, value));
    }

    private static NetworkPolicy policy(
        String ns,
        String name,
        LabelSelector selector,
        Set<PolicyType> types,
        List<Rule> ingress,
        List<Rule> egress) {
      return new NetworkPolicy(ns, name, selector, types, ingress, egress);
    }
  }
}
