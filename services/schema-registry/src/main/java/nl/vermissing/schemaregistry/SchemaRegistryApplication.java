package nl.vermissing.schemaregistry;

import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The deployable schema registry: runs the platform's {@link SchemaRegistryServer} (Confluent's REST API, schemas in
 * Kafka's {@code _schemas} topic) for as long as the application lives. Run one instance; see KafkaSchemaStore.
 */
@SpringBootApplication
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }

  @Bean(destroyMethod = "close")
  SchemaRegistryServer schemaRegistryServer(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      @Value("${vermissing.schema-registry.port:8081}") int port) {
    return SchemaRegistryServer.start(bootstrapServers, port);
  }
}
