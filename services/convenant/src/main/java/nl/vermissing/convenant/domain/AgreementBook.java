package nl.vermissing.convenant.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vermissing.events.AgreementVersion;

/**
 * Which agreement, in which version, applies to an institution at a moment. Precedence: (1) an institution
 * refinement (an agreement whose institutionIds is exactly that institution); (2) a regional agreement listing the
 * institution among others (the shortest list wins); (3) a regional agreement with no institution list for the
 * institution's configured region; (4) the built-in default agreement. Within a tier the lowest agreementId wins.
 * Of each agreement, the version in effect is the one with the latest effectiveFrom at or before the moment
 * (highest version on a tie); an agreement with no version in effect yet does not apply.
 */
public final class AgreementBook {

  private final Map<String, List<AgreementVersion>> versionsById = new HashMap<>();
  private final AgreementVersion defaultAgreement;
  private final Map<String, String> institutionRegions;

  public AgreementBook(Collection<AgreementVersion> versions, AgreementVersion defaultAgreement,
      Map<String, String> institutionRegions) {
    for (AgreementVersion version : versions) {
      versionsById.computeIfAbsent(version.getAgreementId(), id -> new ArrayList<>()).add(version);
    }
    this.defaultAgreement = defaultAgreement;
    this.institutionRegions = institutionRegions == null ? Map.of() : institutionRegions;
  }

  /** The version of one agreement in effect at a moment. */
  public static Optional<AgreementVersion> effective(Collection<AgreementVersion> versions, Instant at) {
    return versions.stream()
        .filter(v -> !v.getEffectiveFrom().isAfter(at))
        .max(Comparator.comparing(AgreementVersion::getEffectiveFrom)
            .thenComparingInt(AgreementVersion::getVersion));
  }

  /** The agreement (version) that governs a decision for the institution at the moment. */
  public AgreementVersion resolve(String institutionId, Instant at) {
    String region = institutionRegions.get(institutionId);
    AgreementVersion best = null;
    int bestRank = Integer.MAX_VALUE;
    for (List<AgreementVersion> versions : versionsById.values()) {
      Optional<AgreementVersion> current = effective(versions, at);
      if (current.isEmpty()) {
        continue;
      }
      AgreementVersion candidate = current.get();
      int rank = rank(candidate, institutionId, region);
      if (rank < 0) {
        continue;
      }
      if (rank < bestRank || (rank == bestRank && candidate.getAgreementId().compareTo(best.getAgreementId()) < 0)) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best == null ? defaultAgreement : best;
  }

  /** Lower is more specific; negative = does not apply. */
  private static int rank(AgreementVersion agreement, String institutionId, String region) {
    List<String> institutions = agreement.getInstitutionIds();
    if (institutions.contains(institutionId)) {
      return institutions.size() == 1 ? 0 : institutions.size();
    }
    if (institutions.isEmpty() && region != null && region.equals(agreement.getRegion())) {
      return Integer.MAX_VALUE - 1;
    }
    return -1;
  }
}
