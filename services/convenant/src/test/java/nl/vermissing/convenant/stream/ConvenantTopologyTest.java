package nl.vermissing.convenant.stream;

import static nl.vermissing.convenant.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.vermissing.convenant.domain.DefaultRules;
import nl.vermissing.convenant.domain.PoliceFields;
import nl.vermissing.convenant.domain.StandingRisks;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.NextStepKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RecipientKind;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.SharingStage;
import nl.vermissing.events.TimeRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule and every deadline of the agreement, through the real topology with test-controlled time. */
class ConvenantTopologyTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir
  Path stateDir;
  EngineHarness engine;
  String caseId;

  @BeforeEach
  void start() {
    engine = new EngineHarness(stateDir, T0);
    caseId = "case-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static void assertOnlyFields(PoliceAlert alert, List<String> allowed) {
    assertThat(alert.getDisclosedFields()).isSubsetOf(allowed);
  }

  @Nested
  class Red {

    @Test
    void red_is_reported_at_once_with_the_missing_report_fields_and_a_short_acknowledgement_deadline() {
      // Given an absence in open care
      engine.pipe(openAbsence(caseId, T0));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.LOCAL_ACTIONS_AND_RISK_ASSESSMENT);

      // When the institution assesses red
      engine.advance(Duration.ofMinutes(5));
      Instant assessedAt = engine.now;
      engine.pipe(risk(caseId, ANKER, assessedAt, RiskLevel.RED));

      // Then one CAP alert goes out at once, with the missing-report fields only
      List<PoliceAlert> alerts = engine.alerts();
      assertThat(alerts).hasSize(1);
      PoliceAlert alert = alerts.get(0);
      assertThat(alert.getMsgType()).isEqualTo(CapMsgType.Alert);
      assertThat(alert.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(alert.getScope()).isEqualTo(CapScope.Restricted);
      assertThat(alert.getInfo().getUrgency()).isEqualTo(CapUrgency.Immediate);
      assertThat(alert.getInfo().getSeverity()).isEqualTo(CapSeverity.Severe);
      assertThat(alert.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);
      assertThat(alert.getSent()).isEqualTo(assessedAt);
      assertThat(alert.getAcknowledgeBy()).isEqualTo(assessedAt.plus(Duration.ofMinutes(15)));
      assertThat(alert.getPoliceUnit()).isEqualTo("pu-midden-nederland");
      assertThat(alert.getAgreementId()).isEqualTo(DefaultRules.DEFAULT_AGREEMENT_ID);
      assertThat(alert.getData().getGivenName()).isEqualTo("Sanne");
      assertThat(alert.getData().getPhoto()).isNotNull();
      assertThat(alert.getData().getClothing()).isEqualTo("red jacket");
      assertThat(alert.getData().getMinutesMissing()).isEqualTo(15L);
      assertThat(alert.getData().getNewInformation()).isNull();
      assertOnlyFields(alert, DefaultRules.MISSING_REPORT);
      assertThat(alert.getInfo().getHeadline()).doesNotContain("Sanne", "Vries");

      // And the disclosure is recorded: which fields, to whom, when, rule version, legal basis
      List<DisclosureRecord> disclosures = engine.disclosures();
      assertThat(disclosures).hasSize(1);
      DisclosureRecord disclosure = disclosures.get(0);
      assertThat(disclosure.getRecipientKind()).isEqualTo(RecipientKind.POLICE_UNIT);
      assertThat(disclosure.getRecipient()).isEqualTo("pu-midden-nederland");
      assertThat(disclosure.getFields()).isEqualTo(alert.getDisclosedFields());
      assertThat(disclosure.getDisclosedAt()).isEqualTo(assessedAt);
      assertThat(disclosure.getAgreementVersion()).isEqualTo(0);
      assertThat(disclosure.getLegalBasis()).isEqualTo(LEGAL_BASIS);
      assertThat(disclosure.getMessageId()).isEqualTo(alert.getIdentifier());

      // And the institution is told to await the police
      RequiredNextStep step = engine.lastStep();
      assertThat(step.getStep()).isEqualTo(NextStepKind.AWAIT_POLICE);
      assertThat(step.getDeadline()).isEqualTo(alert.getAcknowledgeBy());
      assertThat(step.getDescriptionNl()).isNotBlank();
      assertThat(step.getDescriptionEn()).isNotBlank();
    }

    @Test
    void a_risk_indicator_makes_the_case_red_and_the_alert_extreme() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN, RiskIndicator.UNDER_13));

      PoliceAlert alert = engine.alerts().get(0);
      assertThat(alert.getData().getRiskLevel()).isEqualTo(RiskLevel.RED);
      assertThat(alert.getInfo().getSeverity()).isEqualTo(CapSeverity.Extreme);
      assertThat(alert.getData().getRiskIndicators()).containsExactly(RiskIndicator.UNDER_13);
    }

    @Test
    void a_cse_flagged_youth_whose_whereabouts_are_known_is_reported_red_at_once_with_her_standing_indicators() {
      // Given a youth whose profile records sexual exploitation and a suspected exploiter among her contacts
      // When she is away without permission, whereabouts known
      engine.pipe(absence(caseId, ANKER, T0, youthWithStandingRisk(PlacementType.OPEN, null), true));

      // Then she is red at once: a full missing report, extreme, with the indicators of her profile
      PoliceAlert alert = engine.alerts().get(0);
      assertThat(alert.getMsgType()).isEqualTo(CapMsgType.Alert);
      assertThat(alert.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(alert.getInfo().getUrgency()).isEqualTo(CapUrgency.Immediate);
      assertThat(alert.getInfo().getSeverity()).isEqualTo(CapSeverity.Extreme);
      assertThat(alert.getAcknowledgeBy()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
      assertThat(alert.getData().getRiskLevel()).isEqualTo(RiskLevel.RED);
      assertThat(alert.getData().getRiskIndicators())
          .containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER, RiskIndicator.SEXUAL_EXPLOITATION);
      RequiredNextStep step = engine.lastStep();
      assertThat(step.getStep()).isEqualTo(NextStepKind.AWAIT_POLICE);
      assertThat(step.getRiskLevel()).isEqualTo(RiskLevel.RED);

      // And a later green assessment changes nothing: a CSE-flagged child is never downgraded
      engine.pipe(risk(caseId, ANKER, T0.plusSeconds(60), RiskLevel.GREEN));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.lastStep().getRiskLevel()).isEqualTo(RiskLevel.RED);
      engine.advanceInSteps(Duration.ofHours(26), Duration.ofHours(1));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void a_youth_under_13_at_t0_is_reported_red_at_once() {
      // Given a youth who was 12 when last seen (born 2014-01-10), without any other standing risk
      engine.pipe(absence(caseId, ANKER, T0, youthBornOn("2014-01-10"), false));

      assertThat(engine.alerts()).singleElement().satisfies(a -> {
        assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
        assertThat(a.getData().getRiskIndicators()).containsExactly(RiskIndicator.UNDER_13);
      });
    }

    @Test
    void closed_care_with_a_valid_machtiging_is_reported_without_waiting_for_an_assessment() {
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(LocalDate.of(2027, 1, 1))),
          false));

      List<PoliceAlert> alerts = engine.alerts();
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(alerts.get(0).getData().getLegalTitle()).isNotNull();
      assertThat(alerts.get(0).getAcknowledgeBy()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void closed_care_with_an_expired_machtiging_waits_for_the_assessment() {
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(LocalDate.of(2026, 1, 1))),
          false));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void closed_care_on_a_valid_machtiging_is_reported_even_when_the_whereabouts_are_known() {
      // DOMAIN: "closed placement with legal title: always reported to police"; knowing where the youth is does not
      // end the court order, and police accept the report because of it
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(null)), true));
      assertThat(engine.alerts()).singleElement().satisfies(a -> {
        assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
        assertThat(a.getData().getLegalTitle()).isNotNull();
      });
    }

    @Test
    void the_rule_can_be_switched_off_by_the_agreement() {
      engine.pipe(AgreementVersion.newBuilder(agreement("flevoland", 1, T0.minusSeconds(3600),
          "pu-midden-nederland", List.of(HORIZON))).setClosedWithLegalTitleAlwaysReported(false).build());
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(null)), false));
      assertThat(engine.alerts()).isEmpty();
    }
  }

  @Nested
  class Orange {

    @Test
    void orange_gets_a_pseudonymous_consultation_escalated_once_to_a_full_report_after_six_hours() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));

      PoliceAlert consultation = engine.alerts().get(0);
      assertThat(consultation.getStage()).isEqualTo(SharingStage.CONSULTATION);
      assertThat(consultation.getMsgType()).isEqualTo(CapMsgType.Alert);
      assertThat(consultation.getInfo().getUrgency()).isEqualTo(CapUrgency.Expected);
      assertThat(consultation.getAcknowledgeBy()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
      assertThat(consultation.getDisclosedFields()).containsExactlyInAnyOrderElementsOf(DefaultRules.CONSULTATION);
      assertThat(consultation.getData().getGivenName()).isNull();
      assertThat(consultation.getData().getPhoto()).isNull();
      RequiredNextStep consult = engine.lastStep();
      assertThat(consult.getStep()).isEqualTo(NextStepKind.CONSULT_POLICE);
      assertThat(consult.getDeadline()).isEqualTo(T0.plus(Duration.ofHours(6)));

      // Not back after 5 h 59 min: nothing yet
      engine.advanceInSteps(Duration.ofMinutes(350), Duration.ofMinutes(25));
      engine.advanceInSteps(Duration.ofMinutes(9), Duration.ofMinutes(1));
      assertThat(engine.alerts()).isEmpty();

      // At 6 h: a full missing report that references the consultation
      engine.advanceInSteps(Duration.ofMinutes(2), Duration.ofSeconds(30));
      List<PoliceAlert> escalation = engine.alerts();
      assertThat(escalation).hasSize(1);
      PoliceAlert report = escalation.get(0);
      assertThat(report.getMsgType()).isEqualTo(CapMsgType.Update);
      assertThat(report.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(report.getReferences()).singleElement().asString().contains(consultation.getIdentifier());
      assertThat(report.getData().getGivenName()).isEqualTo("Sanne");
      assertThat(report.getSent()).isBetween(T0.plus(Duration.ofHours(6)),
          T0.plus(Duration.ofHours(6)).plusSeconds(30));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.AWAIT_POLICE);

      // And never again
      engine.advanceInSteps(Duration.ofHours(30), Duration.ofHours(1));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void orange_is_never_downgraded_to_green_automatically() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
      engine.pipe(risk(caseId, ANKER, T0.plusSeconds(60), RiskLevel.GREEN));
      assertThat(engine.alerts()).hasSize(1);
      assertThat(engine.lastStep().getRiskLevel()).isEqualTo(RiskLevel.ORANGE);

      engine.advance(Duration.ofHours(6));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT));
    }

    @Test
    void orange_raised_to_red_escalates_the_consultation_at_once() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
      PoliceAlert consultation = engine.alerts().get(0);

      engine.advance(Duration.ofMinutes(30));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.RED));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getMsgType()).isEqualTo(CapMsgType.Update);
      assertThat(report.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(report.getReferences().get(0)).contains(consultation.getIdentifier());
      assertThat(report.getAcknowledgeBy()).isEqualTo(engine.now.plus(Duration.ofMinutes(15)));

      engine.advance(Duration.ofHours(7));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void orange_assessed_after_the_escalation_time_is_reported_in_full_at_once() {
      engine.pipe(openAbsence(caseId, T0));
      engine.advance(Duration.ofHours(7));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.ORANGE));
      assertThat(engine.alerts()).singleElement().satisfies(a -> {
        assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
        assertThat(a.getMsgType()).isEqualTo(CapMsgType.Alert);
      });
    }
  }

  @Nested
  class Green {

    @Test
    void green_requires_a_reassessment_after_24_hours_and_an_unanswered_one_makes_the_case_orange() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      assertThat(engine.alerts()).isEmpty();
      RequiredNextStep green = engine.lastStep();
      assertThat(green.getStep()).isEqualTo(NextStepKind.REASSESS_RISK);
      assertThat(green.getDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));

      engine.advance(Duration.ofHours(24));
      assertThat(engine.alerts()).isEmpty();
      RequiredNextStep request = engine.lastStep();
      assertThat(request.getStep()).isEqualTo(NextStepKind.REASSESS_RISK);
      assertThat(request.getDeadline()).isEqualTo(T0.plus(Duration.ofHours(25)));

      // No answer within the hour: orange; as the orange escalation time (t0 + 6 h) has passed, reported in full
      engine.advance(Duration.ofHours(1));
      List<PoliceAlert> alerts = engine.alerts();
      assertThat(alerts).singleElement().satisfies(a -> {
        assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
        assertThat(a.getData().getRiskLevel()).isEqualTo(RiskLevel.ORANGE);
      });
    }

    @Test
    void with_short_green_terms_an_unanswered_reassessment_leads_to_a_consultation_then_escalation() {
      TimeRules shortGreen = TimeRules.newBuilder().setGreenReassessAfterMinutes(60)
          .setGreenReassessAnswerMinutes(30).build();
      engine.pipe(AgreementVersion.newBuilder(agreement("flevoland", 1, T0.minusSeconds(60), "pu-midden-nederland",
          List.of(ANKER, HORIZON))).setTimeRules(shortGreen).build());
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));

      engine.advance(Duration.ofMinutes(60));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.REASSESS_RISK);
      engine.advance(Duration.ofMinutes(30));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getStage()).isEqualTo(SharingStage.CONSULTATION));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.CONSULT_POLICE);

      engine.advance(Duration.ofMinutes(270));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT));
    }

    @Test
    void a_green_answer_to_the_reassessment_restarts_the_reassessment_term() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      engine.advance(Duration.ofHours(24));
      engine.advance(Duration.ofMinutes(30));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.GREEN));
      engine.steps();

      engine.advance(Duration.ofHours(2));
      assertThat(engine.alerts()).isEmpty();
      engine.advance(Duration.ofHours(22));
      assertThat(engine.lastStep().getDeadline()).isEqualTo(engine.now.plus(Duration.ofHours(1)));
    }

    @Test
    void whereabouts_known_means_no_police_but_the_reassessment_deadline_still_runs() {
      // Given a youth without standing risk in her profile (a CSE-flagged youth would be red: see Red)
      assertThat(StandingRisks.of(youth(PlacementType.OPEN, null), T0)).isEmpty();
      engine.pipe(absence(caseId, ANKER, T0, youth(PlacementType.OPEN, null), true));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      engine.advance(Duration.ofHours(23));
      assertThat(engine.alerts()).isEmpty();
      engine.advance(Duration.ofHours(1));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.REASSESS_RISK);
    }

    @Test
    void an_explicit_missing_report_at_green_is_filed_in_full() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      engine.pipe(missingReported(caseId, ANKER, T0.plusSeconds(60)));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
      assertThat(report.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);
      assertThat(report.getAcknowledgeBy()).isEqualTo(engine.now.plus(Duration.ofMinutes(60)));
      engine.advance(Duration.ofHours(30));
      assertThat(engine.alerts()).isEmpty();
    }
  }

  @Nested
  class Updates {

    @Test
    void new_information_after_a_report_is_sent_as_an_update_with_the_update_fields_only() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      PoliceAlert report = engine.alerts().get(0);

      engine.advance(Duration.ofMinutes(20));
      engine.pipe(information(caseId, ANKER, engine.now, InformationKind.SIGHTING, "seen with an older man"));
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getMsgType()).isEqualTo(CapMsgType.Update);
      assertThat(update.getStage()).isEqualTo(SharingStage.UPDATE);
      assertThat(update.getReferences().get(0)).contains(report.getIdentifier());
      assertThat(update.getData().getNewInformation()).isEqualTo("seen with an older man");
      assertThat(update.getData().getLastSeenLocation()).isEqualTo("Markt, Almere");
      assertThat(update.getData().getGivenName()).isNull();
      assertOnlyFields(update, DefaultRules.UPDATE);
      assertThat(engine.disclosures()).hasSize(2);
    }

    @Test
    void information_after_only_a_consultation_stays_pseudonymous() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
      engine.alerts();
      engine.pipe(information(caseId, ANKER, T0.plusSeconds(60), InformationKind.CLOTHING_CHANGED, "blue coat"));
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getStage()).isEqualTo(SharingStage.UPDATE);
      assertThat(update.getDisclosedFields()).doesNotContainAnyElementsOf(PoliceFields.PERSONAL);
    }

    @Test
    void information_before_any_police_contact_is_not_sent_but_used_in_the_later_report() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(information(caseId, ANKER, T0.plusSeconds(60), InformationKind.CLOTHING_CHANGED, "blue coat"));
      assertThat(engine.alerts()).isEmpty();
      engine.pipe(risk(caseId, ANKER, T0.plusSeconds(120), RiskLevel.RED));
      assertThat(engine.alerts().get(0).getData().getClothing()).isEqualTo("blue coat");
    }

    @Test
    void an_update_never_lowers_the_severity_or_certainty_already_sent() {
      // Given a red report with a risk indicator: extreme, observed
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED, RiskIndicator.OUT_OF_CHARACTER));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getInfo().getSeverity()).isEqualTo(CapSeverity.Extreme);
      assertThat(report.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);

      // When new information follows
      engine.advance(Duration.ofMinutes(10));
      engine.pipe(information(caseId, ANKER, engine.now, InformationKind.SIGHTING, "seen at the station"));

      // Then the update is as severe and as certain as the report
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getMsgType()).isEqualTo(CapMsgType.Update);
      assertThat(update.getInfo().getSeverity()).isEqualTo(CapSeverity.Extreme);
      assertThat(update.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);
    }

    @Test
    void an_update_after_a_report_filed_at_green_stays_severe_and_observed() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      engine.pipe(missingReported(caseId, ANKER, T0.plusSeconds(60)));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getInfo().getSeverity()).isEqualTo(CapSeverity.Severe);
      assertThat(report.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);

      engine.pipe(information(caseId, ANKER, T0.plusSeconds(120), InformationKind.OTHER, "phone switched on"));
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getInfo().getSeverity()).isEqualTo(CapSeverity.Severe);
      assertThat(update.getInfo().getCertainty()).isEqualTo(CapCertainty.Observed);
    }

    @Test
    void police_are_never_told_a_case_was_raised_to_green() {
      // Given closed care on a valid machtiging, reported at the absence before any assessment
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(null)), false));
      assertThat(engine.alerts()).hasSize(1);

      // When the institution assesses green: nothing goes to police
      engine.pipe(risk(caseId, HORIZON, T0.plusSeconds(60), RiskLevel.GREEN));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.disclosures()).hasSize(1);

      // Likewise a report the institution filed before assessing, then assessed green
      String other = "case-" + UUID.randomUUID();
      engine.pipe(openAbsence(other, T0));
      engine.pipe(missingReported(other, ANKER, T0));
      assertThat(engine.alerts()).hasSize(1);
      engine.pipe(risk(other, ANKER, T0.plusSeconds(60), RiskLevel.GREEN));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void a_risk_update_goes_to_police_only_when_the_level_rises_above_what_they_were_told() {
      // Given closed care reported at the absence (not assessed), then assessed green (not sent)
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, machtiging(null)), false));
      engine.pipe(risk(caseId, HORIZON, T0.plusSeconds(60), RiskLevel.GREEN));
      engine.alerts();

      // When assessed orange: a real raise, sent once
      engine.advance(Duration.ofMinutes(5));
      engine.pipe(risk(caseId, HORIZON, engine.now, RiskLevel.ORANGE));
      assertThat(engine.alerts()).singleElement().satisfies(u -> {
        assertThat(u.getStage()).isEqualTo(SharingStage.UPDATE);
        assertThat(u.getData().getRiskLevel()).isEqualTo(RiskLevel.ORANGE);
        assertThat(u.getInfo().getHeadline()).contains("oranje");
      });
      engine.pipe(risk(caseId, HORIZON, engine.now.plusSeconds(1), RiskLevel.ORANGE));
      engine.pipe(risk(caseId, HORIZON, engine.now.plusSeconds(2), RiskLevel.GREEN));
      assertThat(engine.alerts()).isEmpty();

      // And red: a raise with the red acknowledgement term
      engine.pipe(risk(caseId, HORIZON, engine.now.plusSeconds(3), RiskLevel.RED));
      assertThat(engine.alerts()).singleElement().satisfies(u -> {
        assertThat(u.getData().getRiskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(u.getAcknowledgeBy()).isEqualTo(engine.now.plus(Duration.ofMinutes(15)));
      });
    }

    @Test
    void time_missing_counts_from_when_the_youth_was_last_seen_at_the_absence_not_from_a_later_sighting() {
      // Given an absence at 09:00 of a youth last seen at 08:50, reported red at once
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      assertThat(engine.alerts().get(0).getData().getMinutesMissing()).isEqualTo(10L);

      // When she is sighted at 09:20
      engine.advance(Duration.ofMinutes(20));
      engine.pipe(information(caseId, ANKER, engine.now, InformationKind.SIGHTING, "seen at the market"));

      // Then the update has the sighting as last seen, but she has been missing for 30 minutes
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getData().getLastSeenAt()).isEqualTo(engine.now);
      assertThat(update.getData().getMinutesMissing()).isEqualTo(30L);

      // And later information still counts from 08:50
      engine.advance(Duration.ofMinutes(15));
      engine.pipe(information(caseId, ANKER, engine.now, InformationKind.OTHER, "phone switched on"));
      assertThat(engine.alerts().get(0).getData().getMinutesMissing()).isEqualTo(45L);
    }

    @Test
    void risk_raised_after_a_report_is_an_update_with_a_red_acknowledgement_deadline() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(missingReported(caseId, ANKER, T0));
      engine.alerts();
      engine.advance(Duration.ofMinutes(10));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.RED));
      PoliceAlert update = engine.alerts().get(0);
      assertThat(update.getStage()).isEqualTo(SharingStage.UPDATE);
      assertThat(update.getData().getRiskLevel()).isEqualTo(RiskLevel.RED);
      assertThat(update.getAcknowledgeBy()).isEqualTo(engine.now.plus(Duration.ofMinutes(15)));
    }
  }

  @Nested
  class ReturnAndCancel {

    @Test
    void a_return_cancels_everything_sent_to_police_at_once_and_asks_for_the_return_conversation() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
      engine.advance(Duration.ofHours(6));
      List<PoliceAlert> sent = engine.alerts();
      assertThat(sent).hasSize(2);
      engine.disclosures();

      engine.advance(Duration.ofMinutes(40));
      Instant returnedAt = engine.now;
      engine.pipe(returned(caseId, ANKER, returnedAt));

      PoliceAlert cancel = engine.alerts().get(0);
      assertThat(cancel.getMsgType()).isEqualTo(CapMsgType.Cancel);
      assertThat(cancel.getStage()).isEqualTo(SharingStage.CANCEL);
      assertThat(cancel.getSent()).isEqualTo(returnedAt);
      assertThat(cancel.getReferences()).hasSize(2);
      assertThat(String.join(" ", cancel.getReferences()))
          .contains(sent.get(0).getIdentifier(), sent.get(1).getIdentifier());
      assertThat(cancel.getDisclosedFields()).isEmpty();
      assertThat(engine.disclosures()).singleElement()
          .satisfies(d -> assertThat(d.getMessageId()).isEqualTo(cancel.getIdentifier()));

      RequiredNextStep step = engine.lastStep();
      assertThat(step.getStep()).isEqualTo(NextStepKind.HOLD_RETURN_CONVERSATION);
      assertThat(step.getDeadline()).isEqualTo(returnedAt.plus(Duration.ofHours(72)));
    }

    @Test
    void references_carry_the_sent_time_as_a_cap_date_time_equal_to_the_referenced_sent_field() {
      // Given a red report sent at a moment with milliseconds (09:05:00.250 UTC = 10:05:00.250 Dutch time)
      engine.advance(Duration.ofMinutes(5).plusMillis(250));
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.RED));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getSent()).isEqualTo(Instant.parse("2026-03-02T09:05:00Z"));

      // When she returns
      engine.advance(Duration.ofMinutes(30));
      engine.pipe(returned(caseId, ANKER, engine.now));

      // Then the cancel refers to the report as sender,identifier,sent with a CAP 1.2 date-time
      PoliceAlert cancel = engine.alerts().get(0);
      assertThat(cancel.getReferences()).containsExactly(
          "vermissing.convenant," + report.getIdentifier() + ",2026-03-02T10:05:00+01:00");
      String sent = cancel.getReferences().get(0).split(",")[2];
      assertThat(java.time.OffsetDateTime.parse(sent).toInstant()).isEqualTo(report.getSent());
    }

    @Test
    void a_return_clears_the_pending_deadlines() {
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, null), false));
      engine.pipe(risk(caseId, HORIZON, T0, RiskLevel.ORANGE));
      engine.alerts();
      engine.pipe(returned(caseId, HORIZON, T0.plusSeconds(3600)));
      assertThat(engine.alerts()).hasSize(1);
      engine.advanceInSteps(Duration.ofHours(30), Duration.ofHours(1));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.calamities()).isEmpty();
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.HOLD_RETURN_CONVERSATION);
    }

    @Test
    void a_return_without_police_contact_sends_nothing_to_police() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.GREEN));
      engine.pipe(returned(caseId, ANKER, T0.plusSeconds(600)));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.disclosures()).isEmpty();
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.HOLD_RETURN_CONVERSATION);
    }

    @Test
    void a_cancelled_report_is_withdrawn_at_police_and_needs_no_further_step() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      engine.alerts();
      engine.pipe(cancelled(caseId, ANKER, T0.plusSeconds(60)));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getMsgType()).isEqualTo(CapMsgType.Cancel));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.NONE);
    }

    @Test
    void closing_an_open_case_with_police_contact_also_cancels_at_police() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      engine.alerts();
      engine.pipe(closed(caseId, ANKER, T0.plusSeconds(60)));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getMsgType()).isEqualTo(CapMsgType.Cancel));
    }
  }

  @Nested
  class Calamity {

    @Test
    void closed_care_not_back_after_24_hours_notifies_the_municipality_once() {
      engine.pipe(absence(caseId, HORIZON, T0, youth(PlacementType.CLOSED, null), false));
      engine.pipe(risk(caseId, HORIZON, T0, RiskLevel.ORANGE));
      engine.advance(Duration.ofHours(23));
      assertThat(engine.calamities()).isEmpty();
      engine.disclosures();

      engine.advance(Duration.ofHours(1));
      List<CalamityNotice> notices = engine.calamities();
      assertThat(notices).singleElement().satisfies(n -> {
        assertThat(n.getMunicipalityContact()).isEqualTo("gemeente-lelystad");
        assertThat(n.getPlacementType()).isEqualTo(PlacementType.CLOSED);
        assertThat(n.getMissingSince()).isEqualTo(T0);
      });
      assertThat(engine.disclosures()).singleElement().satisfies(d -> {
        assertThat(d.getRecipientKind()).isEqualTo(RecipientKind.MUNICIPALITY);
        assertThat(d.getMessageId()).isEqualTo(notices.get(0).getNoticeId());
      });
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.NOTIFY_MUNICIPALITY);

      engine.advanceInSteps(Duration.ofHours(48), Duration.ofHours(1));
      assertThat(engine.calamities()).isEmpty();
    }

    @Test
    void open_care_never_raises_a_calamity() {
      engine.pipe(openAbsence(caseId, T0));
      engine.advance(Duration.ofHours(30));
      assertThat(engine.calamities()).isEmpty();
    }
  }

  @Nested
  class OutOfOrder {

    @Test
    void an_update_after_the_return_is_not_sent_to_police() {
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      engine.pipe(returned(caseId, ANKER, T0.plusSeconds(600)));
      engine.alerts();
      engine.steps();
      engine.pipe(information(caseId, ANKER, T0.plusSeconds(300), InformationKind.SIGHTING, "late sighting"));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.steps()).isEmpty();
    }

    @Test
    void a_return_that_arrives_before_the_absence_means_nothing_goes_to_police() {
      engine.pipe(returned(caseId, ANKER, T0.plusSeconds(600)));
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      assertThat(engine.alerts()).isEmpty();
      engine.advance(Duration.ofHours(30));
      assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void an_update_for_an_unknown_case_is_kept_and_nothing_is_sent() {
      engine.pipe(information(caseId, ANKER, T0, InformationKind.OTHER, "phone found"));
      assertThat(engine.alerts()).isEmpty();
      assertThat(engine.steps()).isEmpty();
    }

    @Test
    void an_assessment_that_arrives_before_the_absence_is_applied_when_the_absence_arrives() {
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      assertThat(engine.alerts()).isEmpty();
      engine.pipe(openAbsence(caseId, T0));
      assertThat(engine.alerts()).singleElement()
          .satisfies(a -> assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT));
    }

    @Test
    void a_duplicate_delivery_of_an_event_changes_nothing() {
      engine.pipe(openAbsence(caseId, T0));
      var red = risk(caseId, ANKER, T0, RiskLevel.RED);
      engine.pipe(red);
      engine.pipe(red);
      assertThat(engine.alerts()).hasSize(1);
      var back = returned(caseId, ANKER, T0.plusSeconds(60));
      engine.pipe(back);
      engine.pipe(back);
      assertThat(engine.alerts()).hasSize(1);
    }

    @Test
    void local_actions_republish_the_next_step() {
      engine.pipe(openAbsence(caseId, T0));
      engine.steps();
      engine.pipe(localAction(caseId, ANKER, T0.plusSeconds(60)));
      assertThat(engine.lastStep().getStep()).isEqualTo(NextStepKind.LOCAL_ACTIONS_AND_RISK_ASSESSMENT);
    }
  }

  @Nested
  class Agreements {

    @Test
    void each_decision_uses_the_version_in_effect_at_its_moment() {
      engine.pipe(agreement("flevoland", 1, T0.minus(Duration.ofDays(1)), "pu-midden-nederland",
          List.of(ANKER, HORIZON)));
      engine.pipe(AgreementVersion.newBuilder(agreement("flevoland", 2, T0.plus(Duration.ofHours(1)),
          "pu-midden-nederland", List.of(ANKER, HORIZON)))
          .setTimeRules(TimeRules.newBuilder().setRedAcknowledgeMinutes(10).build()).build());

      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
      PoliceAlert consultation = engine.alerts().get(0);
      assertThat(consultation.getAgreementId()).isEqualTo("flevoland");
      assertThat(consultation.getAgreementVersion()).isEqualTo(1);

      engine.advance(Duration.ofHours(2));
      engine.pipe(risk(caseId, ANKER, engine.now, RiskLevel.RED));
      PoliceAlert report = engine.alerts().get(0);
      assertThat(report.getAgreementVersion()).isEqualTo(2);
      assertThat(report.getAcknowledgeBy()).isEqualTo(engine.now.plus(Duration.ofMinutes(10)));
      assertThat(engine.disclosures()).extracting(DisclosureRecord::getAgreementVersion).containsExactly(1, 2);
    }

    @Test
    void an_institution_refinement_wins_over_the_regional_agreement() {
      engine.pipe(agreement("flevoland", 1, T0.minus(Duration.ofDays(1)), "pu-midden-nederland",
          List.of(ANKER, HORIZON)));
      engine.pipe(agreement("flevoland-anker", 1, T0.minus(Duration.ofDays(1)), "pu-anker-team", List.of(ANKER)));
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      PoliceAlert alert = engine.alerts().get(0);
      assertThat(alert.getAgreementId()).isEqualTo("flevoland-anker");
      assertThat(alert.getPoliceUnit()).isEqualTo("pu-anker-team");
    }

    @Test
    void an_institution_without_an_agreement_falls_back_to_the_default_police_unit() {
      engine.pipe(agreement("amsterdam", 1, T0.minus(Duration.ofDays(1)), "pu-amsterdam",
          List.of("inst-vuurtoren")));
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      PoliceAlert alert = engine.alerts().get(0);
      assertThat(alert.getAgreementId()).isEqualTo(DefaultRules.DEFAULT_AGREEMENT_ID);
      assertThat(alert.getPoliceUnit()).isEqualTo("pu-midden-nederland");
    }

    @Test
    void an_agreement_restricting_the_missing_report_is_obeyed() {
      engine.pipe(AgreementVersion.newBuilder(agreement("flevoland", 1, T0.minus(Duration.ofDays(1)),
          "pu-midden-nederland", List.of(ANKER)))
          .setSharing(AgreementVersion.newBuilder(defaultAgreement()).getSharing())
          .build());
      AgreementVersion strict = AgreementVersion.newBuilder(agreement("flevoland", 2, T0.minus(Duration.ofHours(1)),
          "pu-midden-nederland", List.of(ANKER))).build();
      strict.getSharing().setMissingReport(List.of(PoliceFields.GIVEN_NAME, PoliceFields.RISK_LEVEL));
      engine.pipe(strict);
      engine.pipe(openAbsence(caseId, T0));
      engine.pipe(risk(caseId, ANKER, T0, RiskLevel.RED));
      assertThat(engine.alerts().get(0).getDisclosedFields())
          .containsExactlyInAnyOrder(PoliceFields.GIVEN_NAME, PoliceFields.RISK_LEVEL);
    }
  }

  @Test
  void a_pending_deadline_survives_a_restart_and_fires_exactly_once(@TempDir Path restartDir) {
    // Given an orange case whose escalation is due at t0 + 6 h
    engine.pipe(openAbsence(caseId, T0));
    engine.pipe(risk(caseId, ANKER, T0, RiskLevel.ORANGE));
    assertThat(engine.alerts()).hasSize(1);
    engine.advance(Duration.ofHours(3));

    // When the service stops after 3 h and starts again on the same disk
    engine = engine.restartOnCopy(restartDir);

    // Then the escalation fires once, at 6 h, and never again
    engine.advance(Duration.ofHours(2));
    assertThat(engine.alerts()).isEmpty();
    engine.advanceInSteps(Duration.ofHours(2), Duration.ofMinutes(30));
    assertThat(engine.alerts()).singleElement()
        .satisfies(a -> assertThat(a.getStage()).isEqualTo(SharingStage.MISSING_REPORT));
    engine.advanceInSteps(Duration.ofHours(20), Duration.ofHours(1));
    assertThat(engine.alerts()).isEmpty();

    // And the return still cancels both messages sent before and after the restart
    engine.pipe(returned(caseId, ANKER, engine.now));
    assertThat(engine.alerts()).singleElement().satisfies(a -> assertThat(a.getReferences()).hasSize(2));
  }
}
