package nl.vermissing.platform.registry;

import java.util.Map;
import nl.vermissing.platform.crypto.EncryptionConfig;

/** Configuration keys of the Avro serdes, spelled as Confluent's so that existing configuration carries over. */
public final class AvroSerdeConfig {

  /** Registry URL(s), comma-separated; {@code mock://<scope>} selects a shared in-memory registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** Serializer: register the record's schema under the subject if it is not there yet (default true). */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  /** Serializer: write with the subject's latest schema instead of the record's own (default false). */
  public static final String USE_LATEST_VERSION = "use.latest.version";
  /** Deserializer: produce generated classes; our deserializer always does, the key is accepted for parity. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  /** Deserializer: the generated class (Class or class name) of values, used as the reader schema. */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  /** Deserializer: the generated class (Class or class name) of keys, used as the reader schema. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

  /** Seal personal fields on write, open them on read (default false); see {@link EncryptionConfig}. */
  public static final String ENCRYPTION_ENABLED = EncryptionConfig.ENABLED;
  /** Folder of the per-youth data keys (default {@code <vermissing.data-dir>/keys/data}). */
  public static final String ENCRYPTION_KEY_DIR = EncryptionConfig.KEY_DIR;
  /** Master key file (default {@code <vermissing.data-dir>/keys/master.json}; env VERMISSING_MASTER_KEY wins). */
  public static final String ENCRYPTION_MASTER_KEY_FILE = EncryptionConfig.MASTER_KEY_FILE;

  private AvroSerdeConfig() {}

  static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
  }
}
