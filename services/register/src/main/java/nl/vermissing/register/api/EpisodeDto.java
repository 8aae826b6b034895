package nl.vermissing.register.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import nl.vermissing.events.RegisterEpisode;

/** One pseudonymised episode as served by the API: the same whitelisted fields as the register topic. */
@Schema(description = "One missing episode of the national register; pseudonymised, never an identity.")
public record EpisodeDto(
    @Schema(description = "Keyed hash (HMAC-SHA256) of the case id; stable, not reversible without the key")
    String episodeId,
    @Schema(description = "National pseudonym of the youth (keyed hash of the BSN made at the institution); links "
        + "episodes of the same youth across institutions") String nationalPseudonym,
    @Schema(description = "Age band at t0") String ageBand,
    @Schema(description = "Sex") String sex,
    @Schema(description = "Region of the convenant the institution was under at t0") String region,
    @Schema(description = "OPEN or CLOSED (secure) youth care") String institutionType,
    @Schema(description = "Placement type of the youth: OPEN or CLOSED") String placementType,
    @Schema(description = "OPEN, RETURNED or CANCELLED (withdrawn report, not counted)") String status,
    @Schema(description = "t0: when the youth was found not to be where expected") Instant absenceAt,
    @Schema(description = "When the institution filed the missing report with police") Instant reportedAt,
    @Schema(description = "When the first actual alert was sent to police") Instant alertedAt,
    @Schema(description = "When police first acknowledged an alert") Instant acknowledgedAt,
    @Schema(description = "When the youth returned or was found") Instant returnedAt,
    @Schema(description = "Whole minutes from t0 to return") Long durationMinutes,
    @Schema(description = "Highest risk level assessed by the institution (GREEN, ORANGE, RED)") String riskLevel,
    @Schema(description = "Latest police urgency classification (URGENT, OTHER)") String policeUrgency,
    @Schema(description = "Return conversation outcome: PENDING, HELD_IN_TIME, HELD_LATE, DECLINED, NOT_POSSIBLE, "
        + "OVERDUE, NOT_APPLICABLE") String returnConversation,
    @Schema(description = "The return conversation recorded exploitation indicators") boolean exploitationSignal,
    @Schema(description = "A referral task was created") boolean referral,
    @Schema(description = "Registration with CoMensha was requested (with written consent)")
    boolean comenshaRegistration,
    @Schema(description = "Number of this episode among the youth's episodes (0 for a cancelled report)")
    int episodeNumberForYouth,
    @Schema(description = "The youth's previous episode began within 90 days before this t0")
    boolean repeatWithin90Days) {

  static EpisodeDto of(RegisterEpisode e) {
    return new EpisodeDto(e.getEpisodeId(), e.getNationalPseudonym(), name(e.getAgeBand()), name(e.getSex()),
        e.getRegion(), e.getInstitutionType(), name(e.getPlacementType()), name(e.getStatus()), e.getAbsenceAt(),
        e.getReportedAt(), e.getAlertedAt(), e.getAcknowledgedAt(), e.getReturnedAt(), e.getDurationMinutes(),
        name(e.getRiskLevel()), e.getPoliceUrgency(), name(e.getReturnConversation()), e.getExploitationSignal(),
        e.getReferral(), e.getComenshaRegistration(), e.getEpisodeNumberForYouth(), e.getRepeatWithin90Days());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
