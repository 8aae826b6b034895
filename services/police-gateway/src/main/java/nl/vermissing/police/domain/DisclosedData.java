package nl.vermissing.police.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.platform.crypto.FieldEncryption;

/**
 * Splits what was disclosed to police into summary fields (shown on the feed and list) and personal fields (shown
 * only on request, and every such read is audited). A field is personal when the schema marks it {@code @personal}
 * or it holds records with personal fields (contacts, places); the photo is never inlined.
 */
public final class DisclosedData {

  public static final String PHOTO = "photo";
  private static final Schema SCHEMA = PoliceCaseData.getClassSchema();

  private DisclosedData() {}

  /** What police know of the case: per field the latest value any message disclosed. */
  public static PoliceCaseData merged(List<nl.vermissing.events.PoliceAlert> messages) {
    PoliceCaseData merged = PoliceCaseData.newBuilder().build();
    for (nl.vermissing.events.PoliceAlert message : messages) {
      PoliceCaseData data = message.getData();
      if (data == null) {
        continue;
      }
      for (Schema.Field f : SCHEMA.getFields()) {
        Object value = data.get(f.pos());
        if (value != null) {
          merged.put(f.pos(), value);
        }
      }
    }
    return merged;
  }

  /**
   * The message without any personal data: every field the schema marks personal is blanked, and every personal
   * field of its case data (those with personal records inside too, such as contacts and places) is removed, so
   * what remains carries no placeholder either. The non-personal facts (identifier, times, stage, risk level, age
   * band, region, ...) and the names of the fields once disclosed stay.
   */
  public static nl.vermissing.events.PoliceAlert withoutPersonalFields(nl.vermissing.events.PoliceAlert message) {
    nl.vermissing.events.PoliceAlert blanked = FieldEncryption.withoutPersonalData(message);
    PoliceCaseData data = blanked.getData();
    if (data == null) {
      return blanked;
    }
    PoliceCaseData kept = PoliceCaseData.newBuilder(data).build();
    for (Schema.Field f : SCHEMA.getFields()) {
      if (isPersonal(f.name()) && f.schema().isNullable()) {
        kept.put(f.pos(), null);
      }
    }
    return nl.vermissing.events.PoliceAlert.newBuilder(blanked).setData(kept).build();
  }

  /** Whether the field of {@link PoliceCaseData} holds personal data. */
  public static boolean isPersonal(String field) {
    Schema.Field f = SCHEMA.getField(field);
    return f != null && (f.getObjectProp("personal") != null || containsPersonal(f.schema(), 0));
  }

  /** Non-personal fields that are set: safe for the feed and the list. */
  public static Map<String, Object> summary(PoliceCaseData data) {
    return fields(data, false);
  }

  /** Personal fields that are set (photo excluded: it is served on its own). */
  public static Map<String, Object> personal(PoliceCaseData data) {
    return fields(data, true);
  }

  /** Names of the personal fields that are set, photo included: what a full read discloses. */
  public static List<String> personalFieldsSet(PoliceCaseData data) {
    List<String> names = new ArrayList<>();
    if (data == null) {
      return names;
    }
    for (Schema.Field f : SCHEMA.getFields()) {
      if (data.get(f.pos()) != null && isPersonal(f.name())) {
        names.add(f.name());
      }
    }
    return names;
  }

  private static Map<String, Object> fields(PoliceCaseData data, boolean personal) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (data == null) {
      return out;
    }
    for (Schema.Field f : SCHEMA.getFields()) {
      Object value = data.get(f.pos());
      if (value == null || value instanceof ByteBuffer || isPersonal(f.name()) != personal) {
        continue;
      }
      out.put(f.name(), plain(value));
    }
    return out;
  }

  /** An Avro value as plain JSON-friendly data: enums and instants as text, records as maps. */
  public static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return value instanceof CharSequence ? value.toString() : value;
    }
    // Avro arrays are collections too: lists stay lists
    if (value instanceof Collection<?> values) {
      return values.stream().map(DisclosedData::plain).toList();
    }
    if (value instanceof Enum<?> || value instanceof Instant || value instanceof LocalDate
        || value instanceof GenericContainer && !(value instanceof IndexedRecord)) {
      return value.toString();
    }
    if (value instanceof IndexedRecord record) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Schema.Field f : record.getSchema().getFields()) {
        Object v = record.get(f.pos());
        if (v != null) {
          map.put(f.name(), plain(v));
        }
      }
      return map;
    }
    return value.toString();
  }

  private static boolean containsPersonal(Schema schema, int depth) {
    if (depth > 5) {
      return false;
    }
    return switch (schema.getType()) {
      case UNION -> schema.getTypes().stream().anyMatch(s -> containsPersonal(s, depth + 1));
      case ARRAY -> containsPersonal(schema.getElementType(), depth + 1);
      case MAP -> containsPersonal(schema.getValueType(), depth + 1);
      case RECORD -> schema.getFields().stream()
          .anyMatch(f -> f.getObjectProp("personal") != null || containsPersonal(f.schema(), depth + 1));
      default -> false;
    };
  }
}
