package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NationalPseudonymTest {

  private static final String KEY = "national-test-key-0123456789";

  @Test
  void isHmacSha256OfTheBsnAsHex() {
    // echo -n 111222333 | openssl dgst -sha256 -hmac national-test-key-0123456789
    String actual = new NationalPseudonym(KEY).ofBsn("111222333");
    assertThat(actual).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("111222333");
    assertThat(actual).isEqualTo("cfff742843393a6273d31ab3f6d8e1c14777ed83eb70d2542daa2823fe2cbc34");
  }

  @Test
  void linksAcrossInstitutionsSharingTheKeyButNotAcrossKeys() {
    assertThat(new NationalPseudonym(KEY).ofBsn("111222333"))
        .isEqualTo(new NationalPseudonym(KEY).ofBsn("111222333"))
        .isNotEqualTo(new NationalPseudonym(KEY + "x").ofBsn("111222333"))
        .isNotEqualTo(new NationalPseudonym(KEY).ofBsn("123456782"));
  }

  @Test
  void youthWithoutBsnGetsAPseudonymOfItsId() {
    NationalPseudonym p = new NationalPseudonym(KEY);
    assertThat(p.ofYouthWithoutBsn("y1")).isEqualTo(p.ofYouthWithoutBsn("y1")).isNotEqualTo(p.ofYouthWithoutBsn("y2"));
  }

  @Test
  void refusesAMissingOrShortKey() {
    assertThatThrownBy(() -> new NationalPseudonym("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NationalPseudonym(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
