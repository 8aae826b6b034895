package nl.vermissing.register.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import nl.vermissing.events.PlacementType;

/**
 * The register's policy parameters.
 *
 * @param returnConversationWindow a return conversation is in time when held within this window after the return,
 *     unless the follow-up service announced another due time
 * @param repeatWindow an episode is a repeat when the same youth had an earlier episode this long before its t0
 * @param retentionMonths episodes whose t0 lies more than this many months in the past are deleted
 * @param institutionTypes institution id to OPEN or CLOSED; an institution not listed takes the placement type of
 *     the episode
 * @param institutionRegions region of an institution that no published agreement lists (the built-in default
 *     agreement applies to it)
 */
public record RegisterRules(Duration returnConversationWindow, Duration repeatWindow, int retentionMonths,
    Map<String, String> institutionTypes, Map<String, String> institutionRegions) {

  public RegisterRules(Duration returnConversationWindow, Duration repeatWindow, int retentionMonths,
      Map<String, String> institutionTypes) {
    this(returnConversationWindow, repeatWindow, retentionMonths, institutionTypes, Map.of());
  }

  public RegisterRules {
    institutionTypes = institutionTypes == null ? Map.of() : Map.copyOf(institutionTypes);
    institutionRegions = institutionRegions == null ? Map.of() : Map.copyOf(institutionRegions);
    if (retentionMonths < 1) {
      throw new IllegalArgumentException("retentionMonths must be at least 1");
    }
  }

  public static RegisterRules defaults() {
    return new RegisterRules(Duration.ofHours(72), Duration.ofDays(90), 60, Map.of());
  }

  public String institutionType(String institutionId, PlacementType placementType) {
    String configured = institutionId == null ? null : institutionTypes.get(institutionId);
    if (configured != null) {
      return configured;
    }
    return placementType == null ? "UNKNOWN" : placementType.name();
  }

  /** The region from the agreements in force at t0, else the configured region of the institution. */
  public String region(String fromAgreements, String institutionId) {
    if (!InstitutionRegions.UNKNOWN_REGION.equals(fromAgreements) || institutionId == null) {
      return fromAgreements;
    }
    return institutionRegions.getOrDefault(institutionId, fromAgreements);
  }

  /** Retention: an episode whose t0 is before this instant has expired. */
  public Instant retentionCutoff(Instant now) {
    return ZonedDateTime.ofInstant(now, RegisterTime.ZONE).minusMonths(retentionMonths).toInstant();
  }

  public boolean expired(Instant t0, Instant now) {
    return t0.isBefore(retentionCutoff(now));
  }
}
