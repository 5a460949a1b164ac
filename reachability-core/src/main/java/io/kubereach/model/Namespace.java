package io.kubereach.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace and its labels. The labels always hold {@code kubernetes.io/metadata.name=<name>},
 * also when the caller omits it, as the API server guarantees (S8).
 *
 * <pre>{@code Namespace.of("shop").labels() // {kubernetes.io/metadata.name=shop}}</pre>
 *
 * @param name the namespace name
 * @param labels its labels, including the name label
 */
public record Namespace(String name, Map<String, String> labels) {

  /** The label that the API server puts on every namespace (S8). */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** Validates, copies and adds the name label (S8). */
  public Namespace {
    Labels.requireName(name, "namespace name");
    Map<String, String> given = Labels.copyOf(labels, "namespace labels");
    if (!name.equals(given.get(NAME_LABEL))) {
      Map<String, String> withName = new TreeMap<>(given);
      withName.put(NAME_LABEL, name);
      given = Labels.copyOf(withName, "namespace labels");
    }
    labels = given;
  }

  /** A namespace with only the name label. */
  public static Namespace of(String name) {
    return new Namespace(name, Map.of());
  }

  /** This namespace with other labels (the name label is kept, S8). */
  public Namespace withLabels(Map<String, String> newLabels) {
    return new Namespace(name, newLabels);
  }

  @Override
  public String toString() {
    return name;
  }
}
