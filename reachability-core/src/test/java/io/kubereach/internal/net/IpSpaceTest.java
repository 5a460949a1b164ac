package io.kubereach.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IpSpace#address} reads canonical IPv4 text without the library (S12): the shortcut must
 * take only text the library reads as that very IPv4 address and writes back unchanged, and give
 * the library's value.
 */
class IpSpaceTest {

  @Test
  void theIpv4ShortcutAgreesWithTheLibrary() {
    Random random = new Random(20_261_206L);
    String alphabet = "0123456789..";
    int taken = 0;
    for (int i = 0; i < 200_000; i++) {
      String t;
      if (random.nextInt(3) == 0) {
        t =
            random.nextInt(256)
                + "."
                + random.nextInt(256)
                + "."
                + random.nextInt(300)
                + "."
                + (random.nextBoolean() ? "0" : "")
                + random.nextInt(256);
      } else {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(16);
        for (int c = 0; c < length; c++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        t = text.toString();
      }
      long value = IpSpace.canonicalIpv4(t);
      IPAddress library = new IPAddressString(t).getAddress();
      boolean canonicalForLibrary =
          library != null
              && library.isIPv4()
              && !library.isPrefixed()
              && !library.isMultiple()
              && library.toCanonicalString().equals(t);
      assertThat(value >= 0).as(t).isEqualTo(canonicalForLibrary);
      if (value >= 0) {
        taken++;
        assertThat(BigInteger.valueOf(value)).as(t).isEqualTo(library.getValue());
        assertThat(IpSpace.address(t)).isEqualTo(new IpSpace.Address(false, library.getValue()));
      }
    }
    assertThat(taken).isGreaterThan(20_000);
  }

  @Test
  void otherFormsGoToTheLibrary() {
    assertThat(IpSpace.canonicalIpv4("010.0.0.1")).isEqualTo(-1);
    assertThat(IpSpace.canonicalIpv4("1.2.3.4.")).isEqualTo(-1);
    assertThat(IpSpace.canonicalIpv4("::ffff:10.1.1.1")).isEqualTo(-1);
    assertThat(IpSpace.address("::ffff:10.1.1.1").v6()).isTrue(); // S12: stays IPv6
    assertThat(IpSpace.canonicalIpv4("255.255.255.255")).isEqualTo(0xFFFF_FFFFL);
    assertThat(IpSpace.canonicalIpv4("0.0.0.0")).isZero();
  }
}
