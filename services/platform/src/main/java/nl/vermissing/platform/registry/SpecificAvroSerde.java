package nl.vermissing.platform.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde pairing {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer}; with
 * {@code vermissing.encryption.enabled} in its config, stores and changelogs hold personal fields sealed too.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  /** For use through Kafka configuration ({@code schema.registry.url}, {@code specific.avro.value.type}). */
  public SpecificAvroSerde() {
    serializer = new SpecificAvroSerializer<>();
    deserializer = new SpecificAvroDeserializer<>();
  }

  /** For programmatic use with a given registry and target class. */
  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
    serializer = new SpecificAvroSerializer<>(client);
    deserializer = new SpecificAvroDeserializer<>(client, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
