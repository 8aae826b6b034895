package nl.vermissing.police.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.police.domain.AckRequirement;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.EscalationRule;
import nl.vermissing.police.domain.FeedNotice;
import nl.vermissing.police.domain.RecordedResponse;
import nl.vermissing.police.domain.RetentionExpiry;
import nl.vermissing.police.domain.RetentionRule;

/**
 * The police read side, built from the alerts and responses topics from their beginning on every start: each case
 * with its messages, responsible unit and acknowledgement state, and per unit the feed of everything that happened,
 * each entry identified by its {@link FeedPosition}. Records are applied and published under one lock, so that a
 * feed subscription (replay, then live) neither misses nor repeats an entry. Every response id applied is
 * remembered: a response delivered again (a retried write) changes nothing, and a retried request finds its first
 * answer here. Personal data is kept only for the retention period after an alert's cancel, by the clock: then the
 * case and every entry of its feed history lose it ({@link RetentionRule}), also when the view is rebuilt after the
 * period has passed (before it counts as caught up).
 */
public class PoliceView {

  public static final char ALERTS = 'a';
  public static final char RESPONSES = 'r';

  private final Map<String, CaseAlert> cases = new HashMap<>();
  private final Map<String, String> caseByMessage = new HashMap<>();
  private final Map<String, List<FeedEntry>> feeds = new HashMap<>();
  private final Map<String, RecordedResponse> responses = new HashMap<>();
  /** Removals of personal data not yet recorded in the audit trail, by audit id. */
  private final Map<String, RetentionExpiry> unrecordedRetentions = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration retentionAfterCancel;
  private FeedPosition position = FeedPosition.START;
  private FeedSink sink = FeedSink.NONE;
  private volatile boolean caughtUp;

  /**
   * @param clock the time by which retention periods end
   * @param retentionAfterCancel how long personal data is kept after an alert's cancel
   */
  public PoliceView(Clock clock, Duration retentionAfterCancel) {
    this.clock = clock;
    this.retentionAfterCancel = retentionAfterCancel;
  }

  /** A unit's alerts at one position of the feed. */
  public record Snapshot(String position, List<CaseAlert> alerts) {}

  public synchronized void setSink(FeedSink sink) {
    this.sink = sink;
  }

  public synchronized void applyAlert(int partition, long offset, PoliceAlert alert) {
    CaseAlert current = cases.get(alert.getCaseId());
    CaseAlert.Applied applied = current == null ? CaseAlert.first(alert) : current.withMessage(alert);
    caseByMessage.putIfAbsent(alert.getIdentifier(), alert.getCaseId());
    record(FeedPosition.partitionKey(ALERTS, partition), offset, applied);
  }

  public synchronized void applyResponse(int partition, long offset, PoliceResponse response) {
    CaseAlert current = cases.get(response.getCaseId());
    String key = FeedPosition.partitionKey(RESPONSES, partition);
    if (responses.putIfAbsent(response.getResponseId(), RecordedResponse.of(response)) != null || current == null) {
      // the same response again (a write retried after a timeout) changes nothing;
      // a response to a case this gateway never alerted: nothing to show
      position = position.advancedTo(key, offset);
      return;
    }
    record(key, offset, current.withResponse(response));
  }

  /** A record that could not be read (dead-lettered): the position moves past it. */
  public synchronized void skip(char topic, int partition, long offset) {
    position = position.advancedTo(FeedPosition.partitionKey(topic, partition), offset);
  }

  private void record(String partitionKey, long offset, CaseAlert.Applied applied) {
    CaseAlert state = applied.state();
    cases.put(state.caseId(), state);
    position = position.advancedTo(partitionKey, offset);
    String id = position.encode();
    for (FeedNotice notice : applied.notices()) {
      FeedEntry entry = new FeedEntry(id, partitionKey, offset, notice.policeUnit(), notice.type(), state);
      feeds.computeIfAbsent(notice.policeUnit(), u -> new ArrayList<>()).add(entry);
      sink.publish(entry);
    }
  }

  /** The unit's alerts (active and cancelled) and the feed position they reflect. */
  public synchronized Snapshot snapshot(String policeUnit) {
    List<CaseAlert> alerts = cases.values().stream().filter(c -> c.policeUnit().equals(policeUnit)).toList();
    return new Snapshot(position.encode(), alerts);
  }

  /**
   * Replays to {@code replay} the unit's entries after {@code from} (none when {@code from} is null: live only), then
   * runs {@code register}, all before any further record is applied.
   */
  public synchronized void subscribe(String policeUnit, FeedPosition from, Consumer<FeedEntry> replay,
      Runnable register) {
    if (from != null) {
      for (FeedEntry entry : feeds.getOrDefault(policeUnit, List.of())) {
        if (from.isBefore(entry.partitionKey(), entry.offset())) {
          replay.accept(entry);
        }
      }
    }
    register.run();
  }

  public synchronized Optional<CaseAlert> caseById(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  /** A response applied (or skipped as a repeat) from the responses topic. */
  public synchronized Optional<RecordedResponse> response(String responseId) {
    return Optional.ofNullable(responses.get(responseId));
  }

  public synchronized Optional<CaseAlert> caseOfMessage(String identifier) {
    String caseId = caseByMessage.get(identifier);
    return caseId == null ? Optional.empty() : Optional.ofNullable(cases.get(caseId));
  }

  /** Requirements past their deadline and neither met nor escalated. */
  public synchronized List<DueEscalation> dueEscalations(Instant now) {
    return cases.values().stream()
        .flatMap(c -> EscalationRule.due(c, now).stream().map(r -> new DueEscalation(c.caseId(), r))).toList();
  }

  /** A requirement of a case whose deadline has passed. */
  public record DueEscalation(String caseId, AckRequirement requirement) {}

  public synchronized String position() {
    return position.encode();
  }

  /**
   * Removes the personal data of every cancelled alert whose retention period has passed by the clock, from the case
   * and from every entry of its feed history; returns what was removed. A removal that removed personal fields waits
   * in {@link #unrecordedRetentions()} until it is recorded in the audit trail.
   */
  public synchronized List<RetentionExpiry> expirePersonalData() {
    Instant now = clock.instant();
    Map<String, CaseAlert> removed = new HashMap<>();
    List<RetentionExpiry> expiries = new ArrayList<>();
    for (CaseAlert alert : cases.values()) {
      if (RetentionRule.due(alert, now, retentionAfterCancel)) {
        CaseAlert without = RetentionRule.shown(alert, now, retentionAfterCancel);
        removed.put(alert.caseId(), without);
        RetentionExpiry expiry = RetentionRule.expiry(alert, without.personalDataRemovedAt());
        expiries.add(expiry);
        if (!expiry.fields().isEmpty()) {
          unrecordedRetentions.put(expiry.auditId(), expiry);
        }
      }
    }
    if (removed.isEmpty()) {
      return List.of();
    }
    cases.putAll(removed);
    // the feed history holds the case as it stood after each record: those states lose the personal data too
    for (List<FeedEntry> feed : feeds.values()) {
      feed.replaceAll(entry -> {
        CaseAlert removedState = removed.get(entry.alert().caseId());
        return removedState == null ? entry
            : entry.withAlert(entry.alert().withPersonalDataRemoved(removedState.personalDataRemovedAt()));
      });
    }
    return expiries;
  }

  /** Removals of personal data that are not yet known to be in the audit trail, oldest first. */
  public synchronized List<RetentionExpiry> unrecordedRetentions() {
    return List.copyOf(unrecordedRetentions.values());
  }

  /** The removal is in the audit trail. */
  public synchronized void retentionRecorded(RetentionExpiry expiry) {
    unrecordedRetentions.remove(expiry.auditId());
  }

  /** True once everything in the topics at start-up has been applied: escalation decisions may be taken. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Everything at start-up is applied: personal data whose retention period has passed goes before reads count. */
  synchronized void markCaughtUp() {
    expirePersonalData();
    caughtUp = true;
  }
}
