package nl.vermissing.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDataKeyStoreTest {

  private static final byte[] AD = "field".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @Test
  void aReopenedStoreWithTheSameMasterKeyOpensTheSameKeys() throws Exception {
    Aead master = MasterKeys.generate();
    byte[] sealed = new FileDataKeyStore(dir, master).keyFor("youth-1").encrypt(bytes("Sanne"), AD);

    FileDataKeyStore reopened = new FileDataKeyStore(dir, master);

    assertThat(reopened.existingKeyFor("youth-1")).isPresent();
    assertThat(reopened.existingKeyFor("youth-1").get().decrypt(sealed, AD)).isEqualTo(bytes("Sanne"));
  }

  @Test
  void aWrongMasterKeyCannotOpenTheStore() {
    new FileDataKeyStore(dir, MasterKeys.generate()).keyFor("youth-2");

    assertThatThrownBy(() -> new FileDataKeyStore(dir, MasterKeys.generate()))
        .isInstanceOf(DataKeyStoreException.class)
        .hasMessageContaining("wrong master key");
  }

  @Test
  void aWrongMasterKeyCannotOpenAKeyFileEvenWithoutTheCheckFile() throws Exception {
    new FileDataKeyStore(dir, MasterKeys.generate()).keyFor("youth-3");
    Files.delete(dir.resolve(FileDataKeyStore.MASTER_CHECK_FILE));
    FileDataKeyStore wrong = new FileDataKeyStore(dir, MasterKeys.generate());

    assertThatThrownBy(() -> wrong.existingKeyFor("youth-3"))
        .isInstanceOf(DataKeyStoreException.class)
        .hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> wrong.keyFor("youth-3")).isInstanceOf(DataKeyStoreException.class);
  }

  @Test
  void aKeyFileCopiedUnderAnotherSubjectsNameDoesNotOpen() throws Exception {
    Aead master = MasterKeys.generate();
    FileDataKeyStore store = new FileDataKeyStore(dir, master);
    store.keyFor("youth-4a");
    Files.copy(dir.resolve(FileDataKeyStore.fileName("youth-4a") + ".key"),
        dir.resolve(FileDataKeyStore.fileName("youth-4b") + ".key"));

    assertThatThrownBy(() -> new FileDataKeyStore(dir, master).existingKeyFor("youth-4b"))
        .isInstanceOf(DataKeyStoreException.class);
  }

  @Test
  void theFolderDoesNotListYouthIds() throws Exception {
    FileDataKeyStore store = new FileDataKeyStore(dir, MasterKeys.generate());
    store.keyFor("youth-5-visible-id");
    store.erase("youth-5-visible-id");
    store.keyFor("youth-5-visible-id");

    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(f -> f.getFileName().toString()).toList();
    }
    assertThat(names).isNotEmpty().noneMatch(name -> name.contains("youth"));
    String hash = FileDataKeyStore.fileName("youth-5-visible-id");
    assertThat(names).contains(hash + ".key", hash + ".erased");
  }

  @Test
  void keyForIsStableAndDoesNotCreateOnLookup() throws Exception {
    FileDataKeyStore store = new FileDataKeyStore(dir, MasterKeys.generate());

    assertThat(store.existingKeyFor("youth-6")).isEmpty();
    byte[] sealed = store.keyFor("youth-6").encrypt(bytes("x"), AD);

    assertThat(store.keyFor("youth-6").decrypt(sealed, AD)).isEqualTo(bytes("x"));
    assertThat(store.isErased("youth-6")).isFalse();
  }

  @Test
  void erasureRemovesTheKeyFileAndLeavesAMarker() throws Exception {
    FileDataKeyStore store = new FileDataKeyStore(dir, MasterKeys.generate());
    byte[] sealed = store.keyFor("youth-7").encrypt(bytes("x"), AD);
    String hash = FileDataKeyStore.fileName("youth-7");

    store.erase("youth-7");
    store.erase("youth-7");

    assertThat(dir.resolve(hash + ".key")).doesNotExist();
    assertThat(dir.resolve(hash + ".erased")).exists();
    assertThat(store.existingKeyFor("youth-7")).isEmpty();
    assertThat(store.isErased("youth-7")).isTrue();
    assertThat(store.holdsKeyOf("youth-7", sealed)).isFalse();
  }

  @Test
  void anErasureByAnotherProcessIsSeenWithinTheRecheckInterval() throws Exception {
    Aead master = MasterKeys.generate();
    AtomicLong clock = new AtomicLong();
    FileDataKeyStore reader = new FileDataKeyStore(dir, master, Duration.ofSeconds(1), clock::get);
    FileDataKeyStore otherProcess = new FileDataKeyStore(dir, master);
    byte[] sealed = otherProcess.keyFor("youth-8").encrypt(bytes("x"), AD);
    assertThat(reader.existingKeyFor("youth-8").get().decrypt(sealed, AD)).isEqualTo(bytes("x"));

    otherProcess.erase("youth-8");

    clock.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(reader.existingKeyFor("youth-8")).as("still cached within the interval").isPresent();
    clock.addAndGet(Duration.ofMillis(600).toNanos());
    assertThat(reader.existingKeyFor("youth-8")).as("re-checked after the interval").isEmpty();
  }

  @Test
  void aKeyReCreatedByAnotherProcessReplacesTheCachedOne() throws Exception {
    Aead master = MasterKeys.generate();
    FileDataKeyStore reader = new FileDataKeyStore(dir, master, Duration.ZERO, System::nanoTime);
    FileDataKeyStore otherProcess = new FileDataKeyStore(dir, master);
    byte[] old = otherProcess.keyFor("youth-9").encrypt(bytes("old"), AD);
    reader.existingKeyFor("youth-9").orElseThrow().decrypt(old, AD);

    otherProcess.erase("youth-9");
    byte[] fresh = otherProcess.keyFor("youth-9").encrypt(bytes("new"), AD);

    Aead current = reader.existingKeyFor("youth-9").orElseThrow();
    assertThat(current.decrypt(fresh, AD)).isEqualTo(bytes("new"));
    assertThatThrownBy(() -> current.decrypt(old, AD)).isInstanceOf(java.security.GeneralSecurityException.class);
    assertThat(reader.holdsKeyOf("youth-9", old)).isFalse();
    assertThat(reader.holdsKeyOf("youth-9", fresh)).isTrue();
  }

  @Test
  void sharedStorePerFolder() throws Exception {
    Aead master = MasterKeys.generate();

    DataKeyStore first = DataKeyStores.forDirectory(dir, master);
    DataKeyStore second = DataKeyStores.forDirectory(dir.resolve("sub").resolve(".."), MasterKeys.generate());

    assertThat(second).isSameAs(first);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
