package nl.vermissing.intake.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LocalAction;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.intake.view.Dtos.ContactDto;
import nl.vermissing.intake.view.Dtos.LegalTitleDto;
import nl.vermissing.intake.view.Dtos.PlaceDto;

/** The bodies of the intake commands. */
public final class Requests {

  private Requests() {}

  /** A youth profile (grab pack). On update, a missing {@code bsn} keeps the stored one. */
  public record ProfileRequest(
      @NotBlank @Size(max = 200) String givenName,
      @NotBlank @Size(max = 200) String familyName,
      @NotNull @Schema(example = "2010-05-17") LocalDate dateOfBirth,
      Sex sex,
      @Schema(description = "BSN, 9 digits passing the 11-test; never returned except masked", example = "111222333")
      String bsn,
      @Size(max = 4000) String physicalDescription,
      List<@Valid ContactDto> associates,
      List<@Valid PlaceDto> places,
      List<String> phoneNumbers,
      List<String> socialMedia,
      @Size(max = 4000) @Schema(description = "medical needs relevant to safety only") String safetyMedicalNeeds,
      List<KnownRisk> knownRisks,
      @NotNull PlacementType placementType,
      LegalTitleDto legalTitle,
      @Schema(description = "optional optimistic check on update: the version being changed") Integer expectedVersion) {}

  public record TransferRequest(@NotBlank String toInstitutionId) {}

  /** Why the youth's personal data is erased (e.g. retention period passed, request of the youth). */
  public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {}

  /** Report an absence: t0 and the circumstances. */
  public record AbsenceRequest(
      @NotBlank String youthId,
      @NotNull @Schema(description = "t0: when the youth was last seen / not where expected") Instant lastSeenAt,
      @Size(max = 1000) String lastSeenLocation,
      @Size(max = 2000) String clothing,
      @Schema(description = "true = away without permission but whereabouts known; false or absent = missing")
      Boolean whereaboutsKnown,
      @Size(max = 2000) String whereaboutsDescription,
      @Size(max = 200) @Schema(description = "who reports; defaults to the signed-in user's name") String reportedBy) {}

  public record LocalActionRequest(@NotNull LocalAction action, @Size(max = 4000) String outcome, Instant occurredAt) {}

  /**
   * A risk assessment. {@code level} defaults to the required minimum (or the current level if higher). Lowering the
   * current level needs {@code downgradeReason}; going below the minimum is never allowed.
   */
  public record RiskAssessmentRequest(
      List<RiskIndicator> indicators,
      RiskLevel level,
      @Size(max = 4000) String rationale,
      @Size(max = 2000) String downgradeReason) {}

  public record MissingReportRequest(@Size(max = 4000) String note) {}

  public record InformationRequest(
      @NotNull InformationKind kind,
      @NotBlank @Size(max = 4000) String description,
      @Size(max = 1000) String location,
      Instant observedAt) {}

  public record ReturnRequest(
      @Schema(description = "defaults to now") Instant returnedAt,
      @Size(max = 1000) String location,
      @NotNull FoundBy foundBy,
      @Size(max = 4000) String circumstances) {}

  public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {}
}
