package nl.vermissing.followup.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.followup.api.FollowUpResponses.CommandResult;
import nl.vermissing.followup.stream.CaseFile;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs a command of the follow-up API to its verdict: the command goes to the command topic, the topology decides
 * against the case state (the one place where two concurrent commands are ordered), and the API answers with that
 * decision: 201 when accepted, 409 with the reason when refused. A 2xx therefore never hides a dropped command.
 * Should the verdict take longer than the wait, the answer is 202 with the command's status address.
 *
 * <p>With an {@code Idempotency-Key} the command id is derived from case, operation and key: a retry finds the
 * earlier verdict in the case file (which survives restarts) and gets the same answer without a second event.
 * Commands on one case are run one at a time per instance, so a retry racing its original waits for it.
 */
@Component
public class CommandRunner {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 200;
  private static final Duration POLL = Duration.ofMillis(20);

  private final FollowUpView view;
  private final FollowUpPublisher publisher;
  private final Clock clock;
  private final Duration verdictWait;
  private final ReentrantLock[] caseLocks = new ReentrantLock[64];

  public CommandRunner(FollowUpView view, FollowUpPublisher publisher, Clock clock,
      @Value("${followup.verdict-wait:10s}") Duration verdictWait) {
    this.view = view;
    this.publisher = publisher;
    this.clock = clock;
    this.verdictWait = verdictWait;
    for (int i = 0; i < caseLocks.length; i++) {
      caseLocks[i] = new ReentrantLock(true);
    }
  }

  /** The id of a command: derived from the key when there is one, random otherwise. */
  static String commandId(String caseId, String operation, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return UUID.randomUUID().toString();
    }
    if (idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw ApiException.invalid(IDEMPOTENCY_KEY, "at most " + MAX_KEY_LENGTH + " characters");
    }
    return UUID.nameUUIDFromBytes(("follow-up|" + caseId + "|" + operation + "|" + idempotencyKey)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Runs one command on a case.
   *
   * @param prepare checks the request against the case as the view knows it and builds the payload; throws an
   *     {@link ApiException} for a request that cannot be accepted
   */
  public ResponseEntity<CommandResult> run(String caseId, String operation, String idempotencyKey, Actor actor,
      Role[] roles, Function<CaseFile, Object> prepare) {
    String commandId = commandId(caseId, operation, idempotencyKey);
    ReentrantLock lock = caseLocks[Math.floorMod(caseId.hashCode(), caseLocks.length)];
    try {
      if (!lock.tryLock(verdictWait.toMillis() * 3, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    try {
      CaseFile file = view.find(caseId).orElseThrow(() -> ApiException.notFound("no case known with this id"));
      actor.require(file.institutionId, roles);
      CaseFile.Verdict earlier = file.verdicts.get(commandId);
      if (earlier != null) {
        return answer(caseId, commandId, earlier);
      }
      Object payload = prepare.apply(file);
      publisher.command(FollowUpEvent.newBuilder()
          .setEventId(commandId)
          .setCaseId(file.caseId)
          .setYouthId(file.youthId)
          .setInstitutionId(file.institutionId)
          .setOccurredAt(clock.instant())
          .setRecordedBy(actor.userId())
          .setPayload(payload)
          .build());
      return awaitVerdict(caseId, commandId)
          .map(verdict -> answer(caseId, commandId, verdict))
          .orElseGet(() -> ResponseEntity.accepted().location(statusAddress(caseId, commandId))
              .body(new CommandResult(commandId, caseId, CommandResult.PENDING, null, null)));
    } finally {
      lock.unlock();
    }
  }

  private Optional<CaseFile.Verdict> awaitVerdict(String caseId, String commandId) {
    long deadline = System.nanoTime() + verdictWait.toNanos();
    while (true) {
      Optional<CaseFile.Verdict> verdict = view.find(caseId).map(f -> f.verdicts.get(commandId));
      if (verdict.isPresent() || System.nanoTime() > deadline) {
        return verdict;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  static ResponseEntity<CommandResult> answer(String caseId, String commandId, CaseFile.Verdict verdict) {
    CommandResult result = CommandResult.of(caseId, commandId, verdict);
    if (!verdict.accepted()) {
      throw ApiException.conflict(verdict.reason(), result);
    }
    return ResponseEntity.created(statusAddress(caseId, commandId)).body(result);
  }

  static URI statusAddress(String caseId, String commandId) {
    return URI.create("/api/followup/cases/" + caseId + "/commands/" + commandId);
  }

  private static ApiException busy() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
        "another change to this case is still being recorded; try again shortly", null);
  }
}
