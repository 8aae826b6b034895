package nl.vermissing.register.stream;

import java.time.Duration;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.register.domain.EpisodeChange;
import nl.vermissing.register.domain.YouthHistory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each youth's episodes (by national pseudonym, across institutions), numbers them and marks repeats, and
 * publishes every episode whose record changed, keyed by episode id (a tombstone when retention removed it).
 */
final class YouthHistoryProcessor implements Processor<String, EpisodeChange, String, RegisterEpisode> {

  private final String storeName;
  private final Duration repeatWindow;
  private ProcessorContext<String, RegisterEpisode> context;
  private KeyValueStore<String, YouthHistory> store;

  YouthHistoryProcessor(String storeName, Duration repeatWindow) {
    this.storeName = storeName;
    this.repeatWindow = repeatWindow;
  }

  @Override
  public void init(ProcessorContext<String, RegisterEpisode> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, EpisodeChange> record) {
    EpisodeChange change = record.value();
    if (record.key() == null || change == null) {
      return;
    }
    YouthHistory history = store.get(record.key());
    if (history == null) {
      history = YouthHistory.empty();
    }
    YouthHistory.Outcome outcome = change.episode() == null
        ? history.expire(change.episodeId(), repeatWindow)
        : history.upsert(change.episode(), repeatWindow);
    if (outcome.history().isEmpty()) {
      store.delete(record.key());
    } else {
      store.put(record.key(), outcome.history());
    }
    outcome.publish().forEach((episodeId, episode) ->
        context.forward(new Record<>(episodeId, episode, record.timestamp())));
  }
}
