package nl.vermissing.platform.registry;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into generated classes. The writer schema comes from the registry by the record's id;
 * the reader schema is the target class's, and Avro schema resolution bridges the two, so data written with an older
 * schema reads into newer classes. The target class is given, configured ({@code specific.avro.value.type}), or else
 * found by the writer schema's full name. Bad bytes raise {@link AvroDecodingException}; null stays null. With
 * {@code vermissing.encryption.enabled} sealed personal fields are opened after reading ({@link FieldEncryption}):
 * fields of an erased youth read as null or "[gewist]".
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private SchemaRegistryClient client;
  private Class<T> type;
  private FieldEncryption encryption;
  private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

  /** For use through Kafka configuration: registry and target class come from the configuration. */
  public SpecificAvroDeserializer() {}

  /** For programmatic use: reads every record as {@code type}. */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.type = type;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = SchemaRegistryClients.forConfig(configs);
    }
    if (type == null) {
      type = configuredType(configs.get(isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE
          : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE));
    }
    // Spring's producer and consumer factories configure given serializer instances again with the plain client
    // config: that must not silently switch encryption off
    if (configs.containsKey(EncryptionConfig.ENABLED) || encryption == null) {
      encryption = EncryptionConfig.fieldEncryption(configs).orElse(null);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("deserializer not configured: no schema registry");
    }
    if (data.length > 0 && data[0] != WireFormat.MAGIC_BYTE) {
      throw new AvroDecodingException(String.format("wrong magic byte 0x%02x", data[0] & 0xff));
    }
    if (data.length < WireFormat.HEADER_SIZE) {
      throw new AvroDecodingException("truncated payload: " + data.length + " bytes, no complete header");
    }
    int id = ByteBuffer.wrap(data, 1, 4).getInt();
    DatumReader<T> reader = readerFor(id);
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (EOFException e) {
      throw new AvroDecodingException("truncated payload: Avro data of schema id " + id + " ends early", e);
    } catch (IOException | RuntimeException e) {
      throw new AvroDecodingException("malformed Avro data for schema id " + id + ": " + e, e);
    }
    // a broken key store (wrong master key) throws here and is not the record's fault: not an AvroDecodingException
    return encryption == null ? record : encryption.decryptInPlace(record);
  }

  private DatumReader<T> readerFor(int id) {
    DatumReader<T> cached = readersById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema writer = writerSchema(id);
    Schema reader = readerSchema(writer);
    var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new AvroDecodingException("schema id " + id + " (" + writer.getFullName() + ") cannot be read as "
          + reader.getFullName() + ": " + compatibility.getDescription());
    }
    DatumReader<T> created = new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    readersById.put(id, created);
    return created;
  }

  private Schema writerSchema(int id) {
    try {
      return client.getById(id);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40403 || e.httpStatus() == 404) {
        throw new AvroDecodingException("unknown schema id " + id, e);
      }
      throw e; // the registry is unavailable: not the record's fault, so no dead letter
    } catch (RuntimeException e) {
      throw new AvroDecodingException("unreadable schema with id " + id + ": " + e.getMessage(), e);
    }
  }

  private Schema readerSchema(Schema writer) {
    if (type != null) {
      return SpecificData.get().getSchema(type);
    }
    Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
      throw new AvroDecodingException("no generated class for writer schema " + writer.getFullName());
    }
    return SpecificData.get().getSchema(generated);
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> configuredType(Object configured) {
    if (configured == null || configured instanceof Class<?>) {
      return (Class<T>) configured;
    }
    try {
      return (Class<T>) Class.forName(configured.toString().trim(), true,
          Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException("unknown generated Avro class " + configured);
    }
  }

  @Override
  public void close() {
    // the registry client is shared and outlives this deserializer
  }
}
