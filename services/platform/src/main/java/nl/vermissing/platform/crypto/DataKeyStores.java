package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;

/**
 * One {@link FileDataKeyStore} per key folder and JVM, so that services sharing a JVM (the all-in-one runner) share
 * one key cache and an erasure through any of them is seen by all at once.
 */
public final class DataKeyStores {

  private static final Map<Path, DataKeyStore> BY_FOLDER = new ConcurrentHashMap<>();

  private DataKeyStores() {}

  /**
   * The shared store of {@code dir}; the first caller's master key opens it (later callers must pass the same key:
   * a wrong one is detected when the store is first opened, not on later calls).
   */
  public static DataKeyStore forDirectory(Path dir, Aead masterKey) {
    return BY_FOLDER.computeIfAbsent(canonical(dir), folder -> new FileDataKeyStore(folder, masterKey));
  }

  /**
   * The store the serdes use for this config: the {@value EncryptionConfig#KEY_STORE} instance if given, else the
   * shared store of {@value EncryptionConfig#KEY_DIR} opened with {@link MasterKeys#fromConfig}. Tests call this
   * with the serde config to erase keys the serdes use.
   */
  public static DataKeyStore fromConfig(Map<String, ?> config) {
    Object given = config.get(EncryptionConfig.KEY_STORE);
    if (given instanceof DataKeyStore store) {
      return store;
    }
    if (given != null) {
      throw new ConfigException(EncryptionConfig.KEY_STORE, given, "not a " + DataKeyStore.class.getName());
    }
    Path folder = canonical(EncryptionConfig.keyDir(config));
    DataKeyStore existing = BY_FOLDER.get(folder);
    if (existing != null) {
      return existing;
    }
    return BY_FOLDER.computeIfAbsent(folder, f -> {
      refuseNewMasterKeyForExistingDataKeys(config, f);
      return new FileDataKeyStore(f, MasterKeys.fromConfig(config));
    });
  }

  /** A missing master key file next to existing data keys is a lost key or a wrong path, never a first start. */
  private static void refuseNewMasterKeyForExistingDataKeys(Map<String, ?> config, Path folder) {
    String fromEnvironment = System.getenv(EncryptionConfig.MASTER_KEY_ENV);
    Path masterFile = EncryptionConfig.masterKeyFile(config);
    if ((fromEnvironment == null || fromEnvironment.isBlank()) && !Files.exists(masterFile)
        && holdsKeys(folder)) {
      throw new ConfigException(EncryptionConfig.MASTER_KEY_FILE, masterFile.toString(),
          "master key file is missing but " + folder + " holds data keys: restore the master key, do not create a "
              + "new one");
    }
  }

  private static boolean holdsKeys(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).anyMatch(
          name -> name.endsWith(FileDataKeyStore.KEY_SUFFIX) || name.equals(FileDataKeyStore.MASTER_CHECK_FILE));
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot list key folder " + folder, e);
    }
  }

  private static Path canonical(Path dir) {
    try {
      Path absolute = dir.toAbsolutePath().normalize();
      Files.createDirectories(absolute);
      return absolute.toRealPath();
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot open key folder " + dir, e);
    }
  }
}
