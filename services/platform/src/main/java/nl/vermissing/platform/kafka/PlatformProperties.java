package nl.vermissing.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares.
 *
 * @param serviceName the service's name: names its Streams application, consumer groups and dead-letter topics
 * @param schemaRegistryUrl Confluent-compatible schema registry ({@code mock://scope} for topology tests)
 * @param dataDir folder for local state (Kafka Streams stores)
 * @param consumes the catalogue topics the service reads: each gets a dead-letter topic of this service
 */
@ConfigurationProperties("vermissing")
public record PlatformProperties(String serviceName, String schemaRegistryUrl, String dataDir,
    java.util.List<String> consumes) {

  public PlatformProperties {
    consumes = consumes == null ? java.util.List.of() : java.util.List.copyOf(consumes);
    serviceName = serviceName == null ? "service" : serviceName;
    schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
    dataDir = dataDir == null ? "data" : dataDir;
  }

  /** Config for Avro serdes: Confluent's keys. */
  public java.util.Map<String, Object> registryConfig() {
    return java.util.Map.of("schema.registry.url", schemaRegistryUrl, "auto.register.schemas", true,
        "specific.avro.reader", true);
  }

  public String streamsStateDir() {
    return java.nio.file.Path.of(dataDir, "streams", serviceName).toString();
  }
}
