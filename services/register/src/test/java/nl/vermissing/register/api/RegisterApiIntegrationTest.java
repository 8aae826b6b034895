package nl.vermissing.register.api;

import static nl.vermissing.register.support.RegisterEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.Sex;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The register service against the real in-JVM Kafka broker and schema registry: case events in, episode out on the
 * register topic, national statistics through the API.
 */
@SpringBootTest(properties = {
    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks",
    "register.episode-key=integration-test-episode-key"})
@AutoConfigureMockMvc
class RegisterApiIntegrationTest {

  static final String REGION = "region-" + UUID.randomUUID();
  static final String INSTITUTION = "inst-" + UUID.randomUUID();
  static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");
  static final List<String> CASE_IDS = new ArrayList<>();
  static boolean seeded;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
  }

  @Autowired
  MockMvc mvc;

  static RequestPostProcessor as(String role, String tenant) {
    return jwt().jwt(j -> j.subject("u-" + role).claim("roles", List.of(role)).claim("tenant", tenant));
  }

  static RequestPostProcessor auditor() {
    return as("AUDITOR", "national");
  }

  static RequestPostProcessor consumer() {
    return as("REGISTRY_CONSUMER", "national");
  }

  @BeforeEach
  void seed() throws Exception {
    if (seeded) {
      return;
    }
    seeded = true;
    Map<String, Object> config = new java.util.HashMap<>(KafkaConventions.producer(TestKafka.get().bootstrapServers()));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      send(producer, Topics.AGREEMENTS, "agr-" + REGION,
          agreement("agr-" + REGION, 1, Instant.parse("2026-01-01T00:00:00Z"), REGION, INSTITUTION));
      for (int i = 0; i < 6; i++) {
        String caseId = "case-" + UUID.randomUUID();
        String youthId = "youth-" + UUID.randomUUID();
        CASE_IDS.add(caseId);
        // the sixth episode is a repeat of the first youth's
        String pseudonym = "pseudo-" + REGION + "-" + (i == 5 ? 0 : i);
        Instant t0 = T0.plus(Duration.ofDays(i));
        send(producer, Topics.CASE_EVENTS, caseId, absence(caseId, youthId, INSTITUTION, pseudonym, DATE_OF_BIRTH,
            Sex.FEMALE, PlacementType.OPEN, t0));
        send(producer, Topics.POLICE_ALERTS, caseId, alert(caseId, youthId, INSTITUTION, t0.plusSeconds(600)));
        send(producer, Topics.CASE_EVENTS, caseId, returned(caseId, youthId, INSTITUTION,
            t0.plus(Duration.ofHours(2 + i))));
      }
      producer.flush();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<V> topic,
      String key, V value) throws Exception {
    byte[] bytes = AvroSerdes.forTopic(topic, TestKafka.get().registryConfig()).serializer().serialize(topic.name(),
        value);
    producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get();
  }

  @Test
  void caseEventsBecomeEpisodesAndNationalStatistics() throws Exception {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        mvc.perform(get("/api/register/statistics").param("groupBy", "month,region")
                .param("from", "2026-11").param("to", "2026-11").with(auditor()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].episodes").value(6))
            .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].repeatShare").value(0.1667)));

    mvc.perform(get("/api/register/statistics").param("groupBy", "region,institutionType").with(auditor()))
        .andExpect(jsonPath("$.suppressionApplied").value(false))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].youths").value(5))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].group.institutionType").value("OPEN"))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].alertedShare").value(1.0))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].durationMedianMinutes").value(240))
        .andExpect(jsonPath("$.definitions[0].field").value("episodes"));

    String episodes = mvc.perform(get("/api/register/episodes").param("month", "2026-11").param("region", REGION)
            .with(consumer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(6))
        .andExpect(jsonPath("$.episodes[5].episodeNumberForYouth").value(2))
        .andExpect(jsonPath("$.episodes[5].repeatWithin90Days").value(true))
        .andExpect(jsonPath("$.episodes[0].ageBand").value("AGE_16_17"))
        .andReturn().getResponse().getContentAsString();
    for (String value : PLANTED) {
      assertThat(episodes).doesNotContain(value);
    }
    for (String caseId : CASE_IDS) {
      assertThat(episodes).doesNotContain(caseId);
    }
    assertThat(episodes).doesNotContain(INSTITUTION);
  }

  @Test
  void registryConsumersGetSmallCellsWithheld() throws Exception {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        mvc.perform(get("/api/register/statistics").param("groupBy", "region").with(auditor()))
            .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].episodes").value(6)));

    mvc.perform(get("/api/register/statistics").param("groupBy", "region").with(consumer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.suppressionApplied").value(true))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].episodes").value(6))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].youths").value(5))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].repeatShare").value((Object) null))
        .andExpect(jsonPath("$.rows[?(@.group.region == '" + REGION + "')].suppressed[*]").value(
            org.hamcrest.Matchers.hasItem("repeatShare")));
    mvc.perform(get("/api/register/statistics.csv").param("groupBy", "region").with(consumer()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("region,episodes,youths,")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(REGION + ",6,5,")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("<5")));
  }

  @Test
  void othersAreRefusedAndBadInputIsNamed() throws Exception {
    mvc.perform(get("/api/register/statistics")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/register/statistics").with(as("INSTITUTION_STAFF", "inst-horizon")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/register/episodes").with(as("REGISTRY_CONSUMER", "flevoland")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/register/statistics").param("from", "november").with(consumer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    mvc.perform(get("/api/register/statistics").param("groupBy", "month,name").with(consumer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("groupBy"));
  }

  @Test
  void theDashboardAndApiDocsAreServed() throws Exception {
    mvc.perform(get("/register/index.html"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"nl\"")));
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/register/statistics.csv")));
  }
}
