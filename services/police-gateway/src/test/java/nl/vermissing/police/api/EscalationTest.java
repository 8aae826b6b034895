package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.testing.TestKafka;
import nl.vermissing.police.PoliceGatewayTestBase;
import nl.vermissing.police.SseClient;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.stream.EscalationScheduler;
import nl.vermissing.police.stream.PoliceView;
import nl.vermissing.police.stream.PoliceViewLoader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Given an alert with an acknowledgement deadline, when the (test-controlled) clock passes it unacknowledged, then
 * the duty officer is re-notified once, and never after an acknowledgement or a cancel, also after a restart.
 */
class EscalationTest extends PoliceGatewayTestBase {

  static final Duration WAIT = Duration.ofSeconds(10);

  @Autowired
  EscalationScheduler scheduler;

  @Autowired
  PoliceGatewayProperties properties;

  List<PoliceResponse> responsesOf(String caseId) {
    return readAll(Topics.POLICE_RESPONSES).stream().filter(r -> r.getCaseId().equals(caseId)).toList();
  }

  long escalationsOf(String caseId) {
    return responsesOf(caseId).stream().filter(r -> r.getPayload() instanceof AcknowledgementOverdue).count();
  }

  @Test
  void aMissedDeadlineEscalatesOnceToTheDutyOfficer() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());
    try (SseClient duty = SseClient.connect(uri("/api/police/units/" + unit + "/duty-officer/feed"),
        dutyOfficer(unit), null).awaitOpen()) {
      assertThat(duty.status()).isEqualTo(200);
      assertThat(scheduler.checkNow()).isZero();

      CLOCK.advance(Duration.ofMinutes(16));

      SseClient.Event event = duty.nextContaining(alert.getCaseId(), WAIT, null);
      assertThat(event).isNotNull();
      assertThat(event.name()).isEqualTo("escalated");
      assertThat(event.data()).contains("\"escalated\":true").contains("DUTY_OFFICER@" + unit);
    }
    CaseAlert state = view.caseById(alert.getCaseId()).orElseThrow();
    assertThat(state.escalation().escalatedTo()).isEqualTo("DUTY_OFFICER@" + unit);
    HttpResponse<String> list = get("/api/police/units/" + unit + "/alerts", liaison(unit));
    assertThat(list.body()).contains("\"escalated\":true");

    CLOCK.advance(Duration.ofMinutes(30));
    assertThat(scheduler.checkNow()).isZero();
    List<PoliceResponse> escalations = responsesOf(alert.getCaseId());
    assertThat(escalations).hasSize(1);
    AcknowledgementOverdue overdue = (AcknowledgementOverdue) escalations.get(0).getPayload();
    assertThat(overdue.getAlertIdentifier()).isEqualTo(alert.getIdentifier());
    assertThat(overdue.getDeadline()).isEqualTo(alert.getAcknowledgeBy());

    // an acknowledgement after the escalation is still taken
    HttpResponse<String> ack = post("/api/police/units/" + unit + "/alerts/" + alert.getCaseId() + "/acknowledgement",
        liaison(unit), "{}");
    assertThat(ack.statusCode()).isEqualTo(201);
  }

  @Test
  void anAcknowledgedAlertIsNeverEscalated() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());

    HttpResponse<String> ack = post("/api/police/units/" + unit + "/alerts/" + alert.getCaseId() + "/acknowledgement",
        liaison(unit), "{\"alertIdentifier\":\"" + alert.getIdentifier() + "\"}");
    assertThat(ack.statusCode()).isEqualTo(201);
    assertThat(ack.body()).contains("AlertAcknowledged");
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> c.acknowledgement() != null)
        .orElse(false));

    CLOCK.advance(Duration.ofMinutes(20));
    assertThat(scheduler.checkNow()).isZero();
    assertThat(escalationsOf(alert.getCaseId())).isZero();
    PoliceResponse recorded = responsesOf(alert.getCaseId()).get(0);
    assertThat(recorded.getPayload()).isEqualTo(new AlertAcknowledged(alert.getIdentifier()));
    assertThat(recorded.getRespondedBy()).isEqualTo("liaison-" + unit);

    HttpResponse<String> again = post("/api/police/units/" + unit + "/alerts/" + alert.getCaseId()
        + "/acknowledgement", liaison(unit), "{}");
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void aCancelledAlertIsNeverEscalated() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    produce(TestAlerts.cancel(alert, CLOCK.instant().plusSeconds(60)));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(CaseAlert::cancelled).orElse(false));
    CLOCK.advance(Duration.ofMinutes(20));
    assertThat(scheduler.checkNow()).isZero();
    assertThat(escalationsOf(alert.getCaseId())).isZero();
    assertThat(post("/api/police/units/" + unit + "/alerts/" + alert.getCaseId() + "/acknowledgement",
        liaison(unit), "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void afterARestartTheReadSideKnowsEarlierEscalationsAndDoesNotRepeatThem() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());
    PoliceAlert acknowledged = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    produce(acknowledged);
    await().atMost(WAIT).until(() -> view.caseById(acknowledged.getCaseId()).isPresent());
    assertThat(post("/api/police/units/" + unit + "/alerts/" + acknowledged.getCaseId() + "/acknowledgement",
        liaison(unit), "{}").statusCode()).isEqualTo(201);
    CLOCK.advance(Duration.ofMinutes(16));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> c.escalation() != null).orElse(false));

    // a new instance rebuilds its view from the topics, applying responses after the alerts they answer
    PoliceView rebuilt = new PoliceView(CLOCK, properties.retentionAfterCancel());
    PoliceViewLoader loader = new PoliceViewLoader(rebuilt, KafkaClients.of(TestKafka.get().bootstrapServers()),
        Map.copyOf(TestKafka.get().registryConfig()), "police-gateway-restart-test");
    loader.start();
    try {
      await().atMost(WAIT).until(rebuilt::caughtUp);
      CaseAlert state = rebuilt.caseById(alert.getCaseId()).orElseThrow();
      assertThat(state.escalation()).isNotNull();
      assertThat(rebuilt.dueEscalations(CLOCK.instant()))
          .noneMatch(d -> d.caseId().equals(alert.getCaseId()));
      // and the feed positions are those of the log: the same id for the same state
      assertThat(rebuilt.snapshot(unit).alerts()).hasSize(2);
      assertThat(rebuilt.caseById(acknowledged.getCaseId()).orElseThrow().acknowledgement()).isNotNull();
      assertThat(rebuilt.dueEscalations(CLOCK.instant()))
          .noneMatch(d -> d.caseId().equals(acknowledged.getCaseId()));
    } finally {
      loader.stop();
    }
    assertThat(escalationsOf(alert.getCaseId())).isEqualTo(1);
  }
}
