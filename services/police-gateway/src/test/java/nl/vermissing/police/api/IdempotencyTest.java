package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.SightingReported;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.api.AlertViews.ResponseReceipt;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.stream.PoliceView;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The idempotency rules on their own: failed first attempts, attempts in flight, repeated deliveries. */
class IdempotencyTest {

  static final Instant NOW = Instant.parse("2026-11-22T17:43:00Z");

  final PoliceView view = new PoliceView(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
  final Idempotency idempotency = new Idempotency(view,
      new PoliceGatewayProperties(null, null, null, null, null, null, null, null, null));

  static ResponseReceipt receipt(String responseId) {
    return new ResponseReceipt(responseId, "case-1", "pu-1", "SightingReported", "agent-1", NOW);
  }

  @Test
  void aRetryAfterAFailedAttemptRunsAgain() {
    // Given a first attempt that could not be written
    assertThatThrownBy(() -> idempotency.once("pu-1", "case-1", "sighting", "key-1", id -> {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "broker down", null);
    })).isInstanceOf(ApiException.class);

    // When it is retried with the same key
    Idempotency.Outcome retry = idempotency.once("pu-1", "case-1", "sighting", "key-1", IdempotencyTest::receipt);

    // Then the retry runs, under the id derived from the key
    assertThat(retry.replayed()).isFalse();
    assertThat(retry.receipt().responseId()).isEqualTo(Idempotency.responseId("pu-1", "case-1", "sighting", "key-1"));
  }

  @Test
  void aRetryRightAfterSuccessGetsTheReceiptBeforeTheReadSideHasTheResponse() {
    // Given an update recorded with a key, not yet read back into the (here never fed) read side
    Idempotency.Outcome first = idempotency.once("pu-1", "case-1", "sighting", "key-3", IdempotencyTest::receipt);

    // When it is retried at once
    Idempotency.Outcome retry = idempotency.once("pu-1", "case-1", "sighting", "key-3", id -> {
      throw new AssertionError("written again");
    });

    // Then the receipt given is repeated, and nothing runs again
    assertThat(retry).isEqualTo(new Idempotency.Outcome(first.receipt(), true));
  }

  @Test
  void aRetryWhileTheFirstAttemptRunsWaitsForItsReceipt() throws Exception {
    // Given a first attempt still waiting for the broker
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Idempotency.Outcome> first = CompletableFuture.supplyAsync(() ->
        idempotency.once("pu-1", "case-1", "sighting", "key-2", id -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return receipt(id);
        }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    // When a retry arrives and waits for it
    AtomicInteger retryRuns = new AtomicInteger();
    AtomicReference<Idempotency.Outcome> retried = new AtomicReference<>();
    Thread retry = new Thread(() -> retried.set(idempotency.once("pu-1", "case-1", "sighting", "key-2", id -> {
      retryRuns.incrementAndGet();
      return receipt(id);
    })));
    retry.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> retry.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    retry.join(10_000);

    // Then the retry gets the first attempt's receipt without running itself
    assertThat(retryRuns).hasValue(0);
    assertThat(retried.get()).isEqualTo(new Idempotency.Outcome(first.get(10, TimeUnit.SECONDS).receipt(), true));
  }

  @Test
  void withoutAKeyEveryRequestRunsWithItsOwnId() {
    Idempotency.Outcome one = idempotency.once("pu-1", "case-1", "sighting", null, IdempotencyTest::receipt);
    Idempotency.Outcome two = idempotency.once("pu-1", "case-1", "sighting", " ", IdempotencyTest::receipt);
    assertThat(one.replayed()).isFalse();
    assertThat(two.replayed()).isFalse();
    assertThat(one.receipt().responseId()).isNotEqualTo(two.receipt().responseId());
  }

  @Test
  void aKeyOfMoreThan200CharactersIsRefusedNamingTheHeader() {
    assertThatThrownBy(() -> idempotency.once("pu-1", "case-1", "sighting", "k".repeat(201),
        IdempotencyTest::receipt))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.field()).isEqualTo("Idempotency-Key");
        });
  }

  @Test
  void aResponseDeliveredTwiceCountsOnceAndIsFoundByItsId() {
    // Given a case and a sighting written twice under one id (a write retried after a broker time-out)
    PoliceAlert alert = TestAlerts.missingReport("case-1", "pu-1", NOW);
    view.applyAlert(0, 0, alert);
    PoliceResponse sighting = PoliceResponse.newBuilder(TestAlerts.response("case-1", "pu-1", NOW,
        new SightingReported(NOW, "Almere", null))).setResponseId("r-1").build();

    // When both copies are read
    view.applyResponse(0, 0, sighting);
    view.applyResponse(0, 1, sighting);

    // Then the case counts one sighting, and the response answers a retry of its request
    assertThat(view.caseById("case-1").map(CaseAlert::sightings)).hasValue(1);
    assertThat(view.response("r-1").map(ResponseReceipt::of))
        .hasValue(new ResponseReceipt("r-1", "case-1", "pu-1", "SightingReported", "agent-1", NOW));
  }
}
