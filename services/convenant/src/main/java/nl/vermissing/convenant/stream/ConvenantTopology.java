package nl.vermissing.convenant.stream;

import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.convenant.domain.CaseState;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.SealedSerde;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The agreement engine as a Kafka Streams topology: case events in, and out the police alerts, required next steps,
 * calamity notices and disclosure records (this service is the only writer of these topics). Agreements are read
 * into a global store with all their versions; case state and deadlines are per-case, changelogged stores.
 */
public final class ConvenantTopology {

  public static final String CASE_STORE = "convenant-case-state";
  public static final String TIMER_STORE = "convenant-timers";
  public static final String AGREEMENT_STORE = "convenant-agreements";
  public static final String DECIDE = "convenant-decide";

  private ConvenantTopology() {}

  /**
   * Case states hold what was last shared with police (clothing, last seen place): sealed with the youth's data key
   * when encryption is on, so an erased youth's state and its changelog become unreadable.
   */
  static Serde<CaseState> caseStates(ConvenantSettings settings, Serde<CaseEvent> caseEvents) {
    Serde<CaseState> plain = new CaseStateSerde(caseEvents);
    return EncryptionConfig.fieldEncryption(settings.registryConfig())
        .<Serde<CaseState>>map(encryption -> new SealedSerde<>(plain, state -> state.youthId, encryption.keyStore()))
        .orElse(plain);
  }

  /** Adds the engine to the builder; returns the stream of everything it publishes. */
  public static KStream<String, SpecificRecord> build(StreamsBuilder builder, ConvenantSettings settings) {
    Serde<CaseEvent> caseEvents = AvroSerdes.forTopic(Topics.CASE_EVENTS, settings.registryConfig());
    Serde<AgreementVersion> agreements = AvroSerdes.forTopic(Topics.AGREEMENTS, settings.registryConfig());

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGREEMENT_STORE), Serdes.String(), agreements)
            .withLoggingDisabled(),
        Topics.AGREEMENTS.name(),
        Consumed.with(Serdes.String(), agreements).withName("convenant-agreements-global"),
        AgreementStoreUpdater::new);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_STORE), Serdes.String(),
        caseStates(settings, caseEvents)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMER_STORE), Serdes.String(),
        Serdes.String()));

    KStream<String, SpecificRecord> decisions = builder
        .stream(Topics.CASE_EVENTS.name(), Consumed.with(Serdes.String(), caseEvents)
            .withName("convenant-case-events-source"))
        .process(() -> new CaseProcessor(settings), Named.as(DECIDE), CASE_STORE, TIMER_STORE);

    route(decisions, Topics.POLICE_ALERTS, PoliceAlert.class, settings, "police-alerts");
    route(decisions, Topics.NEXT_STEPS, RequiredNextStep.class, settings, "next-steps");
    route(decisions, Topics.CALAMITY_NOTICES, CalamityNotice.class, settings, "calamity-notices");
    route(decisions, Topics.DISCLOSURES, DisclosureRecord.class, settings, "disclosures");
    return decisions;
  }

  private static <V extends SpecificRecord> void route(KStream<String, SpecificRecord> decisions, Topic<V> topic,
      Class<V> type, ConvenantSettings settings, String name) {
    decisions
        .filter((key, value) -> type.isInstance(value), Named.as("convenant-" + name + "-filter"))
        .mapValues(type::cast, Named.as("convenant-" + name + "-cast"))
        .to(topic.name(), Produced.with(Serdes.String(), AvroSerdes.forTopic(topic, settings.registryConfig()))
            .withName("convenant-" + name + "-sink"));
  }
}
