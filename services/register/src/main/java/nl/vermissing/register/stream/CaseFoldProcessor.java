package nl.vermissing.register.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.vermissing.register.domain.CaseFacts;
import nl.vermissing.register.domain.CaseState;
import nl.vermissing.register.domain.EpisodeIds;
import nl.vermissing.register.domain.RegisterRules;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds every whitelisted fragment of a case into the case's facts and passes on each change; a duplicate changes
 * nothing and passes nothing on. Retention: on a wall-clock schedule, cases whose t0 (or, without an absence report,
 * whose last event) lies beyond the retention period are deleted, after an expiry message that makes the episode
 * stage publish a tombstone.
 */
final class CaseFoldProcessor implements Processor<String, CaseFacts, String, CaseState> {

  private final String storeName;
  private final EpisodeIds episodeIds;
  private final RegisterRules rules;
  private final Duration retentionCheckInterval;
  private ProcessorContext<String, CaseState> context;
  private KeyValueStore<String, CaseFacts> store;

  CaseFoldProcessor(String storeName, EpisodeIds episodeIds, RegisterRules rules, Duration retentionCheckInterval) {
    this.storeName = storeName;
    this.episodeIds = episodeIds;
    this.rules = rules;
    this.retentionCheckInterval = retentionCheckInterval;
  }

  @Override
  public void init(ProcessorContext<String, CaseState> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    context.schedule(retentionCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::enforceRetention);
  }

  @Override
  public void process(Record<String, CaseFacts> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    CaseFacts current = store.get(record.key());
    CaseFacts next = (current == null ? CaseFacts.EMPTY : current).merge(record.value());
    if (next.equals(current)) {
      return;
    }
    store.put(record.key(), next);
    if (next.hasAbsence()
        && !rules.expired(next.absence().at(), Instant.ofEpochMilli(context.currentSystemTimeMs()))) {
      context.forward(record.withValue(new CaseState(episodeIds.of(record.key()), next, false)));
    }
  }

  void enforceRetention(long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    List<KeyValue<String, CaseFacts>> expired = new ArrayList<>();
    try (KeyValueIterator<String, CaseFacts> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, CaseFacts> entry = all.next();
        CaseFacts facts = entry.value;
        Instant reference = facts.hasAbsence() ? facts.absence().at() : facts.lastEventAt();
        if (reference != null && rules.expired(reference, now)) {
          expired.add(entry);
        }
      }
    }
    for (KeyValue<String, CaseFacts> entry : expired) {
      if (entry.value.hasAbsence()) {
        context.forward(new Record<>(entry.key, new CaseState(episodeIds.of(entry.key), entry.value, true),
            nowMillis));
      }
      context.forward(new Record<String, CaseState>(entry.key, null, nowMillis));
      store.delete(entry.key);
    }
  }
}
