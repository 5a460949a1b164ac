package io.kubereach.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The compact label map the model keeps labels in: a map like any other, immutable, sorted. */
class LabelMapTest {

  private static Map<String, String> written() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("tier", "web");
    labels.put("app", "shop");
    labels.put("pod-template-hash", "7d9f");
    labels.put("env", "");
    return labels;
  }

  @Test
  void readsAndComparesLikeTheMapItWasMadeFrom() {
    Map<String, String> labels = LabelMap.copyOf(written(), "labels");
    Map<String, String> tree = new TreeMap<>(written());
    Map<String, String> hash = new HashMap<>(written());

    assertThat(labels).isEqualTo(tree).isEqualTo(hash).hasSize(4);
    assertThat(tree).isEqualTo(labels);
    assertThat(hash).isEqualTo(labels);
    assertThat(labels.hashCode()).isEqualTo(hash.hashCode());
    assertThat(labels.get("app")).isEqualTo("shop");
    assertThat(labels.get("env")).isEmpty();
    assertThat(labels.get("missing")).isNull();
    assertThat(labels.get(42)).isNull();
    assertThat(labels.containsKey("tier")).isTrue();
    assertThat(labels.containsKey("Tier")).isFalse();
    assertThat(labels.containsValue("7d9f")).isTrue();
    assertThat(labels).isNotEqualTo(Map.of("app", "shop"));
    assertThat(labels).isNotEqualTo(LabelMap.copyOf(Map.of("app", "shop"), "labels"));
  }

  @Test
  void iteratesAndPrintsInKeyOrder() {
    Map<String, String> labels = LabelMap.copyOf(written(), "labels");
    assertThat(labels.keySet()).containsExactly("app", "env", "pod-template-hash", "tier");
    assertThat(labels.values()).containsExactly("shop", "", "7d9f", "web");
    StringBuilder seen = new StringBuilder();
    labels.forEach((k, v) -> seen.append(k).append('=').append(v).append(';'));
    assertThat(seen).hasToString("app=shop;env=;pod-template-hash=7d9f;tier=web;");
    assertThat(labels).hasToString(new TreeMap<>(written()).toString());
  }

  @Test
  void cannotBeChanged() {
    Map<String, String> labels = LabelMap.copyOf(written(), "labels");
    assertThatThrownBy(() -> labels.put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.remove("app"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(labels::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> labels.keySet().removeIf(k -> true))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLabelMapIsTakenAsItIsAndAnEmptyOneIsShared() {
    Map<String, String> labels = LabelMap.copyOf(written(), "labels");
    // Shared rather than copied: what lets a loader keep the labels of a controller's pods once.
    assertThat(LabelMap.copyOf(labels, "labels")).isSameAs(labels);
    assertThat(Pod.of("shop", "a", labels).labels()).isSameAs(labels);
    assertThat(LabelMap.copyOf(Map.of(), "labels")).isSameAs(LabelMap.EMPTY);
  }

  @Test
  void refusesEmptyKeysAndNullValuesNamingWhat() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("app", null);
    assertThatThrownBy(() -> LabelMap.copyOf(nullValue, "pod labels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pod labels");
    assertThatThrownBy(() -> LabelMap.copyOf(Map.of("", "x"), "pod labels"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabelMap.copyOf(null, "pod labels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Map.of()");
  }

  @Test
  void aNamespaceKeepsItsNameLabelWhetherGivenOrNot() {
    // S8: the name label is added once, and a map that has it already is taken as it is.
    Namespace shop = Namespace.of("shop");
    assertThat(shop.labels()).containsExactly(Map.entry(Namespace.NAME_LABEL, "shop"));
    assertThat(new Namespace("shop", shop.labels()).labels()).isSameAs(shop.labels());
    assertThat(new Namespace("other", shop.labels()).labels())
        .containsExactly(Map.entry(Namespace.NAME_LABEL, "other"));
    assertThat(shop.withLabels(Map.of("env", "prod")).labels())
        .containsOnly(Map.entry("env", "prod"), Map.entry(Namespace.NAME_LABEL, "shop"));
  }
}
