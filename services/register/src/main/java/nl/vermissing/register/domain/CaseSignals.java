package nl.vermissing.register.domain;

import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapStatus;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ComenshaRegistrationRequested;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.ReferralTaskCreated;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.ReturnConversationDeclined;
import nl.vermissing.events.ReturnConversationDue;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.ReturnConversationNotPossible;
import nl.vermissing.events.ReturnConversationOverdue;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;

/**
 * The register's whitelist: turns each input event into a {@link CaseFacts} fragment holding only the facts the
 * register may keep. Names, dates of birth (reduced to an age band at t0), free text, youth ids and contact data are
 * never copied; every time is an event time, never the clock.
 */
public final class CaseSignals {

  private CaseSignals() {}

  /** The fragment of a case event; t0 is the time the absence was detected (the event's occurredAt). */
  public static CaseFacts from(CaseEvent event) {
    CaseFacts.Builder facts = CaseFacts.builder()
        .institutionId(event.getInstitutionId())
        .lastEventAt(event.getOccurredAt());
    Object payload = event.getPayload();
    if (payload instanceof AbsenceReported absence) {
      YouthSnapshot youth = absence.getYouth();
      facts.absence(new CaseFacts.Absence(event.getOccurredAt(), event.getEventId(), youth.getNationalPseudonym(),
          youth.getAgeBand() == null ? AgeBand.UNKNOWN : youth.getAgeBand(), youth.getSex(),
          youth.getPlacementType()));
    } else if (payload instanceof RiskAssessed risk) {
      facts.riskLevel(risk.getLevel());
    } else if (payload instanceof MissingReported) {
      facts.reportedAt(event.getOccurredAt());
    } else if (payload instanceof YouthReturned returned) {
      facts.returnedAt(returned.getReturnedAt());
    } else if (payload instanceof ReportCancelled) {
      facts.cancelled(true);
    }
    return facts.build();
  }

  /** An actual (not exercise or test) alert message to police counts as alerted at its sent time. */
  public static CaseFacts from(PoliceAlert alert) {
    CaseFacts.Builder facts = CaseFacts.builder().institutionId(alert.getInstitutionId())
        .lastEventAt(alert.getSent());
    if (alert.getMsgType() == CapMsgType.Alert && alert.getStatus() == CapStatus.Actual) {
      facts.alertedAt(alert.getSent());
    }
    return facts.build();
  }

  public static CaseFacts from(PoliceResponse response) {
    CaseFacts.Builder facts = CaseFacts.builder().lastEventAt(response.getRespondedAt());
    Object payload = response.getPayload();
    if (payload instanceof AlertAcknowledged) {
      facts.acknowledgedAt(response.getRespondedAt());
    } else if (payload instanceof UrgencyClassified urgency) {
      facts.urgency(new CaseFacts.Urgency(response.getRespondedAt(), response.getResponseId(),
          urgency.getUrgency().name()));
    }
    return facts.build();
  }

  public static CaseFacts from(FollowUpEvent event) {
    CaseFacts.Builder facts = CaseFacts.builder().institutionId(event.getInstitutionId())
        .lastEventAt(event.getOccurredAt());
    Object payload = event.getPayload();
    if (payload instanceof ReturnConversationDue due) {
      facts.conversationDueBy(due.getDueBy());
    } else if (payload instanceof ReturnConversationHeld held) {
      facts.conversationHeldAt(held.getHeldAt())
          .exploitationSignal(!held.getExploitationIndicators().isEmpty());
    } else if (payload instanceof ReturnConversationDeclined) {
      facts.conversationDeclined(true);
    } else if (payload instanceof ReturnConversationNotPossible) {
      facts.conversationNotPossible(true);
    } else if (payload instanceof ReturnConversationOverdue) {
      facts.conversationOverdue(true);
    } else if (payload instanceof ReferralTaskCreated) {
      facts.referral(true);
    } else if (payload instanceof ComenshaRegistrationRequested) {
      facts.comenshaRegistration(true);
    }
    return facts.build();
  }
}
