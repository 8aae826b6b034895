package nl.vermissing.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Renders {@code docs/events.md} from the catalogue, so the document cannot drift from the code: a test compares
 * the file with this rendering.
 */
public final class EventsDocument {

  private EventsDocument() {}

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Event catalogue\n\n")
        .append("Generated from `schemas/src/main/java/nl/vermissing/catalogue/Topics.java` by `EventsDocument`; ")
        .append("`mvn -pl schemas test -Dupdate.docs=true` rewrites it. Every topic has exactly one writer. ")
        .append("Keys are strings. Values are Avro records (Confluent wire format, subject `<topic>-value`), ")
        .append("defined in `schemas/src/main/avro/`. Fields marked *personal* are sealed by field-level ")
        .append("encryption with the youth's data key.\n\n")
        .append("| topic | writer | readers | key | value | cleanup | partitions |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Topic<?> t : Topics.ALL) {
      md.append("| `").append(t.name()).append("` | ").append(t.writer()).append(" | ")
          .append(String.join(", ", t.readers())).append(" | ").append(t.key()).append(" | `")
          .append(t.valueType().getSimpleName()).append("` | ")
          .append(t.cleanup() == Topic.Cleanup.COMPACT ? "compact" : "keep all").append(" | ")
          .append(t.partitions()).append(" |\n");
    }
    md.append("| `").append(Topics.SCHEMAS).append("` | schema-registry | schema-registry | schema key (JSON) | ")
        .append("schema (JSON) | compact | 1 |\n");
    md.append("\nDead-letter topics: `<input topic>.<consuming service>.dlt`, one per consumer and input, raw bytes ")
        .append("of the failed record with headers `dlt.reason`, `dlt.exception`, `dlt.source.topic`, ")
        .append("`dlt.source.partition`, `dlt.source.offset`, `dlt.service`.\n");
    for (Topic<?> t : Topics.ALL) {
      Schema schema = t.valueSchema();
      md.append("\n## ").append(t.name()).append("\n\n").append(t.description()).append("\n\n")
          .append("Value `").append(schema.getFullName()).append("`");
      List<String> personal = new ArrayList<>();
      collectPersonal(schema, "", personal, new ArrayList<>());
      if (personal.isEmpty()) {
        md.append(": no personal fields.\n");
      } else {
        md.append("; personal fields: ").append(String.join(", ", personal.stream().map(p -> "`" + p + "`").toList()))
            .append(".\n");
      }
    }
    return md.toString();
  }

  private static void collectPersonal(Schema schema, String path, List<String> out, List<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.contains(schema.getFullName())) {
          return;
        }
        seen.add(schema.getFullName());
        for (Schema.Field field : schema.getFields()) {
          String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
          if (field.getProp("personal") != null) {
            out.add(fieldPath + " (" + field.getProp("personal") + ")");
          }
          collectPersonal(field.schema(), fieldPath, out, seen);
        }
        seen.remove(schema.getFullName());
      }
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          String branchPath = branch.getType() == Schema.Type.RECORD && schema.getTypes().size() > 2
              ? path + "[" + branch.getName() + "]" : path;
          collectPersonal(branch, branchPath, out, seen);
        }
      }
      case ARRAY -> collectPersonal(schema.getElementType(), path + "[]", out, seen);
      default -> { }
    }
  }
}
