package io.kubereach.cli;

import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** The JSON building blocks shared by every JSON answer, streamed so memory stays flat. */
final class JsonOutput {
  /** Never closes the target: stdout belongs to the caller. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonOutput() {}

  static JsonGenerator generator(Writer out) {
    return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
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
  static void strings(JsonGenerator g, String field, java.util.List<String> values) {
    g.writeName(field);
    g.writeStartArray();
    values.forEach(g::writeString);
    g.writeEndArray();
  }
}
