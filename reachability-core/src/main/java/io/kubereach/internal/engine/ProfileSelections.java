package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.Selection;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 3 of the engine (docs/architecture.md): every distinct {@link Selection} of the policies
 * compiled once to the label profiles it holds, an ascending list. A profile is a distinct
 * (namespace, labels, hostNetwork) triple: replicas share one, so selectors are evaluated once per
 * profile, not once per pod. A what-if takes over the selections of the index it came from: as they
 * are when the pods are the same, matched anew only in the namespaces whose pods or labels changed
 * otherwise. Immutable.
 */
final class ProfileSelections {
  /** A distinct (namespace, labels, hostNetwork) triple: what a selection looks at (T5). */
  private record Profile(String namespace, Map<String, String> labels, boolean hostNetwork) {}

  private final int[] profileOfPod;
  private final List<Profile> profiles;
  private final Map<String, List<Integer>> profilesByNamespace;
  private final Map<Selection, Integer> ids = new HashMap<>();
  private final List<int[]> selections = new ArrayList<>();
  private final Map<Selection.Scope, List<String>> namespacesOfScope;

  /**
   * The namespaces with pods by label key and value: a namespace selector is tried only on the
   * namespaces that carry the rarest label it requires (S8), not on all of them.
   */
  private final Map<String, Map<String, List<String>>> namespacesByLabel;

  /** The selections of one table's policies, every one compiled. */
  ProfileSelections(PodTable table, CompiledPolicies policies) {
    this(table, policies, null, null);
  }

  /**
   * @param previous the selections of another index, or null: a selection it compiled is taken over
   *     rather than compiled again
   * @param changed the namespaces where the pods or namespace labels differ from {@code previous}'s
   *     (docs/architecture.md, "The pipeline"), or null when nothing does (a what-if that changes
   *     policies only): then its profiles and selections are taken as they are
   */
  ProfileSelections(
      PodTable table, CompiledPolicies policies, ProfileSelections previous, Set<String> changed) {
    this.previous = previous;
    if (previous != null && changed == null) {
      profileOfPod = previous.profileOfPod;
      profiles = previous.profiles;
      profilesByNamespace = previous.profilesByNamespace;
      namespacesOfScope = new HashMap<>(previous.namespacesOfScope);
      namespacesByLabel = previous.namespacesByLabel;
    } else {
      profiles = new ArrayList<>();
      profilesByNamespace = new LinkedHashMap<>();
      namespacesOfScope = new HashMap<>();
      Map<Profile, Integer> profileIds = new HashMap<>();
      profileOfPod = new int[table.size()];
      // On a what-if's pods, a pod of the previous table has its profile there: numbered once.
      int[] numberNow = changed == null ? null : new int[previous.profiles.size()];
      if (numberNow != null) {
        Arrays.fill(numberNow, -1);
      }
      Profile last = null;
      int lastId = -1;
      for (AnalysisPod pod : table.pods()) {
        int was = numberNow == null ? -1 : table.previousIndex(pod.index());
        if (was >= 0) {
          int before = previous.profileOfPod[was];
          if (numberNow[before] < 0) {
            numberNow[before] = number(previous.profiles.get(before), profileIds);
          }
          profileOfPod[pod.index()] = numberNow[before];
          continue;
        }
        Profile key = new Profile(pod.namespace(), pod.labels(), pod.hostNetwork());
        if (!key.equals(last)) { // replicas come one after another: they are not hashed
          last = key;
          lastId = number(key, profileIds);
        }
        profileOfPod[pod.index()] = lastId;
      }
      namespacesByLabel = new HashMap<>();
      for (String namespace : profilesByNamespace.keySet()) {
        table
            .namespaceLabels(namespace)
            .forEach(
                (key, value) ->
                    namespacesByLabel
                        .computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(value, v -> new ArrayList<>())
                        .add(namespace));
      }
      if (changed != null) {
        this.moved = new Moved(previous, numberNow, profileIds, changed);
      }
    }
    for (CompiledPolicy policy : policies.all()) {
      compile(policy.subject(), table);
    }
    for (CompiledPolicy policy : policies.all()) {
      for (PolicyType direction : PolicyType.values()) {
        for (CompiledRule rule : policy.rules(direction)) {
          for (Selection peer : rule.peers().selections()) {
            compile(peer, table);
          }
        }
      }
    }
    policies.tiered().forEach(p -> compile(p.subject(), table));
    policies
        .tierRules()
        .map(TierRule::peers)
        .forEach(p -> p.selections().forEach(s -> compile(s, table)));
    this.previous = null; // nothing more is compiled: let the old index go
    this.moved = null;
  }

  /**
   * While constructing on other pods than {@code previous}'s: its profile numbers in this table (-1
   * for one no pod has now), and which of them lie in a changed namespace.
   */
  private final class Moved {
    private final int[] numberNow;
    private final boolean[] inChanged;
    private final Set<String> changed;

    Moved(
        ProfileSelections previous,
        int[] numberNow,
        Map<Profile, Integer> profileIds,
        Set<String> changed) {
      this.changed = changed;
      this.numberNow = numberNow;
      inChanged = new boolean[numberNow.length];
      for (int p = 0; p < numberNow.length; p++) {
        Profile profile = previous.profiles.get(p);
        if (numberNow[p] < 0) { // held by no pod kept: by a new one, or by none now
          numberNow[p] = profileIds.getOrDefault(profile, -1);
        }
        inChanged[p] = changed.contains(profile.namespace());
      }
    }

    /**
     * The profiles a selection {@code previous} compiled holds now: its old ones outside the
     * changed namespaces, renumbered, and those of the changed namespaces matched anew.
     */
    int[] held(int[] before, Selection selection, PodTable table) {
      Gathered held = new Gathered(before.length + 8);
      for (int p : before) {
        if (!inChanged[p]) {
          held.add(numberNow[p]);
        }
      }
      for (String namespace : changed) {
        if (selection.holdsNamespace(namespace, table.namespaceLabels(namespace))) {
          held.addHeldIn(namespace, selection);
        }
      }
      return held.sorted();
    }
  }

  /** The profiles a selection holds, gathered in any order, then sorted. */
  private final class Gathered {
    private int[] held;
    private int n;

    Gathered(int capacity) {
      held = new int[capacity];
    }

    void add(int profile) {
      if (n == held.length) {
        held = Arrays.copyOf(held, 2 * n);
      }
      held[n++] = profile;
    }

    /** S7: the profiles of a namespace the selection's namespace half holds, by its pod half. */
    void addHeldIn(String namespace, Selection selection) {
      for (int p : profilesByNamespace.getOrDefault(namespace, List.of())) {
        Profile profile = profiles.get(p);
        if (selection.holdsPod(profile.labels(), profile.hostNetwork())) {
          add(p);
        }
      }
    }

    int[] sorted() {
      int[] out = Arrays.copyOf(held, n);
      Arrays.sort(out); // namespaces come in their own order
      return out;
    }
  }

  /** The number of a profile, numbering it next when it is new. */
  private int number(Profile profile, Map<Profile, Integer> profileIds) {
    Integer id = profileIds.get(profile);
    if (id == null) {
      id = profiles.size();
      profileIds.put(profile, id);
      profiles.add(profile);
      profilesByNamespace.computeIfAbsent(profile.namespace(), n -> new ArrayList<>()).add(id);
    }
    return id;
  }

  /** While constructing: the selections a what-if may take over. */
  private ProfileSelections previous;

  /** While constructing on other pods than {@code previous}'s: how to take its selections over. */
  private Moved moved;

  private void compile(Selection selection, PodTable table) {
    if (ids.putIfAbsent(selection, selections.size()) != null) {
      return; // seen: one lookup
    }
    Integer before = previous == null ? null : previous.ids.get(selection);
    if (before != null) {
      int[] held = previous.selections.get(before);
      // Shared, never modified; on other pods, renumbered and matched where they changed.
      selections.add(moved == null ? held : moved.held(held, selection, table));
      return;
    }
    Gathered held = new Gathered(8);
    // S7, S8: the namespace half once per namespace (and per distinct namespace selector), the
    // pod half once per profile there.
    for (String namespace : namespaces(selection, table)) {
      held.addHeldIn(namespace, selection);
    }
    selections.add(held.sorted());
  }

  /** The namespaces with pods that a selection's scope holds. */
  private List<String> namespaces(Selection selection, PodTable table) {
    if (selection.scope() instanceof Selection.InNamespace in) {
      return List.of(in.namespace());
    }
    return namespacesOfScope.computeIfAbsent(
        selection.scope(),
        scope -> {
          List<String> out = new ArrayList<>();
          for (String namespace : candidates(((Selection.MatchingNamespaces) scope).selector())) {
            if (selection.holdsNamespace(namespace, table.namespaceLabels(namespace))) {
              out.add(namespace);
            }
          }
          return out;
        });
  }

  /**
   * The namespaces with pods that can match a namespace selector: of the labels it requires to be
   * there (each of its {@code matchLabels}, the values of an {@code In} requirement, the key of an
   * {@code Exists} one), the one that the fewest namespaces carry; all of them when it requires no
   * label. The fewest, not the first: a selector such as {@code env=prod} AND {@code team In (a,
   * b)} would otherwise be tried on every production namespace, and with one such selector per team
   * that is namespaces × selectors, quadratic in the cluster (docs/benchmarks.md, "Where it still
   * grows faster than linear").
   */
  private Collection<String> candidates(LabelSelector selector) {
    Collection<String> fewest = null;
    int fewestSize = Integer.MAX_VALUE;
    for (Map.Entry<String, String> label : selector.matchLabels().entrySet()) {
      List<String> carrying =
          namespacesByLabel
              .getOrDefault(label.getKey(), Map.of())
              .getOrDefault(label.getValue(), List.of());
      if (carrying.size() < fewestSize) {
        fewest = carrying;
        fewestSize = carrying.size();
      }
    }
    for (LabelSelector.Requirement r : selector.matchExpressions()) {
      Map<String, List<String>> byValue = namespacesByLabel.getOrDefault(r.key(), Map.of());
      List<List<String>> parts;
      if (r.operator() == LabelSelector.Operator.In) {
        parts = new ArrayList<>();
        for (String v : r.values()) {
          parts.add(byValue.getOrDefault(v, List.of()));
        }
      } else if (r.operator() == LabelSelector.Operator.Exists) {
        parts = new ArrayList<>(byValue.values());
      } else {
        continue; // NotIn and DoesNotExist hold namespaces without the label too
      }
      int size = 0;
      for (List<String> part : parts) {
        size += part.size();
      }
      if (size < fewestSize) {
        List<String> out = new ArrayList<>(size);
        parts.forEach(out::addAll);
        fewest = out;
        fewestSize = size;
      }
    }
    return fewest != null ? fewest : profilesByNamespace.keySet();
  }

  /** The number of profiles. */
  int profiles() {
    return profiles.size();
  }

  /** The namespace of a profile. */
  String namespaceOf(int profile) {
    return profiles.get(profile).namespace();
  }

  /** The profile of an analysis pod. */
  int profileOf(int pod) {
    return profileOfPod[pod];
  }

  /** The number of compiled selections. */
  int count() {
    return selections.size();
  }

  /** The id of a selection of the policies. */
  int id(Selection selection) {
    Integer id = ids.get(selection);
    if (id == null) {
      throw new IllegalStateException("selection " + selection + " was not compiled");
    }
    return id;
  }

  /**
   * The profiles a selection holds, ascending: a selection holds a few profiles of thousands, so it
   * is kept as their list rather than as a bitset. Shared, never modify.
   */
  int[] profilesOf(int selection) {
    return selections.get(selection);
  }

  /** Whether a selection holds a profile. */
  boolean holds(int selection, int profile) {
    return Arrays.binarySearch(selections.get(selection), profile) >= 0;
  }
}
