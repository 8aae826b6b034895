package nl.vermissing.register.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.platform.kafka.AvroTrust;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.register.domain.EpisodeIds;
import nl.vermissing.register.domain.RegisterRules;
import nl.vermissing.register.stream.RegisterTopology;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The real register topology in a {@link TopologyTestDriver} with an in-memory (mock://) schema registry. Inputs are
 * piped with their event time as record time; wall-clock time (retention) is advanced by the test.
 */
public final class RegisterDriver implements AutoCloseable {

  public static final String EPISODE_KEY = "test-episode-key-0123456789";
  public static final RegisterRules RULES = new RegisterRules(Duration.ofHours(72), Duration.ofDays(90), 24,
      Map.of("inst-horizon", "CLOSED", "inst-anker", "OPEN", "inst-vuurtoren", "OPEN"));

  static {
    AvroTrust.trustEventPackage();
  }

  private final TopologyTestDriver driver;
  private final Map<String, Object> registry;
  private final TestOutputTopic<String, RegisterEpisode> episodes;
  private final List<KeyValue<String, RegisterEpisode>> published = new ArrayList<>();
  private final Map<String, TestInputTopic<String, ?>> inputs = new HashMap<>();
  private final Path stateDir;

  public RegisterDriver(Instant wallClock) {
    registry = Map.of("schema.registry.url", "mock://register-" + UUID.randomUUID(), "auto.register.schemas", true,
        "specific.avro.reader", true);
    StreamsBuilder builder = new StreamsBuilder();
    RegisterTopology.build(builder, registry, new EpisodeIds(EPISODE_KEY), RULES, Duration.ofHours(1));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "register-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    try {
      stateDir = Files.createTempDirectory("register-ttd");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // every store, changelog and repartition topic must carry a name of ours: a rename would lose state silently
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // the driver commits after every record; in-memory DSL stores keep that fast (same topology, same semantics)
    props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
        org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    driver = new TopologyTestDriver(builder.build(), props, wallClock);
    episodes = driver.createOutputTopic(Topics.REGISTER_EPISODES.name(), new StringDeserializer(),
        AvroSerdes.forTopic(Topics.REGISTER_EPISODES, registry).deserializer());
  }

  /** Pipes any input record to its topic, keyed as the catalogue says, with the record's event time. */
  public RegisterDriver pipe(SpecificRecord event) {
    if (event instanceof CaseEvent e) {
      pipe(Topics.CASE_EVENTS, e.getCaseId(), e, e.getOccurredAt());
    } else if (event instanceof PoliceAlert a) {
      pipe(Topics.POLICE_ALERTS, a.getCaseId(), a, a.getSent());
    } else if (event instanceof PoliceResponse r) {
      pipe(Topics.POLICE_RESPONSES, r.getCaseId(), r, r.getRespondedAt());
    } else if (event instanceof FollowUpEvent f) {
      pipe(Topics.FOLLOW_UP_EVENTS, f.getCaseId(), f, f.getOccurredAt());
    } else if (event instanceof AgreementVersion v) {
      pipe(Topics.AGREEMENTS, v.getAgreementId(), v, v.getEffectiveFrom());
    } else {
      throw new IllegalArgumentException("not a register input: " + event);
    }
    return this;
  }

  public RegisterDriver pipeAll(List<? extends SpecificRecord> events) {
    events.forEach(this::pipe);
    return this;
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> void pipe(Topic<V> topic, String key, V value, Instant at) {
    TestInputTopic<String, V> input = (TestInputTopic<String, V>) inputs.computeIfAbsent(topic.name(),
        name -> driver.createInputTopic(name, Serdes.String().serializer(),
            AvroSerdes.forTopic(topic, registry).serializer()));
    input.pipeInput(key, value, at);
  }

  public void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  /** Every record published on the register topic so far (including tombstones, value null). */
  public List<KeyValue<String, RegisterEpisode>> published() {
    published.addAll(episodes.readKeyValuesToList());
    return published;
  }

  /** The register topic after compaction: the latest record per episode id, tombstones removed. */
  public Map<String, RegisterEpisode> compacted() {
    Map<String, RegisterEpisode> latest = new HashMap<>();
    for (KeyValue<String, RegisterEpisode> kv : published()) {
      if (kv.value == null) {
        latest.remove(kv.key);
      } else {
        latest.put(kv.key, kv.value);
      }
    }
    return latest;
  }

  /** The API's view of the register (the global table). */
  public Map<String, RegisterEpisode> view() {
    return storeContents(RegisterTopology.EPISODES_VIEW);
  }

  public <V> Map<String, V> storeContents(String name) {
    KeyValueStore<String, V> store = driver.getKeyValueStore(name);
    Map<String, V> result = new HashMap<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(kv -> result.put(kv.key, kv.value));
    }
    return result;
  }

  public static String episodeId(String caseId) {
    return new EpisodeIds(EPISODE_KEY).of(caseId);
  }

  @Override
  public void close() {
    driver.close();
  }
}
