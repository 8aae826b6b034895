package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BsnTest {

  @Test
  void acceptsNumbersPassingTheElevenTest() {
    assertThat(Bsn.isValid("111222333")).isTrue();
    assertThat(Bsn.isValid("123456782")).isTrue();
  }

  @Test
  void refusesNumbersFailingTheElevenTestOrMalformed() {
    assertThat(Bsn.isValid("123456789")).isFalse();
    assertThat(Bsn.isValid("000000000")).isFalse();
    assertThat(Bsn.isValid("12345678")).isFalse();
    assertThat(Bsn.isValid("1234567820")).isFalse();
    assertThat(Bsn.isValid("12345678a")).isFalse();
    assertThat(Bsn.isValid(null)).isFalse();
  }

  @Test
  void normalisesSpacingAndEightDigitNumbers() {
    assertThat(Bsn.normalise("1112.22.333")).isEqualTo("111222333");
    assertThat(Bsn.normalise("111 222 333")).isEqualTo("111222333");
    // 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110
    assertThat(Bsn.normalise("12345672")).isEqualTo("012345672");
  }

  @Test
  void aWrongBsnIsAViolationOfFieldBsn() {
    assertThatThrownBy(() -> Bsn.normalise("123456789"))
        .isInstanceOf(DomainViolation.class)
        .extracting(e -> ((DomainViolation) e).field()).isEqualTo("bsn");
  }

  @Test
  void maskShowsOnlyTheLastFourDigits() {
    assertThat(Bsn.mask("111222333")).isEqualTo("*****2333");
  }

  @Property(tries = 200)
  void changingOneDigitBreaksTheElevenTest(@ForAll @IntRange(min = 0, max = 8) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String valid = "123456782";
    char[] digits = valid.toCharArray();
    digits[position] = (char) ('0' + ((digits[position] - '0' + delta) % 10));
    assertThat(Bsn.isValid(new String(digits))).isFalse();
  }
}
