package nl.vermissing.register.stream;

import nl.vermissing.platform.kafka.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.register.domain.CaseFacts;
import nl.vermissing.register.domain.CaseSignals;
import nl.vermissing.register.domain.CaseState;
import nl.vermissing.register.domain.EpisodeChange;
import nl.vermissing.register.domain.EpisodeIds;
import nl.vermissing.register.domain.InstitutionRegions;
import nl.vermissing.register.domain.RegionAssignment;
import nl.vermissing.register.domain.RegisterRules;
import nl.vermissing.register.domain.YouthHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The register's topology, the only writer of the register topic:
 * <ol>
 *   <li>case events, police alerts, police responses and follow-up events (all keyed by case id) are whitelisted to
 *       fragments and folded per case ({@value #CASE_STATE_STORE});</li>
 *   <li>the convenant versions give each institution its region over time ({@value #INSTITUTION_REGIONS_STORE}),
 *       joined to the case by foreign key, so an agreement arriving late still lands in the right region;</li>
 *   <li>episodes are repartitioned by national pseudonym ({@value #BY_PSEUDONYM}) and numbered per youth
 *       ({@value #YOUTH_HISTORY_STORE}); changed episodes are published keyed by episode id;</li>
 *   <li>the published topic is read back as a global table ({@value #EPISODES_VIEW}) for the API's statistics.</li>
 * </ol>
 */
public final class RegisterTopology {

  public static final String CASE_STATE_STORE = "register-case-state";
  public static final String CASE_TABLE = "register-case-table";
  public static final String CASE_EPISODES = "register-case-episodes";
  public static final String INSTITUTION_REGIONS_STORE = "register-institution-regions";
  public static final String BY_PSEUDONYM = "register-by-pseudonym";
  public static final String YOUTH_HISTORY_STORE = "register-youth-history";
  public static final String EPISODES_VIEW = "register-episodes-view";

  private RegisterTopology() {}

  public static void build(StreamsBuilder builder, Map<String, ?> registryConfig, EpisodeIds episodeIds,
      RegisterRules rules, Duration retentionCheckInterval) {
    Serde<String> keys = Serdes.String();
    Serde<CaseFacts> factsSerde = new JsonSerde<>(CaseFacts.class);
    Serde<CaseState> stateSerde = new JsonSerde<>(CaseState.class);
    Serde<RegionAssignment> assignmentSerde = new JsonSerde<>(RegionAssignment.class);
    Serde<InstitutionRegions> regionsSerde = new JsonSerde<>(InstitutionRegions.class);
    Serde<EpisodeChange> changeSerde = new JsonSerde<>(EpisodeChange.class);
    Serde<RegisterEpisode> episodeSerde = AvroSerdes.forTopic(Topics.REGISTER_EPISODES, registryConfig);

    KStream<String, CaseFacts> caseEvents = builder
        .stream(Topics.CASE_EVENTS.name(), Consumed.with(keys, AvroSerdes.forTopic(Topics.CASE_EVENTS, registryConfig))
            .withName("register-read-case-events"))
        .filter((caseId, event) -> event != null, Named.as("register-skip-empty-case-events"))
        .mapValues((CaseEvent event) -> CaseSignals.from(event), Named.as("register-whitelist-case-events"));
    KStream<String, CaseFacts> alerts = builder
        .stream(Topics.POLICE_ALERTS.name(),
            Consumed.with(keys, AvroSerdes.forTopic(Topics.POLICE_ALERTS, registryConfig))
                .withName("register-read-police-alerts"))
        .filter((caseId, alert) -> alert != null, Named.as("register-skip-empty-police-alerts"))
        .mapValues((PoliceAlert alert) -> CaseSignals.from(alert), Named.as("register-whitelist-police-alerts"));
    KStream<String, CaseFacts> responses = builder
        .stream(Topics.POLICE_RESPONSES.name(),
            Consumed.with(keys, AvroSerdes.forTopic(Topics.POLICE_RESPONSES, registryConfig))
                .withName("register-read-police-responses"))
        .filter((caseId, response) -> response != null, Named.as("register-skip-empty-police-responses"))
        .mapValues((PoliceResponse response) -> CaseSignals.from(response),
            Named.as("register-whitelist-police-responses"));
    KStream<String, CaseFacts> followUps = builder
        .stream(Topics.FOLLOW_UP_EVENTS.name(),
            Consumed.with(keys, AvroSerdes.forTopic(Topics.FOLLOW_UP_EVENTS, registryConfig))
                .withName("register-read-follow-up-events"))
        .filter((caseId, event) -> event != null, Named.as("register-skip-empty-follow-up-events"))
        .mapValues((FollowUpEvent event) -> CaseSignals.from(event), Named.as("register-whitelist-follow-up-events"));

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_STATE_STORE), keys,
        factsSerde));
    KStream<String, CaseState> folded = caseEvents
        .merge(alerts, Named.as("register-merge-police-alerts"))
        .merge(responses, Named.as("register-merge-police-responses"))
        .merge(followUps, Named.as("register-merge-follow-up-events"))
        .process(() -> new CaseFoldProcessor(CASE_STATE_STORE, episodeIds, rules, retentionCheckInterval),
            Named.as("register-fold-case"), CASE_STATE_STORE);
    // expiries bypass the join: the case's row is deleted right after, and a foreign-key join drops a result whose
    // left row changed meanwhile
    KStream<String, EpisodeChange> expiries = folded
        .filter((caseId, state) -> state != null && state.expired(), Named.as("register-expired-cases"))
        .mapValues(state -> EpisodeChange.of(state, null, rules), Named.as("register-expire-episodes"));
    KTable<String, CaseState> cases = folded
        .filter((caseId, state) -> state == null || !state.expired(), Named.as("register-live-cases"))
        .toTable(Named.as(CASE_TABLE), Materialized.<String, CaseState, KeyValueStore<Bytes, byte[]>>as(CASE_TABLE)
            .withKeySerde(keys).withValueSerde(stateSerde));

    KTable<String, InstitutionRegions> regions = builder
        .stream(Topics.AGREEMENTS.name(), Consumed.with(keys, AvroSerdes.forTopic(Topics.AGREEMENTS, registryConfig))
            .withName("register-read-agreements"))
        .flatMap((agreementId, agreement) -> assignments(agreement), Named.as("register-assign-institutions"))
        .groupByKey(Grouped.with(INSTITUTION_REGIONS_STORE, keys, assignmentSerde))
        .aggregate(InstitutionRegions::empty, (institutionId, assignment, history) -> history.with(assignment),
            Named.as("register-collect-institution-regions"),
            Materialized.<String, InstitutionRegions, KeyValueStore<Bytes, byte[]>>as(INSTITUTION_REGIONS_STORE)
                .withKeySerde(keys).withValueSerde(regionsSerde));

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(YOUTH_HISTORY_STORE), keys,
        new JsonSerde<>(YouthHistory.class)));
    cases
        .leftJoin(regions, state -> state.facts().institutionId(),
            (state, institutionRegions) -> EpisodeChange.of(state, institutionRegions, rules),
            TableJoined.as("register-join-region"),
            Materialized.<String, EpisodeChange, KeyValueStore<Bytes, byte[]>>as(CASE_EPISODES)
                .withKeySerde(keys).withValueSerde(changeSerde))
        .toStream(Named.as("register-episode-changes"))
        .merge(expiries, Named.as("register-merge-expiries"))
        .filter((caseId, change) -> change != null, Named.as("register-skip-incomplete-cases"))
        .selectKey((caseId, change) -> change.nationalPseudonym(), Named.as("register-key-by-pseudonym"))
        .repartition(Repartitioned.<String, EpisodeChange>as(BY_PSEUDONYM).withKeySerde(keys)
            .withValueSerde(changeSerde))
        .process(() -> new YouthHistoryProcessor(YOUTH_HISTORY_STORE, rules.repeatWindow()),
            Named.as("register-number-episodes"), YOUTH_HISTORY_STORE)
        .to(Topics.REGISTER_EPISODES.name(), Produced.with(keys, episodeSerde).withName("register-write-episodes"));

    builder.globalTable(Topics.REGISTER_EPISODES.name(),
        Consumed.with(keys, episodeSerde).withName("register-read-episodes"),
        Materialized.<String, RegisterEpisode, KeyValueStore<Bytes, byte[]>>as(EPISODES_VIEW)
            .withKeySerde(keys).withValueSerde(episodeSerde));
  }

  private static List<KeyValue<String, RegionAssignment>> assignments(AgreementVersion agreement) {
    List<KeyValue<String, RegionAssignment>> result = new ArrayList<>();
    if (agreement == null) {
      return result;
    }
    for (String institutionId : agreement.getInstitutionIds()) {
      result.add(KeyValue.pair(institutionId, new RegionAssignment(agreement.getAgreementId(), agreement.getVersion(),
          agreement.getEffectiveFrom(), agreement.getRegion())));
    }
    return result;
  }
}
