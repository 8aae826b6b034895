package nl.vermissing.followup.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ComenshaRegistrationRequested;
import nl.vermissing.events.ConsentRecorded;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.ReferralKind;
import nl.vermissing.events.ReferralTaskCreated;
import nl.vermissing.events.ReturnConversationDue;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The service against the real in-JVM broker: case events in, API commands, follow-up events and audit out. */
@SpringBootTest(properties = {
    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks",
    "followup.timer-interval=200ms"})
@AutoConfigureMockMvc
class FollowUpApiIntegrationTest {

  private static final String INST = "inst-horizon";
  private static KafkaProducer<String, CaseEvent> caseProducer;

  @Autowired
  private MockMvc mvc;

  private String caseId;
  private String youthId;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
  }

  @BeforeAll
  static void producer() {
    TestKafka kafka = TestKafka.get();
    caseProducer = new KafkaProducer<>(KafkaConventions.producer(kafka.bootstrapServers()), new StringSerializer(),
        AvroSerdes.forTopic(Topics.CASE_EVENTS, kafka.registryConfig()).serializer());
  }

  @AfterAll
  static void closeProducer() {
    caseProducer.close();
  }

  @BeforeEach
  void ids() {
    caseId = "case-" + UUID.randomUUID();
    youthId = "youth-" + UUID.randomUUID();
  }

  private static RequestPostProcessor as(String role, String tenant) {
    return jwt().jwt(j -> j.subject("u-" + role.toLowerCase()).claim("roles", List.of(role)).claim("tenant", tenant));
  }

  private static RequestPostProcessor worker() {
    return as("FOLLOW_UP_WORKER", INST);
  }

  private void send(CaseEvent event) throws Exception {
    caseProducer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), event.getCaseId(), event)).get();
  }

  private static CaseEvent envelope(String caseId, String youthId, Instant at, Object payload) {
    return CaseEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(INST).setOccurredAt(at).setRecordedAt(at).setRecordedBy("staff-1").setPayload(payload)
        .build();
  }

  /** The youth (date of birth given) went missing 30 hours ago and came back 2 hours ago. */
  private Instant missingAndReturned(String dateOfBirth) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    YouthSnapshot youth = YouthSnapshot.newBuilder().setNationalPseudonym("np-" + youthId).setProfileVersion(1)
        .setGivenName("Sanne").setFamilyName("Jansen").setDateOfBirth(dateOfBirth).setSex(Sex.FEMALE)
        .setPlacementType(PlacementType.CLOSED).build();
    send(envelope(caseId, youthId, now.minus(Duration.ofHours(30)), AbsenceReported.newBuilder()
        .setLastSeenAt(now.minus(Duration.ofHours(30))).setWhereaboutsKnown(false).setReportedBy("staff-1")
        .setYouth(youth).build()));
    Instant returnedAt = now.minus(Duration.ofHours(2));
    send(envelope(caseId, youthId, returnedAt,
        YouthReturned.newBuilder().setReturnedAt(returnedAt).setFoundBy(FoundBy.POLICE).build()));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        mvc.perform(get("/api/followup/institutions/{i}/worklist", INST).with(worker()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.dueSoon[*].caseId", hasItem(caseId))));
    return returnedAt;
  }

  private static <V extends SpecificRecord> List<V> read(Topic<V> topic, java.util.function.Predicate<V> filter) {
    TestKafka kafka = TestKafka.get();
    Map<String, Object> config = KafkaConventions.consumer(kafka.bootstrapServers(), "test-" + UUID.randomUUID());
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        AvroSerdes.forTopic(topic, kafka.registryConfig()).deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<V> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record.value())) {
            values.add(record.value());
          }
        }
      }
      return values;
    }
  }

  private List<Object> followUps() {
    return read(Topics.FOLLOW_UP_EVENTS, e -> e.getCaseId().equals(caseId)).stream()
        .map(FollowUpEvent::getPayload).toList();
  }

  @Test
  void return_then_held_with_exploitation_then_referral_then_consent_then_comensha_request() throws Exception {
    Instant returnedAt = missingAndReturned("2009-01-15");

    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"heldAt":"%s","heldBy":"M. de Vries","independentInterviewer":true,
                 "pushFactors":["conflict on the group"],"pullFactors":["boyfriend"],
                 "stayedWhere":"an address in Almere","stayedWith":"an older man",
                 "exploitationIndicators":["OLDER_PARTNER","GIFTS_OR_MONEY"],
                 "safetyPlan":"daily check-in","crimeWhileMissing":false}
                """.formatted(returnedAt.plus(Duration.ofHours(1)))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.caseId").value(caseId));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<Object> events = followUps();
      assertThat(events).hasAtLeastOneElementOfType(ReturnConversationDue.class)
          .hasAtLeastOneElementOfType(ReturnConversationHeld.class);
      assertThat(events).filteredOn(ReferralTaskCreated.class::isInstance)
          .extracting(e -> ((ReferralTaskCreated) e).getKind())
          .containsExactly(ReferralKind.SPECIALISED_CARE, ReferralKind.COMENSHA_REGISTRATION);
    });
    assertThat(followUps()).noneMatch(ComenshaRegistrationRequested.class::isInstance);

    // a second outcome for the same return
    mvc.perform(post("/api/followup/cases/{c}/declined", caseId).with(worker())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    // the youth is 17: a parent's signature is not valid
    String signedAt = Instant.now().minus(Duration.ofMinutes(5)).toString();
    mvc.perform(post("/api/followup/cases/{c}/consent", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"givenBy\":\"PARENT_OR_GUARDIAN\",\"signedAt\":\"" + signedAt + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("givenBy"));

    mvc.perform(post("/api/followup/cases/{c}/consent", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"givenBy\":\"YOUTH\",\"signedAt\":\"" + signedAt + "\"}"))
        .andExpect(status().isCreated());

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<Object> events = followUps();
      assertThat(events).filteredOn(ConsentRecorded.class::isInstance).singleElement()
          .satisfies(c -> assertThat(((ConsentRecorded) c).getYouthAgeAtConsent()).isGreaterThanOrEqualTo(17));
      assertThat(events).filteredOn(ComenshaRegistrationRequested.class::isInstance).hasSize(1);
    });

    mvc.perform(get("/api/followup/institutions/{i}/worklist", INST).with(as("CARE_COORDINATOR", INST)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.done[*].caseId", hasItem(caseId)));

    mvc.perform(get("/api/followup/cases/{c}/conversation", caseId).with(worker()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.held.stayedWith").value("an older man"));
    List<AccessRecord> audit = read(Topics.FOLLOW_UP_ACCESS_AUDIT,
        r -> r.getResource().equals("cases/" + caseId + "/conversation"));
    assertThat(audit).singleElement().satisfies(r -> {
      assertThat(r.getActor()).isEqualTo("u-follow_up_worker");
      assertThat(r.getYouthId()).isEqualTo(youthId);
      assertThat(r.getFields()).contains("stayedWith", "exploitationIndicators");
    });
  }

  @Test
  void outcomes_are_validated_by_field_and_scoped_to_the_institution() throws Exception {
    Instant returnedAt = missingAndReturned("2012-05-01");
    String held = "{\"heldAt\":\"%s\",\"heldBy\":\"M. de Vries\"}";

    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content(held.formatted(returnedAt.minus(Duration.ofMinutes(1)))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("heldAt"));
    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content(held.formatted(Instant.now().plus(Duration.ofHours(1)))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("heldAt"));
    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"heldAt\":\"" + Instant.now() + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("heldBy"));

    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(as("FOLLOW_UP_WORKER", "inst-anker"))
            .contentType(MediaType.APPLICATION_JSON).content(held.formatted(Instant.now())))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(as("INSTITUTION_STAFF", INST))
            .contentType(MediaType.APPLICATION_JSON).content(held.formatted(Instant.now())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/followup/institutions/{i}/worklist", INST).with(as("POLICE_LIAISON", INST)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/followup/institutions/{i}/worklist", INST).with(as("INSTITUTION_STAFF", "inst-anker")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/followup/cases/{c}", "case-unknown").with(worker()))
        .andExpect(status().isNotFound());

    // under 16: the youth cannot sign
    mvc.perform(post("/api/followup/cases/{c}/consent", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"givenBy\":\"YOUTH\",\"signedAt\":\"" + Instant.now().minusSeconds(60) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("givenBy"));
    mvc.perform(post("/api/followup/cases/{c}/consent/withdrawal", caseId).with(worker())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isConflict());

    mvc.perform(post("/api/followup/cases/{c}/declined", caseId).with(worker())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"does not want to talk\"}"))
        .andExpect(status().isCreated());
    mvc.perform(post("/api/followup/cases/{c}/held", caseId).with(worker()).contentType(MediaType.APPLICATION_JSON)
            .content(held.formatted(Instant.now())))
        .andExpect(status().isConflict());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        mvc.perform(get("/api/followup/cases/{c}", caseId).with(as("INSTITUTION_STAFF", INST)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.conversation.status").value("DONE"))
            .andExpect(jsonPath("$.conversation.outcome").value("DECLINED")));
  }

  private MvcResult consent(String body, String key) throws Exception {
    var request = post("/api/followup/cases/{c}/consent", caseId).with(worker())
        .contentType(MediaType.APPLICATION_JSON).content(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return mvc.perform(request).andReturn();
  }

  @Test
  void two_concurrent_consents_get_one_acceptance_and_one_refusal_with_the_reason() throws Exception {
    missingAndReturned("2008-02-01");
    String body = "{\"givenBy\":\"YOUTH\",\"signedAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<MvcResult> post = () -> consent(body, null);
      List<Future<MvcResult>> answers = pool.invokeAll(List.of(post, post));
      List<Integer> statuses = new ArrayList<>();
      for (Future<MvcResult> answer : answers) {
        statuses.add(answer.get().getResponse().getStatus());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }
    // the verdict is taken at once; the event follows with the topology's next commit
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(read(Topics.FOLLOW_UP_EVENTS, e -> e.getCaseId().equals(caseId)))
            .filteredOn(e -> e.getPayload() instanceof ConsentRecorded).hasSize(1));
  }

  @Test
  void a_retried_command_with_the_same_key_gets_the_same_answer_and_records_once() throws Exception {
    missingAndReturned("2008-02-01");
    String body = "{\"givenBy\":\"YOUTH\",\"signedAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
    String key = "consent-" + UUID.randomUUID();

    MvcResult first = consent(body, key);
    assertThat(first.getResponse().getStatus()).isEqualTo(201);
    MvcResult retry = consent(body, key);
    assertThat(retry.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
    assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));

    // a new key is a new command: refused, consent exists
    assertThat(consent(body, "consent-" + UUID.randomUUID()).getResponse().getStatus()).isEqualTo(409);

    String eventId = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.eventId");
    mvc.perform(get(first.getResponse().getHeader("Location")).with(worker()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.eventId").value(eventId))
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    mvc.perform(get(first.getResponse().getHeader("Location")).with(as("FOLLOW_UP_WORKER", "inst-anker")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/followup/cases/{c}/commands/{e}", caseId, UUID.randomUUID()).with(worker()))
        .andExpect(status().isNotFound());

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(read(Topics.FOLLOW_UP_EVENTS, e -> e.getCaseId().equals(caseId)))
            .filteredOn(e -> e.getPayload() instanceof ConsentRecorded)
            .singleElement()
            .satisfies(e -> assertThat(e.getEventId()).isEqualTo(eventId)));
  }

  @Test
  void an_idempotency_key_longer_than_200_characters_is_refused_by_name() throws Exception {
    missingAndReturned("2008-02-01");
    String body = "{\"givenBy\":\"YOUTH\",\"signedAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
    MvcResult answer = consent(body, "k".repeat(201));
    assertThat(answer.getResponse().getStatus()).isEqualTo(400);
    assertThat(answer.getResponse().getContentAsString()).contains("\"field\":\"Idempotency-Key\"");
    assertThat(read(Topics.FOLLOW_UP_EVENTS, e -> e.getCaseId().equals(caseId)))
        .noneMatch(e -> e.getPayload() instanceof ConsentRecorded);
  }
}
