package nl.vermissing.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import nl.vermissing.events.ConsentGiver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConsentRulesTest {

  /** Signed at noon, Dutch time, on the given date. */
  private static Instant on(String date) {
    return LocalDate.parse(date).atTime(12, 0).atZone(ConsentRules.ZONE).toInstant();
  }

  @Test
  void given_a_youth_of_15_when_the_youth_signs_then_consent_is_invalid_and_a_parent_must_sign() {
    ConsentRules.Decision decision = ConsentRules.check("2010-06-01", on("2026-05-31"), ConsentGiver.YOUTH);
    assertThat(decision.valid()).isFalse();
    assertThat(decision.ageAtSigning()).isEqualTo(15);
    assertThat(decision.requiredGiver()).isEqualTo(ConsentGiver.PARENT_OR_GUARDIAN);
    assertThat(decision.reason()).contains("parent or guardian");
  }

  @Test
  void given_a_youth_of_15_when_a_parent_signs_then_consent_is_valid() {
    ConsentRules.Decision decision =
        ConsentRules.check("2010-06-01", on("2026-01-10"), ConsentGiver.PARENT_OR_GUARDIAN);
    assertThat(decision.valid()).isTrue();
    assertThat(decision.ageAtSigning()).isEqualTo(15);
  }

  @Test
  void given_a_youth_of_16_when_the_youth_signs_then_consent_is_valid() {
    ConsentRules.Decision decision = ConsentRules.check("2010-06-01", on("2026-09-01"), ConsentGiver.YOUTH);
    assertThat(decision.valid()).isTrue();
    assertThat(decision.ageAtSigning()).isEqualTo(16);
  }

  @Test
  void given_a_youth_of_16_when_a_parent_signs_then_consent_is_invalid() {
    ConsentRules.Decision decision =
        ConsentRules.check("2010-06-01", on("2026-09-01"), ConsentGiver.PARENT_OR_GUARDIAN);
    assertThat(decision.valid()).isFalse();
    assertThat(decision.requiredGiver()).isEqualTo(ConsentGiver.YOUTH);
  }

  @Test
  void given_a_youth_of_17_then_only_the_youth_may_sign() {
    assertThat(ConsentRules.check("2009-03-15", on("2026-11-22"), ConsentGiver.YOUTH).valid()).isTrue();
    ConsentRules.Decision parent = ConsentRules.check("2009-03-15", on("2026-11-22"), ConsentGiver.PARENT_OR_GUARDIAN);
    assertThat(parent.valid()).isFalse();
    assertThat(parent.ageAtSigning()).isEqualTo(17);
  }

  @Test
  void given_the_16th_birthday_then_the_youth_signs_from_that_day_and_not_the_day_before() {
    assertThat(ConsentRules.check("2010-06-01", on("2026-06-01"), ConsentGiver.YOUTH).valid()).isTrue();
    assertThat(ConsentRules.check("2010-06-01", on("2026-05-31"), ConsentGiver.YOUTH).valid()).isFalse();
    assertThat(ConsentRules.check("2010-06-01", on("2026-05-31"), ConsentGiver.PARENT_OR_GUARDIAN).valid()).isTrue();
  }

  @Test
  void given_signing_just_after_midnight_dutch_time_on_the_birthday_then_the_dutch_date_counts() {
    // 00:30 in Amsterdam on the birthday is still the previous day in UTC
    Instant justAfterMidnight = LocalDateTime.parse("2026-06-01T00:30").atZone(ConsentRules.ZONE).toInstant();
    assertThat(ConsentRules.check("2010-06-01", justAfterMidnight, ConsentGiver.YOUTH).valid()).isTrue();
  }

  @Test
  void given_a_leap_day_birthday_then_the_youth_is_16_on_the_first_of_march() {
    assertThat(ConsentRules.ageOn(LocalDate.parse("2008-02-29"), LocalDate.parse("2024-02-28"))).isEqualTo(15);
    assertThat(ConsentRules.ageOn(LocalDate.parse("2008-02-29"), LocalDate.parse("2024-02-29"))).isEqualTo(16);
    assertThat(ConsentRules.ageOn(LocalDate.parse("2010-02-28"), LocalDate.parse("2026-02-28"))).isEqualTo(16);
  }

  @Test
  void given_no_usable_date_of_birth_then_consent_cannot_be_checked() {
    assertThatThrownBy(() -> ConsentRules.check(null, on("2026-01-01"), ConsentGiver.YOUTH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentRules.check("01-06-2010", on("2026-01-01"), ConsentGiver.YOUTH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void exactly_one_party_may_sign_at_any_age(@ForAll @IntRange(min = 0, max = 7000) int daysAfterBirth) {
    LocalDate birth = LocalDate.parse("2008-05-17");
    Instant signedAt = birth.plusDays(daysAfterBirth).atTime(12, 0).atZone(ConsentRules.ZONE).toInstant();
    boolean youth = ConsentRules.check(birth.toString(), signedAt, ConsentGiver.YOUTH).valid();
    boolean parent = ConsentRules.check(birth.toString(), signedAt, ConsentGiver.PARENT_OR_GUARDIAN).valid();
    assertThat(youth).isNotEqualTo(parent);
    assertThat(youth).isEqualTo(!birth.plusDays(daysAfterBirth).isBefore(birth.plusYears(16)));
  }
}
