package nl.vermissing.intake.command;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import nl.vermissing.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Retries of a command with the same {@code Idempotency-Key} give the same answer and write one event: the event id
 * is derived from institution, operation and key, so a replay is recognised in the read side (which is rebuilt from
 * the log, so this holds after a restart), and a retry that arrives while the first attempt is still running waits
 * for that attempt's answer. A first attempt that failed wrote nothing, so its retry simply runs again.
 */
@Component
public class Idempotency {

  private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

  /** The event id of a command: deterministic for a given key, random without one. */
  public static String eventId(String institutionId, String operation, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return UUID.randomUUID().toString();
    }
    if (idempotencyKey.length() > 200) {
      throw ApiException.invalid("Idempotency-Key", "at most 200 characters");
    }
    return UUID.nameUUIDFromBytes(("intake|" + institutionId + "|" + operation + "|" + idempotencyKey)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Runs the command once per event id.
   *
   * @param replay the answer when the event id is already in the read side
   */
  @SuppressWarnings("unchecked")
  public <T> T once(String eventId, Supplier<Optional<T>> replay, Supplier<T> command) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<T> earlier = replay.get();
      if (earlier.isPresent()) {
        return earlier.get();
      }
      CompletableFuture<Object> mine = new CompletableFuture<>();
      CompletableFuture<Object> running = inFlight.putIfAbsent(eventId, mine);
      if (running != null) {
        try {
          return (T) running.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
          continue; // the first attempt wrote nothing: try again
        } catch (TimeoutException e) {
          throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "an earlier attempt is still running", null);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      try {
        T result = command.get();
        mine.complete(result);
        return result;
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        inFlight.remove(eventId, mine);
      }
    }
    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "the command could not be completed", null);
  }
}
