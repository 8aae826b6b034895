package nl.vermissing.schemaregistry;

import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The deployable schema registry: runs the platform's {@link SchemaRegistryServer} (Confluent's REST API, schemas in
 * Kafka's {@code _schemas} topic) for as long as the application lives. Run one instance; see KafkaSchemaStore.
 */
@SpringBootApplication
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }

  /**
   * The Kafka client settings of the registry's store: the bootstrap servers and every
   * {@code spring.kafka.properties.*} entry (e.g. SASL_SSL, as for the other services; see deploy/kafka-security.md).
   */
  static Map<String, Object> kafkaConfig(Environment environment) {
    Map<String, Object> config = new HashMap<>(Binder.get(environment)
        .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of()));
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    return config;
  }

  @Bean(destroyMethod = "close")
  SchemaRegistryServer schemaRegistryServer(Environment environment,
      @Value("${vermissing.schema-registry.port:8081}") int port) {
    return SchemaRegistryServer.start(kafkaConfig(environment), port);
  }
}
