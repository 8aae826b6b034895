package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key that seals the data keys. Taken, in this order, from the environment variable
 * {@value EncryptionConfig#MASTER_KEY_ENV} (base64 of 32 raw AES-256 bytes, or of a binary Tink keyset), or from the
 * Tink JSON keyset file {@value EncryptionConfig#MASTER_KEY_FILE} (default {@code <data-dir>/keys/master.json}),
 * which is created with permissions 600 on first start.
 *
 * <p>The key file next to the data is the embedded default only. A deployment keeps the master key in a KMS and
 * passes Tink's KMS-backed {@link Aead} (e.g. {@code GcpKmsClient}/{@code AwsKmsClient}, or a Vault transit key)
 * straight to {@link DataKeyStores#forDirectory}: the master key then never leaves the KMS.
 */
public final class MasterKeys {

  private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

  private MasterKeys() {}

  /** The master key configured for this process (environment first, then the key file). */
  public static Aead fromConfig(Map<String, ?> config) {
    return fromConfig(config, System.getenv());
  }

  /** As {@link #fromConfig(Map)} with the given environment (for tests). */
  public static Aead fromConfig(Map<String, ?> config, Map<String, String> environment) {
    String fromEnvironment = environment.get(EncryptionConfig.MASTER_KEY_ENV);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromBase64(fromEnvironment.trim());
    }
    return fromFile(EncryptionConfig.masterKeyFile(config), true);
  }

  /** A master key from base64: 32 bytes are a raw AES-256-GCM key, anything else a binary Tink keyset. */
  public static Aead fromBase64(String base64) {
    TinkSetup.ensureRegistered();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new DataKeyStoreException("master key in " + EncryptionConfig.MASTER_KEY_ENV + " is not base64");
    }
    try {
      if (bytes.length == 32) {
        return new AesGcmJce(bytes);
      }
      return TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get())
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new DataKeyStoreException("master key in " + EncryptionConfig.MASTER_KEY_ENV
          + " is neither 32 raw key bytes nor a Tink AEAD keyset", e);
    }
  }

  /** A master key from a Tink JSON keyset file; when {@code create}, a missing file is generated (mode 600). */
  public static Aead fromFile(Path file, boolean create) {
    TinkSetup.ensureRegistered();
    try {
      if (!Files.exists(file)) {
        if (!create) {
          throw new DataKeyStoreException("master key file " + file + " does not exist");
        }
        generateFile(file);
      }
      return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
          InsecureSecretKeyAccess.get()).getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (IOException | GeneralSecurityException e) {
      throw new DataKeyStoreException("cannot read master key file " + file, e);
    }
  }

  /** A fresh master key held in memory only (tests). */
  public static Aead generate() {
    TinkSetup.ensureRegistered();
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void generateFile(Path file) throws IOException, GeneralSecurityException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
    Path temp = Files.createTempFile(folder, "master", ".tmp");
    try {
      restrict(temp);
      Files.writeString(temp, json, StandardCharsets.UTF_8);
      try {
        Files.createLink(file, temp); // never replaces a master key another process just created
        log.info("created master key file {} (embedded default; use a KMS in a deployment)", file);
      } catch (FileAlreadyExistsException e) {
        // created concurrently: use that one
      } catch (UnsupportedOperationException | IOException e) {
        if (!Files.exists(file)) {
          Files.move(temp, file);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }
}
