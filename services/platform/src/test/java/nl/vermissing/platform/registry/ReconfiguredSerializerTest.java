package nl.vermissing.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.SightingReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring's producer factory configures a given serializer instance a second time with the plain client config;
 * encryption must survive that, or personal data would be written in clear.
 */
class ReconfiguredSerializerTest {

  @TempDir
  Path dataDir;

  @Test
  void encryptionSurvivesASecondConfigureWithoutEncryptionSettings() {
    SpecificAvroSerializer<PoliceResponse> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://reconfigured", "vermissing.encryption.enabled", true,
        "vermissing.data-dir", dataDir.toString()), false);
    serializer.configure(Map.of("bootstrap.servers", "localhost:9092", "acks", "all"), false);

    PoliceResponse response = PoliceResponse.newBuilder().setResponseId("r").setCaseId("c").setPoliceUnit("u")
        .setRespondedBy("agent").setRespondedAt(Instant.now()).setYouthId("youth-1")
        .setPayload(SightingReported.newBuilder().setSeenAt(Instant.now()).setLocation("Kade-Plantwaarde").build())
        .build();
    byte[] bytes = serializer.serialize(Topics.POLICE_RESPONSES.name(), response);

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Kade-Plantwaarde").contains("enc:v1:");
  }
}
