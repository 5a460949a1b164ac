package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubereach.yaml.Node.ListNode;
import io.kubereach.yaml.Node.MapNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link TreeReader} locates JSON values and brackets through the parser's getters rather than the
 * location object Jackson makes per token (docs/architecture.md, "Reading manifests"). On seeded
 * random JSON (any whitespace and line breaks, escapes, non-ASCII text), read as text and, when
 * plain ASCII, as bytes, every node and key must be where {@link JsonParser#currentTokenLocation()}
 * says, and a document over the size limit must fail at the token Jackson's offsets say.
 */
class JsonLocationTest {
  private static final int DOCUMENTS = Integer.getInteger("kubereach.location.documents", 500);

  /** The seed of every run unless {@code kubereach.location.seed} says otherwise. */
  private static final long DEFAULT_SEED = 20_261_206L;

  @Test
  void everyNodeAndKeyIsWhereJacksonsLocationSays() {
    long seed = Long.getLong("kubereach.location.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    TreeReader trees = new TreeReader(Limits.defaults());
    for (int i = 0; i < DOCUMENTS; i++) {
      String json = document(random);
      String context = context(seed, i, json);
      List<String> expected = jacksonLocations(json);
      assertThat(treeLocations(trees, json, false)).as(context).isEqualTo(expected);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      if (ManifestReader.isPlainAscii(bytes)) {
        assertThat(treeLocations(trees, json, true)).as(context).isEqualTo(expected);
      }
    }
  }

  @Test
  void aDocumentOverTheSizeLimitFailsAtTheTokenPastIt() {
    long seed = Long.getLong("kubereach.location.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    for (int i = 0; i < DOCUMENTS; i++) {
      String json = document(random);
      int limit = 1 + random.nextInt(Math.max(1, json.length()));
      TreeReader trees = new TreeReader(Limits.defaults().withMaxDocumentChars(limit));
      String context = context(seed, i, json) + "\nlimit " + limit;
      String expected = jacksonTooLarge(json, limit);
      assertThat(tooLarge(trees.read(json, true, true, root -> {})))
          .as(context)
          .isEqualTo(expected);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      if (ManifestReader.isPlainAscii(bytes)) {
        assertThat(tooLarge(trees.readAsciiJson(bytes, true, root -> {}, null)))
            .as(context)
            .isEqualTo(expected);
      }
    }
  }

  private static String context(long seed, int i, String json) {
    return String.format(
        Locale.ROOT,
        "seed %d, document %d (replay with -Dkubereach.location.seed=%d):%n%s",
        seed,
        i,
        seed,
        json);
  }

  /** Where each node and key of the trees read starts, in the order written. */
  private static List<String> treeLocations(TreeReader trees, String json, boolean asBytes) {
    List<String> out = new ArrayList<>();
    Optional<Invalid> error =
        asBytes
            ? trees.readAsciiJson(
                json.getBytes(StandardCharsets.US_ASCII), true, root -> walk(root, out), null)
            : trees.read(json, true, true, root -> walk(root, out));
    assertThat(error).as("%s", json).isEmpty();
    return out;
  }

  private static void walk(Node node, List<String> out) {
    out.add(node.line() + ":" + node.column());
    if (node instanceof MapNode map) {
      for (Map.Entry<String, Node> e : map.fields().entrySet()) {
        out.add(map.keyLine(e.getKey()) + ":" + map.keyColumn(e.getKey()) + " " + e.getKey());
        walk(e.getValue(), out);
      }
    } else if (node instanceof ListNode list) {
      list.items().forEach(item -> walk(item, out));
    }
  }

  /** Where Jackson's location objects put each token but the closing ones, in the same form. */
  private static List<String> jacksonLocations(String json) {
    List<String> out = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        TokenStreamLocation at = parser.currentTokenLocation();
        String where = at.getLineNr() + ":" + at.getColumnNr();
        out.add(token == JsonToken.PROPERTY_NAME ? where + " " + parser.currentName() : where);
      }
    }
    return out;
  }

  /**
   * The first token, closing ones included, that starts more than {@code limit} characters after
   * the document does, by Jackson's location objects; or "none".
   */
  private static String jacksonTooLarge(String json, int limit) {
    try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      long start = -1;
      while (parser.nextToken() != null) {
        TokenStreamLocation at = parser.currentTokenLocation();
        if (start < 0) {
          start = at.getCharOffset();
        } else if (at.getCharOffset() - start > limit) {
          return at.getLineNr() + ":" + at.getColumnNr();
        }
      }
    }
    return "none";
  }

  private static String tooLarge(Optional<Invalid> error) {
    return error
        .map(
            e -> {
              assertThat(e.getMessage()).startsWith("document (or List item) longer than");
              return e.line() + ":" + e.column();
            })
        .orElse("none");
  }

  /** A random mapping, nested up to a few levels, written with random whitespace. */
  private static String document(Random random) {
    return new RandomJson(random, random.nextBoolean()).document();
  }

  /** Writes random JSON; with {@code ascii}, plain ASCII only, so that it is read as bytes too. */
  private record RandomJson(Random random, boolean ascii) {
    String document() {
      StringBuilder out = new StringBuilder();
      space(out);
      mapping(out, 0);
      space(out);
      return out.toString();
    }

    void value(StringBuilder out, int depth) {
      switch (random.nextInt(depth >= 4 ? 4 : 6)) {
        case 0 -> string(out);
        case 1 -> out.append(random.nextBoolean() ? "-" : "").append(random.nextInt(100_000));
        case 2 ->
            out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
        case 3 ->
            out.append(random.nextInt(1000)).append('.').append(random.nextInt(100)).append("e3");
        case 4 -> mapping(out, depth + 1);
        default -> list(out, depth + 1);
      }
    }

    void mapping(StringBuilder out, int depth) {
      out.append('{');
      int size = random.nextInt(5);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        StringBuilder written = new StringBuilder();
        String key = string(written);
        while (keys.contains(key)) {
          written.setLength(0);
          key = string(written);
        }
        keys.add(key);
        space(out);
        out.append(written);
        space(out);
        out.append(':');
        space(out);
        value(out, depth);
        space(out);
        if (i < size - 1) {
          out.append(',');
        }
      }
      space(out);
      out.append('}');
    }

    void list(StringBuilder out, int depth) {
      out.append('[');
      int size = random.nextInt(4);
      for (int i = 0; i < size; i++) {
        space(out);
        value(out, depth);
        space(out);
        if (i < size - 1) {
          out.append(',');
        }
      }
      space(out);
      out.append(']');
    }

    /** Writes a quoted string with escapes and, unless ASCII, non-ASCII text; returns its value. */
    String string(StringBuilder out) {
      StringBuilder value = new StringBuilder();
      out.append('"');
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        switch (random.nextInt(12)) {
          case 0 -> {
            out.append("\\\"");
            value.append('"');
          }
          case 1 -> {
            out.append("\\\\");
            value.append('\\');
          }
          case 2 -> {
            out.append("\\n");
            value.append('\n');
          }
          case 3 -> {
            out.append("\\u00e9");
            value.append('\u00e9');
          }
          case 4 -> {
            String c = ascii ? "e" : "\u00e9";
            out.append(c);
            value.append(c);
          }
          case 5 -> {
            String c = ascii ? "o" : "\uD83D\uDE00";
            out.append(c);
            value.append(c);
          }
          default -> {
            char c = (char) ('a' + random.nextInt(26));
            out.append(c);
            value.append(c);
          }
        }
      }
      out.append('"');
      return value.toString();
    }

    /** Nothing, or blanks, tabs and line breaks of each kind. */
    void space(StringBuilder out) {
      if (random.nextInt(3) > 0) {
        return;
      }
      int length = 1 + random.nextInt(4);
      for (int i = 0; i < length; i++) {
        out.append(
            switch (random.nextInt(6)) {
              case 0 -> "\n";
              case 1 -> "\r\n";
              case 2 -> "\r";
              case 3 -> "\t";
              default -> " ";
            });
      }
    }
  }
}
