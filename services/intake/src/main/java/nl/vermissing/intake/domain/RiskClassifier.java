package nl.vermissing.intake.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.YouthSnapshot;

/**
 * The risk level an institution may give a missing youth: any risk indicator requires RED, and so does a closed
 * placement under a valid legal title (always reported to police); otherwise GREEN is the minimum. A youth under 13
 * at t0 carries the indicator UNDER_13 automatically, and the standing risks of the profile count as indicators in
 * every episode (known sexual exploitation, suicide or danger to others; an associate marked suspected exploiter).
 * Staff may raise the level but never go below the required minimum, and a reassessment never silently lowers a
 * child's level: lowering needs an explicit downgrade reason.
 */
public final class RiskClassifier {

  /** The known risks of a profile that are risk indicators of the checklist, and the indicator each one is. */
  static final Map<KnownRisk, RiskIndicator> STANDING_INDICATORS = Map.of(
      KnownRisk.SEXUAL_EXPLOITATION, RiskIndicator.SEXUAL_EXPLOITATION,
      KnownRisk.SUICIDE, RiskIndicator.SUICIDAL_INTENT,
      KnownRisk.DANGER_TO_OTHERS, RiskIndicator.DANGER_TO_OTHERS);

  /** Opening words of the rationale of an assessment made by the system from the profile's standing risks. */
  public static final String STANDING_RISK_RATIONALE = "standing risk in the profile: ";

  private RiskClassifier() {}

  /**
   * What is known of the youth and the episode when the risk is assessed.
   *
   * @param knownRisks the known risks recorded in the profile (null = none)
   * @param suspectedExploiterAmongAssociates an associate in the profile is marked suspected exploiter
   */
  public record Subject(PlacementType placement, LegalTitleKind legalTitleKind, LocalDate legalTitleValidUntil,
      LocalDate dateOfBirth, LocalDate t0Date, Set<KnownRisk> knownRisks,
      boolean suspectedExploiterAmongAssociates) {

    public Subject {
      knownRisks = knownRisks == null || knownRisks.isEmpty() ? Set.of() : Set.copyOf(knownRisks);
    }

    /** A subject whose profile records no standing risks. */
    public Subject(PlacementType placement, LegalTitleKind legalTitleKind, LocalDate legalTitleValidUntil,
        LocalDate dateOfBirth, LocalDate t0Date) {
      this(placement, legalTitleKind, legalTitleValidUntil, dateOfBirth, t0Date, Set.of(), false);
    }
  }

  /** The subject as the youth snapshot of a case shows it; {@code t0Date} is the day the youth was last seen. */
  public static Subject subjectOf(YouthSnapshot youth, LocalDate t0Date) {
    return new Subject(youth.getPlacementType(),
        youth.getLegalTitle() == null ? null : youth.getLegalTitle().getKind(),
        youth.getLegalTitle() == null ? null : youth.getLegalTitle().getValidUntil(),
        LocalDate.parse(youth.getDateOfBirth()), t0Date,
        youth.getKnownRisks() == null ? Set.of() : Set.copyOf(youth.getKnownRisks()),
        youth.getContacts() != null && youth.getContacts().stream().anyMatch(Contact::getSuspectedExploiter));
  }

  /**
   * The indicators the profile's standing risks carry into every episode, in checklist order, each with the
   * standing risk it comes from (known risk SEXUAL_EXPLOITATION, SUICIDE, DANGER_TO_OTHERS; an associate marked
   * suspected exploiter is WITH_CRIMINALS_OR_EXPLOITER). Names of associates are not repeated.
   */
  public static Map<RiskIndicator, String> standingIndicators(Subject subject) {
    Map<RiskIndicator, String> found = new EnumMap<>(RiskIndicator.class);
    for (KnownRisk risk : KnownRisk.values()) {
      RiskIndicator indicator = STANDING_INDICATORS.get(risk);
      if (indicator != null && subject.knownRisks().contains(risk)) {
        found.merge(indicator, "known risk " + risk, (a, b) -> a + ", " + b);
      }
    }
    if (subject.suspectedExploiterAmongAssociates()) {
      found.merge(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER, "an associate is marked suspected exploiter",
          (a, b) -> a + ", " + b);
    }
    return found;
  }

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

  /**
   * The indicators given by staff, plus UNDER_13 when the youth was under 13 at t0, plus the indicators of the
   * profile's standing risks.
   */
  public static Set<RiskIndicator> effectiveIndicators(Collection<RiskIndicator> given, Subject subject) {
    Set<RiskIndicator> result = effectiveIndicators(given, subject.dateOfBirth(), subject.t0Date());
    result.addAll(standingIndicators(subject).keySet());
    return result;
  }

  /** The reasons the level must be RED; empty when GREEN is allowed. */
  public static List<String> redBecause(Set<RiskIndicator> indicators, Subject subject, LocalDate onDate) {
    List<String> reasons = new ArrayList<>();
    Map<RiskIndicator, String> standing = standingIndicators(subject);
    indicators.forEach(i -> reasons.add("indicator " + i
        + (standing.containsKey(i) ? " (" + STANDING_RISK_RATIONALE + standing.get(i) + ")" : "")));
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
    Set<RiskIndicator> indicators = effectiveIndicators(given, subject);
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

  /**
   * The assessment the system records by itself when an absence is reported for a youth whose profile carries
   * standing risks: RED, with every effective indicator and a rationale naming the standing risks. Empty when the
   * profile has none (then staff assess as usual).
   */
  public static Optional<Assessment> standingRiskAssessment(Subject subject, LocalDate onDate) {
    Map<RiskIndicator, String> standing = standingIndicators(subject);
    if (standing.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    standing.forEach((indicator, from) -> parts.add(from + " (indicator " + indicator + ")"));
    return Optional.of(assess(subject, List.of(), null, null, null,
        STANDING_RISK_RATIONALE + String.join("; ", parts), onDate));
  }

  private static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
