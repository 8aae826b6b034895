package nl.vermissing.police.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.TopicPartitions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.police.domain.RetentionExpiry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention period after an alert's cancel on its own, at a fixed interval and by the injected clock:
 * the read side drops the personal data of every cancelled alert whose period has passed, and each removal is
 * recorded once in the police access audit (action {@value #ACTION}, actor the gateway itself). Removals made while
 * the view was rebuilt are recorded too, unless the audit trail already holds them (it is read once, before the
 * first check).
 */
public class RetentionScheduler extends PeriodicCheck {

  public static final String ACTION = "RETENTION_EXPIRED";
  public static final String SYSTEM_ROLE = "SYSTEM";
  private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

  private final PoliceView view;
  private final PoliceResponses responses;
  private final KafkaClients clients;
  private final Map<String, Object> registryConfig;
  private final Duration retentionAfterCancel;
  /** Audit ids of the removals in the audit trail; read from the topic before the first check. */
  private Set<String> recorded;
  /** Checks run one at a time; stopping does not wait for a check. */
  private final Object checking = new Object();

  public RetentionScheduler(PoliceView view, PoliceResponses responses, KafkaClients clients,
      Map<String, Object> registryConfig, Duration retentionAfterCancel, Duration interval) {
    super("retention", interval);
    this.view = view;
    this.responses = responses;
    this.clients = clients;
    this.registryConfig = registryConfig;
    this.retentionAfterCancel = retentionAfterCancel;
  }

  /** One check; returns how many removals were recorded in the audit trail. */
  @Override
  public int checkNow() {
    synchronized (checking) {
      return check();
    }
  }

  private int check() {
    if (!view.caughtUp()) {
      return 0;
    }
    if (recorded == null) {
      recorded = recordedRemovals();
    }
    for (RetentionExpiry expiry : view.expirePersonalData()) {
      log.info("alert {} of unit {}: personal data removed, {} after its cancel", expiry.caseId(),
          expiry.policeUnit(), retentionAfterCancel);
    }
    int written = 0;
    for (RetentionExpiry expiry : view.unrecordedRetentions()) {
      if (!recorded.contains(expiry.auditId())) {
        try {
          responses.audit(auditRecord(expiry));
        } catch (RuntimeException e) {
          log.error("removal of the personal data of alert {} could not be audited; retried at the next check",
              expiry.caseId(), e);
          continue;
        }
        recorded.add(expiry.auditId());
        written++;
      }
      view.retentionRecorded(expiry);
    }
    return written;
  }

  private AccessRecord auditRecord(RetentionExpiry expiry) {
    return AccessRecord.newBuilder()
        .setAuditId(expiry.auditId())
        .setService(Topics.POLICE_GATEWAY)
        .setActor(EscalationScheduler.SYSTEM_ACTOR)
        .setActorRole(SYSTEM_ROLE)
        .setTenant(expiry.policeUnit())
        .setAction(ACTION)
        .setResource("police-alert/" + expiry.caseId())
        .setYouthId(expiry.youthId())
        .setFields(expiry.fields())
        .setPurpose("bewaartermijn na intrekking verstreken: vermissing.police.retention-after-cancel = "
            + retentionAfterCancel + ", intrekking " + expiry.cancelIdentifier())
        .setAt(responses.clock().instant())
        .build();
  }

  /** The audit ids of the removals already in the audit trail (records of this gateway as actor). */
  private Set<String> recordedRemovals() {
    Map<String, Object> config = clients.consumer(null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, EscalationScheduler.SYSTEM_ACTOR + "-retention-"
        + Integer.toHexString(hashCode()));
    byte[] systemKey = EscalationScheduler.SYSTEM_ACTOR.getBytes(StandardCharsets.UTF_8);
    Deserializer<AccessRecord> records =
        AvroSerdes.forTopic(Topics.POLICE_ACCESS_AUDIT, registryConfig).deserializer();
    Set<String> ids = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          TopicPartitions.of(consumer, List.of(Topics.POLICE_ACCESS_AUDIT.name()), Duration.ofSeconds(60));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          // records are keyed by actor: only the gateway's own are read
          if (!Arrays.equals(record.key(), systemKey)) {
            continue;
          }
          try {
            AccessRecord access = records.deserialize(record.topic(), record.value());
            if (ACTION.equals(access.getAction())) {
              ids.add(access.getAuditId());
            }
          } catch (RuntimeException e) {
            log.warn("audit record {}-{}@{} cannot be read: {}", record.topic(), record.partition(),
                record.offset(), e.toString());
          }
        }
      }
    }
    log.info("retention: {} removals of personal data already in the audit trail", ids.size());
    return ids;
  }
}
