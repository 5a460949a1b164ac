package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The subject, or one peer of a rule, of a cluster-scoped policy (T5, T6 in docs/semantics.md).
 * Subjects are {@link Namespaces} or {@link Pods}; ingress peers too; egress peers may also be
 * {@link Networks}, {@link Nodes} or {@link DomainNames}. hostNetwork pods are never selected by
 * namespaces or pods.
 */
public sealed interface ClusterPeer
    permits ClusterPeer.Namespaces,
        ClusterPeer.Pods,
        ClusterPeer.Networks,
        ClusterPeer.Nodes,
        ClusterPeer.DomainNames,
        ClusterPeer.Unknown {

  /** Whether this kind of peer names pods (and so may be a subject or an ingress peer). */
  default boolean selectsPods() {
    return this instanceof Namespaces || this instanceof Pods;
  }

  /**
   * Every pod of the namespaces whose labels match.
   *
   * @param namespaces the namespace selector ({@code {}}: every namespace)
   */
  record Namespaces(LabelSelector namespaces) implements ClusterPeer {
    /** Validates. */
    public Namespaces {
      requireNonNull(namespaces, "namespaces");
    }

    @Override
    public String toString() {
      return "namespaces " + namespaces;
    }
  }

  /**
   * The pods matching {@code pods} in the namespaces matching {@code namespaces} (an absent
   * namespace selector is {@code {}}: every namespace).
   *
   * @param namespaces the namespace selector
   * @param pods the pod selector
   */
  record Pods(LabelSelector namespaces, LabelSelector pods) implements ClusterPeer {
    /** Validates. */
    public Pods {
      requireNonNull(namespaces, "namespaces");
      requireNonNull(pods, "pods");
    }

    @Override
    public String toString() {
      return "pods " + pods + " in namespaces " + namespaces;
    }
  }

  /**
   * Addresses in CIDRs of either family, external or pod IPs (T6, T8). Each CIDR is normalised to
   * its prefix block, as for ipBlocks.
   *
   * @param cidrs one or more CIDRs, normalised, without duplicates
   */
  record Networks(List<String> cidrs) implements ClusterPeer {
    /** Validates and normalises. */
    public Networks {
      cidrs =
          requireNonNull(cidrs, "cidrs").stream()
              .map(c -> IpAddresses.prefixBlock(c, "networks").toCanonicalString())
              .distinct()
              .toList();
      if (cidrs.isEmpty()) {
        throw new IllegalArgumentException("networks needs at least one CIDR");
      }
    }

    @Override
    public String toString() {
      return "networks " + cidrs;
    }
  }

  /**
   * The addresses of the nodes whose labels match (T6).
   *
   * @param nodes the node selector ({@code {}}: every node)
   */
  record Nodes(LabelSelector nodes) implements ClusterPeer {
    /** Validates. */
    public Nodes {
      requireNonNull(nodes, "nodes");
    }

    @Override
    public String toString() {
      return "nodes " + nodes;
    }
  }

  /**
   * Destinations by DNS name (T6, Accept rules only): an exact name, or {@code *.} followed by a
   * name for one or more labels before it. Lower-cased, without a trailing dot.
   *
   * @param names one or more names
   */
  record DomainNames(List<String> names) implements ClusterPeer {
    private static final Pattern NAME =
        Pattern.compile(
            "(\\*\\.)?([a-z0-9]([-a-z0-9_]*[a-z0-9])?\\.)+[a-z0-9]([-a-z0-9_]*[a-z0-9])?");

    /** Validates and normalises. */
    public DomainNames {
      requireSome(names);
      names =
          names.stream()
              .map(n -> n.toLowerCase(Locale.ROOT))
              .map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n)
              .distinct()
              .toList();
      for (String n : names) {
        if (!NAME.matcher(n).matches()) {
          throw new IllegalArgumentException(
              "'"
                  + n
                  + "' is not a domain name of two or more labels, optionally after '*.', e.g."
                  + " '*.example.com'");
        }
      }
    }

    private static void requireSome(List<String> names) {
      if (requireNonNull(names, "names").isEmpty()) {
        throw new IllegalArgumentException("domainNames needs at least one name");
      }
    }

    /**
     * Whether {@code domain} (lower case, no trailing dot) is one of these names or matches one.
     */
    public boolean matches(String domain) {
      for (String n : names) {
        if (n.startsWith("*.") ? domain.endsWith(n.substring(1)) : n.equals(domain)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "domainNames " + names;
    }
  }

  /**
   * A peer whose fields this version does not know, kept under lenient loading: it fails closed
   * (T10): an Accept rule with it matches nothing through it, a Deny or Pass rule with it denies
   * everything.
   *
   * @param fields the unknown fields, for messages
   */
  record Unknown(String fields) implements ClusterPeer {
    /** Validates. */
    public Unknown {
      requireNonNull(fields, "fields");
    }

    @Override
    public String toString() {
      return "unknown peer " + fields;
    }
  }
}
