package nl.vermissing.police.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert message that requires acknowledgement and is not acknowledged by its deadline is escalated to the duty
 * officer of the responsible unit, exactly once, and never once it is acknowledged, cancelled or the youth is found.
 */
public final class EscalationRule {

  /** The role escalations are addressed to, qualified by unit: {@code DUTY_OFFICER@<police unit>}. */
  public static final String DUTY_OFFICER = "DUTY_OFFICER";

  private EscalationRule() {}

  /** The requirement to escalate now, if any. */
  public static Optional<AckRequirement> due(CaseAlert alert, Instant now) {
    AckRequirement requirement = alert.requirement();
    if (requirement == null || alert.cancelled() || alert.found() || alert.acknowledgement() != null
        || alert.escalation() != null) {
      return Optional.empty();
    }
    return now.isBefore(requirement.deadline()) ? Optional.empty() : Optional.of(requirement);
  }

  /** Whom an escalation for the unit goes to. */
  public static String dutyOfficerOf(String policeUnit) {
    return DUTY_OFFICER + "@" + policeUnit;
  }
}
