package nl.vermissing.register.domain;

import java.time.Duration;
import java.time.Instant;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.ReturnConversationOutcome;

/**
 * Derives the register's episode from a case's facts. Pure: the same facts give the same episode, whatever the
 * clock says. OVERDUE comes only from the follow-up service's overdue event.
 */
public final class Episodes {

  private Episodes() {}

  /** The episode, or null while the absence report (t0, youth facts) is not known yet. */
  public static Episode from(CaseFacts facts, String episodeId, InstitutionRegions regions, RegisterRules rules) {
    if (facts == null || !facts.hasAbsence()) {
      return null;
    }
    CaseFacts.Absence absence = facts.absence();
    EpisodeStatus status = facts.cancelled() ? EpisodeStatus.CANCELLED
        : facts.returnedAt() != null ? EpisodeStatus.RETURNED : EpisodeStatus.OPEN;
    Long duration = null;
    if (facts.returnedAt() != null && status != EpisodeStatus.CANCELLED) {
      duration = Math.max(0L, Duration.between(absence.at(), facts.returnedAt()).toMinutes());
    }
    String region = rules.region((regions == null ? InstitutionRegions.empty() : regions).regionAt(absence.at()),
        facts.institutionId());
    return new Episode(episodeId, absence.nationalPseudonym(), absence.ageBand(), absence.sex(), region,
        rules.institutionType(facts.institutionId(), absence.placementType()), absence.placementType(), status,
        absence.at(), facts.reportedAt(), facts.alertedAt(), facts.acknowledgedAt(), facts.returnedAt(), duration,
        facts.riskLevel(), facts.urgency() == null ? null : facts.urgency().value(),
        returnConversation(facts, rules), facts.exploitationSignal(), facts.referral(), facts.comenshaRegistration());
  }

  /**
   * Outcome of the terugkeergesprek. A held conversation wins over earlier states (held after an overdue
   * escalation is HELD_LATE); it is in time when held by the due time the follow-up service announced, or else
   * within the window after the return. Then declined, not possible, overdue; otherwise pending. A cancelled report
   * has no return conversation.
   */
  public static ReturnConversationOutcome returnConversation(CaseFacts facts, RegisterRules rules) {
    if (facts.cancelled()) {
      return ReturnConversationOutcome.NOT_APPLICABLE;
    }
    if (facts.conversationHeldAt() != null) {
      Instant dueBy = facts.conversationDueBy();
      if (dueBy == null) {
        Instant from = facts.returnedAt() != null ? facts.returnedAt() : facts.conversationHeldAt();
        dueBy = from.plus(rules.returnConversationWindow());
      }
      boolean inTime = !facts.conversationHeldAt().isAfter(dueBy) && !facts.conversationOverdue();
      return inTime ? ReturnConversationOutcome.HELD_IN_TIME : ReturnConversationOutcome.HELD_LATE;
    }
    if (facts.conversationDeclined()) {
      return ReturnConversationOutcome.DECLINED;
    }
    if (facts.conversationNotPossible()) {
      return ReturnConversationOutcome.NOT_POSSIBLE;
    }
    if (facts.conversationOverdue()) {
      return ReturnConversationOutcome.OVERDUE;
    }
    return ReturnConversationOutcome.PENDING;
  }
}
