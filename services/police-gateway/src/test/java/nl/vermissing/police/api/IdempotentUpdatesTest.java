package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.police.PoliceGatewayTestBase;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.api.AlertViews.ResponseReceipt;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CaseAlert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A police client that retries an update with the same {@code Idempotency-Key} (after a time-out, twice at once, or
 * after the first attempt went through) gets the first receipt back, and the update is on the responses topic once.
 */
class IdempotentUpdatesTest extends PoliceGatewayTestBase {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final String KEY = Idempotency.HEADER;

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired
  PoliceGatewayProperties properties;

  PoliceAlert alertFor(String unit, boolean acknowledgementRequired) throws Exception {
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), unit, CLOCK.instant());
    if (!acknowledgementRequired) {
      alert = PoliceAlert.newBuilder(alert).setAcknowledgeBy(null).build();
    }
    produce(alert);
    String caseId = alert.getCaseId();
    await().atMost(WAIT).until(() -> view.caseById(caseId).isPresent());
    return alert;
  }

  static String base(String unit, PoliceAlert alert) {
    return "/api/police/units/" + unit + "/alerts/" + alert.getCaseId();
  }

  static List<PoliceResponse> responsesOf(String caseId) {
    return readAll(Topics.POLICE_RESPONSES).stream().filter(r -> r.getCaseId().equals(caseId)).toList();
  }

  ResponseReceipt receipt(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readValue(response.body(), ResponseReceipt.class);
  }

  static boolean replayed(HttpResponse<String> response) {
    return response.headers().firstValue(Idempotency.REPLAYED_HEADER).map("true"::equals).orElse(false);
  }

  @Test
  void aSightingSentTwiceWithTheSameKeyIsRecordedOnceAndBothAnswersAreTheSameReceipt() throws Exception {
    // Given an alert of the unit
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit, false);
    String key = UUID.randomUUID().toString();
    String sighting = "{\"seenAt\":\"" + CLOCK.instant() + "\",\"location\":\"Almere Centrum\"}";

    // When the client sends the sighting and retries it with the same key
    HttpResponse<String> first = post(base(unit, alert) + "/sightings", liaison(unit), sighting, KEY, key);
    HttpResponse<String> retry = post(base(unit, alert) + "/sightings", liaison(unit), sighting, KEY, key);

    // Then both get the same receipt, the retry marked as a replay, and one sighting is recorded
    ResponseReceipt receipt = receipt(first);
    assertThat(receipt(retry)).isEqualTo(receipt);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(replayed(first)).isFalse();
    assertThat(replayed(retry)).isTrue();
    assertThat(responsesOf(alert.getCaseId())).extracting(PoliceResponse::getResponseId)
        .containsExactly(receipt.responseId());
    assertThat(receipt.responseId()).isEqualTo(Idempotency.responseId(unit, alert.getCaseId(), "sighting", key));

    // and once the read side has it, a later retry (also after a restart, without memory of recent receipts)
    // still gets the same receipt and writes nothing
    await().atMost(WAIT).until(() -> view.response(receipt.responseId()).isPresent());
    assertThat(receipt(post(base(unit, alert) + "/sightings", liaison(unit), sighting, KEY, key)))
        .isEqualTo(receipt);
    Idempotency.Outcome afterRestart = new Idempotency(view, properties).once(unit, alert.getCaseId(), "sighting",
        key, id -> {
          throw new AssertionError("written again");
        });
    assertThat(afterRestart).isEqualTo(new Idempotency.Outcome(receipt, true));
    assertThat(responsesOf(alert.getCaseId())).hasSize(1);
    assertThat(view.caseById(alert.getCaseId()).map(CaseAlert::sightings)).hasValue(1);
  }

  @Test
  void requestsWithTheSameKeyAtTheSameTimeRecordOneResponse() throws Exception {
    // Given an alert of the unit
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit, false);
    String key = UUID.randomUUID().toString();
    String question = "{\"question\":\"Heeft zij een OV-kaart?\"}";

    // When four attempts with the same key arrive at once
    int attempts = 4;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return post(base(unit, alert) + "/information-requests", liaison(unit), question, KEY, key);
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    // Then all get the same receipt and the question is recorded once
    ResponseReceipt receipt = receipt(answers.get(0));
    for (HttpResponse<String> answer : answers) {
      assertThat(receipt(answer)).isEqualTo(receipt);
    }
    assertThat(answers.stream().filter(a -> !replayed(a))).hasSize(1);
    assertThat(responsesOf(alert.getCaseId())).extracting(PoliceResponse::getResponseId)
        .containsExactly(receipt.responseId());
  }

  @Test
  void differentKeysAndTheSameKeyForAnotherOperationAreDifferentUpdates() throws Exception {
    // Given an alert of the unit
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit, false);
    String question = "{\"question\":\"Welke telefoon heeft zij?\"}";
    String key = UUID.randomUUID().toString();

    // When the same question is asked with two keys, and the first key is used again for an urgency
    ResponseReceipt first = receipt(post(base(unit, alert) + "/information-requests", liaison(unit), question,
        KEY, key));
    ResponseReceipt second = receipt(post(base(unit, alert) + "/information-requests", liaison(unit), question,
        KEY, UUID.randomUUID().toString()));
    ResponseReceipt urgency = receipt(post(base(unit, alert) + "/urgency", liaison(unit),
        "{\"urgency\":\"URGENT\"}", KEY, key));
    // and once more without a key (as before: every request is a new update)
    ResponseReceipt unkeyed = receipt(post(base(unit, alert) + "/information-requests", liaison(unit), question));

    // Then each is its own response
    assertThat(List.of(first.responseId(), second.responseId(), urgency.responseId(), unkeyed.responseId()))
        .doesNotHaveDuplicates();
    assertThat(urgency.type()).isEqualTo("UrgencyClassified");
    assertThat(responsesOf(alert.getCaseId())).extracting(PoliceResponse::getResponseId)
        .containsExactly(first.responseId(), second.responseId(), urgency.responseId(), unkeyed.responseId());
  }

  @Test
  void aKeyOfMoreThan200CharactersIsRefusedNamingTheHeader() throws Exception {
    // Given an alert of the unit
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit, false);

    // When a sighting comes with a key of 201 characters
    HttpResponse<String> refused = post(base(unit, alert) + "/sightings", liaison(unit),
        "{\"seenAt\":\"" + CLOCK.instant() + "\",\"location\":\"Lelystad\"}", KEY, "k".repeat(201));

    // Then it is refused as a problem naming the header, and nothing is recorded
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("\"field\":\"Idempotency-Key\"");
    // while 200 characters are accepted
    receipt(post(base(unit, alert) + "/sightings", liaison(unit),
        "{\"seenAt\":\"" + CLOCK.instant() + "\",\"location\":\"Lelystad\"}", KEY, "k".repeat(200)));
    assertThat(responsesOf(alert.getCaseId())).hasSize(1);
  }

  @Test
  void acknowledgementAndFoundRetriedAfterSuccessGetTheFirstReceiptNotAConflict() throws Exception {
    // Given an alert that must be acknowledged, acknowledged and reported found with keys, both in the read side
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit, true);
    String ackKey = UUID.randomUUID().toString();
    String foundKey = UUID.randomUUID().toString();
    String found = "{\"foundAt\":\"" + CLOCK.instant() + "\",\"location\":\"Almere\"}";
    ResponseReceipt ack = receipt(post(base(unit, alert) + "/acknowledgement", liaison(unit), "{}", KEY, ackKey));
    ResponseReceipt foundReceipt = receipt(post(base(unit, alert) + "/found", liaison(unit), found, KEY, foundKey));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId())
        .map(c -> c.found() && c.acknowledgement() != null).orElse(false));

    // When both are retried with their keys
    HttpResponse<String> ackRetry = post(base(unit, alert) + "/acknowledgement", liaison(unit), "{}", KEY, ackKey);
    HttpResponse<String> foundRetry = post(base(unit, alert) + "/found", liaison(unit), found, KEY, foundKey);

    // Then the retries look like the success they repeat, and nothing more is recorded
    assertThat(receipt(ackRetry)).isEqualTo(ack);
    assertThat(receipt(foundRetry)).isEqualTo(foundReceipt);
    assertThat(replayed(ackRetry)).isTrue();
    assertThat(replayed(foundRetry)).isTrue();
    assertThat(responsesOf(alert.getCaseId())).extracting(PoliceResponse::getResponseId)
        .containsExactly(ack.responseId(), foundReceipt.responseId());
    // while a new request (another key) is still refused as before
    assertThat(post(base(unit, alert) + "/found", liaison(unit), found, KEY, UUID.randomUUID().toString())
        .statusCode()).isEqualTo(409);
    assertThat(post(base(unit, alert) + "/acknowledgement", liaison(unit), "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void aTransferRetriedAfterTheAlertMovedGetsTheFirstReceiptAndOtherUnitsGetNone() throws Exception {
    // Given an alert transferred to another unit with a key, and the read side shows it there
    String unit = newUnit();
    String to = newUnit();
    PoliceAlert alert = alertFor(unit, false);
    String key = UUID.randomUUID().toString();
    String transfer = "{\"toPoliceUnit\":\"" + to + "\"}";
    ResponseReceipt moved = receipt(post(base(unit, alert) + "/transfer", liaison(unit), transfer, KEY, key));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> c.policeUnit().equals(to))
        .orElse(false));

    // When the transfer is retried with the same key
    HttpResponse<String> retry = post(base(unit, alert) + "/transfer", liaison(unit), transfer, KEY, key);

    // Then it gets the first receipt (not "not found"), and an officer of another unit gets no receipt
    assertThat(receipt(retry)).isEqualTo(moved);
    assertThat(post(base(unit, alert) + "/transfer", liaison(newUnit()), transfer, KEY, key).statusCode())
        .isEqualTo(403);
    assertThat(responsesOf(alert.getCaseId())).hasSize(1);
  }
}
