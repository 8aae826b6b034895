package nl.vermissing.police.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.ResponsibilityTransferred;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.api.AlertViews.AcknowledgementView;
import nl.vermissing.police.api.AlertViews.ResponseReceipt;
import nl.vermissing.police.domain.AckRequirement;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.stream.AcknowledgementGuard;
import nl.vermissing.police.stream.PoliceResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What police report back about an alert of their unit: acknowledgement, urgency, sightings, found, transfer to
 * another unit, and questions to the institution. Each is written to the police responses topic and confirmed
 * (201) only once the broker has it; a cancelled alert takes no further updates (409). A retry with the same
 * {@code Idempotency-Key} is recorded once and answered with the first receipt, even where a new request would now
 * be refused (already acknowledged or found, transferred away).
 */
@RestController
@RequestMapping("/api/police/units/{unit}/alerts/{caseId}")
public class PoliceUpdateController {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final UnitAccess access;
  private final PoliceResponses responses;
  private final AcknowledgementGuard guard;
  private final Idempotency idempotency;

  public PoliceUpdateController(UnitAccess access, PoliceResponses responses, AcknowledgementGuard guard,
      Idempotency idempotency) {
    this.access = access;
    this.responses = responses;
    this.guard = guard;
    this.idempotency = idempotency;
  }

  public record AcknowledgeRequest(@Size(max = 200) String alertIdentifier) {}

  public record UrgencyRequest(@NotNull PoliceUrgency urgency, @Size(max = 2000) String reason) {}

  public record SightingRequest(@NotNull Instant seenAt, @NotBlank @Size(max = 500) String location,
      @Size(max = 4000) String description) {}

  public record FoundRequest(@NotNull Instant foundAt, @Size(max = 500) String location,
      @Size(max = 4000) String circumstances) {}

  public record TransferRequest(@NotBlank @Size(max = 100) String toPoliceUnit) {}

  public record InformationRequestBody(@NotBlank @Size(max = 2000) String question) {}

  @PostMapping("/acknowledgement")
  public ResponseEntity<ResponseReceipt> acknowledge(Actor actor, @PathVariable String unit,
      @PathVariable String caseId, @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody(required = false) AcknowledgeRequest request) {
    return once(actor, unit, caseId, "acknowledgement", key, responseId -> {
      CaseAlert alert = active(actor, unit, caseId);
      if (alert.acknowledgement() != null) {
        throw ApiException.conflict("alert already acknowledged", AcknowledgementView.of(alert));
      }
      AckRequirement requirement = alert.requirement();
      String identifier = request != null && request.alertIdentifier() != null ? request.alertIdentifier()
          : requirement != null ? requirement.alertIdentifier() : alert.latest().getIdentifier();
      if (alert.indexOf(identifier) < 0) {
        throw ApiException.invalid("alertIdentifier", "not a message of case " + caseId);
      }
      if (requirement != null && alert.indexOf(identifier) < alert.indexOf(requirement.alertIdentifier())) {
        throw ApiException.invalid("alertIdentifier",
            "acknowledge message " + requirement.alertIdentifier() + " or a later one");
      }
      if (requirement != null) {
        guard.startAcknowledgement(requirement.key());
      }
      try {
        return responses.respond(responseId, caseId, unit, actor.userId(), new AlertAcknowledged(identifier));
      } catch (RuntimeException e) {
        if (requirement != null) {
          guard.acknowledgementFailed(requirement.key());
        }
        throw e;
      }
    });
  }

  @PostMapping("/urgency")
  public ResponseEntity<ResponseReceipt> urgency(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody UrgencyRequest request) {
    return once(actor, unit, caseId, "urgency", key, responseId -> {
      active(actor, unit, caseId);
      return responses.respond(responseId, caseId, unit, actor.userId(),
          new UrgencyClassified(request.urgency(), request.reason()));
    });
  }

  @PostMapping("/sightings")
  public ResponseEntity<ResponseReceipt> sighting(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody SightingRequest request) {
    return once(actor, unit, caseId, "sighting", key, responseId -> {
      active(actor, unit, caseId);
      notInFuture("seenAt", request.seenAt());
      return responses.respond(responseId, caseId, unit, actor.userId(),
          new SightingReported(request.seenAt(), request.location(), request.description()));
    });
  }

  @PostMapping("/found")
  public ResponseEntity<ResponseReceipt> found(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody FoundRequest request) {
    return once(actor, unit, caseId, "found", key, responseId -> {
      CaseAlert alert = active(actor, unit, caseId);
      if (alert.found()) {
        throw ApiException.conflict("already reported found", AlertViews.AlertSummary.of(alert));
      }
      notInFuture("foundAt", request.foundAt());
      return responses.respond(responseId, caseId, unit, actor.userId(),
          new FoundReported(request.foundAt(), request.location(), request.circumstances()));
    });
  }

  @PostMapping("/transfer")
  public ResponseEntity<ResponseReceipt> transfer(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody TransferRequest request) {
    return once(actor, unit, caseId, "transfer", key, responseId -> {
      active(actor, unit, caseId);
      if (request.toPoliceUnit().equals(unit)) {
        throw ApiException.invalid("toPoliceUnit", "the alert is already with " + unit);
      }
      return responses.respond(responseId, caseId, unit, actor.userId(),
          new ResponsibilityTransferred(request.toPoliceUnit()));
    });
  }

  @PostMapping("/information-requests")
  public ResponseEntity<ResponseReceipt> requestInformation(Actor actor, @PathVariable String unit,
      @PathVariable String caseId, @RequestHeader(value = Idempotency.HEADER, required = false) String key,
      @Valid @RequestBody InformationRequestBody request) {
    return once(actor, unit, caseId, "information-request", key, responseId -> {
      active(actor, unit, caseId);
      return responses.respond(responseId, caseId, unit, actor.userId(),
          new InformationRequested(request.question()));
    });
  }

  /**
   * Checks the officer belongs to the unit, then records the update once per idempotency key: 201 with the receipt,
   * also when it repeats an earlier request's receipt (then with {@code Idempotent-Replayed: true}).
   */
  private ResponseEntity<ResponseReceipt> once(Actor actor, String unit, String caseId, String operation,
      String key, Function<String, PoliceResponse> command) {
    access.requirePolice(actor, unit);
    Idempotency.Outcome outcome = idempotency.once(unit, caseId, operation, key,
        responseId -> receipt(command.apply(responseId)));
    ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED);
    if (outcome.replayed()) {
      created.header(Idempotency.REPLAYED_HEADER, "true");
    }
    return created.body(outcome.receipt());
  }

  private CaseAlert active(Actor actor, String unit, String caseId) {
    CaseAlert alert = access.caseOf(actor, unit, caseId);
    if (alert.cancelled()) {
      throw ApiException.conflict("the alert was cancelled", AlertViews.AlertSummary.of(alert));
    }
    return alert;
  }

  private void notInFuture(String field, Instant at) {
    if (at.isAfter(responses.clock().instant().plus(CLOCK_SKEW))) {
      throw ApiException.invalid(field, "lies in the future");
    }
  }

  private static ResponseReceipt receipt(PoliceResponse r) {
    return new ResponseReceipt(r.getResponseId(), r.getCaseId(), r.getPoliceUnit(),
        r.getPayload().getClass().getSimpleName(), r.getRespondedBy(), r.getRespondedAt());
  }
}
