package io.kubereach.yaml;

import io.kubereach.yaml.Node.ListNode;
import io.kubereach.yaml.Node.MapNode;
import io.kubereach.yaml.Node.Scalar;
import io.kubereach.yaml.Node.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.base.ParserBase;
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
                    .setSchema(PlainScalarResolver.SCHEMA)
                    .build())
            .build();
    // Interned names are the very String instances of the decoder's literals, so that finding a
    // field is usually one reference comparison (FieldMap).
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .build();
  }

  /**
   * Receives the items of the {@code items} list of a top-level mapping (a {@code List}) as each is
   * complete, instead of the tree holding them: a cluster dump is one such document, and its items
   * are most of it. The mapping then arrives with an empty {@code items} list.
   */
  interface Items {
    /** The item at {@code index} of the list being read. */
    void item(int index, Node item);
  }

  /**
   * Reads every document of {@code text}, handing each to {@code documents} as soon as it is
   * complete, so that only one document's tree is in memory at a time. Stops at the first error,
   * after the documents before it.
   *
   * @param located whether nodes carry the line and column they are written at; text that nobody
   *     wrote (an object serialised from an API) has none, and its nodes are at 0:0
   * @return the error that stopped reading; empty when the whole text was read
   */
  Optional<Invalid> read(String text, boolean isJson, boolean located, Consumer<Node> documents) {
    return read(text, isJson, located, documents, null);
  }

  /**
   * As {@link #read(String, boolean, boolean, Consumer)}, with the items of a top-level {@code
   * items} list streamed to {@code items} when it is not null.
   */
  Optional<Invalid> read(
      String text, boolean isJson, boolean located, Consumer<Node> documents, Items items) {
    return read(
        () ->
            isJson
                ? json.createParser(ObjectReadContext.empty(), text)
                : yaml.createParser(ObjectReadContext.empty(), text),
        text,
        located,
        documents,
        items);
  }

  /**
   * As {@link #read(String, boolean, boolean, Consumer, Items)} for JSON given as bytes that are
   * all ASCII, so that Jackson's byte parser reads them without a decoded copy, and its byte
   * columns and offsets are character columns and offsets.
   */
  Optional<Invalid> readAsciiJson(
      byte[] ascii, boolean located, Consumer<Node> documents, Items items) {
    return read(
        () -> json.createParser(ObjectReadContext.empty(), ascii), null, located, documents, items);
  }

  private Optional<Invalid> read(
      Supplier<JsonParser> open,
      String text,
      boolean located,
      Consumer<Node> documents,
      Items items) {
    try (JsonParser parser = open.get()) {
      readAll(parser, located, documents, items);
      return Optional.empty();
    } catch (Invalid e) {
      return Optional.of(e);
    } catch (JacksonException e) {
      return Optional.of(fromParser(e, text));
    } catch (RuntimeException e) {
      // snakeyaml-engine may throw its own unchecked exceptions unwrapped; never let them escape.
      return Optional.of(unexpected(e));
    }
  }

  /** An unexpected exception while reading, as the error that stops the read. */
  static Invalid unexpected(RuntimeException e) {
    return new Invalid(0, 0, "", "could not parse: " + oneLine(e.toString()), e);
  }

  /**
   * An open container while its children are read. Frames are reused by depth, and their arrays
   * grow, so that reading allocates little more than the finished nodes.
   */
  private static final class Frame {
    /** The size from which a finished frame lets go of its nodes. */
    private static final int CLEARED = 64;

    int line;
    int column;
    boolean isMap;

    /** Whether this is a top-level {@code items} list whose items go to {@link Items}. */
    boolean streams;

    int streamed;

    /** A mapping's keys and values in turn, or a list's items. */
    Object[] slots = new Object[16];

    long[] positions = new long[8];

    /**
     * A bit for each key's hash modulo 64: a key whose bit is not set is no duplicate, and needs no
     * scan of the keys before it (the scans were 7% of the reader thread's samples).
     */
    long hashes;

    /** A hash index of the keys, once a mapping outgrows a scan. */
    Map<String, Integer> index;

    int size;

    /** The key whose value is being read. */
    String key;

    void reset(int line, int column, boolean isMap, boolean streams) {
      this.line = line;
      this.column = column;
      this.isMap = isMap;
      this.streams = streams;
      this.streamed = 0;
      this.hashes = 0;
      this.index = null;
      this.size = 0;
      this.key = null;
    }

    /** Starts the value of {@code key}; the position of an earlier equal key, or -1. */
    long key(String key, long position) {
      long bit = FieldMap.bit(key);
      if ((hashes & bit) != 0 || index != null) {
        int earlier = FieldMap.find(slots, size, index, key);
        if (earlier >= 0) {
          return positions[earlier];
        }
      }
      hashes |= bit;
      if (2 * size + 2 > slots.length) {
        slots = Arrays.copyOf(slots, 2 * slots.length);
      }
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, 2 * size);
      }
      slots[2 * size] = key;
      slots[2 * size + 1] = null;
      positions[size] = position;
      size++;
      if (index != null) {
        index.put(key, size - 1);
      } else if (size > FieldMap.INDEXED) {
        index = FieldMap.indexOf(slots, size);
      }
      this.key = key;
      return -1;
    }

    void value(Node node) {
      if (isMap) {
        slots[2 * size - 1] = node;
      } else {
        if (size == slots.length) {
          slots = Arrays.copyOf(slots, 2 * size);
        }
        slots[size++] = node;
      }
    }

    /** The items of a list: the one- and two-item lists of a manifest as one object each. */
    private List<Node> items() {
      return switch (size) {
        case 0 -> List.of();
        case 1 -> List.of((Node) slots[0]);
        case 2 -> List.of((Node) slots[0], (Node) slots[1]);
        default ->
            Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(slots, size, Node[].class)));
      };
    }

    Node finish() {
      Node done;
      int used = isMap ? 2 * size : size;
      if (isMap) {
        done =
            size == 0
                ? MapNode.empty(line, column)
                : new MapNode(
                    line,
                    column,
                    Arrays.copyOf(slots, used),
                    Arrays.copyOf(positions, size),
                    hashes);
      } else {
        done = new ListNode(line, column, items());
      }
      // The frame is reused and overwrites its arrays. A few finished nodes may wait there for
      // that (clearing every frame was a fifth of the reader thread's samples), a large
      // document's tree may not: only one document is to be in memory at a time.
      if (used > CLEARED) {
        Arrays.fill(slots, 0, used, null);
      }
      return done;
    }
  }

  private void readAll(JsonParser parser, boolean located, Consumer<Node> documents, Items items) {
    YAMLParser yamlParser = parser instanceof YAMLParser y ? y : null;
    ParserBase json = yamlParser == null && parser instanceof ParserBase p ? p : null;
    Frame[] frames = new Frame[16];
    ScalarStrings strings = new ScalarStrings(yamlParser != null);
    int depth = 0;
    JsonToken token;
    long unitStart = 0;
    int units = 0;
    while ((token = parser.nextToken()) != null) {
      int line;
      int column;
      long offset;
      if (json != null && token != JsonToken.PROPERTY_NAME) {
        // Jackson's JSON parsers keep where a value or bracket starts in fields, which these
        // getters read without the location object currentTokenLocation() makes per token (a
        // fifth of what a JSON load allocated). They count from one past the token's first
        // character; currentTokenLocation() takes that one off, and so does this.
        line = json.getTokenLineNr();
        column = json.getTokenColumnNr() - 1;
        offset = json.getTokenCharacterOffset() - 1;
      } else {
        // A property name's start has no getter, but its location object costs next to nothing
        // here: on the 100k-pod dump, 1.5 MB more of 1.6 GB, where the other tokens' came to
        // 460 MB (the JIT leaves most of them out).
        TokenStreamLocation at = parser.currentTokenLocation();
        line = at.getLineNr();
        column = at.getColumnNr();
        offset = at.getCharOffset() >= 0 ? at.getCharOffset() : at.getByteOffset();
      }
      if (!located) {
        line = 0;
        column = 0;
      }
      if (startsUnit(frames, depth, token)) {
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
          String key = strings.name(parser);
          long first = frames[depth - 1].key(key, ((long) line << 32) | column);
          if (first >= 0) {
            throw new Invalid(
                line,
                column,
                "",
                "duplicate key '"
                    + key
                    + "' (first at "
                    + (first >>> 32)
                    + ":"
                    + (int) first
                    + "); Kubernetes rejects duplicate keys, keep one",
                null);
          }
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
          if (depth >= limits.maxNestingDepth()) {
            throw depthExceeded(line, column);
          }
          boolean isMap = token == JsonToken.START_OBJECT;
          boolean streams = items != null && !isMap && isItemsOfTopLevel(frames, depth);
          if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
          }
          if (frames[depth] == null) {
            frames[depth] = new Frame();
          }
          frames[depth++].reset(line, column, isMap, streams);
        }
        case END_OBJECT, END_ARRAY -> {
          Node done = frames[--depth].finish();
          attach(frames, depth, documents, items, done);
        }
        default ->
            attach(
                frames,
                depth,
                documents,
                items,
                scalar(parser, token, line, column, yamlParser, strings));
      }
    }
  }

  /**
   * Whether the token starts a document (a value at the top) or an item of the {@code items} list
   * of a top-level mapping.
   */
  private static boolean startsUnit(Frame[] frames, int depth, JsonToken token) {
    if (token == JsonToken.PROPERTY_NAME
        || token == JsonToken.END_OBJECT
        || token == JsonToken.END_ARRAY) {
      return false;
    }
    return depth == 0 || (depth == 2 && !frames[1].isMap && isItemsOfTopLevel(frames, 1));
  }

  /** Whether a list opened at {@code depth} is the value of a top-level mapping's {@code items}. */
  private static boolean isItemsOfTopLevel(Frame[] frames, int depth) {
    return depth == 1 && frames[0].isMap && "items".equals(frames[0].key);
  }

  private static void attach(
      Frame[] frames, int depth, Consumer<Node> documents, Items items, Node node) {
    if (depth == 0) {
      documents.accept(node);
      return;
    }
    Frame parent = frames[depth - 1];
    if (parent.streams) {
      items.item(parent.streamed++, node);
    } else {
      parent.value(node);
    }
  }

  private static Scalar scalar(
      JsonParser parser,
      JsonToken token,
      int line,
      int column,
      YAMLParser yamlParser,
      ScalarStrings strings) {
    return switch (token) {
      case VALUE_STRING -> {
        String text = strings.text(parser);
        // YAML: an empty plain scalar and `~` are null, as for the API server's YAML reader.
        boolean isNull = yamlParser != null && (text.isEmpty() || text.equals("~"));
        yield new Scalar(line, column, isNull ? Type.NULL : Type.STRING, isNull ? "" : text);
      }
      case VALUE_NUMBER_INT -> new Scalar(line, column, Type.INTEGER, strings.text(parser));
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

  /**
   * Maps a Jackson or snakeyaml failure to a located error, keeping it as the cause.
   *
   * @param text the text read, or null when it was read as bytes (then JSON: no YAML failures)
   */
  private Invalid fromParser(JacksonException e, String text) {
    TokenStreamLocation location = e.getLocation();
    int line = location == null ? 0 : Math.max(0, location.getLineNr());
    int column = location == null ? 0 : Math.max(0, location.getColumnNr());
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ReaderException bad && text != null) {
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
