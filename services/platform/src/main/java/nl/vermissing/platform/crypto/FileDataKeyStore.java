package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data keys as files in one folder: per subject a Tink AES256-GCM keyset, encrypted with the master key, in a file
 * named by the SHA-256 of the subject id (the folder does not list youth ids). Erasure overwrites and deletes the
 * file and leaves an erasure marker ({@code <hash>.erased}) so that old data reads as erased rather than unreadable.
 *
 * <p>Re-creation after erasure is allowed: a new episode of an erased youth gets a fresh random key, which cannot
 * open anything sealed before the erasure. Opened keys are cached; the cache is re-validated against the key file
 * (one {@code stat}) at most once per {@code recheck} interval per subject (default 1 s), so an erasure by another
 * process sharing the folder takes effect here within that interval. An erasure through this instance is immediate.
 */
public final class FileDataKeyStore implements DataKeyStore {

  public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);
  static final String KEY_SUFFIX = ".key";
  static final String ERASED_SUFFIX = ".erased";
  static final String MASTER_CHECK_FILE = "master-key.check";
  private static final byte[] MASTER_CHECK_PLAINTEXT =
      "vermissing data key store".getBytes(StandardCharsets.UTF_8);
  private static final Logger log = LoggerFactory.getLogger(FileDataKeyStore.class);

  private final Path dir;
  private final Aead masterKey;
  private final long recheckNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[64];

  /** A store in {@code dir} (created if missing) whose keys are sealed by {@code masterKey}. */
  public FileDataKeyStore(Path dir, Aead masterKey) {
    this(dir, masterKey, DEFAULT_RECHECK, System::nanoTime);
  }

  /**
   * @param recheck how long a cached key is trusted before the key file is looked at again (zero: every time)
   * @param nanoTime monotonic clock in nanoseconds (tests drive it)
   */
  public FileDataKeyStore(Path dir, Aead masterKey, Duration recheck, LongSupplier nanoTime) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    this.recheckNanos = recheck.toNanos();
    this.nanoTime = nanoTime;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
    TinkSetup.ensureRegistered();
    try {
      Files.createDirectories(this.dir);
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot create key folder " + this.dir, e);
    }
    checkMasterKey();
  }

  public Path directory() {
    return dir;
  }

  @Override
  public Aead keyFor(String subjectId) {
    String name = fileName(subjectId);
    Entry entry = lookup(name);
    if (entry != null) {
      return entry.aead;
    }
    synchronized (lock(name)) {
      entry = lookup(name);
      return entry != null ? entry.aead : create(name).aead;
    }
  }

  @Override
  public Optional<Aead> existingKeyFor(String subjectId) {
    Entry entry = lookup(fileName(subjectId));
    return entry == null ? Optional.empty() : Optional.of(entry.aead);
  }

  @Override
  public boolean holdsKeyOf(String subjectId, byte[] ciphertext) {
    Entry entry = lookup(fileName(subjectId));
    if (entry == null) {
      return false;
    }
    // Tink's output prefix: version byte 0x01, then the 4-byte id of the key that sealed the data
    if (ciphertext.length < 5 || ciphertext[0] != 0x01) {
      return true;
    }
    return entry.keyIds.contains(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
  }

  @Override
  public void erase(String subjectId) {
    String name = fileName(subjectId);
    synchronized (lock(name)) {
      try {
        Files.writeString(dir.resolve(name + ERASED_SUFFIX), Instant.now().toString() + "\n",
            StandardCharsets.UTF_8);
        Path keyFile = dir.resolve(name + KEY_SUFFIX);
        overwrite(keyFile);
        Files.deleteIfExists(keyFile);
      } catch (IOException e) {
        throw new DataKeyStoreException("cannot erase data key " + name, e);
      } finally {
        cache.remove(name);
      }
    }
  }

  @Override
  public boolean isErased(String subjectId) {
    String name = fileName(subjectId);
    return Files.exists(dir.resolve(name + ERASED_SUFFIX)) && !Files.exists(dir.resolve(name + KEY_SUFFIX));
  }

  @Override
  public boolean hasErasedKeys(String subjectId) {
    return Files.exists(dir.resolve(fileName(subjectId) + ERASED_SUFFIX));
  }

  /** The file name (without suffix) of a subject's key: hex SHA-256 of the subject id. */
  static String fileName(String subjectId) {
    if (subjectId == null || subjectId.isEmpty()) {
      throw new IllegalArgumentException("a data key needs a subject id");
    }
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(subjectId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cached key if still valid, else the key on disk (cached), else null. */
  private Entry lookup(String name) {
    Path keyFile = dir.resolve(name + KEY_SUFFIX);
    Entry cached = cache.get(name);
    long now = nanoTime.getAsLong();
    if (cached != null && now - cached.checkedAt < recheckNanos) {
      return cached;
    }
    BasicFileAttributes attributes = attributes(keyFile);
    if (attributes == null) {
      if (cached != null) {
        cache.remove(name, cached);
      }
      return null;
    }
    if (cached != null && cached.sameFile(attributes)) {
      cached.checkedAt = now;
      return cached;
    }
    Entry loaded = load(name, keyFile, attributes, now);
    if (loaded != null) {
      cache.put(name, loaded);
    }
    return loaded;
  }

  private Entry load(String name, Path keyFile, BasicFileAttributes attributes, long now) {
    byte[] sealed;
    try {
      sealed = Files.readAllBytes(keyFile);
    } catch (NoSuchFileException e) {
      return null; // erased meanwhile
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot read data key " + name, e);
    }
    try {
      KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(sealed, masterKey, associatedData(name));
      return new Entry(keyset, attributes, now);
    } catch (GeneralSecurityException e) {
      throw new DataKeyStoreException("data key " + name + " cannot be opened: wrong master key or damaged key file",
          e);
    }
  }

  private Entry create(String name) {
    Path keyFile = dir.resolve(name + KEY_SUFFIX);
    Path temp = null;
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      byte[] sealed = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, associatedData(name));
      temp = Files.createTempFile(dir, name, ".tmp");
      Files.write(temp, sealed);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        // a hard link never replaces an existing file: if another process created the key first, we use theirs
        Files.createLink(keyFile, temp);
      } catch (FileAlreadyExistsException e) {
        log.debug("data key {} was created concurrently; using the existing one", name);
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(keyFile)) {
          log.debug("data key {} was created concurrently; using the existing one", name);
        } else {
          Files.move(temp, keyFile); // no REPLACE_EXISTING: fails rather than overwrite a key
          temp = null;
        }
      }
      Entry entry = lookupFresh(name);
      if (entry == null) {
        throw new DataKeyStoreException("data key " + name + " vanished right after creation");
      }
      return entry;
    } catch (GeneralSecurityException | IOException e) {
      throw new DataKeyStoreException("cannot create data key " + name, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.warn("cannot delete temporary key file {}", temp, e);
        }
      }
    }
  }

  private Entry lookupFresh(String name) {
    cache.remove(name);
    return lookup(name);
  }

  /** Overwrites the key file's bytes before deleting it, so the sealed keyset does not linger in free blocks. */
  private static void overwrite(Path keyFile) throws IOException {
    long size;
    try {
      size = Files.size(keyFile);
    } catch (NoSuchFileException e) {
      return;
    }
    byte[] noise = new byte[(int) Math.min(size, 1 << 20)];
    new SecureRandom().nextBytes(noise);
    try (FileChannel channel = FileChannel.open(keyFile, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(noise), 0);
      channel.force(true);
    } catch (NoSuchFileException e) {
      // erased concurrently
    }
  }

  /** Fails fast when the master key is not the one the folder's keys were sealed with. */
  private void checkMasterKey() {
    Path check = dir.resolve(MASTER_CHECK_FILE);
    byte[] associated = MASTER_CHECK_FILE.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.exists(check)) {
        byte[] opened = masterKey.decrypt(Files.readAllBytes(check), associated);
        if (!java.util.Arrays.equals(opened, MASTER_CHECK_PLAINTEXT)) {
          throw new GeneralSecurityException("master key check does not match");
        }
      } else {
        Path temp = Files.createTempFile(dir, "master-key", ".tmp");
        Files.write(temp, masterKey.encrypt(MASTER_CHECK_PLAINTEXT, associated));
        try {
          Files.createLink(check, temp);
        } catch (FileAlreadyExistsException e) {
          // written concurrently by another process: verified on its next start
        } catch (UnsupportedOperationException | IOException e) {
          if (!Files.exists(check)) {
            Files.move(temp, check);
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new DataKeyStoreException("the master key does not open the data keys in " + dir
          + ": wrong master key for this key folder", e);
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot check the master key against " + dir, e);
    }
  }

  private static byte[] associatedData(String name) {
    // binds the sealed keyset to its file name: a key file copied under another subject's name does not open
    return ("vermissing-data-key:" + name).getBytes(StandardCharsets.UTF_8);
  }

  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new DataKeyStoreException("cannot read data key attributes of " + file.getFileName(), e);
    }
  }

  private Object lock(String name) {
    return locks[Math.floorMod(name.hashCode(), locks.length)];
  }

  /** An opened key and the identity of the file it came from. */
  private static final class Entry {
    final Aead aead;
    final Set<Integer> keyIds;
    final Object fileKey;
    final FileTime modified;
    final long size;
    volatile long checkedAt;

    Entry(KeysetHandle keyset, BasicFileAttributes attributes, long checkedAt) throws GeneralSecurityException {
      this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < keyset.size(); i++) {
        ids.add(keyset.getAt(i).getId());
      }
      this.keyIds = Set.copyOf(ids);
      this.fileKey = attributes.fileKey();
      this.modified = attributes.lastModifiedTime();
      this.size = attributes.size();
      this.checkedAt = checkedAt;
    }

    boolean sameFile(BasicFileAttributes attributes) {
      return Objects.equals(fileKey, attributes.fileKey()) && modified.equals(attributes.lastModifiedTime())
          && size == attributes.size();
    }
  }
}
