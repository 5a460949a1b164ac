package io.kubereach.model;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The IPv4 shortcut of {@link IpAddresses#canonicalAddress} must answer exactly what the library
 * answers (S12 compares canonical addresses), so it only ever says yes to text the library writes
 * back unchanged.
 */
class IpAddressesTest {

  @Test
  void theShortcutTakesOnlyWhatTheLibraryWritesBackUnchanged() {
    Random random = new Random(20_261_202L);
    String alphabet = "0123456789..";
    int taken = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(16);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = random.nextInt(4) == 0 ? randomQuad(random) : text.toString();
      if (IpAddresses.isCanonicalIpv4(t)) {
        taken++;
        IPAddress library = new IPAddressString(t).getAddress();
        assertThat(library).as(t).isNotNull();
        assertThat(library.isIPv4()).as(t).isTrue();
        assertThat(library.toCanonicalString()).as(t).isEqualTo(t);
      }
    }
    assertThat(taken).isGreaterThan(20_000);
  }

  @Test
  void formsTheLibraryRewritesOrRefusesGoToTheLibrary() {
    for (String t :
        new String[] {
          "",
          "1.2.3",
          "1.2.3.4.",
          "1.2.3.4.5",
          "01.2.3.4",
          "1.2.3.00",
          "256.1.1.1",
          "1..2.3",
          ".1.2.3",
          " 1.2.3.4",
          "1.2.3.4 ",
          "1.2.3.4/32",
          "::1",
          "1.2.3.1000",
          "+1.2.3.4"
        }) {
      assertThat(IpAddresses.isCanonicalIpv4(t)).as(t).isFalse();
    }
    assertThat(IpAddresses.isCanonicalIpv4("10.244.1.11")).isTrue();
    assertThat(IpAddresses.isCanonicalIpv4("0.0.0.0")).isTrue();
    assertThat(IpAddresses.isCanonicalIpv4("255.255.255.255")).isTrue();
    // A leading zero is the library's to read (strictly, as decimal), and it is written without.
    assertThat(IpAddresses.canonicalAddress("010.0.0.1", "pod IP")).isEqualTo("10.0.0.1");
  }

  private static String randomQuad(Random random) {
    StringBuilder quad = new StringBuilder();
    for (int o = 0; o < 4; o++) {
      quad.append(o == 0 ? "" : ".").append(random.nextInt(300));
    }
    return quad.toString();
  }
}
