package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.yaml.Node.ListNode;
import io.kubereach.yaml.Node.MapNode;
import io.kubereach.yaml.Node.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@link TreeReader} keeps one string per repeated scalar text ({@link ScalarStrings};
 * docs/architecture.md, "Reading manifests"). On seeded random lists of texts, repeated and not,
 * short and long, with escapes and non-ASCII characters, and of numbers, the tree must hold every
 * key and scalar text the parser reads, in JSON (as text and as bytes) and in YAML.
 */
class ScalarStringsTest {
  private static final int DOCUMENTS = Integer.getInteger("kubereach.strings.documents", 300);

  /** The seed of every run unless {@code kubereach.strings.seed} says otherwise. */
  private static final long DEFAULT_SEED = 20_261_209L;

  @Test
  void everyTextIsWhatTheParserReads() {
    long seed = Long.getLong("kubereach.strings.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    TreeReader trees = new TreeReader(Limits.defaults());
    for (int d = 0; d < DOCUMENTS; d++) {
      List<String> texts = texts(random);
      boolean ascii = texts.stream().allMatch(t -> t.chars().allMatch(c -> c < 0x7f));
      StringBuilder json = new StringBuilder("{\"values\": [");
      StringBuilder yaml = new StringBuilder("values:\n");
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        boolean number = random.nextInt(4) == 0;
        String written = number ? String.valueOf(random.nextInt(10_000)) : quoted(text);
        json.append(i == 0 ? "" : ", ").append("{").append(quoted(text)).append(": ");
        json.append(written).append("}");
        yaml.append("- {").append(quoted(text)).append(": ").append(written).append("}\n");
      }
      json.append("]}");
      String context =
          String.format(
              Locale.ROOT,
              "seed %d, document %d (replay with -Dkubereach.strings.seed=%d):%n%s",
              seed,
              d,
              seed,
              json);
      String jsonText = json.toString();
      List<String> expected =
          parsed(new JsonFactory().createParser(ObjectReadContext.empty(), jsonText), false);
      assertThat(tree(trees, jsonText, true)).as(context).isEqualTo(expected);
      if (ascii) {
        List<String> fromBytes = new ArrayList<>();
        trees.readAsciiJson(
            jsonText.getBytes(StandardCharsets.US_ASCII),
            true,
            root -> walk(root, fromBytes),
            null);
        assertThat(fromBytes).as(context).isEqualTo(expected);
      }
      String yamlText = yaml.toString();
      assertThat(tree(trees, yamlText, false))
          .as(context)
          .isEqualTo(
              parsed(new YAMLFactory().createParser(ObjectReadContext.empty(), yamlText), true));
    }
  }

  /** Texts from a small pool, so that they repeat, and texts of their own. */
  private static List<String> texts(Random random) {
    String[] pool = {"web", "shop-prod", "http", "TCP", "app.kubernetes.io/name", "ReplicaSet", ""};
    List<String> out = new ArrayList<>();
    int size = 1 + random.nextInt(30);
    for (int i = 0; i < size; i++) {
      if (random.nextBoolean()) {
        out.add(pool[random.nextInt(pool.length)]);
        continue;
      }
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(random.nextBoolean() ? 12 : 80);
      for (int c = 0; c < length; c++) {
        text.append(
            switch (random.nextInt(20)) {
              case 0 -> '"';
              case 1 -> '\\';
              case 2 -> '\u00e9';
              case 3 -> '\u4e2d';
              default -> (char) ('a' + random.nextInt(26));
            });
      }
      out.add(text.toString());
    }
    return out;
  }

  /** A double-quoted string, valid in JSON and YAML. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The keys and scalar texts the tree of {@code text} holds, in the order written. */
  private static List<String> tree(TreeReader trees, String text, boolean json) {
    List<String> out = new ArrayList<>();
    assertThat(trees.read(text, json, true, root -> walk(root, out))).isEmpty();
    return out;
  }

  private static void walk(Node node, List<String> out) {
    if (node instanceof MapNode map) {
      for (Map.Entry<String, Node> e : map.fields().entrySet()) {
        out.add("key " + e.getKey());
        walk(e.getValue(), out);
      }
    } else if (node instanceof ListNode list) {
      list.items().forEach(item -> walk(item, out));
    } else if (node instanceof Scalar scalar && scalar.type() != Node.Type.NULL) {
      out.add(scalar.type() + " " + scalar.text());
    }
  }

  /**
   * The keys and scalar texts a parser reads, in the same form; an empty YAML scalar is null for
   * the reader, as for the API server.
   */
  private static List<String> parsed(JsonParser parser, boolean yaml) {
    List<String> out = new ArrayList<>();
    try (parser) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.PROPERTY_NAME) {
          out.add("key " + parser.currentName());
        } else if (token == JsonToken.VALUE_STRING && !(yaml && parser.getString().isEmpty())) {
          out.add(Node.Type.STRING + " " + parser.getString());
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
          out.add(Node.Type.INTEGER + " " + parser.getString());
        }
      }
    }
    return out;
  }
}
