package nl.vermissing.followup.domain;

/**
 * Where a return conversation stands on the worklist: due (deadline ahead), overdue (deadline passed without an
 * outcome: escalated to the care coordinator) or done (held, declined or not possible).
 */
public enum WorklistStatus {
  DUE_SOON, OVERDUE, DONE;

  public static WorklistStatus of(long dueBy, boolean outcomeRecorded, long now) {
    if (outcomeRecorded) {
      return DONE;
    }
    return now >= dueBy ? OVERDUE : DUE_SOON;
  }
}
