package nl.vermissing.platform.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Records and schemas shared by the registry tests. */
public final class TestRecords {

  private TestRecords() {}

  /** A catalogue event with every required field set and some optional ones. */
  public static RegisterEpisode episode(String episodeId) {
    return RegisterEpisode.newBuilder()
        .setEpisodeId(episodeId)
        .setNationalPseudonym("pseudonym-7")
        .setAgeBand(AgeBand.AGE_14_15)
        .setSex(Sex.FEMALE)
        .setRegion("Flevoland")
        .setInstitutionType("secure youth care")
        .setPlacementType(PlacementType.CLOSED)
        .setStatus(EpisodeStatus.OPEN)
        .setAbsenceAt(Instant.parse("2026-11-20T21:15:00Z").truncatedTo(ChronoUnit.MILLIS))
        .setRiskLevel(RiskLevel.RED)
        .setEpisodeNumberForYouth(3)
        .build();
  }

  /** The schema of RegisterEpisode as an older release had it: without the defaulted field {@code fieldName}. */
  public static Schema episodeSchemaWithout(String fieldName) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode schema = (ObjectNode) json.readTree(RegisterEpisode.getClassSchema().toString());
      ArrayNode fields = (ArrayNode) schema.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).get("name").asText().equals(fieldName)) {
          fields.remove(i);
          return new Schema.Parser().parse(schema.toString());
        }
      }
      throw new IllegalArgumentException("no field " + fieldName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes exactly as Confluent's KafkaAvroSerializer frames them: 0x00, the id big-endian, Avro binary. */
  public static byte[] confluentFrame(int id, Schema schema, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
