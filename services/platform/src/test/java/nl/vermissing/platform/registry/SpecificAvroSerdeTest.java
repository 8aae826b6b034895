package nl.vermissing.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.RegisterEpisode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private static final String TOPIC = Topics.REGISTER_EPISODES.name();
  private static final String SUBJECT = TOPIC + "-value";

  private final String scope = "serde-test-" + UUID.randomUUID();
  private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
  private final SchemaRegistryClient registry = SchemaRegistryClients.forConfig(config);

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistryClient.dropScope(scope);
  }

  @Test
  void framesLikeConfluentMagicByteThenBigEndianIdThenAvro() {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, TestRecords.episode("e-1"));

    int id = registry.getId(SUBJECT, RegisterEpisode.getClassSchema());
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(new byte[] {bytes[1], bytes[2], bytes[3], bytes[4]})
        .containsExactly((byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id);
    assertThat(registry.getLatest(SUBJECT).schema()).isEqualTo(RegisterEpisode.getClassSchema());
  }

  @Test
  void roundTripsACatalogueEvent() {
    RegisterEpisode episode = TestRecords.episode("e-2");

    byte[] bytes = serializer(Map.of()).serialize(TOPIC, episode);

    assertThat(deserializer().deserialize(TOPIC, bytes)).isEqualTo(episode);
  }

  @Test
  void keysUseTheKeySubject() {
    SpecificAvroSerializer<RegisterEpisode> keySerializer = new SpecificAvroSerializer<>();
    keySerializer.configure(config, true);

    keySerializer.serialize(TOPIC, TestRecords.episode("e-3"));

    assertThat(registry.subjects()).containsExactly(TOPIC + "-key");
  }

  @Test
  void tombstoneStaysNull() {
    assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
    assertThat(deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void readsDataWrittenWithAnOlderSchemaIntoTheCurrentClass() {
    Schema older = TestRecords.episodeSchemaWithout("episodeNumberForYouth");
    int olderId = registry.register(SUBJECT, older);
    GenericRecord oldRecord = asGeneric(TestRecords.episode("e-4"), older);

    RegisterEpisode read = deserializer().deserialize(TOPIC, TestRecords.confluentFrame(olderId, older, oldRecord));

    assertThat(read.getEpisodeId()).isEqualTo("e-4");
    assertThat(read.getEpisodeNumberForYouth()).as("default of the field the writer lacked").isEqualTo(1);
    assertThat(read.getAbsenceAt()).isEqualTo(TestRecords.episode("e-4").getAbsenceAt());
  }

  @Test
  void readsBytesFramedByConfluentsSerializer() {
    RegisterEpisode episode = TestRecords.episode("e-5");
    Schema schema = RegisterEpisode.getClassSchema();
    int id = registry.register(SUBJECT, schema);

    byte[] confluentBytes = TestRecords.confluentFrame(id, schema, asGeneric(episode, schema));

    assertThat(deserializer().deserialize(TOPIC, confluentBytes)).isEqualTo(episode);
  }

  @Test
  void writesBytesThatConfluentsDeserializerReads() throws IOException {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, TestRecords.episode("e-6"));

    // what Confluent's KafkaAvroDeserializer does: check the magic byte, fetch the writer schema by id, decode
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertThat(buffer.get()).isZero();
    Schema writer = registry.getById(buffer.getInt());
    GenericRecord record = new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

    assertThat(record.get("episodeId")).hasToString("e-6");
    assertThat(record.get("status")).hasToString("OPEN");
    assertThat(record.get("episodeNumberForYouth")).isEqualTo(3);
    assertThat(record.get("absenceAt")).isEqualTo(TestRecords.episode("e-6").getAbsenceAt().toEpochMilli());
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaFails() {
    SpecificAvroSerializer<RegisterEpisode> serializer =
        serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

    assertThatThrownBy(() -> serializer.serialize(TOPIC, TestRecords.episode("e-7")))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseInstanceOf(SchemaRegistryException.class);
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsLatestSchema() {
    Schema older = TestRecords.episodeSchemaWithout("episodeNumberForYouth");
    int olderId = registry.register(SUBJECT, older);
    SpecificAvroSerializer<RegisterEpisode> serializer = serializer(Map.of(
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));

    byte[] bytes = serializer.serialize(TOPIC, TestRecords.episode("e-8"));

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(olderId);
    RegisterEpisode read = deserializer().deserialize(TOPIC, bytes);
    assertThat(read.getEpisodeId()).isEqualTo("e-8");
    assertThat(read.getEpisodeNumberForYouth()).as("not in the latest schema, so the default").isEqualTo(1);
  }

  @Test
  void configuredDeserializerFindsTheClassByTheWriterSchemaName() {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, TestRecords.episode("e-9"));
    SpecificAvroDeserializer<RegisterEpisode> deserializer = new SpecificAvroDeserializer<>();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

    assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(TestRecords.episode("e-9"));
  }

  @Test
  void catalogueSerdeRoundTrips() {
    Serde<RegisterEpisode> serde = AvroSerdes.forTopic(Topics.REGISTER_EPISODES, config);
    RegisterEpisode episode = TestRecords.episode("e-10");

    byte[] bytes = serde.serializer().serialize(TOPIC, episode);

    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(episode);
    assertThat(registry.subjects()).containsExactly(Topics.REGISTER_EPISODES.valueSubject());
  }

  private SpecificAvroSerializer<RegisterEpisode> serializer(Map<String, Object> extra) {
    SpecificAvroSerializer<RegisterEpisode> serializer = new SpecificAvroSerializer<>();
    Map<String, Object> all = new HashMap<>(config);
    all.putAll(extra);
    serializer.configure(all, false);
    return serializer;
  }

  private SpecificAvroDeserializer<RegisterEpisode> deserializer() {
    return new SpecificAvroDeserializer<>(registry, RegisterEpisode.class);
  }

  /** The record as plain generic data in the given schema (what a Confluent client holding that schema writes). */
  private static GenericRecord asGeneric(RegisterEpisode episode, Schema schema) {
    GenericRecordBuilder builder = new GenericRecordBuilder(schema);
    for (Schema.Field field : schema.getFields()) {
      Object value = episode.get(field.name());
      if (value instanceof Enum<?> symbol) {
        value = new GenericData.EnumSymbol(field.schema().getType() == Schema.Type.UNION
            ? field.schema().getTypes().get(1) : field.schema(), symbol.name());
      } else if (value instanceof Instant instant) {
        value = instant.toEpochMilli();
      }
      builder.set(field, value);
    }
    return builder.build();
  }
}
