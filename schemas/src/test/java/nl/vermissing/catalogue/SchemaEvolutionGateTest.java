package nl.vermissing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.vermissing.catalogue.evolution.SchemaEvolutionGate;
import nl.vermissing.catalogue.evolution.SchemaEvolutionGate.Violation;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.RegisterEpisode;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The gate proper: the build fails when a topic's current schema cannot read what an older release wrote. */
class SchemaEvolutionGateTest {

  private final SchemaEvolutionGate gate =
      new SchemaEvolutionGate(Path.of(System.getProperty("released.schemas.dir", "released")));

  @Test
  void everyTopicSchemaIsBackwardTransitiveCompatibleWithAllReleasedVersions() {
    for (Topic<?> topic : Topics.ALL) {
      assertThat(gate.releasedVersions(topic.valueSubject()))
          .as("%s has no released schema: run mvn -pl schemas -Prelease-schemas", topic.valueSubject())
          .isNotEmpty();
      List<Violation> violations = gate.check(topic.valueSubject(), topic.valueSchema());
      assertThat(violations).as("incompatible schema change").isEmpty();
    }
  }

  @Test
  void aNewFieldWithoutDefaultIsCaughtAndNamed() {
    Schema released = RegisterEpisode.getClassSchema();
    Schema changed = withExtraField(released, "{\"name\":\"municipality\",\"type\":\"string\"}");

    List<Violation> violations = SchemaEvolutionGate.check("register.episodes-value", 1, changed, released);

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).field()).isEqualTo("municipality");
    assertThat(violations.get(0).toString()).contains("field 'municipality'").contains("released v1");
  }

  @Test
  void aNewFieldWithDefaultPasses() {
    Schema released = RegisterEpisode.getClassSchema();
    Schema changed = withExtraField(released, "{\"name\":\"municipality\",\"type\":[\"null\",\"string\"],\"default\":null}");

    assertThat(SchemaEvolutionGate.check("register.episodes-value", 1, changed, released)).isEmpty();
  }

  @Test
  void aChangedTypeDeepInsideAUnionIsNamedByItsPath() {
    Schema released = CaseEvent.getClassSchema();
    // whereaboutsKnown: boolean -> int cannot read old booleans
    String json = released.toString().replace(
        "{\"name\":\"whereaboutsKnown\",\"type\":\"boolean\"", "{\"name\":\"whereaboutsKnown\",\"type\":\"int\"");
    Schema changed = new Schema.Parser().parse(json);

    List<Violation> violations = SchemaEvolutionGate.check("intake.case-events-value", 1, changed, released);

    assertThat(violations).extracting(Violation::field)
        .containsExactly("payload.AbsenceReported.whereaboutsKnown");
  }

  @Test
  void aRemovedEnumSymbolIsCaught() {
    Schema released = RegisterEpisode.getClassSchema();
    Schema changed = new Schema.Parser().parse(released.toString().replace("\"HELD_LATE\",", ""));

    List<Violation> violations = SchemaEvolutionGate.check("register.episodes-value", 1, changed, released);

    assertThat(violations).isNotEmpty();
    assertThat(violations.get(0).field()).isEqualTo("returnConversation");
  }

  private static Schema withExtraField(Schema schema, String fieldJson) {
    String json = schema.toString();
    int end = json.lastIndexOf("]");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }
}
