package nl.vermissing.police.domain;

import static nl.vermissing.police.TestAlerts.cancel;
import static nl.vermissing.police.TestAlerts.missingReport;
import static nl.vermissing.police.TestAlerts.response;
import static nl.vermissing.police.TestAlerts.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.ResponsibilityTransferred;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {

  static final Instant T0 = Instant.parse("2026-11-22T17:43:00Z");
  static final String UNIT = "pu-midden-nederland";

  final PoliceAlert alert = missingReport("case-1", UNIT, T0);
  final CaseAlert state = CaseAlert.first(alert).state();

  @Test
  void notDueBeforeTheDeadline() {
    assertThat(EscalationRule.due(state, T0.plus(Duration.ofMinutes(15)).minusMillis(1))).isEmpty();
  }

  @Test
  void dueAtTheDeadlineWhenNotAcknowledged() {
    assertThat(EscalationRule.due(state, T0.plus(Duration.ofMinutes(15))))
        .hasValueSatisfying(r -> {
          assertThat(r.alertIdentifier()).isEqualTo(alert.getIdentifier());
          assertThat(r.policeUnit()).isEqualTo(UNIT);
        });
  }

  @Test
  void neverDueOnceAcknowledged() {
    CaseAlert acked = state.withResponse(response("case-1", UNIT, T0.plusSeconds(60),
        new AlertAcknowledged(alert.getIdentifier()))).state();
    assertThat(acked.acknowledgement()).isNotNull();
    assertThat(EscalationRule.due(acked, T0.plus(Duration.ofHours(5)))).isEmpty();
  }

  @Test
  void neverDueTwice() {
    CaseAlert.Applied escalated = state.withResponse(response("case-1", UNIT, T0.plus(Duration.ofMinutes(16)),
        new AcknowledgementOverdue(alert.getIdentifier(), alert.getAcknowledgeBy(), "DUTY_OFFICER@" + UNIT)));
    assertThat(escalated.notices()).containsExactly(new FeedNotice(UNIT, FeedEventType.ESCALATED));
    assertThat(EscalationRule.due(escalated.state(), T0.plus(Duration.ofHours(5)))).isEmpty();
    // a second escalation record (e.g. written twice) changes nothing
    CaseAlert.Applied again = escalated.state().withResponse(response("case-1", UNIT, T0.plus(Duration.ofMinutes(17)),
        new AcknowledgementOverdue(alert.getIdentifier(), alert.getAcknowledgeBy(), "DUTY_OFFICER@" + UNIT)));
    assertThat(again.notices()).isEmpty();
  }

  @Test
  void neverDueAfterCancelOrFound() {
    CaseAlert cancelled = state.withMessage(cancel(alert, T0.plusSeconds(120))).state();
    assertThat(cancelled.cancelled()).isTrue();
    assertThat(EscalationRule.due(cancelled, T0.plus(Duration.ofHours(1)))).isEmpty();
    CaseAlert found = state.withResponse(response("case-1", UNIT, T0.plusSeconds(60),
        new FoundReported(T0.plusSeconds(50), "Lelystad", null))).state();
    assertThat(EscalationRule.due(found, T0.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void anAcknowledgementByAnotherUnitDoesNotCount() {
    CaseAlert other = state.withResponse(response("case-1", "pu-amsterdam", T0.plusSeconds(60),
        new AlertAcknowledged(alert.getIdentifier()))).state();
    assertThat(EscalationRule.due(other, T0.plus(Duration.ofMinutes(15)))).isPresent();
  }

  @Test
  void anUpdateWithoutDeadlineKeepsTheOpenRequirement() {
    CaseAlert updated = state.withMessage(update(alert, T0.plusSeconds(30), "gezien bij station")).state();
    assertThat(updated.requirement().alertIdentifier()).isEqualTo(alert.getIdentifier());
    assertThat(EscalationRule.due(updated, T0.plus(Duration.ofMinutes(15)))).isPresent();
  }

  @Test
  void anAcknowledgementOfALaterMessageMeetsTheRequirement() {
    PoliceAlert later = update(alert, T0.plusSeconds(30), "gezien bij station");
    CaseAlert acked = state.withMessage(later).state().withResponse(response("case-1", UNIT, T0.plusSeconds(60),
        new AlertAcknowledged(later.getIdentifier()))).state();
    assertThat(EscalationRule.due(acked, T0.plus(Duration.ofMinutes(15)))).isEmpty();
  }

  @Test
  void aTransferGivesTheNewUnitTheSameWindowFromTheTransfer() {
    Instant transferAt = T0.plus(Duration.ofMinutes(10));
    CaseAlert.Applied moved = state.withResponse(response("case-1", UNIT, transferAt,
        new ResponsibilityTransferred("pu-amsterdam")));
    assertThat(moved.notices()).containsExactly(new FeedNotice(UNIT, FeedEventType.TRANSFERRED_OUT),
        new FeedNotice("pu-amsterdam", FeedEventType.ALERT));
    CaseAlert s = moved.state();
    assertThat(s.policeUnit()).isEqualTo("pu-amsterdam");
    assertThat(s.requirement().deadline()).isEqualTo(transferAt.plus(Duration.ofMinutes(15)));
    assertThat(EscalationRule.due(s, T0.plus(Duration.ofMinutes(20)))).isEmpty();
    assertThat(EscalationRule.due(s, transferAt.plus(Duration.ofMinutes(15)))).hasValueSatisfying(
        r -> assertThat(r.policeUnit()).isEqualTo("pu-amsterdam"));
  }

  @Test
  void theDutyOfficerRoleIsQualifiedByUnit() {
    assertThat(EscalationRule.dutyOfficerOf(UNIT)).isEqualTo("DUTY_OFFICER@pu-midden-nederland");
  }
}
