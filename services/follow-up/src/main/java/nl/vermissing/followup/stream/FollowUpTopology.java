package nl.vermissing.followup.stream;

import nl.vermissing.platform.kafka.JsonSerde;
import java.time.Duration;
import java.util.Map;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.SealedSerde;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The follow-up topology: case events (repartitioned by youth) and API commands meet in one processor per youth,
 * which keeps the case files, the youth's episode history and the deadline timers, and is the only writer of
 * follow-up events. Deadlines fire from a wall-clock punctuator; firing and removing a timer commit together.
 */
public final class FollowUpTopology {

  public static final String CASES_STORE = "followup-cases";
  public static final String EPISODES_STORE = "followup-youth-episodes";
  public static final String TIMERS_STORE = "followup-timers";
  public static final String AGREEMENTS_STORE = "followup-agreements";
  public static final String CASE_EVENTS_BY_YOUTH = "followup-case-events-by-youth";
  public static final String PROCESSOR = "followup-processor";

  /** How often the timers are checked (wall-clock). */
  public static final Duration DEFAULT_TIMER_INTERVAL = Duration.ofSeconds(5);

  private FollowUpTopology() {}

  /** The topology on its own builder (for {@code TopologyTestDriver}). */
  public static Topology topology(Map<String, ?> registryConfig, Duration timerInterval) {
    StreamsBuilder builder = new StreamsBuilder();
    build(builder, registryConfig, timerInterval);
    return builder.build();
  }

  /**
   * Case files hold the conversation and the date of birth: sealed with the youth's data key when encryption is
   * on, so that erasing the youth makes the store and its changelog forget them.
   */
  static Serde<CaseFile> caseFiles(Map<String, ?> registryConfig) {
    Serde<CaseFile> json = new JsonSerde<>(CaseFile.class);
    return EncryptionConfig.fieldEncryption(registryConfig)
        .<Serde<CaseFile>>map(encryption -> new SealedSerde<>(json, file -> file.youthId, encryption.keyStore()))
        .orElse(json);
  }

  /** Adds the follow-up topology to a builder; returns the stream of published follow-up events. */
  public static KStream<String, FollowUpEvent> build(StreamsBuilder builder, Map<String, ?> registryConfig,
      Duration timerInterval) {
    Serde<String> keys = Serdes.String();
    Serde<CaseEvent> caseEvents = AvroSerdes.forTopic(Topics.CASE_EVENTS, registryConfig);
    Serde<FollowUpEvent> followUpEvents = AvroSerdes.forTopic(Topics.FOLLOW_UP_EVENTS, registryConfig);
    Serde<FollowUpEvent> commands = AvroSerdes.forTopic(Topics.FOLLOW_UP_COMMANDS, registryConfig);
    Serde<AgreementVersion> agreements = AvroSerdes.forTopic(Topics.AGREEMENTS, registryConfig);

    builder.globalTable(Topics.AGREEMENTS.name(),
        Consumed.with(keys, agreements).withName("followup-read-agreements"),
        Materialized.<String, AgreementVersion, KeyValueStore<Bytes, byte[]>>as(AGREEMENTS_STORE)
            .withKeySerde(keys).withValueSerde(agreements));

    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CASES_STORE), keys, caseFiles(registryConfig)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(EPISODES_STORE), keys, new JsonSerde<>(YouthEpisodes.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TIMERS_STORE), keys, new JsonSerde<>(Timer.class)));

    KStream<String, SpecificRecord> caseInput = builder
        .stream(Topics.CASE_EVENTS.name(), Consumed.with(keys, caseEvents).withName("followup-read-case-events"))
        .filter((caseId, event) -> event != null && relevant(event), Named.as("followup-relevant-case-events"))
        .selectKey((caseId, event) -> event.getYouthId(), Named.as("followup-key-by-youth"))
        .repartition(Repartitioned.<String, CaseEvent>as(CASE_EVENTS_BY_YOUTH)
            .withKeySerde(keys).withValueSerde(caseEvents).withNumberOfPartitions(Topics.CASE_PARTITIONS))
        .mapValues(event -> (SpecificRecord) event, Named.as("followup-case-event-input"));

    KStream<String, SpecificRecord> commandInput = builder
        .stream(Topics.FOLLOW_UP_COMMANDS.name(), Consumed.with(keys, commands).withName("followup-read-commands"))
        .filter((youthId, command) -> command != null, Named.as("followup-present-commands"))
        .mapValues(command -> (SpecificRecord) command, Named.as("followup-command-input"));

    KStream<String, FollowUpEvent> published = caseInput
        .merge(commandInput, Named.as("followup-merge-inputs"))
        .process(() -> new FollowUpProcessor(timerInterval), Named.as(PROCESSOR),
            CASES_STORE, EPISODES_STORE, TIMERS_STORE);
    published.to(Topics.FOLLOW_UP_EVENTS.name(),
        Produced.with(keys, followUpEvents).withName("followup-write-events"));
    return published;
  }

  private static boolean relevant(CaseEvent event) {
    Object payload = event.getPayload();
    return payload instanceof AbsenceReported || payload instanceof YouthReturned
        || payload instanceof ReportCancelled || payload instanceof CaseClosed;
  }
}
