package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.police.PoliceGatewayTestBase;
import nl.vermissing.police.SseClient;
import nl.vermissing.police.TestAlerts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live feed against a real broker and real HTTP: latency, resume without loss or duplicates, unit scoping. */
class LiveFeedTest extends PoliceGatewayTestBase {

  static final Duration WAIT = Duration.ofSeconds(10);
  final JsonMapper json = JsonMapper.builder().build();

  /** An alert without an acknowledgement deadline, so that moving the shared clock never escalates it. */
  static PoliceAlert alertFor(String unit) {
    PoliceAlert a = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    return PoliceAlert.newBuilder(a).setAcknowledgeBy(null).build();
  }

  @Test
  void anAlertReachesTheConnectedLiaisonWithinASecond() throws Exception {
    String unit = newUnit();
    List<Long> millis = new ArrayList<>();
    try (SseClient feed = feed(unit, liaison(unit), null)) {
      assertThat(feed.status()).isEqualTo(200);
      for (int i = 0; i < 5; i++) {
        PoliceAlert alert = alertFor(unit);
        long sent = System.nanoTime();
        produce(alert);
        SseClient.Event event = feed.nextContaining(alert.getCaseId(), WAIT, null);
        assertThat(event).as("event for alert %d", i).isNotNull();
        assertThat(event.name()).isEqualTo("alert");
        millis.add(TimeUnit.NANOSECONDS.toMillis(event.receivedNanos() - sent));
      }
    }
    System.out.println("PUSH LATENCY (produce -> SSE client), ms: " + millis);
    assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1000L));
  }

  @Test
  void aReconnectWithLastEventIdResumesWithoutLossOrDuplicates() throws Exception {
    String unit = newUnit();
    PoliceAlert a1 = alertFor(unit);
    PoliceAlert a2 = alertFor(unit);
    String lastSeen;
    try (SseClient feed = feed(unit, liaison(unit), null)) {
      produce(a1);
      assertThat(feed.nextContaining(a1.getCaseId(), WAIT, null)).isNotNull();
      produce(a2);
      SseClient.Event second = feed.nextContaining(a2.getCaseId(), WAIT, null);
      assertThat(second).isNotNull();
      lastSeen = second.id();
    }
    // while disconnected: a new alert, and an update and a cancel of earlier ones
    PoliceAlert a3 = alertFor(unit);
    produce(a3);
    PoliceAlert update = TestAlerts.update(a1, CLOCK.instant(), "gezien");
    produce(update);
    PoliceAlert cancel = TestAlerts.cancel(a2, CLOCK.instant());
    produce(cancel);
    await().atMost(WAIT).until(() -> view.caseById(a2.getCaseId()).map(c -> c.cancelled()).orElse(false)
        && view.caseById(a1.getCaseId()).map(c -> c.messages().size() == 2).orElse(false)
        && view.caseById(a3.getCaseId()).isPresent());

    try (SseClient feed = feed(unit, liaison(unit), lastSeen)) {
      PoliceAlert a4 = alertFor(unit);
      produce(a4);
      List<SseClient.Event> before = new ArrayList<>();
      assertThat(feed.nextContaining(a4.getCaseId(), WAIT, before)).isNotNull();
      // exactly the three missed events, once each (cases in different partitions may interleave)
      assertThat(before).hasSize(3);
      assertThat(before).extracting(SseClient.Event::name).containsExactlyInAnyOrder("alert", "update", "cancel");
      assertThat(before).anySatisfy(e -> assertThat(e.data()).contains(a3.getCaseId()));
      assertThat(before).noneMatch(e -> e.name().equals("alert") && e.data().contains(a1.getCaseId()));
      assertThat(before).filteredOn(e -> e.name().equals("cancel")).singleElement()
          .satisfies(e -> assertThat(e.data()).contains(a2.getCaseId()).contains("\"cancelled\":true"));
      assertThat(before.stream().map(SseClient.Event::id).distinct().count()).isEqualTo(3);
    }
  }

  @Test
  void theAlertListGivesTheStateAndThePositionToFollowTheFeedFrom() throws Exception {
    String unit = newUnit();
    PoliceAlert a1 = alertFor(unit);
    PoliceAlert a2 = alertFor(unit);
    produce(a1);
    produce(a2);
    produce(TestAlerts.cancel(a2, CLOCK.instant()));
    await().atMost(WAIT).until(() -> view.caseById(a2.getCaseId()).map(c -> c.cancelled()).orElse(false)
        && view.caseById(a1.getCaseId()).isPresent());

    HttpResponse<String> list = get("/api/police/units/" + unit + "/alerts", liaison(unit));
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(list.body());
    assertThat(body.get("alerts")).hasSize(2);
    JsonNode first = body.get("alerts").get(0);
    assertThat(first.get("caseId").asString()).isEqualTo(a1.getCaseId());
    assertThat(first.get("active").asBoolean()).isTrue();
    JsonNode cancelled = body.get("alerts").get(1);
    assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
    assertThat(cancelled.get("active").asBoolean()).isFalse();
    // the list shows no personal data
    assertThat(list.body()).doesNotContain("Sanne").doesNotContain("station Lelystad").doesNotContain("Kevin");
    assertThat(first.get("data").get("ageBand").asString()).isEqualTo("AGE_14_15");

    String position = body.get("feedPosition").asString();
    SseClient feed = SseClient.connect(uri("/api/police/units/" + unit + "/feed?lastEventId=" + position),
        liaison(unit), null).awaitOpen();
    try (feed) {
      PoliceAlert a3 = alertFor(unit);
      produce(a3);
      SseClient.Event next = feed.next(WAIT);
      assertThat(next).isNotNull();
      assertThat(next.data()).contains(a3.getCaseId());
    }
  }

  @Test
  void aLiaisonOfAnotherUnitIsRefusedAndNeverSeesForeignAlerts() throws Exception {
    String unit = newUnit();
    String other = newUnit();
    assertThat(get("/api/police/units/" + unit + "/alerts", liaison(other)).statusCode()).isEqualTo(403);
    try (SseClient refused = SseClient.connect(uri("/api/police/units/" + unit + "/feed"), liaison(other), null)
        .awaitOpen()) {
      assertThat(refused.status()).isEqualTo(403);
    }
    // institution staff have no access to police feeds, even with a matching tenant
    assertThat(get("/api/police/units/" + unit + "/alerts", token("u", unit, "INSTITUTION_STAFF")).statusCode())
        .isEqualTo(403);

    try (SseClient otherFeed = feed(other, liaison(other), null)) {
      PoliceAlert foreign = alertFor(unit);
      produce(foreign);
      await().atMost(WAIT).until(() -> view.caseById(foreign.getCaseId()).isPresent());
      assertThat(get("/api/police/units/" + other + "/alerts/" + foreign.getCaseId(), liaison(other)).statusCode())
          .isEqualTo(404);
      PoliceAlert own = alertFor(other);
      produce(own);
      SseClient.Event first = otherFeed.next(WAIT);
      assertThat(first).isNotNull();
      assertThat(first.data()).contains(own.getCaseId()).doesNotContain(foreign.getCaseId());
    }
  }

  @Test
  void theTokenMayBeAQueryParameterOnTheFeedOnly() throws Exception {
    String unit = newUnit();
    try (SseClient feed = SseClient.connect(
        uri("/api/police/units/" + unit + "/feed?access_token=" + liaison(unit)), null, null).awaitOpen()) {
      assertThat(feed.status()).isEqualTo(200);
    }
    assertThat(get("/api/police/units/" + unit + "/alerts?access_token=" + liaison(unit), null).statusCode())
        .isEqualTo(401);
    assertThat(get("/api/police/units/" + unit + "/alerts", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aBadLastEventIdIsABadRequest() throws Exception {
    String unit = newUnit();
    HttpResponse<String> response = get("/api/police/units/" + unit + "/feed?lastEventId=x:y", liaison(unit));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("lastEventId");
  }
}
