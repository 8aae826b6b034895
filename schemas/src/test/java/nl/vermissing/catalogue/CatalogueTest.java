package nl.vermissing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  @Test
  void topicNamesAreUniqueAndEachHasOneWriter() {
    Set<String> names = new HashSet<>();
    for (Topic<?> topic : Topics.ALL) {
      assertThat(names.add(topic.name())).as("duplicate topic %s", topic.name()).isTrue();
      assertThat(topic.writer()).isNotBlank();
      assertThat(topic.name()).startsWith(topic.writer().replace("-gateway", "").replace("-", "") + ".");
    }
  }

  @Test
  void caseKeyedTopicsAreCoPartitioned() {
    Topics.ALL.stream().filter(t -> t.key().equals("caseId"))
        .forEach(t -> assertThat(t.partitions()).as(t.name()).isEqualTo(Topics.CASE_PARTITIONS));
  }

  @Test
  void deadLetterTopicsArePerConsumer() {
    assertThat(Topics.deadLetter("convenant", Topics.CASE_EVENTS.name()))
        .isEqualTo("intake.case-events.convenant.dlt")
        .isNotEqualTo(Topics.deadLetter("register", Topics.CASE_EVENTS.name()));
  }

  /** Field encryption (like Confluent's field-level encryption) can only seal strings and bytes. */
  @Test
  void personalFieldsAreEncryptableStringsOrBytes() {
    List<String> wrong = new ArrayList<>();
    int personalFields = 0;
    for (Topic<?> topic : Topics.ALL) {
      personalFields += collect(topic.valueSchema(), topic.name(), wrong, new HashSet<>());
    }
    assertThat(personalFields).isGreaterThan(20);
    assertThat(wrong).isEmpty();
  }

  private static int collect(Schema schema, String path, List<String> wrong, Set<String> seen) {
    int count = 0;
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return 0;
        }
        for (Schema.Field field : schema.getFields()) {
          if (field.getProp("personal") != null) {
            count++;
            if (!encryptable(field.schema())) {
              wrong.add(path + "." + field.name());
            }
          }
          count += collect(field.schema(), path + "." + field.name(), wrong, seen);
        }
      }
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          count += collect(branch, path, wrong, seen);
        }
      }
      case ARRAY -> count += collect(schema.getElementType(), path, wrong, seen);
      case MAP -> count += collect(schema.getValueType(), path, wrong, seen);
      default -> { }
    }
    return count;
  }

  private static boolean encryptable(Schema schema) {
    return switch (schema.getType()) {
      case STRING, BYTES -> true;
      case ARRAY -> encryptable(schema.getElementType());
      case UNION -> schema.getTypes().stream()
          .allMatch(s -> s.getType() == Schema.Type.NULL || encryptable(s));
      default -> false;
    };
  }
}
