package nl.vermissing.audit.stream;

import java.util.Map;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Indexes the append-only audit topics into queryable stores keyed by audit id (disclosures, calamity notices and
 * each service's access audit). The topics stay the record; the stores are rebuilt from them when lost.
 */
public final class AuditTopology {

  public static final String DISCLOSURES_STORE = "audit-disclosures";
  public static final String CALAMITIES_STORE = "audit-calamity-notices";
  public static final String ACCESS_STORE = "audit-access";

  /** The access-audit topics of the services that read personal data. */
  public static final java.util.List<Topic<AccessRecord>> ACCESS_TOPICS = java.util.List.of(
      Topics.INTAKE_ACCESS_AUDIT, Topics.CONVENANT_ACCESS_AUDIT, Topics.POLICE_ACCESS_AUDIT,
      Topics.FOLLOW_UP_ACCESS_AUDIT);

  private AuditTopology() {}

  public static void build(StreamsBuilder builder, Map<String, ?> registryConfig) {
    var disclosures = AvroSerdes.forTopic(Topics.DISCLOSURES, registryConfig);
    builder.stream(Topics.DISCLOSURES.name(), Consumed.with(Serdes.String(), disclosures).withName("read-disclosures"))
        .selectKey((caseId, record) -> record.getAuditId(), Named.as("key-disclosures-by-audit-id"))
        .toTable(Named.as("disclosures-table"), Materialized.<String, DisclosureRecord, KeyValueStore<Bytes, byte[]>>as(DISCLOSURES_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(disclosures));

    var calamities = AvroSerdes.forTopic(Topics.CALAMITY_NOTICES, registryConfig);
    builder.stream(Topics.CALAMITY_NOTICES.name(), Consumed.with(Serdes.String(), calamities).withName("read-calamities"))
        .selectKey((caseId, notice) -> notice.getNoticeId(), Named.as("key-calamities-by-notice-id"))
        .toTable(Named.as("calamities-table"), Materialized.<String, CalamityNotice, KeyValueStore<Bytes, byte[]>>as(CALAMITIES_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(calamities));

    var access = AvroSerdes.forTopic(Topics.INTAKE_ACCESS_AUDIT, registryConfig);
    builder.stream(ACCESS_TOPICS.stream().map(Topic::name).toList(),
            Consumed.with(Serdes.String(), access).withName("read-access-audits"))
        .selectKey((actor, record) -> record.getAuditId(), Named.as("key-access-by-audit-id"))
        .toTable(Named.as("access-table"), Materialized.<String, AccessRecord, KeyValueStore<Bytes, byte[]>>as(ACCESS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(access));
  }
}
