package nl.vermissing.platform.registry;

import java.util.Map;
import nl.vermissing.catalogue.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Serdes for the topics of the catalogue: the topic declares its value class, the registry config says where. */
public final class AvroSerdes {

  private AvroSerdes() {}

  /**
   * The configured value serde of a catalogue topic.
   *
   * @param registryConfig at least {@code schema.registry.url}; optionally the other {@link AvroSerdeConfig} keys,
   *     including the field-encryption keys ({@code vermissing.encryption.*})
   */
  public static <V extends SpecificRecord> Serde<V> forTopic(Topic<V> topic, Map<String, ?> registryConfig) {
    SpecificAvroSerde<V> serde =
        new SpecificAvroSerde<>(SchemaRegistryClients.forConfig(registryConfig), topic.valueType());
    serde.configure(registryConfig, false);
    return serde;
  }
}
