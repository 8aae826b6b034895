package nl.vermissing.register.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regions an institution belonged to, from the convenant versions that list it. An episode counts in the region
 * whose agreement was in force at its t0; before the first agreement, the first known region applies. Keeping the
 * history (not only the latest) makes the region of an old episode independent of later agreement changes.
 */
public record InstitutionRegions(List<RegionAssignment> assignments) {

  public static final String UNKNOWN_REGION = "UNKNOWN";

  private static final Comparator<RegionAssignment> ORDER = Comparator.comparing(RegionAssignment::effectiveFrom)
      .thenComparingInt(RegionAssignment::version).thenComparing(RegionAssignment::agreementId);

  public InstitutionRegions {
    assignments = assignments == null ? List.of() : List.copyOf(assignments);
  }

  public static InstitutionRegions empty() {
    return new InstitutionRegions(List.of());
  }

  /** Adds or replaces (same agreement and version) an assignment; the order of arrival does not matter. */
  public InstitutionRegions with(RegionAssignment assignment) {
    List<RegionAssignment> next = new ArrayList<>();
    for (RegionAssignment a : assignments) {
      if (!(a.agreementId().equals(assignment.agreementId()) && a.version() == assignment.version())) {
        next.add(a);
      }
    }
    next.add(assignment);
    next.sort(ORDER);
    return new InstitutionRegions(next);
  }

  public String regionAt(Instant t0) {
    if (assignments.isEmpty()) {
      return UNKNOWN_REGION;
    }
    RegionAssignment chosen = assignments.get(0);
    for (RegionAssignment a : assignments) {
      if (!a.effectiveFrom().isAfter(t0)) {
        chosen = a;
      }
    }
    return chosen.region();
  }
}
