package nl.vermissing.intake.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;

/**
 * The risk level an institution may give a missing youth: any risk indicator requires RED, and so does a closed
 * placement under a valid legal title (always reported to police); otherwise GREEN is the minimum. A youth under 13
 * at t0 carries the indicator UNDER_13 automatically. Staff may raise the level but never go below the required
 * minimum, and a reassessment never silently lowers a child's level: lowering needs an explicit downgrade reason.
 */
public final class RiskClassifier {

  private RiskClassifier() {}

  /** What is known of the youth and the episode when the risk is assessed. */
  public record Subject(PlacementType placement, LegalTitleKind legalTitleKind, LocalDate legalTitleValidUntil,
      LocalDate dateOfBirth, LocalDate t0Date) {}

  /** The outcome of an accepted assessment. */
  public record Assessment(Set<RiskIndicator> indicators, RiskLevel requiredMinimum, RiskLevel level,
      String rationale, List<String> requiredBecause) {}

  /** The indicators given by staff plus UNDER_13 when the youth was under 13 at t0. */
  public static Set<RiskIndicator> effectiveIndicators(Collection<RiskIndicator> given, LocalDate dateOfBirth,
      LocalDate t0Date) {
    Set<RiskIndicator> result = EnumSet.noneOf(RiskIndicator.class);
    if (given != null) {
      result.addAll(given);
    }
    if (dateOfBirth != null && t0Date != null && Period.between(dateOfBirth, t0Date).getYears() < 13) {
      result.add(RiskIndicator.UNDER_13);
    }
    return result;
  }

  /**
   * A closed placement with a court title that has not expired on the given date (a voluntary placement,
   * VRIJWILLIG, is not a legal title).
   */
  public static boolean closedWithValidLegalTitle(PlacementType placement, LegalTitleKind kind, LocalDate validUntil,
      LocalDate onDate) {
    return placement == PlacementType.CLOSED && kind != null && kind != LegalTitleKind.VRIJWILLIG
        && (validUntil == null || !validUntil.isBefore(onDate));
  }

  /** The reasons the level must be RED; empty when GREEN is allowed. */
  public static List<String> redBecause(Set<RiskIndicator> indicators, Subject subject, LocalDate onDate) {
    List<String> reasons = new ArrayList<>();
    indicators.forEach(i -> reasons.add("indicator " + i));
    if (closedWithValidLegalTitle(subject.placement(), subject.legalTitleKind(), subject.legalTitleValidUntil(),
        onDate)) {
      reasons.add("closed placement with legal title: always reported to police");
    }
    return reasons;
  }

  /** The lowest level allowed. */
  public static RiskLevel requiredMinimum(Set<RiskIndicator> indicators, Subject subject, LocalDate onDate) {
    return redBecause(indicators, subject, onDate).isEmpty() ? RiskLevel.GREEN : RiskLevel.RED;
  }

  /**
   * Decides an assessment.
   *
   * @param given indicators ticked by staff
   * @param requested the level staff chose; null = the required minimum
   * @param current the case's current level; null for the first assessment
   * @param downgradeReason required (non-blank) to go below {@code current}
   * @param rationale free text of staff
   * @param onDate the date of the assessment (legal title validity)
   * @throws DomainViolation on field {@code level} (below the minimum) or {@code downgradeReason}
   */
  public static Assessment assess(Subject subject, Collection<RiskIndicator> given, RiskLevel requested,
      RiskLevel current, String downgradeReason, String rationale, LocalDate onDate) {
    Set<RiskIndicator> indicators = effectiveIndicators(given, subject.dateOfBirth(), subject.t0Date());
    List<String> because = redBecause(indicators, subject, onDate);
    RiskLevel minimum = because.isEmpty() ? RiskLevel.GREEN : RiskLevel.RED;
    RiskLevel level = requested == null ? max(minimum, current == null ? minimum : current) : requested;
    if (level.compareTo(minimum) < 0) {
      throw new DomainViolation("level", "level " + level + " is below the required " + minimum + " ("
          + String.join("; ", because) + ")");
    }
    String text = blankToNull(rationale);
    if (current != null && level.compareTo(current) < 0) {
      String reason = blankToNull(downgradeReason);
      if (reason == null) {
        throw new DomainViolation("downgradeReason", "lowering the level from " + current + " to " + level
            + " needs an explicit downgradeReason");
      }
      String note = "Lowered from " + current + " to " + level + ": " + reason;
      text = text == null ? note : note + "\n" + text;
    }
    return new Assessment(indicators, minimum, level, text, because);
  }

  private static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
