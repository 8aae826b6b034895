package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Seals a whole state-store value with the data key of the youth it is about, for stores whose values are not Avro
 * records with marked fields (e.g. JSON case files). Once the youth's key is erased the value reads as null: the
 * store, its changelog and every copy of them forget the youth.
 *
 * <p>Format: {@code "SEAL1"}, the subject id (length-prefixed UTF-8), the Tink ciphertext of the inner bytes. A value
 * without a subject is written by the inner serde unchanged.
 */
public final class SealedSerde<T> implements Serde<T> {

  private static final byte[] MAGIC = "SEAL1".getBytes(StandardCharsets.US_ASCII);

  private final Serde<T> inner;
  private final Function<T, String> subjectOf;
  private final DataKeyStore keys;

  public SealedSerde(Serde<T> inner, Function<T, String> subjectOf, DataKeyStore keys) {
    this.inner = inner;
    this.subjectOf = subjectOf;
    this.keys = keys;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      byte[] plain = inner.serializer().serialize(topic, value);
      String subject = value == null ? null : subjectOf.apply(value);
      if (plain == null || subject == null || subject.isEmpty()) {
        return plain;
      }
      byte[] subjectBytes = subject.getBytes(StandardCharsets.UTF_8);
      try {
        byte[] ciphertext = keys.keyFor(subject).encrypt(plain, subjectBytes);
        return ByteBuffer.allocate(MAGIC.length + 4 + subjectBytes.length + ciphertext.length)
            .put(MAGIC).putInt(subjectBytes.length).put(subjectBytes).put(ciphertext).array();
      } catch (GeneralSecurityException e) {
        throw new DataKeyStoreException("cannot seal a state value of " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null || !sealed(data)) {
        return inner.deserializer().deserialize(topic, data);
      }
      ByteBuffer buffer = ByteBuffer.wrap(data);
      buffer.position(MAGIC.length);
      byte[] subjectBytes = new byte[buffer.getInt()];
      buffer.get(subjectBytes);
      byte[] ciphertext = new byte[buffer.remaining()];
      buffer.get(ciphertext);
      Optional<Aead> key = keys.existingKeyFor(new String(subjectBytes, StandardCharsets.UTF_8));
      if (key.isEmpty()) {
        return null;
      }
      try {
        return inner.deserializer().deserialize(topic, key.get().decrypt(ciphertext, subjectBytes));
      } catch (GeneralSecurityException e) {
        // a newer key after an erasure cannot open values sealed with the erased one
        return null;
      }
    };
  }

  private static boolean sealed(byte[] data) {
    if (data.length < MAGIC.length + 4) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (data[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
