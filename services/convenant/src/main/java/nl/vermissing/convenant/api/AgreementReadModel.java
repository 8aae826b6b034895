package nl.vermissing.convenant.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vermissing.convenant.stream.ConvenantTopology;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.platform.web.ApiException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The read side of the admin API: every version of every agreement, from the engine's own global store (built from
 * the agreements topic, so it survives restarts and is the same data the decisions use).
 */
@Component
public class AgreementReadModel {

  private final StreamsBuilderFactoryBean streams;

  public AgreementReadModel(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  /** All versions by agreement id, each list ordered by version. */
  public Map<String, List<AgreementVersion>> all() {
    Map<String, List<AgreementVersion>> byId = new TreeMap<>();
    try (KeyValueIterator<String, AgreementVersion> iterator = store().all()) {
      iterator.forEachRemaining(entry -> byId.computeIfAbsent(entry.value.getAgreementId(), id -> new ArrayList<>())
          .add(entry.value));
    }
    byId.values().forEach(list -> list.sort(Comparator.comparingInt(AgreementVersion::getVersion)));
    return byId;
  }

  public List<AgreementVersion> versions(String agreementId) {
    return all().getOrDefault(agreementId, List.of());
  }

  private ReadOnlyKeyValueStore<String, AgreementVersion> store() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "the agreement view is starting; try again", null);
    }
    return kafkaStreams.store(StoreQueryParameters.fromNameAndType(ConvenantTopology.AGREEMENT_STORE,
        QueryableStoreTypes.keyValueStore()));
  }
}
