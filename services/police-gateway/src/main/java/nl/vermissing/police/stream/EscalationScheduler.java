package nl.vermissing.police.stream;

import java.time.Duration;
import java.time.Instant;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.police.domain.AckRequirement;
import nl.vermissing.police.domain.EscalationRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, on its own, at a fixed interval and by the injected clock, which acknowledgement deadlines have passed,
 * and writes an {@code AcknowledgementOverdue} for each, addressed to the unit's duty officer. It waits until the
 * read side has caught up with the topics after a start, so escalations written before a restart are seen and not
 * repeated.
 */
public class EscalationScheduler extends PeriodicCheck {

  public static final String SYSTEM_ACTOR = "police-gateway";
  private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

  private final PoliceView view;
  private final PoliceResponses responses;
  private final AcknowledgementGuard guard;

  public EscalationScheduler(PoliceView view, PoliceResponses responses, AcknowledgementGuard guard,
      Duration interval) {
    super("escalation", interval);
    this.view = view;
    this.responses = responses;
    this.guard = guard;
  }

  /** One check; returns how many escalations were written. */
  @Override
  public synchronized int checkNow() {
    if (!view.caughtUp()) {
      return 0;
    }
    Instant now = responses.clock().instant();
    int written = 0;
    for (PoliceView.DueEscalation dueCase : view.dueEscalations(now)) {
      AckRequirement due = dueCase.requirement();
      if (!guard.startEscalation(due.key())) {
        continue;
      }
      try {
        responses.respond(dueCase.caseId(), due.policeUnit(), SYSTEM_ACTOR, new AcknowledgementOverdue(due.alertIdentifier(), due.deadline(),
                EscalationRule.dutyOfficerOf(due.policeUnit())));
        written++;
        log.warn("alert {} of unit {} not acknowledged by {}: escalated to the duty officer",
            due.alertIdentifier(), due.policeUnit(), due.deadline());
      } catch (RuntimeException e) {
        guard.escalationFailed(due.key());
        log.error("escalation of alert {} could not be written; retried at the next check", due.alertIdentifier(), e);
      }
    }
    return written;
  }
}
