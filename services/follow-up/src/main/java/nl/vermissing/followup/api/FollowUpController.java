package nl.vermissing.followup.api;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.ConsentRecorded;
import nl.vermissing.events.ConsentWithdrawn;
import nl.vermissing.events.ReturnConversationDeclined;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.ReturnConversationNotPossible;
import nl.vermissing.followup.api.FollowUpResponses.CommandResult;
import nl.vermissing.followup.api.FollowUpResponses.CaseSummary;
import nl.vermissing.followup.api.FollowUpResponses.Conversation;
import nl.vermissing.followup.api.FollowUpResponses.WorkItem;
import nl.vermissing.followup.api.FollowUpResponses.Worklist;
import nl.vermissing.followup.domain.ConsentRules;
import nl.vermissing.followup.domain.OutcomeRules;
import nl.vermissing.followup.domain.WorklistStatus;
import nl.vermissing.followup.stream.CaseFile;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up API: the worklist of return conversations per institution, one outcome per return, consent for
 * CoMensha registration. Follow-up workers and care coordinators of the case's institution record; institution
 * staff may see the worklist. Reading a conversation's personal fields is recorded in the access audit. Changes
 * are answered with the topology's verdict ({@link CommandRunner}).
 */
@RestController
@RequestMapping("/api/followup")
public class FollowUpController {

  private static final Role[] WORKLIST_ROLES = {Role.FOLLOW_UP_WORKER, Role.CARE_COORDINATOR, Role.INSTITUTION_STAFF};
  private static final Role[] RECORDING_ROLES = {Role.FOLLOW_UP_WORKER, Role.CARE_COORDINATOR};
  private static final List<String> PERSONAL_FIELDS = List.of("stayedWhere", "stayedWith", "harm", "needs",
      "safetyPlan", "pushFactors", "pullFactors", "exploitationIndicators", "crimeWhileMissing");

  private final FollowUpView view;
  private final FollowUpPublisher publisher;
  private final CommandRunner commands;
  private final Clock clock;

  public FollowUpController(FollowUpView view, FollowUpPublisher publisher, CommandRunner commands, Clock clock) {
    this.view = view;
    this.publisher = publisher;
    this.commands = commands;
    this.clock = clock;
  }

  @GetMapping("/institutions/{institutionId}/worklist")
  public Worklist worklist(@PathVariable String institutionId, Actor actor) {
    actor.require(institutionId, WORKLIST_ROLES);
    long now = clock.millis();
    List<WorkItem> items = view.forInstitution(institutionId).stream()
        .filter(f -> f.returned() && !f.cancelled)
        .map(f -> WorkItem.of(f, now))
        .sorted(Comparator.comparing(WorkItem::dueBy))
        .toList();
    return new Worklist(institutionId, Instant.ofEpochMilli(now),
        items.stream().filter(i -> i.status() == WorklistStatus.DUE_SOON).toList(),
        items.stream().filter(i -> i.status() == WorklistStatus.OVERDUE).toList(),
        items.stream().filter(i -> i.status() == WorklistStatus.DONE).toList());
  }

  @GetMapping("/cases/{caseId}")
  public CaseSummary summary(@PathVariable String caseId, Actor actor) {
    CaseFile file = returnedCase(caseId);
    actor.require(file.institutionId, WORKLIST_ROLES);
    return new CaseSummary(WorkItem.of(file, clock.millis()), file.consentGivenBy,
        FollowUpResponses.instant(file.consentSignedAt), file.consentAge,
        FollowUpResponses.instant(file.consentWithdrawnAt), FollowUpResponses.instant(file.comenshaRequestedAt),
        file.raisedReviews);
  }

  @GetMapping("/cases/{caseId}/conversation")
  public Conversation conversation(@PathVariable String caseId, Actor actor) {
    CaseFile file = returnedCase(caseId);
    actor.require(file.institutionId, RECORDING_ROLES);
    if (file.outcome == null) {
      throw ApiException.notFound("no outcome recorded for this return conversation yet");
    }
    publisher.audit(AccessRecord.newBuilder()
        .setAuditId(UUID.randomUUID().toString())
        .setService(Topics.FOLLOW_UP)
        .setActor(actor.userId())
        .setActorRole(actor.has(Role.FOLLOW_UP_WORKER) ? Role.FOLLOW_UP_WORKER.name() : Role.CARE_COORDINATOR.name())
        .setTenant(actor.tenant())
        .setAction("READ_RETURN_CONVERSATION")
        .setResource("cases/" + caseId + "/conversation")
        .setYouthId(file.youthId)
        .setFields(file.conversation == null ? List.of("declinedReason", "notPossibleReason") : PERSONAL_FIELDS)
        .setPurpose("follow-up of the return")
        .setAt(clock.instant())
        .build());
    return new Conversation(file.caseId, file.outcome, FollowUpResponses.instant(file.outcomeAt), file.outcomeBy,
        file.conversation, file.declinedReason, file.notPossibleReason, file.linkedCaseId);
  }

  @PostMapping("/cases/{caseId}/held")
  public ResponseEntity<CommandResult> held(@PathVariable String caseId,
      @Valid @RequestBody FollowUpRequests.Held body,
      @RequestHeader(value = CommandRunner.IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    return commands.run(caseId, "held", key, actor, RECORDING_ROLES, file -> {
      requireOpenOutcome(file);
      OutcomeRules.checkHeldAt(body.heldAt().toEpochMilli(), file.returnedAt, clock.millis())
          .ifPresent(p -> {
            throw ApiException.invalid(p.field(), p.message());
          });
      return ReturnConversationHeld.newBuilder()
          .setHeldAt(body.heldAt())
          .setHeldBy(body.heldBy())
          .setIndependentInterviewer(Boolean.TRUE.equals(body.independentInterviewer()))
          .setPushFactors(body.pushFactors() == null ? List.of() : List.copyOf(body.pushFactors()))
          .setPullFactors(body.pullFactors() == null ? List.of() : List.copyOf(body.pullFactors()))
          .setStayedWhere(body.stayedWhere())
          .setStayedWith(body.stayedWith())
          .setExploitationIndicators(body.exploitationIndicators() == null ? List.of()
              : body.exploitationIndicators().stream().distinct().toList())
          .setHarm(body.harm())
          .setNeeds(body.needs())
          .setSafetyPlan(body.safetyPlan())
          .setCrimeWhileMissing(Boolean.TRUE.equals(body.crimeWhileMissing()))
          .build();
    });
  }

  @PostMapping("/cases/{caseId}/declined")
  public ResponseEntity<CommandResult> declined(@PathVariable String caseId,
      @Valid @RequestBody FollowUpRequests.Declined body,
      @RequestHeader(value = CommandRunner.IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    return commands.run(caseId, "declined", key, actor, RECORDING_ROLES, file -> {
      requireOpenOutcome(file);
      return new ReturnConversationDeclined(body.reason());
    });
  }

  @PostMapping("/cases/{caseId}/not-possible")
  public ResponseEntity<CommandResult> notPossible(@PathVariable String caseId,
      @Valid @RequestBody FollowUpRequests.NotPossible body,
      @RequestHeader(value = CommandRunner.IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    return commands.run(caseId, "not-possible", key, actor, RECORDING_ROLES, file -> {
      requireOpenOutcome(file);
      String linked = body.linkedCaseId() == null || body.linkedCaseId().isBlank() ? null : body.linkedCaseId();
      if (linked != null) {
        CaseFile next = view.find(linked).orElseThrow(
            () -> ApiException.invalid("linkedCaseId", "no case known with this id"));
        if (!next.youthId.equals(file.youthId) || linked.equals(caseId)) {
          throw ApiException.invalid("linkedCaseId", "must be a later episode of the same youth");
        }
      }
      return new ReturnConversationNotPossible(body.reason(), linked);
    });
  }

  @PostMapping("/cases/{caseId}/consent")
  public ResponseEntity<CommandResult> consent(@PathVariable String caseId,
      @Valid @RequestBody FollowUpRequests.Consent body,
      @RequestHeader(value = CommandRunner.IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    return commands.run(caseId, "consent", key, actor, RECORDING_ROLES, file -> {
      if (file.cancelled) {
        throw ApiException.notFound("no case known with this id");
      }
      OutcomeRules.checkSignedAt(body.signedAt().toEpochMilli(), clock.millis())
          .ifPresent(p -> {
            throw ApiException.invalid(p.field(), p.message());
          });
      if (file.consentWithdrawnAt != null) {
        throw ApiException.conflict("consent was withdrawn for this episode; it is not registered again",
            Map.of("consentWithdrawnAt", Instant.ofEpochMilli(file.consentWithdrawnAt)));
      }
      if (file.consentGivenBy != null) {
        throw ApiException.conflict("consent was already recorded for this episode",
            Map.of("givenBy", file.consentGivenBy, "signedAt", Instant.ofEpochMilli(file.consentSignedAt)));
      }
      ConsentRules.Decision decision;
      try {
        decision = ConsentRules.check(file.dateOfBirth, body.signedAt(), body.givenBy());
      } catch (IllegalArgumentException e) {
        throw new ApiException(HttpStatus.CONFLICT, null,
            "the date of birth of the youth is not known to follow-up; consent cannot be checked", null);
      }
      if (!decision.valid()) {
        throw ApiException.invalid("givenBy", decision.reason());
      }
      return new ConsentRecorded(body.givenBy(), decision.ageAtSigning(), body.signedAt());
    });
  }

  @PostMapping("/cases/{caseId}/consent/withdrawal")
  public ResponseEntity<CommandResult> withdraw(@PathVariable String caseId,
      @Valid @RequestBody(required = false) FollowUpRequests.Withdrawal body,
      @RequestHeader(value = CommandRunner.IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    return commands.run(caseId, "consent-withdrawal", key, actor, RECORDING_ROLES, file -> {
      if (!file.consentActive()) {
        throw ApiException.conflict("there is no recorded consent to withdraw", null);
      }
      Instant at = body == null || body.withdrawnAt() == null ? clock.instant() : body.withdrawnAt();
      if (at.isAfter(clock.instant())) {
        throw ApiException.invalid("withdrawnAt", "must not be in the future");
      }
      return new ConsentWithdrawn(at);
    });
  }

  /** The verdict on an earlier command (the address a 202 or 201 answer gives). */
  @GetMapping("/cases/{caseId}/commands/{eventId}")
  public CommandResult command(@PathVariable String caseId, @PathVariable String eventId, Actor actor) {
    CaseFile file = view.find(caseId).orElseThrow(() -> ApiException.notFound("no case known with this id"));
    actor.require(file.institutionId, RECORDING_ROLES);
    CaseFile.Verdict verdict = file.verdicts.get(eventId);
    if (verdict == null) {
      throw ApiException.notFound("no decision on this command (yet)");
    }
    return CommandResult.of(caseId, eventId, verdict);
  }

  private CaseFile returnedCase(String caseId) {
    return view.find(caseId).filter(f -> f.returned() && !f.cancelled)
        .orElseThrow(() -> ApiException.notFound("no return conversation known for this case"));
  }

  private static void requireOpenOutcome(CaseFile file) {
    if (!file.returned() || file.cancelled) {
      throw ApiException.notFound("no return conversation known for this case");
    }
    if (file.outcome != null) {
      throw ApiException.conflict("an outcome was already recorded for this return",
          Map.of("outcome", file.outcome.name(), "recordedAt", Instant.ofEpochMilli(file.outcomeAt)));
    }
  }
}
