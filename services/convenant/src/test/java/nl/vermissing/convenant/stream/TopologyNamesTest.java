package nl.vermissing.convenant.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.vermissing.convenant.Fixtures;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

/** Every processor and store has an explicit name, so a topology change never silently renames a changelog. */
class TopologyNamesTest {

  @Test
  void no_generated_names() {
    StreamsBuilder builder = new StreamsBuilder();
    ConvenantTopology.build(builder, new ConvenantSettings(Fixtures.defaultAgreement(), Map.of(),
        Duration.ofSeconds(1), Map.of("schema.registry.url", "mock://names")));
    String description = builder.build().describe().toString();
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
        .contains(ConvenantTopology.CASE_STORE, ConvenantTopology.TIMER_STORE, ConvenantTopology.AGREEMENT_STORE);
  }
}
