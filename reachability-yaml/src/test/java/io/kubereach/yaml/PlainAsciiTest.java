package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ManifestReader#isPlainAscii} looks at eight bytes at a time (docs/architecture.md,
 * "Reading manifests"). On seeded random texts of every length up to a few words, mostly plain
 * ASCII with a line break, tab, control character or non-ASCII byte anywhere, it must answer what
 * looking at each byte answers.
 */
class PlainAsciiTest {
  private static final int TEXTS = Integer.getInteger("kubereach.ascii.texts", 20_000);

  /** The seed of every run unless {@code kubereach.ascii.seed} says otherwise. */
  private static final long DEFAULT_SEED = 20_261_208L;

  /** Bytes that decide: the edges of each class, and the allowed control characters. */
  private static final byte[] SPECIAL = {
    '\n',
    '\r',
    '\t',
    0x00,
    0x01,
    0x08,
    0x0b,
    0x1f,
    0x20,
    0x7e,
    0x7f,
    (byte) 0x80,
    (byte) 0xc3,
    (byte) 0xff
  };

  @Test
  void answersWhatLookingAtEachByteAnswers() {
    long seed = Long.getLong("kubereach.ascii.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    for (int i = 0; i < TEXTS; i++) {
      byte[] text = new byte[random.nextInt(40)];
      for (int j = 0; j < text.length; j++) {
        text[j] = (byte) (0x20 + random.nextInt(0x5f));
      }
      int specials = random.nextInt(3);
      for (int k = 0; k < specials && text.length > 0; k++) {
        text[random.nextInt(text.length)] = SPECIAL[random.nextInt(SPECIAL.length)];
      }
      assertThat(ManifestReader.isPlainAscii(text))
          .as("seed %d, text %d: %s", seed, i, Arrays.toString(text))
          .isEqualTo(eachByteIsPlain(text));
    }
  }

  /** The rule, one byte at a time: ASCII, and no control character but a line break or tab. */
  private static boolean eachByteIsPlain(byte[] text) {
    for (byte b : text) {
      boolean ascii = b >= 0;
      boolean control = b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t';
      if (!ascii || control) {
        return false;
      }
    }
    return true;
  }
}
