package io.kubereach.yaml;

import io.kubereach.yaml.Node.ListNode;
import io.kubereach.yaml.Node.MapNode;
import io.kubereach.yaml.Node.Scalar;
import io.kubereach.yaml.Node.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns YAML or JSON text into {@link Node} trees, one per document, with Jackson's streaming
 * parsers. This is where hostile input is stopped (docs/architecture.md, "Reading manifests"):
 * aliases, anchors, duplicate keys, too-deep nesting and oversized documents are located errors.
 *
 * <p>The tree is built with an explicit stack, never recursion, so that no nesting depth can
 * overflow the thread's stack. Thread-safe: the factories are immutable and each call has its own
 * parser.
 */
final class TreeReader {
  private final Limits limits;
  private final YAMLFactory yaml;
  private final JsonFactory json;

  TreeReader(Limits limits) {
    this.limits = limits;
    // Jackson's own depth bound sits just above ours, so ours (with its located message) fires
    // first. The size of a document is ours to bound (readAll), per document and per List item;
    // the parsers only see the source bound.
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth() + 2)
            .maxDocumentLength(-1)
            .build();
    this.yaml =
        YAMLFactory.builder()
            .streamReadConstraints(constraints)
            .loadSettings(
                LoadSettings.builder()
                    .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxSourceBytes()))
                    .setAllowDuplicateKeys(true)
                    .build())
            .build();
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
  }

  /**
   * Reads every document of {@code text}, handing each to {@code documents} as soon as it is
   * complete, so that only one document's tree is in memory at a time (a cluster dump can hold 100k
   * objects). Stops at the first error, after the documents before it.
   *
   * @param located whether nodes carry the line and column they are written at; text that nobody
   *     wrote (an object serialised from an API) has none, and its nodes are at 0:0
   * @return the error that stopped reading; empty when the whole text was read
   */
  Optional<Invalid> read(String text, boolean isJson, boolean located, Consumer<Node> documents) {
    try (JsonParser parser =
        isJson
            ? json.createParser(ObjectReadContext.empty(), text)
            : yaml.createParser(ObjectReadContext.empty(), text)) {
      readAll(parser, located, documents);
      return Optional.empty();
    } catch (Invalid e) {
      return Optional.of(e);
    } catch (JacksonException e) {
      return Optional.of(fromParser(e, text));
    } catch (RuntimeException e) {
      // snakeyaml-engine may throw its own unchecked exceptions unwrapped; never let them escape.
      return Optional.of(new Invalid(0, 0, "", "could not parse: " + oneLine(e.toString()), e));
    }
  }

  /** An open container while its children are read. */
  private static final class Frame {
    final int line;
    final int column;
    final Map<String, Node> fields; // null for a list
    final List<Node> items; // null for a mapping
    final Map<String, Long> keyPositions = new LinkedHashMap<>();
    String key;

    Frame(int line, int column, boolean isMap) {
      this.line = line;
      this.column = column;
      this.fields = isMap ? new LinkedHashMap<>() : null;
      this.items = isMap ? null : new ArrayList<>();
    }
  }

  private void readAll(JsonParser parser, boolean located, Consumer<Node> documents) {
    YAMLParser yamlParser = parser instanceof YAMLParser y ? y : null;
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken token;
    long unitStart = 0;
    int units = 0;
    while ((token = parser.nextToken()) != null) {
      TokenStreamLocation at = parser.currentTokenLocation();
      int line = located ? at.getLineNr() : 0;
      int column = located ? at.getColumnNr() : 0;
      long offset = at.getCharOffset();
      if (startsUnit(stack, token)) {
        // A document, or an item of a List: the unit the size and count limits apply to.
        if (++units > limits.maxDocuments()) {
          throw tooMany(line, column);
        }
        unitStart = offset;
      } else if (offset >= 0 && offset - unitStart > limits.maxDocumentChars()) {
        throw tooLarge(line, column, null);
      }
      if (yamlParser != null && yamlParser.isCurrentAlias()) {
        // Jackson reports an alias as a string holding its name: reading `*a` as "a" would be
        // a silently wrong answer, so every alias is an error.
        throw new Invalid(
            line,
            column,
            "",
            "YAML alias *"
                + parser.getString()
                + " is not supported; write the value out in full instead of referring to an"
                + " anchor",
            null);
      }
      switch (token) {
        case PROPERTY_NAME -> {
          Frame top = stack.peek();
          String key = parser.currentName();
          Long first = top.keyPositions.putIfAbsent(key, ((long) line << 32) | column);
          if (first != null) {
            throw new Invalid(
                line,
                column,
                "",
                "duplicate key '"
                    + key
                    + "' (first at "
                    + (first >>> 32)
                    + ":"
                    + (int) (long) first
                    + "); Kubernetes rejects duplicate keys, keep one",
                null);
          }
          top.key = key;
        }
        case START_OBJECT, START_ARRAY -> {
          if (yamlParser != null && yamlParser.getObjectId() != null) {
            throw new Invalid(
                line,
                column,
                "",
                "YAML anchor &"
                    + yamlParser.getObjectId()
                    + " is not supported; write the value out in full",
                null);
          }
          if (stack.size() >= limits.maxNestingDepth()) {
            throw depthExceeded(line, column);
          }
          stack.push(new Frame(line, column, token == JsonToken.START_OBJECT));
        }
        case END_OBJECT -> {
          Frame done = stack.pop();
          attach(
              stack,
              documents,
              new MapNode(done.line, done.column, done.fields, done.keyPositions));
        }
        case END_ARRAY -> {
          Frame done = stack.pop();
          attach(stack, documents, new ListNode(done.line, done.column, done.items));
        }
        default -> attach(stack, documents, scalar(parser, token, line, column, yamlParser));
      }
    }
  }

  /**
   * Whether the token starts a document (a value at the top) or an item of the {@code items} list
   * of a top-level mapping.
   */
  private static boolean startsUnit(Deque<Frame> stack, JsonToken token) {
    if (token == JsonToken.PROPERTY_NAME
        || token == JsonToken.END_OBJECT
        || token == JsonToken.END_ARRAY) {
      return false;
    }
    if (stack.isEmpty()) {
      return true;
    }
    if (stack.size() != 2 || stack.peekFirst().items == null) {
      return false;
    }
    Frame top = stack.peekLast();
    return top.fields != null && "items".equals(top.key);
  }

  private static void attach(Deque<Frame> stack, Consumer<Node> documents, Node node) {
    Frame parent = stack.peek();
    if (parent == null) {
      documents.accept(node);
    } else if (parent.fields != null) {
      parent.fields.put(parent.key, node);
    } else {
      parent.items.add(node);
    }
  }

  private static Scalar scalar(
      JsonParser parser, JsonToken token, int line, int column, YAMLParser yamlParser) {
    return switch (token) {
      case VALUE_STRING -> {
        String text = parser.getString();
        // YAML: an empty plain scalar and `~` are null, as for the API server's YAML reader.
        boolean isNull = yamlParser != null && (text.isEmpty() || text.equals("~"));
        yield new Scalar(line, column, isNull ? Type.NULL : Type.STRING, isNull ? "" : text);
      }
      case VALUE_NUMBER_INT -> new Scalar(line, column, Type.INTEGER, parser.getString());
      case VALUE_NUMBER_FLOAT -> new Scalar(line, column, Type.DECIMAL, parser.getString());
      case VALUE_TRUE, VALUE_FALSE -> new Scalar(line, column, Type.BOOLEAN, parser.getString());
      case VALUE_NULL -> new Scalar(line, column, Type.NULL, "");
      default -> new Scalar(line, column, Type.OTHER, "");
    };
  }

  private Invalid depthExceeded(int line, int column) {
    return new Invalid(
        line,
        column,
        "",
        "nesting deeper than "
            + limits.maxNestingDepth()
            + " levels; "
            + Limits.raise("--max-depth", "withMaxNestingDepth"),
        null);
  }

  private Invalid tooLarge(int line, int column, Throwable cause) {
    return new Invalid(
        line,
        column,
        "",
        String.format(
            Locale.ROOT,
            "document (or List item) longer than %d characters; %s",
            limits.maxDocumentChars(),
            Limits.raise("--max-document-chars", "withMaxDocumentChars")),
        cause);
  }

  private Invalid tooMany(int line, int column) {
    return new Invalid(
        line,
        column,
        "",
        String.format(
            Locale.ROOT,
            "more than %d documents (List items count as documents); %s",
            limits.maxDocuments(),
            Limits.raise("--max-documents", "withMaxDocuments")),
        null);
  }

  /** Maps a Jackson or snakeyaml failure to a located error, keeping it as the cause. */
  private Invalid fromParser(JacksonException e, String text) {
    TokenStreamLocation location = e.getLocation();
    int line = location == null ? 0 : Math.max(0, location.getLineNr());
    int column = location == null ? 0 : Math.max(0, location.getColumnNr());
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ReaderException bad) {
        // A character YAML forbids (control characters, binary): locate it in the text.
        int offset =
            text.offsetByCodePoints(
                0, Math.min(bad.getPosition(), text.codePointCount(0, text.length())));
        String before = text.substring(0, offset);
        return new Invalid(
            1 + (int) before.chars().filter(ch -> ch == '\n').count(),
            before.length() - before.lastIndexOf('\n'),
            "",
            String.format(
                Locale.ROOT,
                "YAML syntax error: special character U+%04X is not allowed; manifests must be text",
                bad.getCodePoint()),
            e);
      }
      if (c instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
        Mark mark = marked.getProblemMark().get();
        String context = marked.getContext();
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        String what = context == null || context.isBlank() ? problem : context + ": " + problem;
        return new Invalid(
            mark.getLine() + 1, mark.getColumn() + 1, "", "YAML syntax error: " + oneLine(what), e);
      }
    }
    if (original.contains("exceeds the limit") && original.contains("code points")) {
      return tooLarge(line, column, e);
    }
    if (e instanceof StreamConstraintsException) {
      if (original.contains("Document length")) {
        return tooLarge(line, column, e);
      }
      if (original.contains("nesting depth")) {
        return depthExceeded(line, column);
      }
    }
    return new Invalid(line, column, "", "syntax error: " + oneLine(original), e);
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
