package nl.vermissing.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The Kafka clients of a service: the cluster's address and connection security as configured through Spring Boot
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.kafka.security.*}, {@code spring.kafka.ssl.*},
 * {@code spring.kafka.properties.*}), with the platform's {@link KafkaConventions} applied. Every producer, consumer
 * and Streams app a service builds takes its configuration from here, so that SASL_SSL reaches all of them.
 */
public final class KafkaClients {

  private final String bootstrapServers;
  private final Map<String, Object> connection;

  private KafkaClients(String bootstrapServers, Map<String, Object> connection) {
    this.bootstrapServers = bootstrapServers;
    this.connection = Map.copyOf(connection);
  }

  /** A plain connection (PLAINTEXT): the embedded default and tests. */
  public static KafkaClients of(String bootstrapServers) {
    return new KafkaClients(bootstrapServers, Map.of());
  }

  /** The connection Spring Boot's Kafka properties describe. */
  public static KafkaClients from(KafkaProperties boot) {
    Map<String, Object> connection = new HashMap<>();
    connection.putAll(boot.getSecurity().buildProperties());
    connection.putAll(boot.getSsl().buildProperties());
    connection.putAll(boot.getProperties());
    connection.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    return new KafkaClients(String.join(",", boot.getBootstrapServers()), connection);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The security and other connection settings, without the conventions (e.g. for an admin client). */
  public Map<String, Object> connection() {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  public Map<String, Object> producer() {
    return withConnection(KafkaConventions.producer(bootstrapServers));
  }

  public Map<String, Object> consumer(String groupId) {
    return withConnection(KafkaConventions.consumer(bootstrapServers, groupId));
  }

  public Map<String, Object> streams(String applicationId, String serviceName, String stateDir) {
    return withConnection(KafkaConventions.streams(bootstrapServers, applicationId, serviceName, stateDir));
  }

  private Map<String, Object> withConnection(Map<String, Object> config) {
    config.putAll(connection);
    return config;
  }
}
