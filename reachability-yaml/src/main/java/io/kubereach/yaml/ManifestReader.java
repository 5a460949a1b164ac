package io.kubereach.yaml;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads manifests with given {@link Limits}; {@link Manifests} is the same with the defaults.
 * Immutable and thread-safe: every call is an independent load. A source of a megabyte or more is
 * parsed on a second thread while the calling one decodes it ({@code ReadAhead}); that thread ends
 * before the call returns, and the outcome is exactly that of a read on one thread.
 *
 * <pre>{@code
 * ManifestReader reader = Manifests.withLimits(Limits.defaults().withMaxNestingDepth(200));
 * LoadResult loaded = reader.load(Path.of("manifests"));
 * }</pre>
 */
public final class ManifestReader {
  private static final String BOM = "\uFEFF";

  /** Eight bytes of an array as one long, for {@link #isPlainAscii(byte[])}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The length from which a source is read ahead on a thread of its own: a thread costs less than a
   * millisecond, and a megabyte takes about ten to read.
   */
  static final long READ_AHEAD_FROM = 1 << 20;

  private final Limits limits;
  private final boolean lenient;
  private final TreeReader trees;
  private final long readAheadFrom;

  ManifestReader(Limits limits, boolean lenient) {
    this(limits, lenient, READ_AHEAD_FROM);
  }

  /**
   * @param readAheadFrom the length from which a source is read on a thread of its own while this
   *     one decodes it ({@link ReadAhead}); tests set it to read every source either way
   */
  ManifestReader(Limits limits, boolean lenient, long readAheadFrom) {
    this.limits = requireNonNull(limits, "limits");
    this.lenient = lenient;
    this.trees = new TreeReader(limits);
    this.readAheadFrom = readAheadFrom;
  }

  /** The limits this reader applies. */
  public Limits limits() {
    return limits;
  }

  /**
   * A reader like this one that reads leniently: what the API server would refuse but has a reading
   * (a named port beside a networks peer, a peer of a newer API version, which fails closed)
   * becomes a warning instead of an error, and the snapshot says it is incomplete ({@link
   * io.kubereach.model.ClusterSnapshot#limitations()}), so every answer from it does too.
   *
   * <pre>{@code
   * LoadResult loaded = Manifests.withLimits(Limits.defaults()).lenient().load(dir);
   * loaded.cluster().limitations(); // what was read leniently
   * }</pre>
   */
  public ManifestReader lenient() {
    return new ManifestReader(limits, true, readAheadFrom);
  }

  /** Whether this reader reads leniently. */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Reads files and folders; see {@link Manifests#load(Path...)}.
   *
   * @throws ManifestException carrying every error of every source
   * @throws NullPointerException if {@code paths} or an element is null
   */
  public LoadResult load(Path... paths) {
    return load(List.of(paths));
  }

  /**
   * Reads files and folders; see {@link Manifests#load(List)}.
   *
   * @throws ManifestException carrying every error of every source
   * @throws NullPointerException if {@code paths} or an element is null
   */
  public LoadResult load(List<Path> paths) {
    Collector out = new Collector();
    int files = 0;
    for (Path path : List.copyOf(paths)) {
      if (Files.isDirectory(path)) {
        for (Path file : manifestFiles(path, out)) {
          files++;
          readFolderFile(file, out);
        }
      } else if (Files.isRegularFile(path)) {
        files++;
        readFile(path, out);
      } else {
        out.error(diagnostic(path.toString(), "no such file or directory"));
      }
    }
    if (out.objects() == 0 && !out.hasErrors()) {
      // An empty answer for an empty input would read as "nothing can talk": say what was read.
      out.error(
          diagnostic(
              String.join(", ", paths.stream().map(Path::toString).toList()),
              files == 0
                  ? "no manifest files (.yaml, .yml, .json) found"
                  : "no Kubernetes object that kubereach analyses in the "
                      + files
                      + (files == 1 ? " file" : " files")
                      + " read (Namespace, Pod, a workload, Service, NetworkPolicy or an"
                      + " admin-tier policy)"));
    }
    return out.finish();
  }

  /**
   * A file found in a folder: stepped over with a note when it is not a manifest (by name, by an
   * unrendered template, or because none of its documents is a Kubernetes object).
   */
  private void readFolderFile(Path file, Collector out) {
    Optional<String> skip = RepositoryFiles.byName(file);
    if (skip.isPresent()) {
      out.note(diagnostic(file.toString(), skip.get()));
      return;
    }
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = readBounded(file);
    } catch (IOException e) {
      out.error(diagnostic(source, "could not read: " + Messages.io(e)), e);
      return;
    }
    Optional<String> template = RepositoryFiles.byText(new String(bytes, StandardCharsets.UTF_8));
    if (template.isPresent()) {
      out.note(diagnostic(source, template.get()));
      return;
    }
    int objects = out.objects();
    int warnings = out.warningCount();
    boolean errors = out.hasErrors();
    readBytes(source, bytes, out);
    List<Diagnostic> added = out.warningsSince(warnings);
    if (out.objects() == objects
        && out.hasErrors() == errors
        && !added.isEmpty()
        && added.stream().allMatch(d -> d.message().startsWith("document has no kind"))) {
      added.clear();
      out.note(
          diagnostic(
              source, "not a Kubernetes manifest (no document has apiVersion and kind); skipped"));
    }
  }

  /**
   * Reads one stream; see {@link Manifests#read(String, InputStream)}.
   *
   * @throws ManifestException carrying every error
   */
  public LoadResult read(String sourceName, InputStream in) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(in, "in");
    Collector out = new Collector();
    try {
      byte[] bytes = in.readNBytes(boundedLength());
      readBytes(sourceName, bytes, out);
    } catch (IOException e) {
      out.error(diagnostic(sourceName, "could not read: " + Messages.io(e)), e);
    }
    return out.finish();
  }

  /**
   * Reads text; see {@link Manifests#parse(String, String)}.
   *
   * @throws ManifestException carrying every error
   */
  public LoadResult parse(String sourceName, String text) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(text, "text");
    Collector out = new Collector();
    readText(sourceName, text, true, out);
    return out.finish();
  }

  /**
   * Reads objects that come from an API rather than a file (a live cluster, an embedder's model
   * objects), each one JSON text holding one object or a {@code List}. They are decoded and
   * validated exactly as manifests are, but nobody wrote them as text, so a diagnostic names the
   * source, the object and the field, never a line: {@code cluster https://10.0.0.1:6443/ Pod
   * shop/web-1 spec.containers[0].ports[0].containerPort: port 70000 is not in 1..65535}.
   *
   * @param sourceName what the objects came from, e.g. {@code cluster https://10.0.0.1:6443}
   * @param jsonObjects one JSON text per object (or List)
   * @throws ManifestException carrying every error
   * @throws NullPointerException if an argument or an element is null
   */
  public LoadResult readObjects(String sourceName, Iterable<String> jsonObjects) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(jsonObjects, "jsonObjects");
    Collector out = new Collector();
    for (String json : jsonObjects) {
      readText(sourceName, requireNonNull(json, "a JSON object"), false, out);
    }
    return out.finish();
  }

  /** One more byte than allowed, so that crossing the bound is seen. */
  private int boundedLength() {
    return (int) Math.min(Integer.MAX_VALUE - 16, limits.maxSourceBytes() + 1);
  }

  /**
   * Regular {@code .yaml}, {@code .yml} and {@code .json} files under {@code dir}, recursively,
   * sorted by their path relative to {@code dir} so that every platform reads them in one order.
   * Hidden files and folders (a leading dot, e.g. {@code .git}) are not manifests and are skipped.
   * Symbolic links to folders are not followed, so a link cycle cannot hang the walk.
   */
  private static List<Path> manifestFiles(Path dir, Collector out) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all =
          walk.filter(p -> !isHidden(dir.relativize(p)))
              .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
              .toList();
      // A Helm chart is stepped over whole, with one note.
      List<Path> charts =
          all.stream().filter(Files::isDirectory).filter(RepositoryFiles::isHelmChart).toList();
      charts.stream()
          .filter(c -> charts.stream().noneMatch(o -> !o.equals(c) && c.startsWith(o)))
          .forEach(c -> out.note(diagnostic(c.toString(), RepositoryFiles.chartNote(c))));
      return all.stream()
          .filter(Files::isRegularFile)
          .filter(ManifestReader::isManifestName)
          .filter(p -> charts.stream().noneMatch(p::startsWith))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
      out.error(diagnostic(dir.toString(), "could not list the folder: " + Messages.io(io)), e);
      return List.of();
    }
  }

  private static String relative(Path dir, Path file) {
    List<String> parts = new ArrayList<>();
    dir.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private void readFile(Path file, Collector out) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = readBounded(file);
    } catch (IOException e) {
      out.error(diagnostic(source, "could not read: " + Messages.io(e)), e);
      return;
    }
    readBytes(source, bytes, out);
  }

  /**
   * The file's bytes, or one byte more than the limit allows. Read into an array of the file's size
   * when it has one: reading in chunks holds a 100 MB dump twice.
   */
  private byte[] readBounded(Path file) throws IOException {
    long size = Files.size(file);
    if (size > 0 && size < boundedLength()) {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = new byte[(int) size];
        if (in.readNBytes(bytes, 0, bytes.length) == bytes.length && in.read() < 0) {
          return bytes;
        }
      }
      // The file changed while it was read: read what is there now.
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(boundedLength());
    }
  }

  private void readBytes(String source, byte[] bytes, Collector out) {
    if (bytes.length > limits.maxSourceBytes()) {
      out.error(
          diagnostic(
              source,
              String.format(
                  Locale.ROOT,
                  "larger than %d bytes; %s",
                  limits.maxSourceBytes(),
                  Limits.raise("--max-source-bytes", "withMaxSourceBytes"))));
      return;
    }
    out.expect(bytes.length);
    if (isJson(source, true) && isPlainAscii(bytes)) {
      // The usual cluster dump: Jackson reads the bytes without a decoded copy of the text.
      decode(
          source,
          bytes.length,
          (documents, items) -> trees.readAsciiJson(bytes, true, documents, items),
          out);
      return;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, chars, true);
    if (result.isError()) {
      // Locate the first bad byte: line and column (in characters) of the text before it.
      chars.flip();
      String before = chars.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      out.error(
          new Diagnostic(
              source,
              line,
              column,
              "",
              "",
              "",
              "",
              String.format(
                  Locale.ROOT,
                  "not valid UTF-8 (byte 0x%02x at offset %d); manifests must be UTF-8 text",
                  bytes[in.position()] & 0xff,
                  in.position())));
      return;
    }
    decoder.flush(chars);
    chars.flip();
    readText(source, chars.toString(), true, out);
  }

  /**
   * @param located whether the text was written by someone, so that lines and columns mean
   *     something; an object serialised from an API is JSON without them
   */
  private void readText(String source, String text, boolean located, Collector out) {
    String body = text.startsWith(BOM) ? text.substring(1) : text;
    boolean isJson = isJson(source, located);
    decode(
        source,
        body.length(),
        (documents, items) -> trees.read(body, isJson, located, documents, items),
        out);
  }

  /** What reading one source does: parse into a document sink and an item sink. */
  interface Reading {
    Optional<Invalid> read(Consumer<Node> documents, TreeReader.Items items);
  }

  /** Reads and decodes one source of {@code length} characters or bytes. */
  private void decode(String source, long length, Reading reading, Collector out) {
    Decoder decoder = new Decoder(source, out, lenient);
    Optional<Invalid> error =
        length >= readAheadFrom
            ? ReadAhead.read(source, reading, decoder::document, decoder::item)
            : reading.read(decoder::document, decoder::item);
    decoder.end(); // before the error is reported: it forgets what came after its savepoint
    report(source, error, out);
  }

  /** Text nobody wrote (from an API) is JSON; a file is JSON when its name says so. */
  private static boolean isJson(String source, boolean located) {
    return !located || source.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * Whether every byte is ASCII, so that byte offsets and columns are character ones, and no byte
   * is a control character other than a line break or tab: where Jackson's byte parser reports one
   * differs from where its text parser does, and the text parser's is where it is written.
   */
  static boolean isPlainAscii(byte[] bytes) {
    // Eight bytes at a time: a dump is tens of megabytes, and this runs before a byte is parsed.
    int i = 0;
    for (; i <= bytes.length - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      if ((word & HIGH_BITS) != 0) {
        return false; // a byte above 0x7F
      }
      // Whether a byte is below 0x20 (exact for bytes up to 0x7F; "hasless" in Sean Anderson's
      // Bit Twiddling Hacks): a line break, a tab, or a control character to look at closely.
      if (((word - 0x2020202020202020L) & ~word & HIGH_BITS) != 0
          && !isPlainAscii(bytes, i, i + Long.BYTES)) {
        return false;
      }
    }
    return isPlainAscii(bytes, i, bytes.length);
  }

  private static boolean isPlainAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0x20 && (b < 0 || (b != '\n' && b != '\r' && b != '\t'))) {
        return false;
      }
    }
    return true;
  }

  private static void report(String source, Optional<Invalid> error, Collector out) {
    error.ifPresent(
        e ->
            out.error(
                new Diagnostic(source, e.line(), e.column(), "", "", "", "", e.getMessage()),
                e.getCause()));
  }

  private static Diagnostic diagnostic(String source, String message) {
    return new Diagnostic(source, 0, 0, "", "", "", "", message);
  }
}
