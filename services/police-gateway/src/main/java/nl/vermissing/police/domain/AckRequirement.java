package nl.vermissing.police.domain;

import java.time.Instant;

/**
 * An alert message that the responsible police unit must acknowledge before the deadline, else its duty officer is
 * called in.
 */
public record AckRequirement(String alertIdentifier, Instant deadline, String policeUnit) {

  /** Identifies one requirement: the same message for another unit, or with another deadline, is another one. */
  public String key() {
    return alertIdentifier + "@" + policeUnit + "@" + deadline.toEpochMilli();
  }
}
