package nl.vermissing.audit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.RecipientKind;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Against a real broker: audit records written by other services become queryable by auditors, and only by them. */
@SpringBootTest(properties = {"spring.config.name=audit",
    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks"})
@AutoConfigureMockMvc
class AuditApiTest {

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
  }

  @Autowired
  MockMvc mvc;

  @Test
  void auditorsSeeDisclosuresAndReadsOfPersonalData() throws Exception {
    String caseId = "case-" + UUID.randomUUID();
    String youthId = "youth-" + UUID.randomUUID();
    TestKafka kafka = TestKafka.get();
    try (var disclosures = new KafkaProducer<>(KafkaConventions.producer(kafka.bootstrapServers()),
            new StringSerializer(), AvroSerdes.forTopic(Topics.DISCLOSURES, kafka.registryConfig()).serializer());
        var access = new KafkaProducer<>(KafkaConventions.producer(kafka.bootstrapServers()),
            new StringSerializer(), AvroSerdes.forTopic(Topics.POLICE_ACCESS_AUDIT, kafka.registryConfig()).serializer())) {
      disclosures.send(new ProducerRecord<>(Topics.DISCLOSURES.name(), caseId, DisclosureRecord.newBuilder()
          .setAuditId(UUID.randomUUID().toString()).setCaseId(caseId).setYouthId(youthId)
          .setRecipientKind(RecipientKind.POLICE_UNIT).setRecipient("pu-midden-nederland")
          .setFields(List.of("givenName", "photo")).setDisclosedAt(Instant.now()).setAgreementId("flevoland")
          .setAgreementVersion(3).setLegalBasis("convenant Flevoland art. 4").setMessageId("msg-1").build())).get();
      access.send(new ProducerRecord<>(Topics.POLICE_ACCESS_AUDIT.name(), "politie.midden", AccessRecord.newBuilder()
          .setAuditId(UUID.randomUUID().toString()).setService("police-gateway").setActor("politie.midden")
          .setActorRole("POLICE_LIAISON").setTenant("pu-midden-nederland").setAction("view-photo")
          .setResource("alerts/" + caseId + "/photo").setYouthId(youthId).setFields(List.of("photo"))
          .setPurpose("search").setAt(Instant.now()).build())).get();
    }

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        mvc.perform(get("/api/audit/disclosures").param("caseId", caseId).with(as("AUDITOR", "national")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].recipient").value("pu-midden-nederland"))
            .andExpect(jsonPath("$[0].fields", hasItem("photo")))
            .andExpect(jsonPath("$[0].agreementVersion").value(3)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        mvc.perform(get("/api/audit/access").param("youthId", youthId).with(as("AUDITOR", "national")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].action").value("view-photo"))
            .andExpect(jsonPath("$[0].actor").value("politie.midden")));
  }

  @Test
  void nobodyElseMayReadTheAuditTrail() throws Exception {
    mvc.perform(get("/api/audit/disclosures").with(as("POLICE_LIAISON", "pu-midden-nederland")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audit/access").with(as("REGISTRY_CONSUMER", "national")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audit/access")).andExpect(status().isUnauthorized());
  }

  private static RequestPostProcessor as(String role, String tenant) {
    return jwt().jwt(j -> j.subject("user-" + role).claim("roles", List.of(role)).claim("tenant", tenant));
  }
}
