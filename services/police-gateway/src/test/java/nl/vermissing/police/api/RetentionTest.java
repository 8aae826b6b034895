package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.testing.TestKafka;
import nl.vermissing.police.PoliceGatewayTestBase;
import nl.vermissing.police.SseClient;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CapDocumentTest;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import nl.vermissing.police.stream.PoliceResponses;
import nl.vermissing.police.stream.PoliceView;
import nl.vermissing.police.stream.PoliceViewLoader;
import nl.vermissing.police.stream.RetentionScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given a cancelled alert, police see its personal data (detail, photo, CAP) for the retention period after the
 * cancel (here {@code vermissing.police.retention-after-cancel=PT6H}, time moved by the test clock), and no longer
 * after it; the list and the feed still show the case as cancelled, the removal is audited once, an active alert is
 * never affected, and a view rebuilt from the topics keeps the data removed.
 */
class RetentionTest extends PoliceGatewayTestBase {

  static final Duration WAIT = Duration.ofSeconds(10);
  final JsonMapper json = JsonMapper.builder().build();

  @Autowired
  RetentionScheduler retention;

  @Autowired
  PoliceResponses responses;

  @Autowired
  PoliceGatewayProperties properties;

  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  static boolean holdsPersonalData(CaseAlert alert) {
    return alert.messages().stream().anyMatch(m -> !DisclosedData.personalFieldsSet(m.getData()).isEmpty());
  }

  List<AccessRecord> auditOf(String youthId, String action) {
    return readAll(Topics.POLICE_ACCESS_AUDIT).stream()
        .filter(a -> youthId.equals(a.getYouthId()) && action.equals(a.getAction())).toList();
  }

  HttpResponse<byte[]> photo(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path + "/photo")).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A red missing report cancelled a minute later, read into the view. */
  PoliceAlert cancelledAlert(String unit) throws Exception {
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    produce(TestAlerts.cancel(alert, CLOCK.instant().plusSeconds(60)));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(CaseAlert::cancelled).orElse(false));
    return alert;
  }

  @Test
  void aCancelledAlertShowsPersonalDataWithinThePeriodAndNoLongerAfterIt() throws Exception {
    // Given a unit's cancelled missing report, and the feed position before it
    String unit = newUnit();
    String token = liaison(unit);
    String before = json.readTree(get("/api/police/units/" + unit + "/alerts", token).body())
        .get("feedPosition").asString();
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());
    String base = "/api/police/units/" + unit + "/alerts/" + alert.getCaseId();
    String cap = "/api/police/units/" + unit + "/alerts/" + alert.getIdentifier() + "/cap";
    assertThat(post(base + "/information-requests", token, "{\"question\":\"Heeft Sanne haar telefoon bij zich?\"}")
        .statusCode()).isEqualTo(201);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> c.informationRequests().size() == 1)
        .orElse(false));
    produce(TestAlerts.cancel(alert, CLOCK.instant().plusSeconds(60)));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(CaseAlert::cancelled).orElse(false));

    // When the period has almost passed, Then detail, photo and CAP still carry the personal data
    CLOCK.advance(properties.retentionAfterCancel().minusMinutes(1));
    retention.checkNow();
    assertThat(holdsPersonalData(view.caseById(alert.getCaseId()).orElseThrow())).isTrue();
    HttpResponse<String> detail = get(base, token);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Sanne").contains("station Lelystad").contains("/photo")
        .contains("telefoon bij zich");
    assertThat(photo(base, token).statusCode()).isEqualTo(200);
    HttpResponse<String> capBefore = get(cap, token);
    assertThat(capBefore.body()).contains("Sanne").contains("<resource>");
    assertThat(auditOf(alert.getYouthId(), RetentionScheduler.ACTION)).isEmpty();
    assertThat(auditOf(alert.getYouthId(), "read-alert-detail")).hasSize(1);

    // When it has passed
    CLOCK.advance(Duration.ofMinutes(2));

    // Then the detail answers with the non-personal facts only, and says since when (not audited: nothing personal)
    HttpResponse<String> after = get(base, token);
    assertThat(after.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(after.body());
    assertThat(body.get("personalData").isEmpty()).isTrue();
    assertThat(absent(body.get("photoUrl"))).isTrue();
    assertThat(body.get("summary").get("cancelled").asBoolean()).isTrue();
    assertThat(body.get("summary").get("data").get("riskLevel").asString()).isEqualTo("RED");
    assertThat(absent(body.get("summary").get("personalDataRemovedAt"))).isFalse();
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.get("informationRequestsAsked").get(0).get("askedBy").asString()).isEqualTo("liaison-" + unit);
    assertThat(after.body()).doesNotContain("Sanne").doesNotContain("station Lelystad").doesNotContain("Kevin")
        .doesNotContain("telefoon").doesNotContain("gewist");
    // the photo is gone
    HttpResponse<byte[]> gone = photo(base, token);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(new String(gone.body())).contains("removed");
    // the CAP document is still valid, with the non-personal fields only
    HttpResponse<String> capAfter = get(cap, token);
    assertThat(capAfter.statusCode()).isEqualTo(200);
    CapDocumentTest.assertValidCap(capAfter.body());
    assertThat(capAfter.body()).contains(alert.getCaseId()).contains("<valueName>riskLevel</valueName>")
        .doesNotContain("Sanne").doesNotContain("Kevin").doesNotContain("<resource>").doesNotContain("gewist");
    assertThat(auditOf(alert.getYouthId(), "read-alert-detail")).hasSize(1);
    assertThat(auditOf(alert.getYouthId(), "read-cap")).hasSize(1);
    // another unit still learns nothing of the case
    String other = newUnit();
    assertThat(get("/api/police/units/" + other + "/alerts/" + alert.getCaseId() + "/photo", liaison(other))
        .statusCode()).isEqualTo(404);

    // and the view itself drops it, recorded once in the access audit by the gateway
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> !holdsPersonalData(c)).orElse(false));
    await().atMost(WAIT).until(() -> auditOf(alert.getYouthId(), RetentionScheduler.ACTION).size() == 1);
    CLOCK.advance(Duration.ofDays(1));
    retention.checkNow();
    List<AccessRecord> audit = auditOf(alert.getYouthId(), RetentionScheduler.ACTION);
    assertThat(audit).hasSize(1);
    AccessRecord removal = audit.get(0);
    assertThat(removal.getActor()).isEqualTo("police-gateway");
    assertThat(removal.getActorRole()).isEqualTo("SYSTEM");
    assertThat(removal.getTenant()).isEqualTo(unit);
    assertThat(removal.getResource()).isEqualTo("police-alert/" + alert.getCaseId());
    assertThat(removal.getFields()).contains("givenName", "familyName", "photo", "contacts",
        "informationRequests.question");
    assertThat(removal.getPurpose()).contains("retention-after-cancel").contains("PT6H");

    // the list shows the case as cancelled, with the time of removal
    JsonNode list = json.readTree(get("/api/police/units/" + unit + "/alerts", token).body());
    JsonNode summary = list.get("alerts").get(0);
    assertThat(summary.get("caseId").asString()).isEqualTo(alert.getCaseId());
    assertThat(summary.get("cancelled").asBoolean()).isTrue();
    assertThat(summary.get("hasPhoto").asBoolean()).isFalse();
    assertThat(absent(summary.get("personalDataRemovedAt"))).isFalse();

    // and the feed, replayed from before the alert, still tells the alert and its cancel
    try (SseClient feed = SseClient.connect(uri("/api/police/units/" + unit + "/feed"), token, before).awaitOpen()) {
      SseClient.Event first = feed.nextContaining(alert.getCaseId(), WAIT, null);
      SseClient.Event asked = feed.nextContaining(alert.getCaseId(), WAIT, null);
      SseClient.Event cancel = feed.nextContaining(alert.getCaseId(), WAIT, null);
      assertThat(first.name()).isEqualTo("alert");
      assertThat(asked.name()).isEqualTo("information-requested");
      assertThat(asked.data()).doesNotContain("telefoon");
      assertThat(cancel.name()).isEqualTo("cancel");
      assertThat(cancel.data()).contains("\"cancelled\":true").contains("\"riskLevel\":\"RED\"")
          .doesNotContain("Sanne");
    }
  }

  @Test
  void anActiveAlertIsNeverAffectedHoweverOld() throws Exception {
    // Given an alert that is never cancelled
    String unit = newUnit();
    String token = liaison(unit);
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());

    // When far more than the period passes
    CLOCK.advance(properties.retentionAfterCancel().multipliedBy(100));
    retention.checkNow();

    // Then its personal data stays available (and audited on every read)
    CaseAlert state = view.caseById(alert.getCaseId()).orElseThrow();
    assertThat(holdsPersonalData(state)).isTrue();
    assertThat(state.personalDataRemovedAt()).isNull();
    String base = "/api/police/units/" + unit + "/alerts/" + alert.getCaseId();
    assertThat(get(base, token).body()).contains("Sanne");
    assertThat(photo(base, token).statusCode()).isEqualTo(200);
    assertThat(get("/api/police/units/" + unit + "/alerts/" + alert.getCaseId() + "/cap", token).body())
        .contains("Sanne");
    assertThat(auditOf(alert.getYouthId(), RetentionScheduler.ACTION)).isEmpty();
  }

  @Test
  void aRebuiltViewKeepsAnExpiredAlertWithoutPersonalDataAndRecordsTheRemovalNoSecondTime() throws Exception {
    // Given a cancelled alert whose personal data was removed and audited, and an alert still within its period
    String unit = newUnit();
    PoliceAlert expired = cancelledAlert(unit);
    CLOCK.advance(properties.retentionAfterCancel().plusMinutes(5));
    await().atMost(WAIT).until(() -> auditOf(expired.getYouthId(), RetentionScheduler.ACTION).size() == 1);
    PoliceAlert recent = cancelledAlert(unit);
    // every removal due now (also of other tests' alerts) is recorded before the restart
    retention.checkNow();

    // When a new instance rebuilds its view from the topics
    PoliceView rebuilt = new PoliceView(CLOCK, properties.retentionAfterCancel());
    PoliceViewLoader loader = new PoliceViewLoader(rebuilt, KafkaClients.of(TestKafka.get().bootstrapServers()),
        Map.copyOf(TestKafka.get().registryConfig()), "police-gateway-retention-test");
    loader.start();
    try {
      await().atMost(WAIT).until(rebuilt::caughtUp);

      // Then, as soon as it counts as caught up, the expired alert holds no personal data; the recent one does
      CaseAlert state = rebuilt.caseById(expired.getCaseId()).orElseThrow();
      assertThat(state.cancelled()).isTrue();
      assertThat(state.personalDataRemovedAt()).isNotNull();
      assertThat(holdsPersonalData(state)).isFalse();
      assertThat(holdsPersonalData(rebuilt.caseById(recent.getCaseId()).orElseThrow())).isTrue();

      // and its retention check finds the removal in the audit trail and does not record it again
      RetentionScheduler restarted = new RetentionScheduler(rebuilt, responses,
          KafkaClients.of(TestKafka.get().bootstrapServers()), Map.copyOf(TestKafka.get().registryConfig()),
          properties.retentionAfterCancel(), properties.retentionCheckInterval());
      assertThat(restarted.checkNow()).isZero();
      assertThat(rebuilt.unrecordedRetentions()).noneMatch(e -> e.caseId().equals(expired.getCaseId()));
    } finally {
      loader.stop();
    }
    assertThat(auditOf(expired.getYouthId(), RetentionScheduler.ACTION)).hasSize(1);
  }
}
