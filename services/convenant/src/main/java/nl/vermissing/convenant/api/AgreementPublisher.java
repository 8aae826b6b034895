package nl.vermissing.convenant.api;

import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes an agreement version together with the audit record of who changed it, in one Kafka transaction: the
 * rule change and its audit trail are written both or neither.
 */
@Component
public class AgreementPublisher implements DisposableBean {

  private final Map<String, Object> producerConfig;
  private final Serializer<AgreementVersion> agreements;
  private final Serializer<AccessRecord> audit;
  private Producer<String, byte[]> producer;

  public AgreementPublisher(PlatformProperties platform, KafkaClients clients) {
    this.producerConfig = clients.producer();
    this.producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        "vermissing-" + platform.serviceName() + "-agreements-" + UUID.randomUUID());
    this.agreements = AvroSerdes.forTopic(Topics.AGREEMENTS, platform.registryConfig()).serializer();
    this.audit = AvroSerdes.forTopic(Topics.CONVENANT_ACCESS_AUDIT, platform.registryConfig()).serializer();
  }

  public synchronized void publish(AgreementVersion version, AccessRecord record) {
    Producer<String, byte[]> p = producer();
    try {
      p.beginTransaction();
      p.send(new ProducerRecord<>(Topics.AGREEMENTS.name(), version.getAgreementId(),
          agreements.serialize(Topics.AGREEMENTS.name(), version)));
      p.send(new ProducerRecord<>(Topics.CONVENANT_ACCESS_AUDIT.name(), record.getActor(),
          audit.serialize(Topics.CONVENANT_ACCESS_AUDIT.name(), record)));
      p.commitTransaction();
    } catch (RuntimeException e) {
      try {
        p.abortTransaction();
      } catch (RuntimeException abort) {
        e.addSuppressed(abort);
      }
      producer.close();
      producer = null; // a fresh producer (and transaction) next time
      throw e;
    }
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
      producer.initTransactions();
    }
    return producer;
  }

  @Override
  public synchronized void destroy() {
    if (producer != null) {
      producer.close();
      producer = null;
    }
  }
}
