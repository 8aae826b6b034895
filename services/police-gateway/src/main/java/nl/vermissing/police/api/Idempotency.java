package nl.vermissing.police.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.api.AlertViews.ResponseReceipt;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.stream.PoliceView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A police update sent again with the same {@code Idempotency-Key} is recorded once and answered with the receipt of
 * the first: the response id is derived from unit, case, operation and key, so a retry finds the first response in
 * the read side (rebuilt from the responses topic, so this holds after a restart) or, before the read side has
 * caught up with it, among the receipts this instance gave recently. A retry that arrives while the first attempt
 * is still running waits for its answer; one after a failed attempt (which wrote nothing) runs again.
 */
@Component
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  /** Set ({@code true}) on an answer that repeats the receipt of an earlier request with the same key. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final int MAX_KEY_LENGTH = 200;
  static final int RECENT_RECEIPTS = 10_000;
  private static final int ATTEMPTS = 3;

  /** The receipt, and whether it is that of an earlier request (nothing was written this time). */
  public record Outcome(ResponseReceipt receipt, boolean replayed) {}

  private final PoliceView view;
  private final Duration waitForEarlierAttempt;
  private final ConcurrentHashMap<String, CompletableFuture<ResponseReceipt>> inFlight = new ConcurrentHashMap<>();
  /** Receipts given lately, oldest first: they cover the moment before the read side has the response. */
  private final Map<String, ResponseReceipt> recent = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ResponseReceipt> eldest) {
      return size() > RECENT_RECEIPTS;
    }
  };

  public Idempotency(PoliceView view, PoliceGatewayProperties properties) {
    this.view = view;
    // an earlier attempt gives up after the write timeout; wait a little longer than that
    this.waitForEarlierAttempt = properties.writeTimeout().multipliedBy(2).plusSeconds(5);
  }

  /** The response id of an update: derived from the key, random without one. */
  public static String responseId(String unit, String caseId, String operation, String idempotencyKey) {
    if (!keyed(idempotencyKey)) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes(("police|" + unit + "|" + caseId + "|" + operation + "|" + idempotencyKey)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Runs the update at most once per key (for the unit, case and operation): {@code command} gets the response id
   * to write under and returns the receipt.
   */
  public Outcome once(String unit, String caseId, String operation, String idempotencyKey,
      Function<String, ResponseReceipt> command) {
    if (idempotencyKey != null && idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw ApiException.invalid(HEADER, "at most " + MAX_KEY_LENGTH + " characters");
    }
    String responseId = responseId(unit, caseId, operation, idempotencyKey);
    if (!keyed(idempotencyKey)) {
      return new Outcome(command.apply(responseId), false);
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ResponseReceipt> earlier = earlier(responseId, unit, caseId);
      if (earlier.isPresent()) {
        return new Outcome(earlier.get(), true);
      }
      CompletableFuture<ResponseReceipt> mine = new CompletableFuture<>();
      CompletableFuture<ResponseReceipt> running = inFlight.putIfAbsent(responseId, mine);
      if (running != null) {
        try {
          return new Outcome(running.get(waitForEarlierAttempt.toMillis(), TimeUnit.MILLISECONDS), true);
        } catch (ExecutionException failed) {
          continue; // the earlier attempt wrote nothing: try again
        } catch (TimeoutException e) {
          throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
              "an earlier attempt with this " + HEADER + " is still running; please retry", null);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      try {
        // the earlier attempt may have finished between the look-up above and taking its place
        earlier = earlier(responseId, unit, caseId);
        if (earlier.isPresent()) {
          mine.complete(earlier.get());
          return new Outcome(earlier.get(), true);
        }
        ResponseReceipt receipt = command.apply(responseId);
        synchronized (recent) {
          recent.put(responseId, receipt);
        }
        mine.complete(receipt);
        return new Outcome(receipt, false);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        inFlight.remove(responseId, mine);
      }
    }
    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "the update could not be recorded; please retry",
        null);
  }

  private Optional<ResponseReceipt> earlier(String responseId, String unit, String caseId) {
    ResponseReceipt given;
    synchronized (recent) {
      given = recent.get(responseId);
    }
    Optional<ResponseReceipt> found = given != null ? Optional.of(given)
        : view.response(responseId).map(ResponseReceipt::of);
    return found.filter(r -> r.caseId().equals(caseId) && r.policeUnit().equals(unit));
  }

  private static boolean keyed(String idempotencyKey) {
    return idempotencyKey != null && !idempotencyKey.isBlank();
  }
}
