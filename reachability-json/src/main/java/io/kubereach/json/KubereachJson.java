package io.kubereach.json;

import static io.kubereach.json.Blocks.newline;

import io.kubereach.BlastRadius;
import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.ConnectionChange;
import io.kubereach.Finding;
import io.kubereach.RangeVerdict;
import io.kubereach.ReachabilityDiff;
import io.kubereach.ReachabilityIndex;
import io.kubereach.ServiceVerdict;
import io.kubereach.SourceLocation;
import io.kubereach.Verdict;
import io.kubereach.VerifyReport;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.PortSet;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;

/**
 * Writes kubereach's answers as the JSON documents the CLI prints (their schema is in docs/cli.md
 * and docs/verify.md), so that a tool can serve them without the CLI. Every document starts with
 * {@code schemaVersion}, says whether the answer is {@code complete} and, if not, why; records of a
 * list are one per line, written one by one (the answer itself, e.g. the index's connection list,
 * is in memory already).
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(Manifests.load(dir).cluster());
 * try (Writer out = Files.newBufferedWriter(Path.of("connections.json"))) {
 *   KubereachJson.connections(index, out);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe. Never closes {@code out}; a failing writer is an {@link
 * java.io.UncheckedIOException}.
 */
public final class KubereachJson {
  /**
   * The version of every document's shape, written first as {@code schemaVersion}: fields may be
   * added within a version, never removed or changed.
   */
  public static final int SCHEMA_VERSION = 1;

  private KubereachJson() {}

  /** Every connection of the index ({@code list -o json}). */
  public static void connections(ReachabilityIndex index, Writer out) {
    connections(index.connections(), index::caveats, index.limitations(), out);
  }

  /**
   * A list of connections, with the caveats of their endpoints (S13) and the limitations of the
   * answer they are part of.
   */
  public static void connections(
      List<Connection> connections,
      Function<Endpoint, List<Caveat>> caveats,
      List<Limitation> limitations,
      Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, limitations.isEmpty(), limitations);
          g.writeNumberProperty("count", connections.size());
          g.writeName("connections");
          g.writeStartArray();
          for (Connection c : connections) {
            newline(g, out);
            g.writeStartObject();
            Blocks.endpoint(g, "source", c.source());
            Blocks.endpoint(g, "destination", c.destination());
            Blocks.ports(g, "ports", c.ports());
            Blocks.caveats(
                g,
                "caveats",
                Stream.concat(
                        caveats.apply(c.source()).stream(), caveats.apply(c.destination()).stream())
                    .distinct()
                    .toList());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** One verdict with its explanation ({@code eval -o json}). */
  public static void verdict(Verdict v, List<Limitation> limitations, Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.endpoint(g, "source", v.source());
          Blocks.endpoint(g, "destination", v.destination());
          g.writeStringProperty("protocol", v.port().protocol().name());
          g.writeNumberProperty("port", v.port().number());
          g.writeBooleanProperty("allowed", v.allowed());
          g.writeBooleanProperty("ambiguous", v.ambiguous());
          Blocks.completeness(g, v.complete(), limitations);
          Blocks.caveats(g, "caveats", v.caveats());
          Blocks.explanation(g, "explanation", v.explanation());
        });
  }

  /**
   * A Service's verdict, one per backend on its target port (S14; {@code eval -d svc[Service]}).
   */
  public static void serviceVerdict(ServiceVerdict v, Writer out) {
    long allowed = v.backends().stream().filter(ServiceVerdict.Backend::allowed).count();
    Blocks.document(
        out,
        g -> {
          Blocks.endpoint(g, "source", v.source());
          g.writeStringProperty("service", v.service().toString());
          g.writeStringProperty("protocol", v.servicePort().protocol().name());
          g.writeNumberProperty("port", v.servicePort().port());
          g.writeBooleanProperty("allowed", v.allowedToAll());
          g.writeNumberProperty("backendsAllowed", allowed);
          g.writeName("backends");
          g.writeStartArray();
          for (ServiceVerdict.Backend b : v.backends()) {
            g.writeStartObject();
            Blocks.endpoint(g, "endpoint", b.endpoint());
            g.writeBooleanProperty("allowed", b.allowed());
            b.targetPort().ifPresent(p -> g.writeNumberProperty("targetPort", p.number()));
            g.writeStringProperty("resolution", b.resolution());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /**
   * For each pair, its ports as ranges of one verdict with the reason for each ({@code explain -o
   * json}, {@code list --explain -o json}); {@code which} keeps some ranges (e.g. only the denied
   * ones), and a pair with none left is left out.
   */
  public static void explanations(
      ReachabilityIndex index,
      List<Map.Entry<Endpoint, Endpoint>> pairs,
      Predicate<RangeVerdict> which,
      Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, index.limitations().isEmpty(), index.limitations());
          g.writeName("pairs");
          g.writeStartArray();
          for (Map.Entry<Endpoint, Endpoint> p : pairs) {
            List<RangeVerdict> parts =
                index.explainRanges(p.getKey(), p.getValue()).stream().filter(which).toList();
            if (parts.isEmpty()) {
              continue;
            }
            newline(g, out);
            g.writeStartObject();
            Blocks.endpoint(g, "source", p.getKey());
            Blocks.endpoint(g, "destination", p.getValue());
            g.writeName("ranges");
            g.writeStartArray();
            for (RangeVerdict part : parts) {
              g.writeStartObject();
              Blocks.ports(g, "ports", PortSet.of(part.ports()));
              g.writeBooleanProperty("allowed", part.allowed());
              g.writeBooleanProperty("ambiguous", part.ambiguous());
              Blocks.explanation(g, "explanation", part.explanation());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** What changed between two versions ({@code diff -o json}). */
  public static void diff(ReachabilityDiff diff, List<Limitation> limitations, Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, limitations.isEmpty(), limitations);
          g.writeNumberProperty("count", diff.changes().size());
          g.writeName("changes");
          g.writeStartArray();
          for (ConnectionChange c : diff.changes()) {
            newline(g, out);
            g.writeStartObject();
            g.writeStringProperty("change", c.kind().name().toLowerCase(Locale.ROOT));
            Blocks.endpoint(g, "source", c.source());
            Blocks.endpoint(g, "destination", c.destination());
            Blocks.ports(g, "before", c.before());
            Blocks.ports(g, "after", c.after());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** The findings of a review ({@code verify -o json}; docs/verify.md). */
  public static void findings(VerifyReport report, Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, report.complete(), report.limitations());
          g.writeNumberProperty("count", report.findings().size());
          g.writeName("findings");
          g.writeStartArray();
          for (Finding f : report.findings()) {
            g.writeStartObject();
            g.writeStringProperty("check", f.check());
            g.writeStringProperty("severity", f.severity().toString());
            g.writeStringProperty("subject", f.subject());
            f.policy().ifPresent(p -> Blocks.policy(g, "policy", p));
            f.direction()
                .ifPresent(
                    d -> g.writeStringProperty("direction", d.name().toLowerCase(Locale.ROOT)));
            if (f.rule().isPresent()) {
              g.writeNumberProperty("rule", f.rule().getAsInt());
            }
            Blocks.strings(g, "evidence", f.evidence());
            f.location().ifPresent(l -> location(g, l));
            g.writeStringProperty("message", f.message());
            g.writeStringProperty("fingerprint", f.fingerprint());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** The findings of a review as SARIF 2.1.0, for code-scanning dashboards ({@code -o sarif}). */
  public static void sarif(VerifyReport report, Writer out) {
    Blocks.guarded(() -> Sarif.write(report, out));
  }

  /** How far an attacker gets from one endpoint, or from the internet ({@code blast-radius}). */
  public static void blastRadius(BlastRadius r, List<Limitation> limitations, Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, limitations.isEmpty(), limitations);
          g.writeStringProperty("source", r.sourceText());
          g.writeNumberProperty("maxHops", r.maxHops());
          g.writeName("reached");
          g.writeStartArray();
          for (BlastRadius.Reached x : r.reached()) {
            g.writeStartObject();
            g.writeStringProperty("endpoint", x.endpoint().toString());
            g.writeNumberProperty("hops", x.hops());
            hops(g, x.path());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /**
   * The shortest path from {@code source} (the internet when empty) to one target, and the
   * connections whose removal cuts every path ({@code blast-radius --target}).
   */
  public static void targetPath(
      java.util.Optional<Endpoint> source,
      BlastRadius.TargetPath p,
      List<Limitation> limitations,
      Writer out) {
    Blocks.document(
        out,
        g -> {
          Blocks.completeness(g, limitations.isEmpty(), limitations);
          g.writeStringProperty("source", source.map(Object::toString).orElse("internet"));
          g.writeStringProperty("target", p.target().toString());
          g.writeBooleanProperty("reached", p.reached());
          g.writeNumberProperty("hops", p.path().size());
          hops(g, p.path());
          Blocks.strings(
              g, "chokePoints", p.chokePoints().stream().map(Connection::toString).toList());
        });
  }

  private static void hops(JsonGenerator g, List<BlastRadius.Hop> path) {
    g.writeName("path");
    g.writeStartArray();
    for (BlastRadius.Hop h : path) {
      g.writeStartObject();
      g.writeStringProperty("from", h.from().toString());
      g.writeStringProperty("to", h.to().toString());
      Blocks.ports(g, "ports", h.ports());
      g.writeStringProperty("because", h.because());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void location(JsonGenerator g, SourceLocation l) {
    g.writeName("location");
    g.writeStartObject();
    g.writeStringProperty("file", l.file());
    g.writeNumberProperty("line", l.line());
    g.writeNumberProperty("column", l.column());
    g.writeEndObject();
  }
}
