package nl.vermissing.police.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.api.AlertViews.AlertSummary;
import org.junit.jupiter.api.Test;

/** Personal data of an alert is kept for the retention period after its cancel, and never touched while active. */
class RetentionRuleTest {

  static final Instant T0 = Instant.parse("2026-11-22T17:43:00Z");
  static final Duration KEEP = Duration.ofDays(30);

  static CaseAlert cancelledAt(Instant cancelled) {
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-midden-nederland", T0);
    CaseAlert state = CaseAlert.first(alert).state();
    state = state.withMessage(TestAlerts.update(alert, T0.plusSeconds(600), "gezien bij station")).state();
    state = state.withResponse(TestAlerts.response(alert.getCaseId(), alert.getPoliceUnit(), T0.plusSeconds(900),
        new InformationRequested("Heeft Sanne haar telefoon bij zich?"))).state();
    return state.withMessage(TestAlerts.cancel(alert, cancelled)).state();
  }

  @Test
  void anActiveAlertIsNeverDueHoweverOld() {
    // Given an alert that is still active
    CaseAlert active = CaseAlert.first(TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-1", T0)).state();

    // When years have passed, Then its personal data stays
    Instant later = T0.plus(Duration.ofDays(3650));
    assertThat(RetentionRule.expiresAt(active, KEEP)).isEmpty();
    assertThat(RetentionRule.due(active, later, KEEP)).isFalse();
    assertThat(RetentionRule.shown(active, later, KEEP)).isSameAs(active);
  }

  @Test
  void aCancelledAlertIsDueWhenThePeriodAfterTheCancelHasPassed() {
    // Given an alert cancelled an hour after it was sent
    Instant cancelled = T0.plusSeconds(3600);
    CaseAlert alert = cancelledAt(cancelled);

    // Then it keeps its personal data until the period after the cancel (not after the alert) has passed
    assertThat(RetentionRule.expiresAt(alert, KEEP)).hasValue(cancelled.plus(KEEP));
    assertThat(RetentionRule.due(alert, cancelled.plus(KEEP).minusMillis(1), KEEP)).isFalse();
    assertThat(RetentionRule.shown(alert, cancelled.plus(KEEP).minusMillis(1), KEEP)).isSameAs(alert);
    assertThat(RetentionRule.due(alert, cancelled.plus(KEEP), KEEP)).isTrue();

    // and once removed, it is not due again
    CaseAlert removed = RetentionRule.shown(alert, cancelled.plus(KEEP), KEEP);
    assertThat(removed.personalDataRemovedAt()).isEqualTo(cancelled.plus(KEEP));
    assertThat(RetentionRule.due(removed, cancelled.plus(KEEP).plus(KEEP), KEEP)).isFalse();
  }

  @Test
  void removalKeepsOnlyTheNonPersonalFacts() {
    // Given a cancelled missing report with identity, photo, description, contacts and new information
    CaseAlert alert = cancelledAt(T0.plusSeconds(3600));
    assertThat(DisclosedData.personalFieldsSet(DisclosedData.merged(alert.messages())))
        .contains("givenName", "photo", "physicalDescription", "contacts", "newInformation");

    // When its retention period has passed
    CaseAlert removed = RetentionRule.shown(alert, T0.plus(Duration.ofDays(31)), KEEP);

    // Then no message holds a personal field (no placeholder either), and the facts of the case stay
    for (PoliceAlert message : removed.messages()) {
      assertThat(DisclosedData.personalFieldsSet(message.getData())).isEmpty();
      assertThat(message.getData().toString()).doesNotContain("Sanne", "Kevin", "gewist", "station Lelystad");
    }
    assertThat(removed.informationRequests()).singleElement().satisfies(r -> {
      assertThat(r.question()).isNull();
      assertThat(r.askedBy()).isEqualTo("agent-1");
    });
    assertThat(removed.caseId()).isEqualTo(alert.caseId());
    assertThat(removed.policeUnit()).isEqualTo(alert.policeUnit());
    assertThat(removed.cancelled()).isTrue();
    assertThat(removed.messages()).extracting(PoliceAlert::getIdentifier)
        .isEqualTo(alert.messages().stream().map(PoliceAlert::getIdentifier).toList());
    assertThat(removed.messages()).extracting(PoliceAlert::getSent)
        .isEqualTo(alert.messages().stream().map(PoliceAlert::getSent).toList());
    assertThat(removed.messages().get(0).getDisclosedFields()).contains("givenName", "photo");
    AlertSummary before = AlertSummary.of(alert);
    AlertSummary after = AlertSummary.of(removed);
    assertThat(after.data()).isEqualTo(before.data()).containsEntry("riskLevel", RiskLevel.RED.name())
        .containsEntry("ageBand", "AGE_14_15");
    assertThat(after.hasPhoto()).isFalse();
    assertThat(after.cancelled()).isTrue();
    assertThat(after.personalDataRemovedAt()).isEqualTo(T0.plusSeconds(3600).plus(KEEP));

    // and the audit names what was removed
    RetentionExpiry expiry = RetentionRule.expiry(alert, removed.personalDataRemovedAt());
    assertThat(expiry.fields()).contains("givenName", "familyName", "photo", "contacts", "newInformation",
            RetentionRule.QUESTIONS)
        .doesNotContain("riskLevel", "ageBand");
    assertThat(expiry.cancelIdentifier()).isEqualTo(alert.latest().getIdentifier());
    assertThat(expiry.auditId()).isEqualTo(RetentionRule.expiry(alert, Instant.EPOCH).auditId());
  }

  @Test
  void aNewMessageAfterTheRemovalIsShownAndStartsAFreshPeriodAtItsNextCancel() {
    // Given an alert whose personal data was removed
    CaseAlert alert = cancelledAt(T0.plusSeconds(3600));
    CaseAlert removed = RetentionRule.shown(alert, T0.plus(Duration.ofDays(31)), KEEP);

    // When the convenant sends a new missing report for the case (the youth is missing again)
    PoliceAlert again = TestAlerts.missingReport(alert.caseId(), alert.policeUnit(), T0.plus(Duration.ofDays(32)));
    CaseAlert reopened = removed.withMessage(again).state();

    // Then it is active, shows the new data, and is not due
    assertThat(reopened.active()).isTrue();
    assertThat(reopened.personalDataRemovedAt()).isNull();
    assertThat(DisclosedData.personal(DisclosedData.merged(reopened.messages()))).containsEntry("givenName", "Sanne");
    assertThat(RetentionRule.due(reopened, T0.plus(Duration.ofDays(400)), KEEP)).isFalse();

    // and after its next cancel a fresh period runs, recorded under another audit id
    Instant cancelledAgain = T0.plus(Duration.ofDays(33));
    CaseAlert cancelled = reopened.withMessage(TestAlerts.cancel(again, cancelledAgain)).state();
    assertThat(RetentionRule.expiresAt(cancelled, KEEP)).hasValue(cancelledAgain.plus(KEEP));
    assertThat(RetentionRule.expiry(cancelled, cancelledAgain.plus(KEEP)).auditId())
        .isNotEqualTo(RetentionRule.expiry(alert, removed.personalDataRemovedAt()).auditId());
  }
}
