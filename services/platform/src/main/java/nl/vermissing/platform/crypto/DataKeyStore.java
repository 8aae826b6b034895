package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import java.util.Optional;

/**
 * Holds one data key per data subject (youth). Personal fields are sealed with the subject's key; erasing the key
 * makes every copy of those fields, in every topic, changelog, store and backup, unreadable at once
 * (crypto-shredding).
 */
public interface DataKeyStore {

  /** The subject's current key, created on first use (also after an erasure: a new key never opens old data). */
  Aead keyFor(String subjectId);

  /** The subject's current key, if it has one; never creates a key. */
  Optional<Aead> existingKeyFor(String subjectId);

  /** Destroys the subject's key. Idempotent. Data sealed with it can never be opened again. */
  void erase(String subjectId);

  /** Whether the subject's key was erased and no new key has been created since. */
  boolean isErased(String subjectId);

  /** Whether a key of the subject was ever erased (also when a new key has been created since). */
  default boolean hasErasedKeys(String subjectId) {
    return isErased(subjectId);
  }

  /**
   * Whether {@code ciphertext} was sealed by a key the store holds now for the subject. False means it was sealed by
   * an erased key (or for another store); a ciphertext that fails to open although this is true was tampered with
   * or moved from another field.
   */
  default boolean holdsKeyOf(String subjectId, byte[] ciphertext) {
    return existingKeyFor(subjectId).isPresent();
  }
}
