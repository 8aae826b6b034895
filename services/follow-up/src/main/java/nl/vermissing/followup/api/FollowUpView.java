package nl.vermissing.followup.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.vermissing.followup.stream.CaseFile;
import nl.vermissing.followup.stream.FollowUpTopology;
import nl.vermissing.platform.web.ApiException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the case files of the follow-up topology (its persistent {@code followup-cases} store, rebuilt from the
 * changelog after a restart). Reads only local state: one instance per deployment, or route by youth.
 */
@Component
public class FollowUpView {

  private final StreamsBuilderFactoryBean streams;

  public FollowUpView(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  public Optional<CaseFile> find(String caseId) {
    return read(store -> Optional.ofNullable(store.get(caseId)));
  }

  public List<CaseFile> forInstitution(String institutionId) {
    return read(store -> {
      List<CaseFile> files = new ArrayList<>();
      try (KeyValueIterator<String, CaseFile> all = store.all()) {
        all.forEachRemaining(kv -> {
          if (kv.value != null && institutionId.equals(kv.value.institutionId)) {
            files.add(kv.value);
          }
        });
      }
      return files;
    });
  }

  /** The store is unavailable while Kafka Streams starts or rebalances: 503, try again. */
  private <T> T read(Function<ReadOnlyKeyValueStore<String, CaseFile>, T> query) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw unavailable();
    }
    try {
      return query.apply(kafkaStreams.store(StoreQueryParameters.fromNameAndType(FollowUpTopology.CASES_STORE,
          QueryableStoreTypes.<String, CaseFile>keyValueStore())));
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
  }

  private static ApiException unavailable() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
        "the follow-up view is starting or rebalancing; try again shortly", null);
  }
}
