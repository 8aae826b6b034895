package nl.vermissing.intake.domain;

import java.util.Optional;

/**
 * The case state machine. An absence report opens a case (at most one open case per youth). While OPEN, local
 * actions, risk assessments, information and one missing report to police may be added; a return (by staff or a
 * police found report) moves it to RETURNED, a cancellation of an erroneous report to CANCELLED. RETURNED,
 * CANCELLED and CLOSED are final: nothing more may be added.
 */
public final class CaseStateMachine {

  private CaseStateMachine() {}

  /** Why the command is impossible in this state, or empty when it is allowed. */
  public static Optional<String> refusal(CaseStatus status, boolean missingReported, CaseCommand command) {
    if (!status.isOpen()) {
      return Optional.of("the case is " + status.name().toLowerCase() + "; nothing more can be added");
    }
    if (command == CaseCommand.REPORT_MISSING && missingReported) {
      return Optional.of("a missing report has already been filed with police for this case");
    }
    return Optional.empty();
  }

  /** The state after the command has been applied. */
  public static CaseStatus after(CaseStatus status, CaseCommand command) {
    return switch (command) {
      case REPORT_RETURN -> CaseStatus.RETURNED;
      case CANCEL -> CaseStatus.CANCELLED;
      default -> status;
    };
  }
}
