package nl.vermissing.intake.stream;

import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.intake.command.CaseCommands;
import nl.vermissing.intake.config.IntakeConfig;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Police found reports flow back into the case: a FoundReported closes the case if it is still open (once per
 * case). Other police responses (questions, sightings, urgency) reach the case timeline through the read side. A
 * record that cannot be decoded or handled is retried and then dead-lettered by the platform's error handler.
 */
@Component
public class PoliceResponseListener {

  private final CaseCommands cases;
  private final Deserializer<PoliceResponse> decoder;

  public PoliceResponseListener(CaseCommands cases, PlatformProperties platform) {
    this.cases = cases;
    this.decoder = AvroSerdes.forTopic(Topics.POLICE_RESPONSES, platform.registryConfig()).deserializer();
  }

  @KafkaListener(id = "intake-police-responses", groupId = IntakeConfig.POLICE_RESPONSES_GROUP,
      topics = "#{T(nl.vermissing.catalogue.Topics).POLICE_RESPONSES.name()}",
      containerFactory = "policeResponsesContainerFactory",
      autoStartup = "${intake.police-responses.auto-startup:true}")
  public void onResponse(ConsumerRecord<String, byte[]> record) {
    PoliceResponse response = decoder.deserialize(record.topic(), record.value());
    if (response != null && response.getPayload() instanceof FoundReported found) {
      cases.policeFound(response, found);
    }
  }
}
