package io.kubereach.json;

import io.kubereach.Caveat;
import io.kubereach.Explanation;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** The JSON building blocks shared by every document, streamed so memory stays flat. */
final class Blocks {
  /** Never closes the target: stdout belongs to the caller. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private Blocks() {}

  static JsonGenerator generator(Writer out) {
    return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  /**
   * One document: its object with {@code schemaVersion} first, what {@code body} writes, the
   * closing brace and a line break; a failing writer is an {@link java.io.UncheckedIOException}.
   */
  static void document(Writer out, java.util.function.Consumer<JsonGenerator> body) {
    guarded(
        () -> {
          try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("schemaVersion", KubereachJson.SCHEMA_VERSION);
            body.accept(g);
            g.writeEndObject();
          }
          write(out, "\n");
        });
  }

  /** A line break between records, so that a large document can be read line by line. */
  static void newline(JsonGenerator g, Writer out) {
    g.flush();
    write(out, "\n");
  }

  /**
   * Runs a write, turning Jackson's report of a failing writer into the {@link
   * java.io.UncheckedIOException} the API promises: no Jackson type reaches a caller.
   */
  static void guarded(Runnable write) {
    try {
      write.run();
    } catch (tools.jackson.core.exc.JacksonIOException e) {
      throw new java.io.UncheckedIOException(e.getCause());
    }
  }

  static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code {"type":"workload","namespace":…,"name":…,"kind":…}} or an external range. */
  static void endpoint(JsonGenerator g, String field, Endpoint e) {
    g.writeName(field);
    g.writeStartObject();
    if (e instanceof WorkloadEndpoint w) {
      g.writeStringProperty("type", "workload");
      g.writeStringProperty("namespace", w.namespace());
      g.writeStringProperty("name", w.name());
      g.writeStringProperty("kind", w.kind());
    } else if (e instanceof ExternalEndpoint x) {
      g.writeStringProperty("type", "external");
      g.writeStringProperty("first", x.first());
      g.writeStringProperty("last", x.last());
    }
    g.writeStringProperty("text", e.toString());
    g.writeEndObject();
  }

  /** The port set as text and as ranges per protocol. */
  static void ports(JsonGenerator g, String field, PortSet ports) {
    g.writeName(field);
    g.writeStartObject();
    g.writeStringProperty("text", ports.toString());
    g.writeBooleanProperty("all", ports.isAll());
    g.writeName("ranges");
    g.writeStartArray();
    for (PortRange r : ports.ranges()) {
      g.writeStartObject();
      g.writeStringProperty("protocol", r.protocol().name());
      g.writeNumberProperty("first", r.first());
      g.writeNumberProperty("last", r.last());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** An array of strings. */
  static void strings(JsonGenerator g, String field, List<String> values) {
    g.writeName(field);
    g.writeStartArray();
    values.forEach(g::writeString);
    g.writeEndArray();
  }

  /** {@code [{"kind":"HOST_NETWORK","endpoint":{…},"pods":[…],"message":…}]} (S13). */
  static void caveats(JsonGenerator g, String field, List<Caveat> caveats) {
    g.writeName(field);
    g.writeStartArray();
    for (Caveat c : caveats) {
      g.writeStartObject();
      g.writeStringProperty("kind", c.kind().name());
      endpoint(g, "endpoint", c.endpoint());
      g.writeName("pods");
      g.writeStartArray();
      c.pods().forEach(p -> g.writeString(p.toString()));
      g.writeEndArray();
      g.writeStringProperty("message", c.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code "complete": false, "limitations": [{"kind":…,"message":…}]}: whether the answer accounts
   * for everything that decides it, and if not, why (docs/cli.md, "Incomplete answers").
   */
  static void completeness(JsonGenerator g, boolean complete, List<Limitation> limitations) {
    g.writeBooleanProperty("complete", complete);
    g.writeName("limitations");
    g.writeStartArray();
    for (Limitation l : limitations) {
      g.writeStartObject();
      g.writeStringProperty("kind", l.kind().name());
      g.writeStringProperty("message", l.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code {"kind":"NetworkPolicy","namespace":…,"name":…,"text":"ns/name"}}. */
  static void policy(JsonGenerator g, String field, PolicyRef policy) {
    if (field != null) {
      g.writeName(field);
    }
    g.writeStartObject();
    g.writeStringProperty("kind", policy.kind().name());
    policy.namespace().ifPresent(ns -> g.writeStringProperty("namespace", ns));
    g.writeStringProperty("name", policy.name());
    g.writeStringProperty("text", policy.toString());
    g.writeEndObject();
  }

  /** An explanation as structure: both sides, each with its policies and rules; and its text. */
  static void explanation(JsonGenerator g, String field, Explanation e) {
    g.writeName(field);
    g.writeStartObject();
    g.writeBooleanProperty("allowed", e.allowed());
    g.writeBooleanProperty("self", e.self());
    g.writeBooleanProperty("ambiguous", e.ambiguous());
    endpoint(g, "sourceMember", e.sourceMember());
    endpoint(g, "destinationMember", e.destinationMember());
    side(g, "egress", e.egress());
    side(g, "ingress", e.ingress());
    g.writeStringProperty("text", e.toString());
    g.writeEndObject();
  }

  private static void side(JsonGenerator g, String field, Explanation.Side side) {
    g.writeName(field);
    g.writeStartObject();
    g.writeStringProperty("direction", side.direction().name().toLowerCase(Locale.ROOT));
    endpoint(g, "subject", side.subject());
    endpoint(g, "peer", side.peer());
    g.writeStringProperty("outcome", side.outcome().name().toLowerCase(Locale.ROOT));
    g.writeName("isolatedBy");
    g.writeStartArray();
    side.isolatedBy().forEach(p -> policy(g, null, p));
    g.writeEndArray();
    g.writeName("allowedBy");
    g.writeStartArray();
    side.allowedBy().forEach(r -> rule(g, null, r));
    g.writeEndArray();
    g.writeName("namedPorts");
    g.writeStartArray();
    for (Explanation.NamedPort n : side.namedPorts()) {
      g.writeStartObject();
      rule(g, "rule", n.rule());
      g.writeStringProperty("name", n.name());
      n.protocol().ifPresent(p -> g.writeStringProperty("protocol", p.name()));
      endpoint(g, "on", n.on());
      g.writeName("numbers");
      g.writeStartArray();
      n.numbers().forEach(g::writeNumber);
      g.writeEndArray();
      g.writeName("ports");
      g.writeStartArray();
      n.ports().forEach(p -> g.writeString(p.toString()));
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    tierSteps(g, "tiers", side.tiers());
    tierSteps(g, "alternatives", side.alternatives());
    g.writeEndObject();
  }

  /** T1–T3, T9: {@code [{"tier":"admin","rule":{…},"priority":10,"action":"deny",…}]}. */
  private static void tierSteps(JsonGenerator g, String field, List<Explanation.TierStep> steps) {
    g.writeName(field);
    g.writeStartArray();
    for (Explanation.TierStep t : steps) {
      g.writeStartObject();
      g.writeStringProperty("tier", t.tier().name().toLowerCase(Locale.ROOT));
      rule(g, "rule", t.rule());
      g.writeNumberProperty("priority", t.priority());
      t.ruleName().ifPresent(n -> g.writeStringProperty("ruleName", n));
      g.writeStringProperty("action", t.action().name().toLowerCase(Locale.ROOT));
      g.writeBooleanProperty("failedClosed", t.failedClosed());
      g.writeStringProperty("text", t.toString());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void rule(JsonGenerator g, String field, Explanation.RuleRef rule) {
    if (field != null) {
      g.writeName(field);
    }
    g.writeStartObject();
    policy(g, "policy", rule.policy());
    g.writeNumberProperty("rule", rule.rule());
    g.writeStringProperty("text", rule.toString());
    g.writeEndObject();
  }
}
