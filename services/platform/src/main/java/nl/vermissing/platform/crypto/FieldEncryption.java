package nl.vermissing.platform.crypto;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the personal fields of a record (fields with the schema property {@value #PERSONAL_PROPERTY}, at any depth)
 * with the data key of the record's subject (top-level field {@value #SUBJECT_FIELD}), and opens them again.
 *
 * <p>A sealed string is {@code "enc:v1:" + base64(ciphertext)}, sealed bytes are {@code "ENC1" + ciphertext}, so the
 * record keeps its schema and stays plain Avro. The associated data is the subject id and the field's path, so a
 * ciphertext copied to another field or another youth's record does not open. On reading, a field whose key was
 * erased becomes null (nullable fields), {@value #ERASED} (strings, array elements) or empty bytes; a field that
 * does not open although its key exists (moved or tampered) becomes null, {@value #UNREADABLE} or empty bytes.
 * Values that are not sealed (written before encryption was turned on) pass through unchanged.
 */
public final class FieldEncryption {

  /** The field property that marks personal data; its value is the category (identity, contact, ...). */
  public static final String PERSONAL_PROPERTY = "personal";
  /** The top-level field naming the data subject. */
  public static final String SUBJECT_FIELD = "youthId";
  /** Prefix of sealed strings. */
  public static final String STRING_PREFIX = "enc:v1:";
  /** Text of a string field whose key was erased. */
  public static final String ERASED = "[gewist]";
  /** Text of a string field that cannot be opened although its key exists (moved or tampered ciphertext). */
  public static final String UNREADABLE = "[onleesbaar]";

  private static final byte[] BYTES_PREFIX = {'E', 'N', 'C', '1'};
  private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);

  private final DataKeyStore keys;
  private final Map<Schema, Boolean> personalBySchema = new ConcurrentHashMap<>();

  public FieldEncryption(DataKeyStore keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  private FieldEncryption() {
    this.keys = null;
  }

  public DataKeyStore keyStore() {
    return keys;
  }

  /**
   * A copy of {@code record} with every personal value sealed; the record itself is left untouched. A record type
   * without personal fields is returned as is.
   *
   * @throws PersonalDataWithoutSubjectException when a personal value is set but the record names no subject
   */
  public <T extends IndexedRecord> T encrypt(T record) {
    if (record == null || !hasPersonalFields(record.getSchema())) {
      return record;
    }
    T copy = deepCopy(record);
    Sealer sealer = new Sealer(copy.getSchema().getFullName(), subjectOf(copy));
    walkRecord(copy, copy.getSchema().getName(), sealer);
    return copy;
  }

  /**
   * Opens the sealed personal values of {@code record} in place (the deserializer owns the freshly read record) and
   * returns it.
   */
  public <T extends IndexedRecord> T decryptInPlace(T record) {
    if (record == null || !hasPersonalFields(record.getSchema())) {
      return record;
    }
    Opener opener = new Opener(subjectOf(record));
    walkRecord(record, record.getSchema().getName(), opener);
    if (opener.unreadable > 0) {
      log.warn("{} personal value(s) of a {} record could not be opened although the key exists "
          + "(ciphertext moved or tampered)", opener.unreadable, record.getSchema().getName());
    }
    return record;
  }

  /**
   * A copy of {@code record} with every personal value replaced as if its key had been erased: null where the
   * field is nullable, {@value #ERASED} for strings, empty bytes otherwise. For views that hold decoded records in
   * memory and must forget a youth at once when the youth's data is erased.
   */
  public static <T extends IndexedRecord> T withoutPersonalData(T record) {
    if (record == null || !SCHEMA_WALKER.hasPersonalFields(record.getSchema())) {
      return record;
    }
    T copy = deepCopy(record);
    SCHEMA_WALKER.walkRecord(copy, copy.getSchema().getName(), (fieldSchema, value, path) -> {
      if (value instanceof List<?> list) {
        return java.util.Collections.nCopies(list.size(), ERASED);
      }
      if (nullable(fieldSchema)) {
        return null;
      }
      return value instanceof ByteBuffer ? ByteBuffer.allocate(0) : ERASED;
    });
    return copy;
  }

  /** Walks schemas without keys: for {@link #withoutPersonalData}. */
  private static final FieldEncryption SCHEMA_WALKER = new FieldEncryption();

  /** Whether the schema has a personal field at any depth. */
  public boolean hasPersonalFields(Schema schema) {
    Boolean known = personalBySchema.get(schema);
    if (known == null) {
      known = containsPersonal(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
      personalBySchema.put(schema, known);
    }
    return known;
  }

  /** Whether a value is sealed by this class (a string with the prefix or bytes with the prefix). */
  public static boolean isSealed(Object value) {
    if (value instanceof CharSequence s) {
      return s.toString().startsWith(STRING_PREFIX);
    }
    if (value instanceof ByteBuffer b) {
      return hasBytesPrefix(b);
    }
    return false;
  }

  private static boolean containsPersonal(Schema schema, Set<Schema> visiting) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!visiting.add(schema)) {
          return false;
        }
        for (Schema.Field field : schema.getFields()) {
          if (field.getProp(PERSONAL_PROPERTY) != null || containsPersonal(field.schema(), visiting)) {
            return true;
          }
        }
        return false;
      }
      case UNION -> {
        return schema.getTypes().stream().anyMatch(branch -> containsPersonal(branch, visiting));
      }
      case ARRAY -> {
        return containsPersonal(schema.getElementType(), visiting);
      }
      case MAP -> {
        return containsPersonal(schema.getValueType(), visiting);
      }
      default -> {
        return false;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends IndexedRecord> T deepCopy(T record) {
    Schema schema = record.getSchema();
    GenericData model = record instanceof SpecificRecord ? SpecificData.getForSchema(schema) : GenericData.get();
    return (T) model.deepCopy(schema, record);
  }

  private static String subjectOf(IndexedRecord record) {
    Schema.Field field = record.getSchema().getField(SUBJECT_FIELD);
    if (field == null) {
      return null;
    }
    Object value = record.get(field.pos());
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }

  // --- walking the record by its schema -----------------------------------------------------------------------

  /** What happens to the value of a personal field. */
  private interface Leaf {
    Object apply(Schema fieldSchema, Object value, String path);
  }

  private void walkRecord(IndexedRecord record, String path, Leaf leaf) {
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value == null) {
        continue;
      }
      String fieldPath = path + "." + field.name();
      if (field.getProp(PERSONAL_PROPERTY) != null) {
        Object replaced = leaf.apply(field.schema(), value, fieldPath);
        if (replaced != value) {
          record.put(field.pos(), replaced);
        }
      } else if (hasPersonalFields(field.schema())) {
        walkValue(field.schema(), value, fieldPath, leaf);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void walkValue(Schema schema, Object value, String path, Leaf leaf) {
    if (value instanceof IndexedRecord nested) {
      walkRecord(nested, path, leaf);
    } else if (value instanceof List<?> list) {
      Schema elements = branch(schema, Schema.Type.ARRAY);
      if (elements != null && hasPersonalFields(elements.getElementType())) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) != null) {
            walkValue(elements.getElementType(), list.get(i), path + "[" + i + "]", leaf);
          }
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      Schema values = branch(schema, Schema.Type.MAP);
      if (values != null && hasPersonalFields(values.getValueType())) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (entry.getValue() != null) {
            walkValue(values.getValueType(), entry.getValue(), path + "{" + entry.getKey() + "}", leaf);
          }
        }
      }
    }
  }

  private static Schema branch(Schema schema, Schema.Type type) {
    if (schema.getType() == type) {
      return schema;
    }
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream().filter(s -> s.getType() == type).findFirst().orElse(null);
    }
    return null;
  }

  private static boolean nullable(Schema schema) {
    return schema.getType() == Schema.Type.NULL || (schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL));
  }

  private static byte[] associatedData(String subject, String path) {
    return (subject + "\u0000" + path).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hasBytesPrefix(ByteBuffer buffer) {
    if (buffer.remaining() < BYTES_PREFIX.length) {
      return false;
    }
    for (int i = 0; i < BYTES_PREFIX.length; i++) {
      if (buffer.get(buffer.position() + i) != BYTES_PREFIX[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  // --- sealing ------------------------------------------------------------------------------------------------

  private final class Sealer implements Leaf {
    private final String schemaName;
    private final String subject;
    private Aead key;

    Sealer(String schemaName, String subject) {
      this.schemaName = schemaName;
      this.subject = subject;
    }

    @Override
    public Object apply(Schema fieldSchema, Object value, String path) {
      if (value instanceof List<?> list) {
        List<Object> sealed = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object element = list.get(i);
          sealed.add(element == null ? null : seal(element, path + "[" + i + "]"));
        }
        return sealed;
      }
      return seal(value, path);
    }

    private Object seal(Object value, String path) {
      if (value instanceof CharSequence text) {
        byte[] ciphertext = encrypt(text.toString().getBytes(StandardCharsets.UTF_8), path);
        return STRING_PREFIX + Base64.getEncoder().encodeToString(ciphertext);
      }
      if (value instanceof ByteBuffer bytes) {
        byte[] ciphertext = encrypt(bytesOf(bytes), path);
        byte[] framed = Arrays.copyOf(BYTES_PREFIX, BYTES_PREFIX.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, framed, BYTES_PREFIX.length, ciphertext.length);
        return ByteBuffer.wrap(framed);
      }
      throw new IllegalStateException("personal field " + schemaName + ":" + path + " holds a "
          + value.getClass().getSimpleName() + ": only strings, bytes and arrays of them can be sealed");
    }

    private byte[] encrypt(byte[] plaintext, String path) {
      if (subject == null) {
        throw new PersonalDataWithoutSubjectException(schemaName, path);
      }
      if (key == null) {
        key = keys.keyFor(subject);
      }
      try {
        return key.encrypt(plaintext, associatedData(subject, path));
      } catch (GeneralSecurityException e) {
        throw new DataKeyStoreException("cannot seal " + schemaName + ":" + path, e);
      }
    }
  }

  // --- opening ------------------------------------------------------------------------------------------------

  /** Why a sealed value did not open. */
  private enum Loss { ERASED, UNREADABLE }

  private final class Opener implements Leaf {
    private final String subject;
    private Optional<Aead> key;
    int unreadable;

    Opener(String subject) {
      this.subject = subject;
    }

    @Override
    public Object apply(Schema fieldSchema, Object value, String path) {
      if (value instanceof List<?> list) {
        if (list.stream().noneMatch(FieldEncryption::isSealed)) {
          return value;
        }
        List<Object> opened = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object element = list.get(i);
          opened.add(isSealed(element) ? open(element, path + "[" + i + "]", false) : element);
        }
        return opened;
      }
      return isSealed(value) ? open(value, path, nullable(fieldSchema)) : value;
    }

    private Object open(Object sealed, String path, boolean nullable) {
      boolean text = sealed instanceof CharSequence;
      byte[] ciphertext;
      if (text) {
        try {
          ciphertext = Base64.getDecoder().decode(sealed.toString().substring(STRING_PREFIX.length()));
        } catch (IllegalArgumentException e) {
          return lost(Loss.UNREADABLE, text, nullable);
        }
      } else {
        byte[] framed = bytesOf((ByteBuffer) sealed);
        ciphertext = Arrays.copyOfRange(framed, BYTES_PREFIX.length, framed.length);
      }
      if (subject == null) {
        return lost(Loss.UNREADABLE, text, nullable);
      }
      if (key == null) {
        key = keys.existingKeyFor(subject);
      }
      if (key.isEmpty()) {
        // erased; or never created here: another key folder, or a ciphertext moved from another youth's record
        return lost(keys.hasErasedKeys(subject) ? Loss.ERASED : Loss.UNREADABLE, text, nullable);
      }
      try {
        byte[] plaintext = key.get().decrypt(ciphertext, associatedData(subject, path));
        return text ? new String(plaintext, StandardCharsets.UTF_8) : ByteBuffer.wrap(plaintext);
      } catch (GeneralSecurityException e) {
        // sealed by an earlier, erased key of this subject; or moved here from another field or youth, or tampered
        boolean earlierKey = !keys.holdsKeyOf(subject, ciphertext) && keys.hasErasedKeys(subject);
        return lost(earlierKey ? Loss.ERASED : Loss.UNREADABLE, text, nullable);
      }
    }

    private Object lost(Loss loss, boolean text, boolean nullable) {
      if (loss == Loss.UNREADABLE) {
        unreadable++;
      }
      if (nullable) {
        return null;
      }
      if (text) {
        return loss == Loss.ERASED ? ERASED : UNREADABLE;
      }
      return ByteBuffer.allocate(0);
    }
  }
}
