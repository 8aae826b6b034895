package nl.vermissing.platform.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format under the TopicNameStrategy subject
 * ({@code <topic>-value} or {@code <topic>-key}). The record's schema is registered when {@code auto.register.schemas}
 * (default true), else looked up; with {@code use.latest.version} the subject's latest schema is written instead.
 * A null record (tombstone) is written as null. With {@code vermissing.encryption.enabled} the personal fields of a
 * copy of the record are sealed ({@link FieldEncryption}) before it is written; the schema and the framing stay the
 * same.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;
  private FieldEncryption encryption;
  private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** For use through Kafka configuration: the registry comes from {@code schema.registry.url}. */
  public SpecificAvroSerializer() {}

  /** For programmatic use with a given registry; {@link #configure} may still set the other options. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (client == null) {
      client = SchemaRegistryClients.forConfig(configs);
    }
    autoRegister = AvroSerdeConfig.flag(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    useLatestVersion = AvroSerdeConfig.flag(configs, AvroSerdeConfig.USE_LATEST_VERSION, false);
    // Spring's producer and consumer factories configure given serializer instances again with the plain client
    // config: that must not silently switch encryption off
    if (configs.containsKey(EncryptionConfig.ENABLED) || encryption == null) {
      encryption = EncryptionConfig.fieldEncryption(configs).orElse(null);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("serializer not configured: no schema registry");
    }
    String subject = topic + (isKey ? "-key" : "-value");
    Schema schema = record.getSchema();
    try {
      // never the caller's record: a sealed copy, so the caller keeps its plaintext
      T datum = encryption == null ? record : encryption.encrypt(record);
      if (useLatestVersion) {
        RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, client::getLatest);
        if (latest.schema().equals(schema)) {
          return frame(latest.id(), writer(schema), datum);
        }
        // the converted datum is a plain GenericRecord (logical types as their Avro values), so no conversions
        return frame(latest.id(), new GenericDatumWriter<>(latest.schema(), GenericData.get()),
            convert(datum, schema, latest.schema()));
      }
      int id = autoRegister ? client.register(subject, schema) : client.getId(subject, schema);
      return frame(id, writer(schema), datum);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot serialize " + schema.getFullName() + " for subject " + subject, e);
    }
  }

  private static byte[] frame(int id, DatumWriter<Object> writer, Object datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(WireFormat.MAGIC_BYTE);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    writer.write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private DatumWriter<Object> writer(Schema schema) {
    // SpecificDatumWriter also writes GenericRecords, and it knows the logical-type conversions of generated classes
    return writers.computeIfAbsent(schema, SpecificDatumWriter::new);
  }

  /** Rewrites the record in the latest schema by Avro schema resolution (latest must be able to read the record). */
  private Object convert(T record, Schema own, Schema latest) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
    writer(own).write(record, encoder);
    encoder.flush();
    return new GenericDatumReader<>(own, latest)
        .read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
  }

  @Override
  public void close() {
    // the registry client is shared and outlives this serializer
  }
}
