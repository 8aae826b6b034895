package nl.vermissing.platform.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vermissing.platform.crypto.EncryptionConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares.
 *
 * @param serviceName the service's name: names its Streams application, consumer groups and dead-letter topics
 * @param schemaRegistryUrl Confluent-compatible schema registry ({@code mock://scope} for topology tests)
 * @param dataDir folder for local state (Kafka Streams stores, and by default the encryption keys)
 * @param consumes the catalogue topics the service reads: each gets a dead-letter topic of this service
 * @param encryption field-level encryption of personal data (on unless switched off explicitly)
 */
@ConfigurationProperties("vermissing")
public record PlatformProperties(String serviceName, String schemaRegistryUrl, String dataDir, List<String> consumes,
    Encryption encryption) {

  /**
   * @param enabled seal personal fields with the youth's data key (every service of a deployment must agree)
   * @param keyDir the data key store; shared by all services of a deployment
   * @param masterKeyFile the master key protecting the data keys (a KMS in a real deployment)
   */
  public record Encryption(Boolean enabled, String keyDir, String masterKeyFile) {}

  public PlatformProperties {
    consumes = consumes == null ? List.of() : List.copyOf(consumes);
    serviceName = serviceName == null ? "service" : serviceName;
    schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
    dataDir = dataDir == null ? "data" : dataDir;
    encryption = encryption == null ? new Encryption(null, null, null) : encryption;
  }

  /** Config for Avro serdes: Confluent's keys plus the encryption settings. */
  public Map<String, Object> registryConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", schemaRegistryUrl);
    config.put("auto.register.schemas", true);
    config.put("specific.avro.reader", true);
    config.put(EncryptionConfig.DATA_DIR, dataDir);
    config.put(EncryptionConfig.ENABLED, encryption.enabled() == null || encryption.enabled());
    config.put(EncryptionConfig.KEY_DIR,
        encryption.keyDir() != null ? encryption.keyDir() : Path.of(dataDir, "keys", "data").toString());
    config.put(EncryptionConfig.MASTER_KEY_FILE, encryption.masterKeyFile() != null
        ? encryption.masterKeyFile() : Path.of(dataDir, "keys", "master.json").toString());
    return Map.copyOf(config);
  }

  public String streamsStateDir() {
    return Path.of(dataDir, "streams", serviceName).toString();
  }
}
