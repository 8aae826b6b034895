package nl.vermissing.intake.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.SpecificAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The only way intake writes to Kafka: synchronously, acks=all with an idempotent producer, so a command is
 * answered 2xx only once the broker has the event and nothing acknowledged is lost.
 */
@Component
public class EventWriter implements DisposableBean {

  /** Header carrying the idempotency id of a record whose value has no event id field (profile versions). */
  public static final String EVENT_ID_HEADER = "vermissing.event-id";

  private final Producer<String, SpecificRecord> producer;

  public EventWriter(KafkaClients clients, PlatformProperties platform) {
    Map<String, Object> config = clients.producer();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "vermissing-intake-writer");
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(platform.registryConfig(), false);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** Writes one record and waits for the broker's acknowledgement. */
  public <V extends SpecificRecord> RecordMetadata write(Topic<V> topic, String key, V value, String eventId) {
    ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic.name(), key, value);
    if (eventId != null) {
      record.headers().add(EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
    }
    try {
      return producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteFailed(topic.name(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new WriteFailed(topic.name(), e);
    }
  }

  @Override
  public void destroy() {
    producer.close(java.time.Duration.ofSeconds(5));
  }

  /** The broker did not acknowledge the write: the command failed and the client may retry. */
  public static class WriteFailed extends RuntimeException {
    public WriteFailed(String topic, Throwable cause) {
      super("write to " + topic + " not acknowledged", cause);
    }
  }
}
