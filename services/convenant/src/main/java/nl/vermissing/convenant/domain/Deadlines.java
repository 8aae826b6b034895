package nl.vermissing.convenant.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.TimeRules;

/** The time rules of the agreement as arithmetic on epoch millis; every rule counts from t0 unless stated. */
public final class Deadlines {

  /** Dates (legal title validity, age) are judged in Dutch time. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private Deadlines() {}

  /** Orange, not back: escalate to a full missing report at t0 + orangeEscalateAfterMinutes. */
  public static long orangeEscalation(long t0, TimeRules rules) {
    return t0 + minutes(rules.getOrangeEscalateAfterMinutes());
  }

  /** Green (or not yet assessed), not back: reassess at t0 + greenReassessAfterMinutes. */
  public static long firstReassessment(long t0, TimeRules rules) {
    return t0 + minutes(rules.getGreenReassessAfterMinutes());
  }

  /** After a green reassessment, the next one is due greenReassessAfterMinutes later. */
  public static long nextReassessment(long answeredAt, TimeRules rules) {
    return answeredAt + minutes(rules.getGreenReassessAfterMinutes());
  }

  /** A reassessment request must be answered within greenReassessAnswerMinutes. */
  public static long reassessAnswerBy(long requestedAt, TimeRules rules) {
    return requestedAt + minutes(rules.getGreenReassessAnswerMinutes());
  }

  /** Closed care, not back: the calamity notice is due at t0 + calamityAfterHours. */
  public static long calamity(long t0, TimeRules rules) {
    return t0 + Duration.ofHours(rules.getCalamityAfterHours()).toMillis();
  }

  /** Police must acknowledge a red (or closed-with-title) report sooner than an orange one. */
  public static long acknowledgeBy(long sentAt, RiskLevel level, TimeRules rules) {
    int minutes = level == RiskLevel.RED ? rules.getRedAcknowledgeMinutes() : rules.getOrangeAcknowledgeMinutes();
    return sentAt + minutes(minutes);
  }

  /** The return conversation is due returnConversationHours after the return. */
  public static long returnConversationBy(long returnedAt, TimeRules rules) {
    return returnedAt + Duration.ofHours(rules.getReturnConversationHours()).toMillis();
  }

  /**
   * A closed placement on a court authorisation (machtiging or spoedmachtiging) that has not expired on the given
   * day: police always accept a report for it.
   */
  public static boolean closedWithValidLegalTitle(PlacementType placement, LegalTitle title, long at) {
    if (placement != PlacementType.CLOSED || title == null) {
      return false;
    }
    if (title.getKind() != LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP
        && title.getKind() != LegalTitleKind.SPOEDMACHTIGING) {
      return false;
    }
    LocalDate validUntil = title.getValidUntil();
    return validUntil == null || !validUntil.isBefore(today(at));
  }

  public static LocalDate today(long at) {
    return java.time.Instant.ofEpochMilli(at).atZone(ZONE).toLocalDate();
  }

  static long minutes(int minutes) {
    return Duration.ofMinutes(minutes).toMillis();
  }
}
