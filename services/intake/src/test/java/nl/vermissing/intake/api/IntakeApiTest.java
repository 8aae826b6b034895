package nl.vermissing.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.NextStepKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.intake.IntakeApplication;
import nl.vermissing.intake.config.IntakeConfig;
import nl.vermissing.intake.support.MutableClock;
import nl.vermissing.intake.support.TopicIo;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The intake API against the real in-JVM broker and schema registry. */
@SpringBootTest(classes = {IntakeApplication.class, IntakeApiTest.TestClock.class},
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks",
        "intake.pseudonym-key=test-national-key-0123456789"})
@AutoConfigureMockMvc
class IntakeApiTest {

  static final String BSN = "111222333";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
  }

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;
  @Autowired IntakeView view;

  final String inst = "inst-" + TopicIo.id();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  // ------------------------------------------------------------------ helpers

  static RequestPostProcessor as(String role, String tenant) {
    return jwt().jwt(j -> j.subject("user-" + role.toLowerCase()).claim("name", "Test " + role)
        .claim("roles", List.of(role)).claim("tenant", tenant));
  }

  RequestPostProcessor staff() {
    return as("INSTITUTION_STAFF", inst);
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  String profileJson(LocalDate dob, String placement, String extra) {
    return """
        {"givenName":"Sanne","familyName":"de Vries","dateOfBirth":"%s","sex":"FEMALE","bsn":"%s",
         "physicalDescription":"1.60 m, long dark hair","associates":[{"name":"Kevin","relation":"boyfriend",
         "phone":"0612345678","suspectedExploiter":true}],"places":[{"description":"station Lelystad"}],
         "phoneNumbers":["0611111111"],"socialMedia":["@sanne"],"knownRisks":["SEXUAL_EXPLOITATION"],
         "placementType":"%s"%s}
        """.formatted(dob, BSN, placement, extra);
  }

  /** A random number passing the 11-test. */
  static String randomBsn() {
    java.util.Random random = new java.util.Random();
    while (true) {
      int[] d = new int[9];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        d[i] = random.nextInt(10);
        sum += (9 - i) * d[i];
      }
      int check = sum % 11;
      if (check < 10 && sum > 0) {
        d[8] = check;
        StringBuilder b = new StringBuilder();
        for (int x : d) {
          b.append(x);
        }
        return b.toString();
      }
    }
  }

  String createYouth(LocalDate dob, String placement, String extra) throws Exception {
    return createYouth(dob, placement, extra, randomBsn());
  }

  String createYouth(LocalDate dob, String placement, String extra, String bsn) throws Exception {
    String body = mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst),
            profileJson(dob, placement, extra).replace(BSN, bsn))
            .with(staff()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$.youthId");
  }

  String createYouth() throws Exception {
    return createYouth(LocalDate.now().minusYears(15), "OPEN", "", BSN);
  }

  /** The fixture profile without standing risks: no known risks, the associate not marked suspected exploiter. */
  static String withoutStandingRisks(String profileJson) {
    String json = profileJson.replace("\"suspectedExploiter\":true", "\"suspectedExploiter\":false")
        .replace("\"knownRisks\":[\"SEXUAL_EXPLOITATION\"]", "\"knownRisks\":[]");
    assertThat(json).doesNotContain("SEXUAL_EXPLOITATION", "\"suspectedExploiter\":true");
    return json;
  }

  String createYouthWithoutStandingRisks(LocalDate dob, String placement, String extra) throws Exception {
    return createYouthFrom(withoutStandingRisks(profileJson(dob, placement, extra).replace(BSN, randomBsn())));
  }

  String createYouthWithoutStandingRisks() throws Exception {
    return createYouthFrom(withoutStandingRisks(profileJson(LocalDate.now().minusYears(15), "OPEN", "")));
  }

  String createYouthFrom(String profileJson) throws Exception {
    String body = mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst), profileJson).with(staff()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$.youthId");
  }

  ResultActions report(String youthId, Instant t0, String key) throws Exception {
    var request = json(post("/api/intake/institutions/{i}/cases", inst), """
        {"youthId":"%s","lastSeenAt":"%s","lastSeenLocation":"group home, Lelystad","clothing":"red jacket",
         "whereaboutsKnown":false}
        """.formatted(youthId, t0)).with(staff());
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return mvc.perform(request);
  }

  String openCase(String youthId, Instant t0) throws Exception {
    String body = report(youthId, t0, null).andExpect(status().isCreated()).andReturn().getResponse()
        .getContentAsString();
    return JsonPath.read(body, "$.caseId");
  }

  ResultActions onCase(String caseId, String action, String body) throws Exception {
    return mvc.perform(json(post("/api/intake/institutions/{i}/cases/{c}/" + action, inst, caseId), body)
        .with(staff()));
  }

  static List<CaseEvent> eventsOf(String caseId) {
    return TopicIo.readAll(Topics.CASE_EVENTS).stream().map(TopicIo.Read::value)
        .filter(e -> e.getCaseId().equals(caseId)).toList();
  }

  static void problem(ResultActions result, int status, String field) throws Exception {
    result.andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value(field));
  }

  @Test
  void theApiIsDescribedByOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/intake/institutions/{institutionId}/cases/{caseId}/risk-assessments']")
            .exists())
        .andExpect(jsonPath("$.paths['/api/intake/institutions/{institutionId}/youths/{youthId}/photo']").exists());
  }

  // ------------------------------------------------------------------ profiles

  @Test
  void givenAProfile_whenReadBack_thenTheBsnIsOnlyMaskedAndTheReadIsAudited() throws Exception {
    String youthId = createYouth();

    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.bsnMasked").value("*****2333"))
        .andExpect(jsonPath("$.associates[0].suspectedExploiter").value(true))
        .andExpect(content().string(not(containsString(BSN))));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        TopicIo.readAll(Topics.INTAKE_ACCESS_AUDIT).stream().map(TopicIo.Read::value)
            .filter(a -> youthId.equals(a.getYouthId()) && a.getAction().equals("READ_PROFILE")))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getActor()).isEqualTo("user-institution_staff");
          assertThat(a.getTenant()).isEqualTo(inst);
        }));
  }

  @Test
  void anUpdateIsANewVersionAndKeepsTheBsnWhenNotSent() throws Exception {
    String youthId = createYouth();
    String changed = profileJson(LocalDate.now().minusYears(15), "OPEN", ",\"expectedVersion\":1")
        .replace("\"bsn\":\"" + BSN + "\",", "").replace("long dark hair", "short blond hair");
    mvc.perform(json(put("/api/intake/institutions/{i}/youths/{y}", inst, youthId), changed).with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.bsnMasked").value("*****2333"))
        .andExpect(jsonPath("$.physicalDescription").value("1.60 m, short blond hair"));
    // a stale expectedVersion is a conflict
    mvc.perform(json(put("/api/intake/institutions/{i}/youths/{y}", inst, youthId), changed).with(staff()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.existing.version").value(2));

    var versions = TopicIo.readAll(Topics.YOUTH_PROFILES).stream().map(TopicIo.Read::value)
        .filter(v -> v.getYouthId().equals(youthId)).toList();
    assertThat(versions).extracting(v -> v.getVersion()).containsExactly(1, 2);
    assertThat(versions).allSatisfy(v -> assertThat(v.getNationalPseudonym()).hasSize(64).isNotEqualTo(BSN));
  }

  @Test
  void anInvalidBsnIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
    String body = profileJson(LocalDate.now().minusYears(15), "OPEN", "").replace(BSN, "123456789");
    problem(mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst), body).with(staff())), 400, "bsn");
    problem(mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst),
        profileJson(LocalDate.now().minusYears(15), "OPEN", "").replace("\"givenName\":\"Sanne\",", ""))
        .with(staff())), 400, "givenName");
    problem(mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst),
        profileJson(LocalDate.now().plusDays(2), "OPEN", "")).with(staff())), 400, "dateOfBirth");
    mvc.perform(get("/api/intake/institutions/{i}/youths", inst).with(staff()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void aPhotoIsCheckedByItsContentAndItsReadIsAudited() throws Exception {
    String youthId = createYouth();
    String url = "/api/intake/institutions/{i}/youths/{y}/photo";
    // declared JPEG, actually PNG: the content decides
    mvc.perform(put(url, inst, youthId).contentType(MediaType.IMAGE_JPEG).content(PNG).with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hasPhoto").value(true))
        .andExpect(jsonPath("$.photoContentType").value("image/png"));
    mvc.perform(get(url, inst, youthId).with(staff()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(content().bytes(PNG));

    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    problem(mvc.perform(put(url, inst, youthId).contentType(MediaType.IMAGE_PNG).content(html).with(staff())),
        400, "photo");
    byte[] big = new byte[2 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    problem(mvc.perform(put(url, inst, youthId).contentType(MediaType.IMAGE_PNG).content(big).with(staff())),
        400, "photo");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        TopicIo.readAll(Topics.INTAKE_ACCESS_AUDIT).stream().map(TopicIo.Read::value)
            .filter(a -> youthId.equals(a.getYouthId()) && a.getAction().equals("READ_PHOTO"))).hasSize(1));
  }

  @Test
  void aTransferMovesTheProfileButNotWhileTheYouthIsMissing() throws Exception {
    String youthId = createYouth();
    String caseId = openCase(youthId, Instant.now().minus(1, ChronoUnit.HOURS));
    String target = "inst-" + TopicIo.id();
    var transfer = json(post("/api/intake/institutions/{i}/youths/{y}/transfer", inst, youthId),
        "{\"toInstitutionId\":\"" + target + "\"}");
    mvc.perform(transfer.with(staff())).andExpect(status().isConflict())
        .andExpect(jsonPath("$.existing.caseId").value(caseId));

    onCase(caseId, "return", "{\"foundBy\":\"RETURNED_SELF\"}").andExpect(status().isOk());
    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/transfer", inst, youthId),
            "{\"toInstitutionId\":\"" + target + "\"}").with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.institutionId").value(target))
        .andExpect(jsonPath("$.transferredFrom").value(inst))
        .andExpect(jsonPath("$.version").value(2));
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(staff()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", target, youthId)
            .with(as("INSTITUTION_STAFF", target)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.bsnMasked").value("*****2333"))
        .andExpect(jsonPath("$.associates[0].name").value("Kevin"));
  }

  // ------------------------------------------------------------------ cases

  @Test
  void theLifeOfACase() throws Exception {
    String youthId = createYouthWithoutStandingRisks();
    Instant t0 = clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    problem(report(youthId, clock.instant().plus(1, ChronoUnit.HOURS), null), 400, "lastSeenAt");

    String body = report(youthId, t0, null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.youth.givenName").value("Sanne"))
        .andExpect(jsonPath("$.youth.ageAtT0").value(15))
        .andExpect(jsonPath("$.timeline.length()").value(1))
        .andReturn().getResponse().getContentAsString();
    String caseId = JsonPath.read(body, "$.caseId");

    // a second absence for a youth already missing: 409 with the open case
    report(youthId, t0, null).andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.existing.caseId").value(caseId));

    onCase(caseId, "local-actions", "{\"action\":\"CALLED_YOUTH\",\"outcome\":\"no answer\"}")
        .andExpect(status().isOk());
    onCase(caseId, "risk-assessments", "{\"indicators\":[],\"level\":\"ORANGE\",\"rationale\":\"worried\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.level").value("ORANGE"))
        .andExpect(jsonPath("$.risk.requiredMinimum").value("GREEN"));
    problem(onCase(caseId, "risk-assessments", "{\"indicators\":[\"SUICIDAL_INTENT\"],\"level\":\"ORANGE\"}"),
        400, "level");
    problem(onCase(caseId, "risk-assessments", "{\"level\":\"GREEN\"}"), 400, "downgradeReason");
    onCase(caseId, "risk-assessments", "{\"level\":\"GREEN\",\"downgradeReason\":\"she called, is with her aunt\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.level").value("GREEN"))
        .andExpect(jsonPath("$.risk.rationale").value(containsString("Lowered from ORANGE to GREEN")));
    onCase(caseId, "information", "{\"kind\":\"SIGHTING\",\"description\":\"seen at the station\"}")
        .andExpect(status().isOk());
    problem(onCase(caseId, "information", "{\"kind\":\"SIGHTING\",\"description\":\"x\",\"observedAt\":\""
        + clock.instant().plus(1, ChronoUnit.DAYS) + "\"}"), 400, "observedAt");
    onCase(caseId, "missing-report", "{\"note\":\"reported at desk\"}").andExpect(status().isOk())
        .andExpect(jsonPath("$.missingReportedAt").exists());
    onCase(caseId, "missing-report", "{}").andExpect(status().isConflict());
    problem(onCase(caseId, "return", "{\"foundBy\":\"INSTITUTION\",\"returnedAt\":\"" + t0.minusSeconds(60) + "\"}"),
        400, "returnedAt");
    onCase(caseId, "return", "{\"foundBy\":\"INSTITUTION\",\"location\":\"station\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RETURNED"))
        .andExpect(jsonPath("$.open").value(false))
        .andExpect(jsonPath("$.returned.foundBy").value("INSTITUTION"));
    // impossible transitions on a closed case
    onCase(caseId, "return", "{\"foundBy\":\"INSTITUTION\"}").andExpect(status().isConflict())
        .andExpect(jsonPath("$.existing.status").value("RETURNED"));
    onCase(caseId, "cancel", "{\"reason\":\"oops\"}").andExpect(status().isConflict());

    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeline.length()").value(7))
        .andExpect(jsonPath("$.timeline[0].kind").value("AbsenceReported"))
        // the language-neutral details beside the English summary: instants as ISO text, enums as names
        .andExpect(jsonPath("$.timeline[0].details.lastSeenAt").value(t0.truncatedTo(ChronoUnit.MILLIS).toString()))
        .andExpect(jsonPath("$.timeline[0].details.location").value("group home, Lelystad"))
        .andExpect(jsonPath("$.timeline[0].details.whereaboutsKnown").value(false))
        .andExpect(jsonPath("$.timeline[1].details.action").value("CALLED_YOUTH"))
        .andExpect(jsonPath("$.timeline[1].details.outcome").value("no answer"))
        .andExpect(jsonPath("$.timeline[2].details.level").value("ORANGE"))
        .andExpect(jsonPath("$.timeline[2].details.indicators").isArray())
        .andExpect(jsonPath("$.timeline[4].details.infoKind").value("SIGHTING"))
        .andExpect(jsonPath("$.timeline[4].details").value(hasKey("location")))
        .andExpect(jsonPath("$.timeline[4].details.location").doesNotExist())
        .andExpect(jsonPath("$.timeline[6].details.foundBy").value("INSTITUTION"))
        .andExpect(jsonPath("$.timeline[6].summary").value(containsString("found by INSTITUTION")));

    List<CaseEvent> events = eventsOf(caseId);
    assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName()).containsExactly(
        "AbsenceReported", "LocalActionRecorded", "RiskAssessed", "RiskAssessed", "InformationAdded",
        "MissingReported", "YouthReturned");
    assertThat(events.get(0).getInstitutionId()).isEqualTo(inst);
    // the BSN never travels in case events: only the national pseudonym
    assertThat(TopicIo.readAll(Topics.CASE_EVENTS).stream().filter(r -> r.key().equals(caseId)))
        .allSatisfy(r -> assertThat(new String(r.raw(), StandardCharsets.ISO_8859_1)).doesNotContain(BSN));
    assertThat(((nl.vermissing.events.AbsenceReported) events.get(0).getPayload()).getYouth().getNationalPseudonym())
        .hasSize(64);

    // a new absence after the return is a new case
    String second = openCase(youthId, clock.instant().minusSeconds(60));
    assertThat(second).isNotEqualTo(caseId);
    mvc.perform(get("/api/intake/institutions/{i}/cases?status=open", inst).with(staff()))
        .andExpect(jsonPath("$[*].caseId").value(hasItem(second)))
        .andExpect(jsonPath("$.length()").value(1));
    mvc.perform(get("/api/intake/institutions/{i}/cases?status=closed", inst).with(staff()))
        .andExpect(jsonPath("$[0].caseId").value(caseId))
        .andExpect(jsonPath("$.length()").value(1));
    onCase(second, "cancel", "{\"reason\":\"wrong youth selected\"}").andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"))
        .andExpect(jsonPath("$.cancelReason").value("wrong youth selected"));
  }

  @Test
  void riskRulesFollowAgeAndPlacementAndTheClock() throws Exception {
    // under 13 at t0: UNDER_13 added, RED required
    String child = createYouthWithoutStandingRisks(LocalDate.now().minusYears(12), "OPEN", "");
    String c1 = openCase(child, clock.instant().minusSeconds(600));
    problem(onCase(c1, "risk-assessments", "{\"level\":\"GREEN\"}"), 400, "level");
    onCase(c1, "risk-assessments", "{}").andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.indicators[0]").value("UNDER_13"));

    // closed placement with a court title: always RED, until the title has expired
    LocalDate until = LocalDate.now().plusDays(10);
    String closed = createYouthWithoutStandingRisks(LocalDate.now().minusYears(16), "CLOSED",
        ",\"legalTitle\":{\"kind\":\"MACHTIGING_GESLOTEN_JEUGDHULP\",\"validUntil\":\"" + until + "\"}");
    String c2 = openCase(closed, clock.instant().minusSeconds(600));
    onCase(c2, "risk-assessments", "{}").andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.requiredMinimum").value("RED"));
    clock.advance(Duration.ofDays(12));
    onCase(c2, "risk-assessments", "{\"level\":\"ORANGE\",\"downgradeReason\":\"title expired\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.requiredMinimum").value("GREEN"))
        .andExpect(jsonPath("$.risk.level").value("ORANGE"));
  }

  @Test
  void givenStandingRisksInTheProfile_whenTheAbsenceIsReported_thenTheSystemRecordsRedAtOnceAndStaffCannotGoLower()
      throws Exception {
    // Given a youth whose profile records known sexual exploitation and an associate marked suspected exploiter
    String youthId = createYouth(LocalDate.now().minusYears(15), "OPEN", "", randomBsn());
    String key = TopicIo.id();

    // When staff report the absence (and the client retries with the same key)
    String body = report(youthId, clock.instant().minusSeconds(900), key)
        .andExpect(status().isCreated())
        // Then the case is red at once, with the derived indicators and why
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.requiredMinimum").value("RED"))
        .andExpect(jsonPath("$.risk.indicators").value(
            containsInAnyOrder("SEXUAL_EXPLOITATION", "WITH_CRIMINALS_OR_EXPLOITER")))
        .andExpect(jsonPath("$.risk.rationale").value(startsWith("standing risk in the profile: ")))
        .andExpect(jsonPath("$.risk.rationale").value(containsString("known risk SEXUAL_EXPLOITATION")))
        .andExpect(jsonPath("$.risk.rationale").value(containsString("suspected exploiter")))
        .andExpect(jsonPath("$.timeline.length()").value(2))
        .andExpect(jsonPath("$.timeline[1].kind").value("RiskAssessed"))
        .andExpect(jsonPath("$.timeline[1].by").value("system"))
        .andReturn().getResponse().getContentAsString();
    String caseId = JsonPath.read(body, "$.caseId");
    // the rationale names the standing risks, not the associate
    assertThat((String) JsonPath.read(body, "$.risk.rationale")).doesNotContain("Kevin");
    report(youthId, clock.instant().minusSeconds(900), key).andExpect(status().isCreated())
        .andExpect(jsonPath("$.caseId").value(caseId))
        .andExpect(jsonPath("$.timeline.length()").value(2));
    List<CaseEvent> events = eventsOf(caseId);
    assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName())
        .containsExactly("AbsenceReported", "RiskAssessed");
    assertThat(events.get(1).getRecordedBy()).isEqualTo("system");
    assertThat(((RiskAssessed) events.get(1).getPayload()).getIndicators())
        .containsExactlyInAnyOrder(RiskIndicator.SEXUAL_EXPLOITATION, RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER);

    // and staff can never record a lower level, not even with a reason
    problem(onCase(caseId, "risk-assessments", "{\"level\":\"ORANGE\",\"downgradeReason\":\"she called\"}"),
        400, "level");
    problem(onCase(caseId, "risk-assessments", "{\"level\":\"GREEN\",\"downgradeReason\":\"she called\"}"),
        400, "level");
    // and a staff assessment lists the standing indicators beside their own
    onCase(caseId, "risk-assessments", "{\"indicators\":[\"OUT_OF_CHARACTER\"]}").andExpect(status().isOk())
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.indicators").value(containsInAnyOrder("OUT_OF_CHARACTER",
            "SEXUAL_EXPLOITATION", "WITH_CRIMINALS_OR_EXPLOITER")));
  }

  @Test
  void aKnownSuicideOrDangerRiskAloneMakesTheAbsenceRed_andAYouthWithoutStandingRisksWaitsForStaff()
      throws Exception {
    String suicide = createYouthFrom(withoutStandingRisks(
        profileJson(LocalDate.now().minusYears(16), "OPEN", "").replace(BSN, randomBsn()))
        .replace("\"knownRisks\":[]", "\"knownRisks\":[\"SUICIDE\",\"SUBSTANCE_USE\"]"));
    report(suicide, clock.instant().minusSeconds(300), null).andExpect(status().isCreated())
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.indicators").value(containsInAnyOrder("SUICIDAL_INTENT")));

    String danger = createYouthFrom(withoutStandingRisks(
        profileJson(LocalDate.now().minusYears(16), "OPEN", "").replace(BSN, randomBsn()))
        .replace("\"knownRisks\":[]", "\"knownRisks\":[\"DANGER_TO_OTHERS\"]"));
    report(danger, clock.instant().minusSeconds(300), null).andExpect(status().isCreated())
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.indicators").value(containsInAnyOrder("DANGER_TO_OTHERS")));

    String none = createYouthWithoutStandingRisks(LocalDate.now().minusYears(16), "OPEN", "");
    String caseId = JsonPath.read(report(none, clock.instant().minusSeconds(300), null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.risk").doesNotExist())
        .andExpect(jsonPath("$.timeline.length()").value(1))
        .andReturn().getResponse().getContentAsString(), "$.caseId");
    assertThat(eventsOf(caseId)).hasSize(1);
  }

  @Test
  void aRetryCompletesTheSystemsRiskAssessmentWhenTheFirstAttemptStoppedAfterTheAbsence() throws Exception {
    // Given an absence in the log, written by a first attempt that stopped before the system's assessment
    String youthId = createYouth(LocalDate.now().minusYears(15), "OPEN", "", randomBsn());
    String key = TopicIo.id();
    String eventId = nl.vermissing.intake.command.Idempotency.eventId(inst, "report-absence", key);
    String caseId = java.util.UUID.nameUUIDFromBytes(("case|" + eventId).getBytes(StandardCharsets.UTF_8))
        .toString();
    Instant t0 = clock.instant().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
    YouthSnapshot youth = YouthSnapshot.newBuilder().setNationalPseudonym("p-" + youthId).setProfileVersion(1)
        .setGivenName("Sanne").setFamilyName("de Vries")
        .setDateOfBirth(LocalDate.now().minusYears(15).toString()).setSex(Sex.FEMALE)
        .setKnownRisks(List.of(KnownRisk.SEXUAL_EXPLOITATION)).setPlacementType(PlacementType.OPEN).build();
    TopicIo.write(Topics.CASE_EVENTS, caseId, CaseEvent.newBuilder().setEventId(eventId).setCaseId(caseId)
        .setYouthId(youthId).setInstitutionId(inst).setOccurredAt(t0).setRecordedAt(clock.instant())
        .setRecordedBy("user-institution_staff")
        .setPayload(AbsenceReported.newBuilder().setLastSeenAt(t0).setWhereaboutsKnown(false)
            .setReportedBy("Test INSTITUTION_STAFF").setYouth(youth).build())
        .build());
    await().atMost(Duration.ofSeconds(10)).until(() -> view.caseFile(caseId).isPresent());

    // When the client retries with the same key
    report(youthId, t0, key).andExpect(status().isCreated())
        // Then it gets the same case, now red, and the assessment is written once
        .andExpect(jsonPath("$.caseId").value(caseId))
        .andExpect(jsonPath("$.risk.level").value("RED"))
        .andExpect(jsonPath("$.risk.indicators").value(containsInAnyOrder("SEXUAL_EXPLOITATION")));
    report(youthId, t0, key).andExpect(status().isCreated()).andExpect(jsonPath("$.timeline.length()").value(2));
    assertThat(eventsOf(caseId)).extracting(e -> e.getPayload().getClass().getSimpleName())
        .containsExactly("AbsenceReported", "RiskAssessed");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGivesTheSameAnswerAndOneEvent() throws Exception {
    String youthId = createYouthWithoutStandingRisks();
    Instant t0 = clock.instant().minusSeconds(900);
    String key = TopicIo.id();
    String first = JsonPath.read(report(youthId, t0, key).andExpect(status().isCreated()).andReturn()
        .getResponse().getContentAsString(), "$.caseId");
    String again = JsonPath.read(report(youthId, t0, key).andExpect(status().isCreated()).andReturn()
        .getResponse().getContentAsString(), "$.caseId");
    assertThat(again).isEqualTo(first);

    String actionKey = TopicIo.id();
    for (int i = 0; i < 2; i++) {
      mvc.perform(json(post("/api/intake/institutions/{i}/cases/{c}/local-actions", inst, first),
              "{\"action\":\"CALLED_FRIENDS\"}").header("Idempotency-Key", actionKey).with(staff()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.timeline.length()").value(2));
    }
    assertThat(eventsOf(first)).extracting(e -> e.getPayload().getClass().getSimpleName())
        .containsExactly("AbsenceReported", "LocalActionRecorded");

    String profileKey = TopicIo.id();
    String[] ids = new String[2];
    for (int i = 0; i < 2; i++) {
      ids[i] = JsonPath.read(mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst),
              profileJson(LocalDate.now().minusYears(14), "OPEN", "").replace(BSN, "123456782"))
              .header("Idempotency-Key", profileKey).with(staff()))
          .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.youthId");
    }
    assertThat(ids[1]).isEqualTo(ids[0]);
    assertThat(TopicIo.readAll(Topics.YOUTH_PROFILES).stream().filter(r -> r.key().equals(ids[0]))).hasSize(1);
  }

  @Test
  void onlyTheInstitutionsOwnPeopleGetIn() throws Exception {
    String youthId = createYouthWithoutStandingRisks();
    String caseId = openCase(youthId, clock.instant().minusSeconds(300));
    RequestPostProcessor otherStaff = as("INSTITUTION_STAFF", "inst-other");
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(otherStaff))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(otherStaff))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/intake/institutions/{i}/cases", inst),
            "{\"youthId\":\"" + youthId + "\",\"lastSeenAt\":\"" + clock.instant() + "\"}").with(otherStaff))
        .andExpect(status().isForbidden());
    // another institution's own path does not reveal this case
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", "inst-other", caseId).with(otherStaff))
        .andExpect(status().isNotFound());

    RequestPostProcessor followUp = as("FOLLOW_UP_WORKER", inst);
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(followUp))
        .andExpect(status().isOk());
    mvc.perform(get("/api/intake/institutions/{i}/cases", inst).with(as("CARE_COORDINATOR", inst)))
        .andExpect(status().isOk());
    mvc.perform(json(post("/api/intake/institutions/{i}/cases/{c}/return", inst, caseId),
        "{\"foundBy\":\"POLICE\"}").with(followUp)).andExpect(status().isForbidden());
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(followUp))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(as("POLICE_LIAISON", inst)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId)).andExpect(status().isUnauthorized());
    assertThat(eventsOf(caseId)).hasSize(1);
  }

  @Test
  void policeResponsesAndNextStepsFlowIntoTheCase() throws Exception {
    String youthId = createYouth();
    Instant t0 = clock.instant().minusSeconds(3600);
    String caseId = openCase(youthId, t0);

    Instant deadline = clock.instant().plusSeconds(900).truncatedTo(ChronoUnit.MILLIS);
    TopicIo.write(Topics.NEXT_STEPS, caseId, RequiredNextStep.newBuilder().setCaseId(caseId).setInstitutionId(inst)
        .setStep(NextStepKind.LOCAL_ACTIONS_AND_RISK_ASSESSMENT).setDescriptionNl("Voer lokale acties uit")
        .setDescriptionEn("Carry out local actions and assess the risk").setDeadline(deadline)
        .setRiskLevel(RiskLevel.GREEN).setAgreementId("flevoland").setAgreementVersion(1)
        .setDecidedAt(clock.instant()).build());
    TopicIo.write(Topics.POLICE_RESPONSES, caseId, response(caseId, youthId, new InformationRequested("Has she got a phone?")));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(staff()))
            .andExpect(jsonPath("$.nextStep.step").value("LOCAL_ACTIONS_AND_RISK_ASSESSMENT"))
            .andExpect(jsonPath("$.nextStep.deadline").value(deadline.toString()))
            .andExpect(jsonPath("$.policeQuestions[0]").value("Has she got a phone?"))
            .andExpect(jsonPath("$.timeline[*].summary").value(hasItem("Police ask: Has she got a phone?")))
            .andExpect(jsonPath("$.timeline[?(@.kind == 'InformationRequested')].details.question")
                .value(hasItem("Has she got a phone?"))));

    // two found reports (e.g. two officers): the case is returned once
    FoundReported found = FoundReported.newBuilder().setFoundAt(clock.instant().minusSeconds(60))
        .setLocation("Amsterdam Centraal").setCircumstances("with an adult man").build();
    TopicIo.write(Topics.POLICE_RESPONSES, caseId, response(caseId, youthId, found));
    TopicIo.write(Topics.POLICE_RESPONSES, caseId, response(caseId, youthId, found));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(staff()))
            .andExpect(jsonPath("$.status").value("RETURNED"))
            .andExpect(jsonPath("$.returned.foundBy").value("POLICE"))
            .andExpect(jsonPath("$.returned.location").value("Amsterdam Centraal")));
    // the listener has handled both found reports once it has committed past them
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(TopicIo.groupLag(IntakeConfig.POLICE_RESPONSES_GROUP, Topics.POLICE_RESPONSES)).isZero());
    assertThat(eventsOf(caseId).stream().filter(e -> e.getPayload() instanceof YouthReturned)).hasSize(1);
    onCase(caseId, "return", "{\"foundBy\":\"INSTITUTION\"}").andExpect(status().isConflict());
  }

  static PoliceResponse response(String caseId, String youthId, Object payload) {
    return PoliceResponse.newBuilder().setResponseId(TopicIo.id()).setCaseId(caseId).setYouthId(youthId)
        .setPoliceUnit("pu-midden-nederland").setRespondedBy("agent-7").setRespondedAt(Instant.now())
        .setPayload(payload).build();
  }

  @Test
  void aSecondInstanceRebuildsTheSameViewFromTheTopics() throws Exception {
    String youthId = createYouth();
    String caseId = openCase(youthId, clock.instant().minusSeconds(1200));
    onCase(caseId, "risk-assessments", "{\"indicators\":[\"OUT_OF_CHARACTER\"]}").andExpect(status().isOk());
    var expectedCase = view.caseView(caseId).orElseThrow();
    var expectedProfile = view.profileView(youthId).orElseThrow();

    TestKafka kafka = TestKafka.get();
    try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IntakeApplication.class)
        .web(WebApplicationType.NONE)
        .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
            "--vermissing.schema-registry-url=" + kafka.registryUrl(),
            "--vermissing.data-dir=" + kafka.newStateDir(),
            "--vermissing.encryption.key-dir=" + kafka.keyDir(),
            "--vermissing.encryption.master-key-file=" + kafka.masterKeyFile(),
            "--intake.pseudonym-key=test-national-key-0123456789",
            "--intake.police-responses.auto-startup=false",
            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks")) {
      IntakeView rebuilt = second.getBean(IntakeView.class);
      assertThat(rebuilt.awaitReady(Duration.ofSeconds(30))).isTrue();
      assertThat(rebuilt.caseView(caseId)).contains(expectedCase);
      assertThat(rebuilt.profileView(youthId)).contains(expectedProfile);
    }
  }

  @Test
  void erasingAYouthShredsTheirPersonalDataInTheLogAndTheViews() throws Exception {
    String youthId = createYouth(LocalDate.now().minusYears(15), "OPEN", "", randomBsn());
    String caseId = openCase(youthId, clock.instant().minusSeconds(1800));
    onCase(caseId, "cancel", "{\"reason\":\"reported by mistake\"}").andExpect(status().isOk());
    assertThat(eventsOf(caseId).get(0).toString()).contains("red jacket");

    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/erasure", inst, youthId),
        "{\"reason\":\"retention period passed\"}").with(staff())).andExpect(status().isNoContent());

    // the log keeps the facts, but every personal value is sealed with a key that no longer exists
    CaseEvent absence = eventsOf(caseId).get(0);
    assertThat(absence.toString()).doesNotContain("red jacket", "Sanne", "Lelystad", "Kevin", "0612345678");
    assertThat(((AbsenceReported) absence.getPayload()).getYouth().getGivenName()).isEqualTo("[gewist]");
    assertThat(absence.getCaseId()).isEqualTo(caseId);
    // and the service's own view forgot them at once
    String detail = mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, caseId).with(staff()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(detail).doesNotContain("red jacket", "Sanne", "Lelystad", "Kevin");
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(staff()))
        .andExpect(status().isNotFound());
  }

  @Test
  void erasingOneYouthLeavesThePoliceResponsesAboutOtherYouthsReadable() throws Exception {
    // Given two youths, each with a case that police asked about and reported a sighting for
    String erased = createYouthWithoutStandingRisks(LocalDate.now().minusYears(15), "OPEN", "");
    String kept = createYouthWithoutStandingRisks(LocalDate.now().minusYears(14), "OPEN", "");
    String erasedCase = openCase(erased, clock.instant().minusSeconds(1800));
    String keptCase = openCase(kept, clock.instant().minusSeconds(1800));
    TopicIo.write(Topics.POLICE_RESPONSES, erasedCase,
        response(erasedCase, erased, new InformationRequested("Does Anna have a bicycle?")));
    TopicIo.write(Topics.POLICE_RESPONSES, erasedCase, response(erasedCase, erased, SightingReported.newBuilder()
        .setSeenAt(clock.instant().minusSeconds(600)).setLocation("Almere Buiten").setDescription("on a bicycle")
        .build()));
    TopicIo.write(Topics.POLICE_RESPONSES, keptCase,
        response(keptCase, kept, new InformationRequested("Has Bo got a phone?")));
    TopicIo.write(Topics.POLICE_RESPONSES, keptCase, response(keptCase, kept, SightingReported.newBuilder()
        .setSeenAt(clock.instant().minusSeconds(600)).setLocation("Utrecht Centraal").setDescription("with two men")
        .build()));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(view.caseView(erasedCase).orElseThrow().timeline()).hasSize(3);
      assertThat(view.caseView(keptCase).orElseThrow().timeline()).hasSize(3);
    });
    onCase(erasedCase, "cancel", "{\"reason\":\"reported by mistake\"}").andExpect(status().isOk());

    // When one of them is erased
    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/erasure", inst, erased),
        "{\"reason\":\"retention period passed\"}").with(staff())).andExpect(status().isNoContent());

    // Then the other youth's police question and sighting are still readable
    mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, keptCase).with(staff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.policeQuestions[0]").value("Has Bo got a phone?"))
        .andExpect(jsonPath("$.timeline[*].summary")
            .value(hasItem("Police report a sighting at Utrecht Centraal: with two men")))
        .andExpect(jsonPath("$.timeline[?(@.kind == 'SightingReported')].details.location")
            .value(hasItem("Utrecht Centraal")));
    // and only the erased youth's responses are blanked
    String erasedDetail = mvc.perform(get("/api/intake/institutions/{i}/cases/{c}", inst, erasedCase).with(staff()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(erasedDetail).doesNotContain("Anna", "bicycle", "Almere Buiten");
  }

  @Test
  void aSecondProfileWithTheSameBsnInTheInstitutionIsRefusedWithTheExistingOne() throws Exception {
    LocalDate dob = LocalDate.now().minusYears(15);
    String bsn = randomBsn();
    String first = createYouth(dob, "OPEN", "", bsn);
    mvc.perform(json(post("/api/intake/institutions/{i}/youths", inst), profileJson(dob, "OPEN", "").replace(BSN, bsn))
            .with(staff()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.existing.youthId").value(first));
    // changing another profile to that BSN is refused as well
    String second = createYouth(dob, "OPEN", "", randomBsn());
    mvc.perform(json(put("/api/intake/institutions/{i}/youths/{y}", inst, second),
            profileJson(dob, "OPEN", "").replace(BSN, bsn)).with(staff()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.existing.youthId").value(first));
    // once the first youth is erased, the BSN may be used again
    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/erasure", inst, first),
        "{\"reason\":\"left care\"}").with(staff())).andExpect(status().isNoContent());
    mvc.perform(json(put("/api/intake/institutions/{i}/youths/{y}", inst, second),
            profileJson(dob, "OPEN", "").replace(BSN, bsn)).with(staff()))
        .andExpect(status().isOk());
  }

  @Test
  void aMissingYouthCannotBeErased() throws Exception {
    String youthId = createYouth(LocalDate.now().minusYears(15), "OPEN", "", randomBsn());
    openCase(youthId, clock.instant().minusSeconds(600));
    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/erasure", inst, youthId),
        "{\"reason\":\"x\"}").with(staff())).andExpect(status().isConflict());
    mvc.perform(json(post("/api/intake/institutions/{i}/youths/{y}/erasure", inst, youthId),
        "{\"reason\":\"\"}").with(staff())).andExpect(status().isBadRequest());
  }

  @Autowired nl.vermissing.intake.command.RetentionJob retention;

  @Test
  void youthsInactiveForTheRetentionPeriodAreErasedAutomatically() throws Exception {
    String youthId = createYouth(LocalDate.now().minusYears(15), "OPEN", "", randomBsn());
    String caseId = openCase(youthId, clock.instant().minusSeconds(1800));
    onCase(caseId, "cancel", "{\"reason\":\"reported by mistake\"}").andExpect(status().isOk());
    assertThat(retention.run()).doesNotContain(youthId);

    clock.advance(Duration.ofDays(731));

    assertThat(retention.run()).contains(youthId);
    mvc.perform(get("/api/intake/institutions/{i}/youths/{y}", inst, youthId).with(staff()))
        .andExpect(status().isNotFound());
    assertThat(eventsOf(caseId).get(0).toString()).doesNotContain("red jacket", "Sanne");
  }
}
