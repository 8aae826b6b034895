package nl.vermissing.register.domain;

import java.time.Instant;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.ReturnConversationOutcome;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;

/**
 * One pseudonymised missing episode before it is numbered within the youth's history. Holds only whitelisted facts:
 * the national pseudonym, age band, sex, region, institution and placement type, times and outcome codes.
 */
public record Episode(
    String episodeId,
    String nationalPseudonym,
    AgeBand ageBand,
    Sex sex,
    String region,
    String institutionType,
    PlacementType placementType,
    EpisodeStatus status,
    Instant absenceAt,
    Instant reportedAt,
    Instant alertedAt,
    Instant acknowledgedAt,
    Instant returnedAt,
    Long durationMinutes,
    RiskLevel riskLevel,
    String policeUrgency,
    ReturnConversationOutcome returnConversation,
    boolean exploitationSignal,
    boolean referral,
    boolean comenshaRegistration) {

  public boolean counts() {
    return status != EpisodeStatus.CANCELLED;
  }

  public RegisterEpisode toRecord(int episodeNumber, boolean repeatWithin90Days) {
    return RegisterEpisode.newBuilder()
        .setEpisodeId(episodeId)
        .setNationalPseudonym(nationalPseudonym)
        .setAgeBand(ageBand)
        .setSex(sex)
        .setRegion(region)
        .setInstitutionType(institutionType)
        .setPlacementType(placementType)
        .setStatus(status)
        .setAbsenceAt(absenceAt)
        .setReportedAt(reportedAt)
        .setAlertedAt(alertedAt)
        .setAcknowledgedAt(acknowledgedAt)
        .setReturnedAt(returnedAt)
        .setDurationMinutes(durationMinutes)
        .setRiskLevel(riskLevel)
        .setPoliceUrgency(policeUrgency)
        .setReturnConversation(returnConversation)
        .setExploitationSignal(exploitationSignal)
        .setReferral(referral)
        .setComenshaRegistration(comenshaRegistration)
        .setEpisodeNumberForYouth(episodeNumber)
        .setRepeatWithin90Days(repeatWithin90Days)
        .build();
  }
}
