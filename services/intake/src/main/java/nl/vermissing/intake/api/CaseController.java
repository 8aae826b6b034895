package nl.vermissing.intake.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import nl.vermissing.intake.command.AccessAudit;
import nl.vermissing.intake.command.CaseCommands;
import nl.vermissing.intake.command.ReadSide;
import nl.vermissing.intake.command.Requests;
import nl.vermissing.intake.view.Dtos.CaseSummary;
import nl.vermissing.intake.view.Dtos.CaseView;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Missing episodes (cases) of one institution: staff report and update them; follow-up workers and care
 * coordinators of the institution may read them. Every command writes one event; each answers with the case view,
 * including the timeline and the next step the agreement requires.
 */
@RestController
@RequestMapping("/api/intake/institutions/{institutionId}/cases")
@Tag(name = "Cases", description = "Absence reports and the life of each missing episode")
@SecurityRequirement(name = "bearer")
public class CaseController {

  private static final String KEY = ProfileController.IDEMPOTENCY_KEY;
  private static final String KEY_DOC = "retries with the same key give the same answer and one event";
  private static final List<String> CASE_FIELDS = List.of("youth", "lastSeenLocation", "clothing",
      "whereaboutsDescription", "timeline");

  private final CaseCommands commands;
  private final ReadSide readSide;
  private final AccessAudit audit;

  public CaseController(CaseCommands commands, ReadSide readSide, AccessAudit audit) {
    this.commands = commands;
    this.readSide = readSide;
    this.audit = audit;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report an absence (opens a case)")
  @ApiResponse(responseCode = "201", description = "case opened")
  @ApiResponse(responseCode = "400", description = "invalid field, e.g. lastSeenAt in the future")
  @ApiResponse(responseCode = "409", description = "the youth already has an open case (returned as existing)")
  public CaseView report(@PathVariable String institutionId, @Valid @RequestBody Requests.AbsenceRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.reportAbsence(institutionId, request, actor, key);
  }

  @GetMapping
  @Operation(summary = "List the institution's cases, newest first")
  public List<CaseSummary> list(@PathVariable String institutionId,
      @Parameter(description = "open, closed or all") @RequestParam(defaultValue = "all") String status,
      Actor actor) {
    readers(actor, institutionId);
    Boolean open = switch (status) {
      case "open" -> Boolean.TRUE;
      case "closed" -> Boolean.FALSE;
      case "all" -> null;
      default -> throw ApiException.invalid("status", "open, closed or all");
    };
    List<CaseSummary> result = readSide.ready().casesOf(institutionId, open);
    audit.read(actor, "LIST_CASES", "/api/intake/institutions/" + institutionId + "/cases", null,
        List.of("givenName", "familyName", "lastSeenAt"), "missing-episode handling");
    return result;
  }

  @GetMapping("/{caseId}")
  @Operation(summary = "A case with its timeline and the next step the agreement requires (audited)")
  public CaseView get(@PathVariable String institutionId, @PathVariable String caseId, Actor actor) {
    readers(actor, institutionId);
    CaseView view = readSide.ready().caseView(caseId)
        .filter(c -> c.institutionId().equals(institutionId))
        .orElseThrow(() -> ApiException.notFound("no such case in this institution"));
    audit.read(actor, "READ_CASE", "/api/intake/institutions/" + institutionId + "/cases/" + caseId, view.youthId(),
        CASE_FIELDS, "missing-episode handling");
    return view;
  }

  @PostMapping("/{caseId}/local-actions")
  @Operation(summary = "Record a local action (called the youth, friends, parents informed, ...)")
  @ApiResponse(responseCode = "409", description = "the case is closed")
  public CaseView localAction(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody Requests.LocalActionRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.recordLocalAction(institutionId, caseId, request, actor, key);
  }

  @PostMapping("/{caseId}/risk-assessments")
  @Operation(summary = "Assess the risk (GREEN/ORANGE/RED)",
      description = "Any indicator or a closed placement with a valid legal title requires RED; under 13 at t0 adds"
          + " UNDER_13. The level may be raised but never set below the required minimum (400, field level). A"
          + " reassessment below the current level needs downgradeReason (400, field downgradeReason).")
  public CaseView assessRisk(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody Requests.RiskAssessmentRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.assessRisk(institutionId, caseId, request, actor, key);
  }

  @PostMapping("/{caseId}/missing-report")
  @Operation(summary = "Record that a missing report was filed with police (once per case)")
  public CaseView missingReport(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody(required = false) Requests.MissingReportRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.reportMissing(institutionId, caseId, request, actor, key);
  }

  @PostMapping("/{caseId}/information")
  @Operation(summary = "Add information: a sighting, a new contact, changed clothing")
  public CaseView information(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody Requests.InformationRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.addInformation(institutionId, caseId, request, actor, key);
  }

  @PostMapping("/{caseId}/return")
  @Operation(summary = "Report the return (closes the case)")
  @ApiResponse(responseCode = "400", description = "returnedAt before t0 or in the future")
  @ApiResponse(responseCode = "409", description = "the case is already closed")
  public CaseView reportReturn(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody Requests.ReturnRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.reportReturn(institutionId, caseId, request, actor, key);
  }

  @PostMapping("/{caseId}/cancel")
  @Operation(summary = "Cancel an erroneous report, with reason (closes the case)")
  public CaseView cancel(@PathVariable String institutionId, @PathVariable String caseId,
      @Valid @RequestBody Requests.CancelRequest request,
      @Parameter(description = KEY_DOC) @RequestHeader(value = KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.cancel(institutionId, caseId, request, actor, key);
  }

  private static void readers(Actor actor, String institutionId) {
    actor.require(institutionId, Role.INSTITUTION_STAFF, Role.FOLLOW_UP_WORKER, Role.CARE_COORDINATOR);
  }
}
