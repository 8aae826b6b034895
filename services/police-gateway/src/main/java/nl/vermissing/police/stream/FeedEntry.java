package nl.vermissing.police.stream;

import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.FeedEventType;

/**
 * One event on a unit's feed: caused by the record at {@code partitionKey}/{@code offset}, with the feed position
 * after that record as its id and the case as it stood then.
 */
public record FeedEntry(String id, String partitionKey, long offset, String policeUnit, FeedEventType type,
    CaseAlert alert) {

  /** The same event with the case as it may be shown now (e.g. without personal data after retention). */
  public FeedEntry withAlert(CaseAlert shown) {
    return new FeedEntry(id, partitionKey, offset, policeUnit, type, shown);
  }
}
