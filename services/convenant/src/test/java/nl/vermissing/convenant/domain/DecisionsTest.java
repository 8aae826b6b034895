package nl.vermissing.convenant.domain;

import nl.vermissing.vocabulary.CapTime;
import nl.vermissing.vocabulary.AgeBands;
import static nl.vermissing.convenant.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import org.junit.jupiter.api.Test;

/** The pure decision functions, without Kafka. */
class DecisionsTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  final AgreementVersion agreement = defaultAgreement();

  @Test
  void green_schedules_a_reassessment_from_t0_and_never_contacts_police() {
    CaseState state = CaseState.start("c1", "y1", ANKER);
    Decisions.onEvent(state, openAbsence("c1", T0), agreement, T0.toEpochMilli());
    Decision decision = Decisions.onEvent(state, risk("c1", ANKER, T0, RiskLevel.GREEN), agreement,
        T0.toEpochMilli());
    assertThat(decision.alerts()).isEmpty();
    assertThat(state.timers).containsEntry(TimerKind.REASSESS_RISK, T0.plus(Duration.ofHours(24)).toEpochMilli());
  }

  @Test
  void a_timer_that_is_not_yet_due_or_no_longer_pending_changes_nothing() {
    CaseState state = CaseState.start("c1", "y1", ANKER);
    Decisions.onEvent(state, openAbsence("c1", T0), agreement, T0.toEpochMilli());
    assertThat(Decisions.onTimer(state, TimerKind.REASSESS_RISK, agreement, T0.toEpochMilli()).changed()).isFalse();
    assertThat(Decisions.onTimer(state, TimerKind.ORANGE_ESCALATION, agreement, T0.plus(Duration.ofDays(2))
        .toEpochMilli()).changed()).isFalse();
  }

  @Test
  void the_end_of_a_case_forgets_personal_data() {
    CaseState state = CaseState.start("c1", "y1", ANKER);
    Decisions.onEvent(state, openAbsence("c1", T0), agreement, T0.toEpochMilli());
    Decisions.onEvent(state, returned("c1", ANKER, T0.plusSeconds(60)), agreement, T0.toEpochMilli() + 60_000);
    assertThat(state.absence).isNull();
    assertThat(state.clothing).isNull();
    assertThat(state.lastSeenLocation).isNull();
    assertThat(state.timers).isEmpty();
  }

  @Test
  void cap_references_carry_the_sent_time_as_cap_consumers_see_the_sent_field() {
    // Given a red report decided at 09:00:00.123 UTC
    CaseState state = CaseState.start("c1", "y1", ANKER);
    long at = T0.toEpochMilli() + 123;
    Decisions.onEvent(state, openAbsence("c1", T0), agreement, at);
    PoliceAlert report = Decisions.onEvent(state, risk("c1", ANKER, T0, RiskLevel.RED), agreement, at).alerts()
        .get(0);

    // Then its sent field has whole seconds, and a reference to it is sender,identifier,CAP date-time
    assertThat(report.getSent()).isEqualTo(T0);
    String reference = "vermissing.convenant," + report.getIdentifier() + ",2026-03-02T10:00:00+01:00";
    assertThat(PoliceMessages.reference(report)).isEqualTo(reference);
    PoliceAlert cancel = Decisions.onEvent(state, returned("c1", ANKER, T0.plusSeconds(60)), agreement, at + 60_000)
        .alerts().get(0);
    assertThat(cancel.getReferences()).containsExactly(reference);
    assertThat(PoliceMessages.identifierOf(cancel.getReferences().get(0))).isEqualTo(report.getIdentifier());
  }

  @Test
  void cap_date_times_have_a_numeric_dutch_offset_and_no_fractions() {
    assertThat(CapTime.format(Instant.parse("2026-01-01T09:00:00.123Z"), Deadlines.ZONE)).isEqualTo("2026-01-01T10:00:00+01:00");
    assertThat(CapTime.format(Instant.parse("2026-07-01T12:00:00.999Z"), Deadlines.ZONE)).isEqualTo("2026-07-01T14:00:00+02:00");
    assertThat(CapTime.format(Instant.parse("2026-10-25T00:59:59Z"), Deadlines.ZONE)).isEqualTo("2026-10-25T02:59:59+02:00");
    assertThat(CapTime.format(Instant.parse("2026-10-25T01:00:00Z"), Deadlines.ZONE)).isEqualTo("2026-10-25T02:00:00+01:00");
    assertThat(CapTime.format(Instant.parse("2026-01-01T09:00:00.123Z"), Deadlines.ZONE))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
  }

  @Test
  void standing_risk_in_the_profile_makes_the_case_red_at_the_absence_whatever_the_whereabouts() {
    CaseState state = CaseState.start("c1", "y1", ANKER);
    Decision decision = Decisions.onEvent(state, absence("c1", ANKER, T0,
        youthWithStandingRisk(PlacementType.OPEN, null), true), agreement, T0.toEpochMilli());
    assertThat(state.riskLevel).isEqualTo(RiskLevel.RED);
    assertThat(state.indicators).containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER,
        RiskIndicator.SEXUAL_EXPLOITATION);
    assertThat(state.policeStage).isEqualTo(PoliceStage.MISSING_REPORT);
    assertThat(decision.alerts()).singleElement()
        .satisfies(a -> assertThat(a.getData().getRiskIndicators()).containsExactlyElementsOf(state.indicators));
    assertThat(state.timers).doesNotContainKey(TimerKind.REASSESS_RISK);
  }

  @Test
  void time_missing_counts_from_the_absence_last_seen_time() {
    CaseState state = CaseState.start("c1", "y1", ANKER);
    Decisions.onEvent(state, openAbsence("c1", T0), agreement, T0.toEpochMilli());
    long later = T0.plus(Duration.ofMinutes(50)).toEpochMilli();
    Decisions.onEvent(state, information("c1", ANKER, T0.plus(Duration.ofMinutes(40)), InformationKind.SIGHTING,
        "seen"), agreement, later);
    assertThat(Decisions.facts(state, agreement, later).minutesMissing()).isEqualTo(60L);
    assertThat(Decisions.facts(state, agreement, later).lastSeenAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
  }

  @Test
  void legal_titles_count_only_when_valid_and_a_court_authorisation() {
    long now = T0.toEpochMilli();
    assertThat(Deadlines.closedWithValidLegalTitle(PlacementType.CLOSED, machtiging(null), now)).isTrue();
    assertThat(Deadlines.closedWithValidLegalTitle(PlacementType.CLOSED, machtiging(LocalDate.of(2026, 3, 2)), now))
        .isTrue();
    assertThat(Deadlines.closedWithValidLegalTitle(PlacementType.CLOSED, machtiging(LocalDate.of(2026, 3, 1)), now))
        .isFalse();
    assertThat(Deadlines.closedWithValidLegalTitle(PlacementType.OPEN, machtiging(null), now)).isFalse();
    assertThat(Deadlines.closedWithValidLegalTitle(PlacementType.CLOSED,
        new LegalTitle(LegalTitleKind.VRIJWILLIG, null), now)).isFalse();
  }

  @Test
  void age_bands() {
    LocalDate on = LocalDate.of(2026, 3, 2);
    assertThat(AgeBands.of("2014-03-03", on)).isEqualTo(AgeBand.UNDER_12);
    assertThat(AgeBands.of("2014-03-02", on)).isEqualTo(AgeBand.AGE_12_13);
    assertThat(AgeBands.of("2011-05-04", on)).isEqualTo(AgeBand.AGE_14_15);
    assertThat(AgeBands.of("2009-01-01", on)).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBands.of("2008-03-02", on)).isEqualTo(AgeBand.AGE_18_PLUS);
    assertThat(AgeBands.of("not a date", on)).isEqualTo(AgeBand.UNKNOWN);
  }
}
