package nl.vermissing.platform.crypto;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration keys of field encryption, read by the Avro serdes from the same map as the registry settings.
 * Encryption is off unless {@value #ENABLED} is true; every service reading or writing a topic must then use the
 * same key folder and master key.
 */
public final class EncryptionConfig {

  /** Seal personal fields on write and open them on read (default false). */
  public static final String ENABLED = "vermissing.encryption.enabled";
  /** Folder of the data key store (default {@code <data-dir>/keys/data}). */
  public static final String KEY_DIR = "vermissing.encryption.key-dir";
  /** Tink JSON keyset file of the master key (default {@code <data-dir>/keys/master.json}, created if missing). */
  public static final String MASTER_KEY_FILE = "vermissing.encryption.master-key-file";
  /** Programmatic only: a {@link DataKeyStore} instance to use instead of key folder and master key. */
  public static final String KEY_STORE = "vermissing.encryption.key-store";
  /** The platform's data folder, used for the defaults above. */
  public static final String DATA_DIR = "vermissing.data-dir";
  /** Environment variable with the master key in base64; wins over the master key file. */
  public static final String MASTER_KEY_ENV = "VERMISSING_MASTER_KEY";

  private EncryptionConfig() {}

  /** Whether the config turns field encryption on. */
  public static boolean enabled(Map<String, ?> config) {
    Object value = config.get(ENABLED);
    return value != null && Boolean.parseBoolean(value.toString().trim());
  }

  /** The field encryption the config asks for, or empty when encryption is off. */
  public static Optional<FieldEncryption> fieldEncryption(Map<String, ?> config) {
    if (!enabled(config)) {
      return Optional.empty();
    }
    return Optional.of(new FieldEncryption(DataKeyStores.fromConfig(config)));
  }

  static Path keyDir(Map<String, ?> config) {
    Object configured = config.get(KEY_DIR);
    return configured != null && !configured.toString().isBlank() ? Path.of(configured.toString().trim())
        : dataDir(config).resolve("keys").resolve("data");
  }

  static Path masterKeyFile(Map<String, ?> config) {
    Object configured = config.get(MASTER_KEY_FILE);
    return configured != null && !configured.toString().isBlank() ? Path.of(configured.toString().trim())
        : dataDir(config).resolve("keys").resolve("master.json");
  }

  private static Path dataDir(Map<String, ?> config) {
    Object dataDir = config.get(DATA_DIR);
    return Path.of(dataDir == null || dataDir.toString().isBlank() ? "data" : dataDir.toString().trim());
  }
}
