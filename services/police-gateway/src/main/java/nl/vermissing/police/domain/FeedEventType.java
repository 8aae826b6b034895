package nl.vermissing.police.domain;

/** What happened to an alert, as shown on a unit's live feed (the SSE event name). */
public enum FeedEventType {
  /** A new alert for the unit (first message of a case, or a case transferred to the unit). */
  ALERT("alert"),
  /** A further message (update) of an alert. */
  UPDATE("update"),
  /** The alert was cancelled: no longer active. */
  CANCEL("cancel"),
  ACKNOWLEDGED("acknowledged"),
  /** Not acknowledged in time: re-notification of the unit's duty officer. */
  ESCALATED("escalated"),
  URGENCY_CLASSIFIED("urgency-classified"),
  SIGHTING_REPORTED("sighting-reported"),
  FOUND_REPORTED("found-reported"),
  /** The case moved to another unit: it leaves this unit's feed. */
  TRANSFERRED_OUT("transferred-out"),
  INFORMATION_REQUESTED("information-requested");

  private final String eventName;

  FeedEventType(String eventName) {
    this.eventName = eventName;
  }

  public String eventName() {
    return eventName;
  }
}
