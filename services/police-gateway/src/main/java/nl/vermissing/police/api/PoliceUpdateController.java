package nl.vermissing.police.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What police report back about an alert of their unit: acknowledgement, urgency, sightings, found, transfer to
 * another unit, and questions to the institution. Each is written to the police responses topic and confirmed
 * (201) only once the broker has it; a cancelled alert takes no further updates (409).
 */
@RestController
@RequestMapping("/api/police/units/{unit}/alerts/{caseId}")
public class PoliceUpdateController {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final UnitAccess access;
  private final PoliceResponses responses;
  private final AcknowledgementGuard guard;

  public PoliceUpdateController(UnitAccess access, PoliceResponses responses, AcknowledgementGuard guard) {
    this.access = access;
    this.responses = responses;
    this.guard = guard;
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
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt acknowledge(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody(required = false) AcknowledgeRequest request) {
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
      return receipt(responses.respond(caseId, unit, actor.userId(), new AlertAcknowledged(identifier)));
    } catch (RuntimeException e) {
      if (requirement != null) {
        guard.acknowledgementFailed(requirement.key());
      }
      throw e;
    }
  }

  @PostMapping("/urgency")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt urgency(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody UrgencyRequest request) {
    active(actor, unit, caseId);
    return receipt(responses.respond(caseId, unit, actor.userId(),
        new UrgencyClassified(request.urgency(), request.reason())));
  }

  @PostMapping("/sightings")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt sighting(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody SightingRequest request) {
    active(actor, unit, caseId);
    notInFuture("seenAt", request.seenAt());
    return receipt(responses.respond(caseId, unit, actor.userId(),
        new SightingReported(request.seenAt(), request.location(), request.description())));
  }

  @PostMapping("/found")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt found(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody FoundRequest request) {
    CaseAlert alert = active(actor, unit, caseId);
    if (alert.found()) {
      throw ApiException.conflict("already reported found", AlertViews.AlertSummary.of(alert));
    }
    notInFuture("foundAt", request.foundAt());
    return receipt(responses.respond(caseId, unit, actor.userId(),
        new FoundReported(request.foundAt(), request.location(), request.circumstances())));
  }

  @PostMapping("/transfer")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt transfer(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody TransferRequest request) {
    active(actor, unit, caseId);
    if (request.toPoliceUnit().equals(unit)) {
      throw ApiException.invalid("toPoliceUnit", "the alert is already with " + unit);
    }
    return receipt(responses.respond(caseId, unit, actor.userId(),
        new ResponsibilityTransferred(request.toPoliceUnit())));
  }

  @PostMapping("/information-requests")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseReceipt requestInformation(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @Valid @RequestBody InformationRequestBody request) {
    active(actor, unit, caseId);
    return receipt(responses.respond(caseId, unit, actor.userId(), new InformationRequested(request.question())));
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
