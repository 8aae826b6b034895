package nl.vermissing.catalogue;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic: its name, the meaning of its (string) key, its Avro value type, how it is cleaned up, how many
 * partitions it has, the one service that may write it and the services that read it.
 *
 * @param <V> the Avro value type
 */
public record Topic<V extends SpecificRecord>(
    String name,
    String key,
    Class<V> valueType,
    Cleanup cleanup,
    int partitions,
    String writer,
    java.util.List<String> readers,
    String description) {

  /** How the broker keeps records of the topic. */
  public enum Cleanup {
    /** Every record is kept (retention.ms = -1): the log is the source of truth. */
    KEEP_ALL,
    /** Only the latest record per key is kept. */
    COMPACT
  }

  /** The Avro schema of the value type, as generated. */
  public Schema valueSchema() {
    try {
      return (Schema) valueType.getField("SCHEMA$").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not a generated Avro class: " + valueType, e);
    }
  }

  /** Schema-registry subject under the TopicNameStrategy (Confluent's default). */
  public String valueSubject() {
    return name + "-value";
  }

  /** Broker configuration for creating the topic. */
  public Map<String, String> brokerConfig() {
    return switch (cleanup) {
      case KEEP_ALL -> Map.of("cleanup.policy", "delete", "retention.ms", "-1", "min.insync.replicas", "1");
      case COMPACT -> Map.of("cleanup.policy", "compact", "min.insync.replicas", "1");
    };
  }
}
