package nl.vermissing.police.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Police keep the personal data of an alert only while it is needed: once the alert has been cancelled (the youth is
 * back or the report was withdrawn) for the agreed retention period, the personal data of all its messages is
 * removed, and only the non-personal facts of the case stay visible. An active alert is never affected, however old.
 */
public final class RetentionRule {

  private RetentionRule() {}

  /** When the alert's personal data is to be removed: the period after its cancel; empty while it is active. */
  public static Optional<Instant> expiresAt(CaseAlert alert, Duration retentionAfterCancel) {
    return alert.cancelled() ? Optional.of(alert.latest().getSent().plus(retentionAfterCancel)) : Optional.empty();
  }

  /** Whether the alert still holds personal data that should have been removed by {@code now}. */
  public static boolean due(CaseAlert alert, Instant now, Duration retentionAfterCancel) {
    return alert.personalDataRemovedAt() == null
        && expiresAt(alert, retentionAfterCancel).map(at -> !now.isBefore(at)).orElse(false);
  }

  /** The alert as it may be shown at {@code now}: without personal data once its retention period has passed. */
  public static CaseAlert shown(CaseAlert alert, Instant now, Duration retentionAfterCancel) {
    return due(alert, now, retentionAfterCancel)
        ? alert.withPersonalDataRemoved(expiresAt(alert, retentionAfterCancel).orElseThrow())
        : alert;
  }

  /** The name under which the text of police's questions is listed among the removed fields. */
  public static final String QUESTIONS = "informationRequests.question";

  /** What removing the alert's personal data at {@code at} removes, for the audit. */
  public static RetentionExpiry expiry(CaseAlert alert, Instant at) {
    List<String> fields = new ArrayList<>(DisclosedData.personalFieldsSet(DisclosedData.merged(alert.messages())));
    if (alert.informationRequests().stream().anyMatch(r -> r.question() != null)) {
      fields.add(QUESTIONS);
    }
    return new RetentionExpiry(alert.caseId(), alert.policeUnit(), alert.youthId(), alert.latest().getIdentifier(),
        at, fields);
  }
}
