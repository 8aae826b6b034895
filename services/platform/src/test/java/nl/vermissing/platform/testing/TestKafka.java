package nl.vermissing.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.kafka.AvroTrust;
import nl.vermissing.platform.kafka.EmbeddedKafkaBroker;
import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real in-JVM Kafka broker (KRaft) and one schema registry for all integration tests of a test JVM: starting a
 * broker costs seconds, so it is started once, lazily, and stopped when the JVM exits.
 */
public final class TestKafka {

  private static TestKafka instance;

  private final EmbeddedKafkaBroker broker;
  private final SchemaRegistryServer registry;
  private final Path dataDir;

  private TestKafka(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, Path dataDir) {
    this.broker = broker;
    this.registry = registry;
    this.dataDir = dataDir;
  }

  public static synchronized TestKafka get() {
    if (instance == null) {
      AvroTrust.trustEventPackage();
      try {
        Path dir = Files.createTempDirectory("vermissing-test-kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), 0);
        SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0);
        instance = new TestKafka(broker, registry, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          registry.close();
          broker.close();
        }, "test-kafka-shutdown"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /**
   * Config for Avro serdes against the test registry, sealing personal fields with the same keys as the services
   * under test (one key store per test JVM).
   */
  public Map<String, Object> registryConfig() {
    return Map.of("schema.registry.url", registryUrl(), "auto.register.schemas", true, "specific.avro.reader", true,
        EncryptionConfig.ENABLED, true, EncryptionConfig.KEY_DIR, keyDir().toString(),
        EncryptionConfig.MASTER_KEY_FILE, masterKeyFile().toString());
  }

  /** The data key store shared by every service and client of this test JVM. */
  public Path keyDir() {
    return dataDir.resolve("keys").resolve("data");
  }

  public Path masterKeyFile() {
    return dataDir.resolve("keys").resolve("master.json");
  }

  /**
   * Points a Spring Boot test at the shared broker and registry, with its own state folder so that Kafka Streams
   * state of one test class does not leak into the next.
   */
  public static void register(DynamicPropertyRegistry registry) {
    TestKafka kafka = get();
    registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    registry.add("vermissing.schema-registry-url", kafka::registryUrl);
    registry.add("vermissing.data-dir", () -> kafka.newStateDir().toString());
    registry.add("vermissing.encryption.key-dir", () -> kafka.keyDir().toString());
    registry.add("vermissing.encryption.master-key-file", () -> kafka.masterKeyFile().toString());
  }

  /** A fresh folder for local state. */
  public Path newStateDir() {
    try {
      return Files.createTempDirectory(dataDir, "state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
