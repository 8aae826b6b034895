package nl.vermissing.register.api;

import java.util.ArrayList;
import java.util.List;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.register.stream.RegisterTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** All published episodes, read from the register's global table (every instance holds the whole register). */
@Component
public class EpisodeView {

  private final StreamsBuilderFactoryBean streams;

  public EpisodeView(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  public List<RegisterEpisode> all() {
    List<RegisterEpisode> episodes = new ArrayList<>();
    try (KeyValueIterator<String, RegisterEpisode> all = store().all()) {
      all.forEachRemaining(kv -> episodes.add(kv.value));
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
    return episodes;
  }

  private ReadOnlyKeyValueStore<String, RegisterEpisode> store() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw unavailable();
    }
    try {
      return kafkaStreams.store(StoreQueryParameters.fromNameAndType(RegisterTopology.EPISODES_VIEW,
          QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
  }

  private static ApiException unavailable() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "the register is starting; try again shortly",
        null);
  }
}
