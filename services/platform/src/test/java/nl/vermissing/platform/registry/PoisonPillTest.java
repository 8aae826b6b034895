package nl.vermissing.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RegisterEpisode;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Bad bytes must fail with AvroDecodingException and a reason, so the error policy can dead-letter them. */
class PoisonPillTest {

  private static final String TOPIC = Topics.REGISTER_EPISODES.name();

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SpecificAvroDeserializer<RegisterEpisode> deserializer =
      new SpecificAvroDeserializer<>(registry, RegisterEpisode.class);

  @Test
  void wrongMagicByte() {
    byte[] json = "{\"episodeId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    assertReason(json, "wrong magic byte 0x7b");
  }

  @Test
  void unknownSchemaId() {
    byte[] bytes = ByteBuffer.allocate(9).put((byte) 0).putInt(42).putInt(7).array();

    assertReason(bytes, "unknown schema id 42");
  }

  @Test
  void headerTooShort() {
    assertReason(new byte[] {0, 0, 1}, "truncated payload");
    assertReason(new byte[0], "truncated payload");
  }

  @Test
  void avroDataCutOff() {
    byte[] whole = new SpecificAvroSerializer<RegisterEpisode>(registry).serialize(TOPIC, TestRecords.episode("e-2"));

    assertReason(Arrays.copyOf(whole, whole.length / 2), "truncated payload");
  }

  @Test
  void garbageAfterAValidHeader() {
    int id = registry.register(TOPIC + "-value", RegisterEpisode.getClassSchema());
    byte[] bytes = ByteBuffer.allocate(25).put((byte) 0).putInt(id).array();
    Arrays.fill(bytes, 5, bytes.length, (byte) 0xff); // a variable-length int that never ends

    assertReason(bytes, "malformed Avro data for schema id " + id);
  }

  @Test
  void recordOfAnotherTypeUnderTheTopic() {
    int alertId = registry.register("convenant.police-alerts-value", PoliceAlert.getClassSchema());
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(alertId).put((byte) 2).array();

    assertReason(bytes, "schema id " + alertId + " (nl.vermissing.events.PoliceAlert) cannot be read as "
        + "nl.vermissing.events.RegisterEpisode");
  }

  @Test
  void unreachableRegistryIsNotBlamedOnTheRecord() {
    SpecificAvroDeserializer<RegisterEpisode> remote =
        new SpecificAvroDeserializer<>(new HttpSchemaRegistryClient("http://localhost:1"), RegisterEpisode.class);
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(1).put((byte) 2).array();

    assertThatThrownBy(() -> remote.deserialize(TOPIC, bytes))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(AvroDecodingException.class);
  }

  private void assertReason(byte[] bytes, String reasonStart) {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOf(AvroDecodingException.class)
        .isInstanceOf(SerializationException.class)
        .satisfies(e -> assertThat(((AvroDecodingException) e).reason()).startsWith(reasonStart))
        .hasMessageContaining(reasonStart);
  }
}
