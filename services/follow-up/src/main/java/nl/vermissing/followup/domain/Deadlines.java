package nl.vermissing.followup.domain;

import java.time.Duration;

/**
 * When the terugkeergesprek is due and when the follow-up worker is reminded: due the agreed number of hours after
 * the return (default 72 h); reminded 24 h before the deadline, or a third of the period before it when the period
 * is shorter than 72 h, so that a reminder always comes before the deadline.
 */
public final class Deadlines {

  public static final Duration REMINDER_LEAD = Duration.ofHours(24);

  private Deadlines() {}

  public static long dueBy(long returnedAt, FollowUpTerms terms) {
    return returnedAt + Duration.ofHours(terms.returnConversationHours()).toMillis();
  }

  public static long reminderAt(long returnedAt, long dueBy) {
    long period = Math.max(0, dueBy - returnedAt);
    long lead = Math.min(REMINDER_LEAD.toMillis(), period / 3);
    return dueBy - lead;
  }
}
