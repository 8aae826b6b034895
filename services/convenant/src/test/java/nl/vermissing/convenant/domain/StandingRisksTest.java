package nl.vermissing.convenant.domain;

import static nl.vermissing.convenant.Fixtures.youth;
import static nl.vermissing.convenant.Fixtures.youthBornOn;
import static nl.vermissing.convenant.Fixtures.youthWithStandingRisk;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.YouthSnapshot;
import org.junit.jupiter.api.Test;

/** The risk indicators a youth's profile shows before any assessment: any one makes the case red. */
class StandingRisksTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static YouthSnapshot withKnownRisks(KnownRisk... risks) {
    return YouthSnapshot.newBuilder(youth(PlacementType.OPEN, null)).setKnownRisks(List.of(risks)).build();
  }

  @Test
  void a_profile_without_standing_risk_gives_no_indicator() {
    // Given a 14-year-old with substance use as only known risk and no suspected exploiter among her contacts
    assertThat(StandingRisks.of(youth(PlacementType.OPEN, null), T0)).isEmpty();
    // And the known risks that are not risk indicators of the agreement
    assertThat(StandingRisks.of(withKnownRisks(KnownRisk.SELF_HARM, KnownRisk.SUBSTANCE_USE, KnownRisk.OTHER,
        KnownRisk.CRIMINAL_EXPLOITATION), T0)).isEmpty();
  }

  @Test
  void known_sexual_exploitation_suicide_and_danger_to_others_are_risk_indicators() {
    assertThat(StandingRisks.of(withKnownRisks(KnownRisk.SEXUAL_EXPLOITATION), T0))
        .containsExactly(RiskIndicator.SEXUAL_EXPLOITATION);
    assertThat(StandingRisks.of(withKnownRisks(KnownRisk.SUICIDE), T0))
        .containsExactly(RiskIndicator.SUICIDAL_INTENT);
    assertThat(StandingRisks.of(withKnownRisks(KnownRisk.DANGER_TO_OTHERS), T0))
        .containsExactly(RiskIndicator.DANGER_TO_OTHERS);
    assertThat(StandingRisks.of(withKnownRisks(KnownRisk.DANGER_TO_OTHERS, KnownRisk.SUICIDE,
        KnownRisk.SEXUAL_EXPLOITATION, KnownRisk.SEXUAL_EXPLOITATION), T0))
        .containsExactly(RiskIndicator.SEXUAL_EXPLOITATION, RiskIndicator.SUICIDAL_INTENT,
            RiskIndicator.DANGER_TO_OTHERS);
  }

  @Test
  void a_suspected_exploiter_among_the_contacts_is_a_risk_indicator() {
    YouthSnapshot youth = YouthSnapshot.newBuilder(youth(PlacementType.OPEN, null)).setContacts(List.of(
        new Contact("Fleur", "friend", null, null, false), new Contact("Rico", "older 'friend'", null, null, true)))
        .build();
    assertThat(StandingRisks.of(youth, T0)).containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER);
  }

  @Test
  void the_cse_flagged_fixture_youth_has_both_indicators() {
    assertThat(StandingRisks.of(youthWithStandingRisk(PlacementType.OPEN, null), T0))
        .containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER, RiskIndicator.SEXUAL_EXPLOITATION);
  }

  @Test
  void under_13_is_judged_on_the_dutch_date_of_t0() {
    // 2026-03-01T23:30Z is 2026-03-02 00:30 in Amsterdam: the youth born 2013-03-02 turned 13 that night
    Instant justAfterDutchMidnight = Instant.parse("2026-03-01T23:30:00Z");
    assertThat(StandingRisks.of(youthBornOn("2013-03-02"), justAfterDutchMidnight)).isEmpty();
    // half an hour earlier it was still 2026-03-01 in Amsterdam: 12 years old
    assertThat(StandingRisks.of(youthBornOn("2013-03-02"), Instant.parse("2026-03-01T22:59:59Z")))
        .containsExactly(RiskIndicator.UNDER_13);
    assertThat(StandingRisks.of(youthBornOn("2016-07-01"), T0)).containsExactly(RiskIndicator.UNDER_13);
    assertThat(StandingRisks.of(youthBornOn("2013-03-01"), T0)).isEmpty();
  }

  @Test
  void an_unreadable_date_of_birth_falls_back_to_the_age_band_of_the_snapshot() {
    YouthSnapshot sealed = YouthSnapshot.newBuilder(youthBornOn("sealed")).setAgeBand(AgeBand.UNDER_12).build();
    assertThat(StandingRisks.of(sealed, T0)).containsExactly(RiskIndicator.UNDER_13);
    assertThat(StandingRisks.of(YouthSnapshot.newBuilder(sealed).setAgeBand(AgeBand.AGE_12_13).build(), T0))
        .isEmpty();
    assertThat(StandingRisks.of(YouthSnapshot.newBuilder(sealed).setAgeBand(null).build(), T0)).isEmpty();
    // a date of birth after t0 is not an age
    assertThat(StandingRisks.of(youthBornOn("2027-01-01"), T0)).isEmpty();
  }
}
