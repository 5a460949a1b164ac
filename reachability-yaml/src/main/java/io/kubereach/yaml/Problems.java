package io.kubereach.yaml;

import io.kubereach.yaml.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The problems of the one object being decoded. Errors are collected rather than thrown, so that
 * one run reports every problem of every object: a list item that fails is recorded and its
 * siblings are still read; before the object is built, {@link #checkpoint()} stops it if anything
 * failed. What the API server would refuse but has a reading (an unknown field, a CRD rule) is an
 * error by default and, under lenient loading, a warning that makes the snapshot incomplete.
 */
final class Problems {
  /** Thrown by {@link #checkpoint()}: the object has errors, already recorded; skip it. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  private final List<Invalid> errors = new ArrayList<>();
  private final boolean lenient;
  private final Consumer<Invalid> warn;
  private final Consumer<Invalid> readLeniently;

  /**
   * @param lenient whether refused input is read with a warning instead of an error
   * @param warn receives warnings
   * @param readLeniently receives refused input read under lenient loading (a warning and a
   *     limitation)
   */
  Problems(boolean lenient, Consumer<Invalid> warn, Consumer<Invalid> readLeniently) {
    this.lenient = lenient;
    this.warn = warn;
    this.readLeniently = readLeniently;
  }

  /** Records an error; the object will not be built. */
  void error(Invalid e) {
    errors.add(e);
  }

  /** A warning: the object is still built. */
  void warn(Invalid w) {
    warn.accept(w);
  }

  /** What the API server refuses: an error, or under lenient loading a warning. */
  void refused(Invalid e) {
    if (lenient) {
      readLeniently.accept(e);
    } else {
      errors.add(e);
    }
  }

  /** Checks the keys of {@code map} (at {@code path}) against {@code keys}: typos are refused. */
  void keys(MapNode map, FieldPath path, Keys keys) {
    FieldMap fields = map.fields();
    for (int i = 0; i < fields.size(); i++) {
      String key = fields.key(i);
      if (keys.known().contains(key)) {
        continue; // the usual case, without building an answer
      }
      keys.problem(key)
          .ifPresent(
              message ->
                  refused(
                      new Invalid(
                          map.keyLine(key),
                          map.keyColumn(key),
                          Fields.at(path, key).toString(),
                          message,
                          null)));
    }
  }

  /**
   * Runs one part of the decoding; an error is recorded and the part comes back empty, so that the
   * caller goes on with the next part.
   */
  <T> Optional<T> attempt(Supplier<T> part) {
    try {
      return Optional.ofNullable(part.get());
    } catch (Invalid e) {
      errors.add(e);
      return Optional.empty();
    } catch (Abort e) {
      return Optional.empty(); // its errors are recorded
    }
  }

  /** Decodes each item with {@code item}, recording the errors of each and keeping the rest. */
  <T> List<T> each(int count, java.util.function.IntFunction<T> item) {
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      attempt(() -> item.apply(index)).ifPresent(out::add);
    }
    return out;
  }

  /** Stops the object if any error was recorded. */
  void checkpoint() {
    if (!errors.isEmpty()) {
      throw new Abort();
    }
  }

  /** How many errors are recorded so far, for {@link #checkpoint(int)}. */
  int mark() {
    return errors.size();
  }

  /** Stops the part being decoded if an error was recorded since {@code mark}. */
  void checkpoint(int mark) {
    if (errors.size() > mark) {
      throw new Abort();
    }
  }

  /** The errors recorded, in order. */
  List<Invalid> errors() {
    return List.copyOf(errors);
  }
}
