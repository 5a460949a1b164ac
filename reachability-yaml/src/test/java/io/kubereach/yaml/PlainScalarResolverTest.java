package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;

/**
 * {@link PlainScalarResolver} answers at once for a plain scalar whose first character starts no
 * implicit type (docs/architecture.md, "Reading manifests"). For every first character, followed by
 * the rest of every implicit type's forms and by plain text, plain and not, it must resolve as
 * snakeyaml's JSON resolver does: a YAML value's type never depends on the shortcut.
 */
class PlainScalarResolverTest {
  /** What may follow a first character: the tails of null, booleans, numbers, ${...}, text. */
  private static final String[] TAILS = {
    "", "rue", "alse", "ull", "1", "12", "0", ".5", "e5", "1e-3", "inf", "nan", ".inf", "{A}", "{A",
    "x", " x", "ab-c", ":"
  };

  @Test
  void resolvesEveryScalarAsTheJsonResolverDoes() {
    JsonScalarResolver json = new JsonScalarResolver();
    PlainScalarResolver plain = new PlainScalarResolver();
    List<String> differences = new ArrayList<>();
    for (String value : scalars()) {
      for (boolean implicit : new boolean[] {true, false}) {
        Tag expected = json.resolve(value, implicit);
        Tag actual = plain.resolve(value, implicit);
        if (!actual.equals(expected)) {
          differences.add(
              "'" + value + "' implicit " + implicit + ": " + actual + " not " + expected);
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  /** The empty scalar, and every character followed by every tail. */
  private static List<String> scalars() {
    List<String> out = new ArrayList<>();
    out.add("");
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      for (String tail : TAILS) {
        out.add(c + tail);
      }
    }
    return out;
  }
}
