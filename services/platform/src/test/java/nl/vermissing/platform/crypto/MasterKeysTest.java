package nl.vermissing.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

  private static final byte[] AD = new byte[0];

  @TempDir
  Path dataDir;

  @Test
  void theEmbeddedDefaultCreatesAPrivateKeyFileInTheDataFolderOnce() throws Exception {
    Map<String, Object> config = Map.of(EncryptionConfig.DATA_DIR, dataDir.toString());

    Aead first = MasterKeys.fromConfig(config, Map.of());
    Aead second = MasterKeys.fromConfig(config, Map.of());

    Path file = dataDir.resolve("keys/master.json");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(second.decrypt(first.encrypt(bytes("x"), AD), AD)).isEqualTo(bytes("x"));
  }

  @Test
  void theEnvironmentVariableWinsAndTakesRawAesKeyBytes() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Map<String, String> env = Map.of(EncryptionConfig.MASTER_KEY_ENV, Base64.getEncoder().encodeToString(raw));
    Map<String, Object> config = Map.of(EncryptionConfig.DATA_DIR, dataDir.toString());

    Aead first = MasterKeys.fromConfig(config, env);
    Aead second = MasterKeys.fromBase64(Base64.getEncoder().encodeToString(raw));

    assertThat(second.decrypt(first.encrypt(bytes("x"), AD), AD)).isEqualTo(bytes("x"));
    assertThat(dataDir.resolve("keys/master.json")).doesNotExist();
    assertThatThrownBy(() -> MasterKeys.fromBase64("not base64!")).isInstanceOf(DataKeyStoreException.class);
  }

  @Test
  void aMissingMasterKeyNextToExistingDataKeysIsRefusedNotReplaced() throws Exception {
    Map<String, Object> config = Map.of(EncryptionConfig.DATA_DIR, dataDir.toString(),
        EncryptionConfig.KEY_DIR, dataDir.resolve("other-keys").toString());
    new FileDataKeyStore(dataDir.resolve("other-keys"), MasterKeys.generate()).keyFor("youth-1");

    assertThatThrownBy(() -> DataKeyStores.fromConfig(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("master key file is missing");
    assertThat(dataDir.resolve("keys/master.json")).doesNotExist();
  }

  @Test
  void fromConfigGivesTheSerdesSharedStore() {
    Map<String, Object> config = Map.of(EncryptionConfig.DATA_DIR, dataDir.toString(),
        EncryptionConfig.ENABLED, "true");

    DataKeyStore store = DataKeyStores.fromConfig(config);

    assertThat(DataKeyStores.fromConfig(config)).isSameAs(store);
    assertThat(EncryptionConfig.fieldEncryption(config).orElseThrow().keyStore()).isSameAs(store);
    assertThat(dataDir.resolve("keys/data")).isDirectory();
    assertThat(EncryptionConfig.fieldEncryption(Map.of())).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
