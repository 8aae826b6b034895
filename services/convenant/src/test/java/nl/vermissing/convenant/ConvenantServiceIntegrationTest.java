package nl.vermissing.convenant;

import static nl.vermissing.convenant.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.SharingStage;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The service against a real in-JVM Kafka broker and schema registry: the engine end to end, and the admin API. */
@SpringBootTest(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks")
@AutoConfigureMockMvc
class ConvenantServiceIntegrationTest {

  /** Regions of their own per test, each served by the test police unit. */
  private static final List<String> REGIONS = java.util.stream.Stream.generate(
      () -> "region-" + UUID.randomUUID().toString().substring(0, 8)).limit(3).toList();

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
    REGIONS.forEach(region -> registry.add("convenant.region-police-units." + region + "[0]", () -> "pu-test"));
  }

  @Autowired
  MockMvc mvc;

  private static RequestPostProcessor admin(String region) {
    return jwt().jwt(j -> j.subject("admin-" + region).claim("roles", List.of("AGREEMENT_ADMIN"))
        .claim("tenant", region));
  }

  @Test
  void red_then_return_gives_an_alert_then_its_cancellation() {
    String caseId = "case-" + UUID.randomUUID();
    String institution = "inst-" + UUID.randomUUID();
    Instant t0 = Instant.now();

    send(absence(caseId, institution, t0, youth(PlacementType.OPEN, null), false));
    send(risk(caseId, institution, t0, RiskLevel.RED));

    PoliceAlert alert = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
        () -> records(Topics.POLICE_ALERTS, caseId), list -> !list.isEmpty()).get(0);
    assertThat(alert.getMsgType()).isEqualTo(CapMsgType.Alert);
    assertThat(alert.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
    assertThat(alert.getPoliceUnit()).isEqualTo("pu-midden-nederland");

    send(returned(caseId, institution, Instant.now()));
    List<PoliceAlert> alerts = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
        () -> records(Topics.POLICE_ALERTS, caseId), list -> list.size() >= 2);
    assertThat(alerts).hasSize(2);
    PoliceAlert cancel = alerts.get(1);
    assertThat(cancel.getMsgType()).isEqualTo(CapMsgType.Cancel);
    assertThat(cancel.getReferences()).singleElement().asString().contains(alert.getIdentifier());
    assertThat(Duration.between(cancel.getSent(), Instant.now())).isLessThan(Duration.ofSeconds(30));

    List<DisclosureRecord> disclosures = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
        () -> records(Topics.DISCLOSURES, caseId), list -> list.size() >= 2);
    assertThat(disclosures).extracting(DisclosureRecord::getMessageId)
        .containsExactly(alert.getIdentifier(), cancel.getIdentifier());
  }

  @Test
  void an_agreement_administrator_publishes_a_validated_audited_new_version() throws Exception {
    String region = REGIONS.get(0);
    String id = region + "-convenant";
    String body = """
        {"region": "%s", "policeUnit": "pu-test", "municipalityContact": "gemeente-test",
         "institutionIds": [], "legalBasis": "Convenant test", "changeNote": "first version",
         "timeRules": {"redAcknowledgeMinutes": 10}}
        """.formatted(region);

    mvc.perform(post("/api/convenant/agreements/" + id + "/versions").with(admin(region))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.changedBy").value("admin-" + region))
        .andExpect(jsonPath("$.timeRules.redAcknowledgeMinutes").value(10))
        .andExpect(jsonPath("$.timeRules.orangeAcknowledgeMinutes").value(60))
        .andExpect(jsonPath("$.sharing.consultation.length()").value(5));

    mvc.perform(post("/api/convenant/agreements/" + id + "/versions").with(admin(region))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.replace("\"redAcknowledgeMinutes\": 10", "\"redAcknowledgeMinutes\": 12")
                .replace("first version", "red faster").replace("{\"region\"", "{\"expectedVersion\": 1, \"region\"")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(2));

    mvc.perform(get("/api/convenant/agreements/" + id).with(admin(region)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.latest").value(2))
        .andExpect(jsonPath("$.versions.length()").value(2))
        .andExpect(jsonPath("$.versions[1].changeNote").value("red faster"));
    mvc.perform(get("/api/convenant/agreements").with(admin(region)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].agreementId").value(id));

    // who changed what: one audit record per version, naming the changed fields
    List<AccessRecord> audit = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
        () -> records(Topics.CONVENANT_ACCESS_AUDIT, "admin-" + region), list -> list.size() >= 2);
    assertThat(audit.get(1).getAction()).isEqualTo("AGREEMENT_VERSION_CREATED");
    assertThat(audit.get(1).getFields()).containsExactly("effectiveFrom", "timeRules.redAcknowledgeMinutes");
    assertThat(audit.get(1).getPurpose()).isEqualTo("red faster");

    // a stale expected version is a conflict
    mvc.perform(post("/api/convenant/agreements/" + id + "/versions").with(admin(region))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.replace("{\"region\"", "{\"expectedVersion\": 1, \"region\"")))
        .andExpect(status().isConflict());
  }

  @Test
  void invalid_rules_are_refused_naming_the_field() throws Exception {
    String region = REGIONS.get(1);
    String base = """
        {"region": "%s", "policeUnit": "pu-test", "municipalityContact": "gemeente-test",
         "legalBasis": "Convenant test", "changeNote": "n" %s}
        """;
    Map<String, String> cases = Map.of(
        ", \"timeRules\": {\"redAcknowledgeMinutes\": 90}", "timeRules.redAcknowledgeMinutes",
        ", \"timeRules\": {\"orangeEscalateAfterMinutes\": 0}", "timeRules.orangeEscalateAfterMinutes",
        ", \"sharing\": {\"missingReport\": [\"givenName\", \"diagnosis\"]}", "sharing.missingReport[1]",
        ", \"sharing\": {\"consultation\": [\"ageBand\", \"familyName\"]}", "sharing.consultation[1]",
        ", \"effectiveFrom\": \"2020-01-01T00:00:00Z\"", "effectiveFrom",
        ", \"policeUnit\": \"pu-amsterdam\"", "policeUnit");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      mvc.perform(post("/api/convenant/agreements/" + region + "/versions").with(admin(region))
              .contentType(MediaType.APPLICATION_JSON).content(base.formatted(region, c.getKey())))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.field").value(c.getValue()));
    }
    mvc.perform(post("/api/convenant/agreements/" + region + "/versions").with(admin(region))
            .contentType(MediaType.APPLICATION_JSON).content("{\"region\": \"" + region + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").exists());
  }

  @Test
  void only_the_regions_own_agreement_administrators_have_access() throws Exception {
    String region = REGIONS.get(2);
    String body = """
        {"region": "%s", "policeUnit": "pu-test", "municipalityContact": "gemeente-test",
         "legalBasis": "Convenant test", "changeNote": "n"}
        """.formatted(region);
    mvc.perform(post("/api/convenant/agreements/" + region + "/versions").with(admin("elsewhere"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/convenant/agreements/" + region + "/versions")
            .with(jwt().jwt(j -> j.subject("u1").claim("roles", List.of("POLICE_LIAISON")).claim("tenant", region)))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/convenant/agreements/" + region + "/versions").with(admin(region))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/convenant/agreements/" + region).with(admin("elsewhere")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/convenant/agreements")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/convenant/agreements/none-such").with(admin(region))).andExpect(status().isNotFound());
  }

  // --- Kafka helpers ---

  private static void send(CaseEvent event) {
    Map<String, Object> config = KafkaConventions.producer(TestKafka.get().bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      byte[] value = AvroSerdes.forTopic(Topics.CASE_EVENTS, TestKafka.get().registryConfig()).serializer()
          .serialize(Topics.CASE_EVENTS.name(), event);
      producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), event.getCaseId(), value));
      producer.flush();
    }
  }

  /** Every committed record of a topic with the given key, in offset order. */
  private static <V extends SpecificRecord> List<V> records(Topic<V> topic, String key) {
    Map<String, Object> config = KafkaConventions.consumer(TestKafka.get().bootstrapServers(),
        "test-" + UUID.randomUUID());
    var deserializer = AvroSerdes.forTopic(topic, TestKafka.get().registryConfig()).deserializer();
    List<V> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 5_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found.add(deserializer.deserialize(topic.name(), record.value()));
          }
        }
      }
    }
    return found;
  }
}
