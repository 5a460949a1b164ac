package io.kubereach.yaml;

import static io.kubereach.yaml.Fields.at;
import static io.kubereach.yaml.Fields.field;
import static io.kubereach.yaml.Fields.integer;
import static io.kubereach.yaml.Fields.map;
import static io.kubereach.yaml.Fields.optList;
import static io.kubereach.yaml.Fields.optString;
import static io.kubereach.yaml.Fields.requiredString;

import io.kubereach.Intent;
import io.kubereach.SourceLocation;
import io.kubereach.model.Port;
import io.kubereach.model.Protocol;
import io.kubereach.yaml.Node.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file of expected connections for {@code verify --intents} (docs/verify.md):
 *
 * <pre>{@code
 * intents:
 * - {from: shop/web, to: shop/db, port: 5432, expect: allow}
 * - {from: shop/web, to: 10.0.0.1, port: 22, protocol: TCP, expect: deny}
 * }</pre>
 *
 * Every entry's keys are checked like a manifest's; errors are located.
 */
public final class IntentFile {
  private IntentFile() {}

  private static final Keys FILE = Keys.closed("an intents file", "intents");
  private static final Keys ENTRY = Keys.closed("an intent", "from,to,port,protocol,expect");

  /**
   * Reads the intents of a file.
   *
   * @throws ManifestException with every located error
   */
  public static List<Intent> read(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ManifestException(
          List.of(
              new Diagnostic(source, 0, 0, "", "", "", "", "could not read: " + Messages.io(e))),
          e);
    }
    List<Intent> out = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    Problems problems = new Problems(false, w -> {}, w -> {});
    new TreeReader(Limits.defaults())
        .read(
            text,
            source.endsWith(".json"),
            true,
            root -> {
              try {
                MapNode doc = map(root, FieldPath.ROOT);
                problems.keys(doc, FieldPath.ROOT, FILE);
                List<Node> items = optList(doc, "intents", FieldPath.ROOT);
                out.addAll(
                    problems.each(
                        items.size(),
                        i ->
                            intent(
                                items.get(i), FieldPath.of("intents").index(i), source, problems)));
              } catch (Invalid e) {
                problems.error(e);
              }
            })
        .ifPresent(problems::error);
    for (Invalid e : problems.errors()) {
      errors.add(
          new Diagnostic(source, e.line(), e.column(), "", "", "", e.path(), e.getMessage()));
    }
    if (!errors.isEmpty()) {
      throw new ManifestException(errors, null);
    }
    return out;
  }

  private static Intent intent(Node node, FieldPath path, String source, Problems problems) {
    MapNode entry = map(node, path);
    problems.keys(entry, path, ENTRY);
    String from = requiredString(entry, "from", path);
    String to = requiredString(entry, "to", path);
    Node portNode =
        field(entry, "port").orElseThrow(() -> new Invalid(entry, at(path, "port"), "is required"));
    int number = integer(portNode, at(path, "port"));
    Protocol protocol =
        optString(entry, "protocol", path).map(Protocol::parse).orElse(Protocol.TCP);
    String expect = requiredString(entry, "expect", path);
    if (!expect.equals("allow") && !expect.equals("deny")) {
      throw new Invalid(
          entry.fields().get("expect"),
          at(path, "expect"),
          "is '" + expect + "'; write allow or deny");
    }
    Port port = Fields.build(portNode, at(path, "port"), () -> new Port(protocol, number));
    return new Intent(
        from,
        to,
        port,
        expect.equals("allow"),
        Optional.of(new SourceLocation(source, entry.line(), entry.column())));
  }
}
