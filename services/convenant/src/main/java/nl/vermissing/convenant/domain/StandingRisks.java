package nl.vermissing.convenant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.YouthSnapshot;

/**
 * The risk indicators a youth's profile already shows before anyone assesses an absence: known or suspected sexual
 * exploitation, suicide risk, danger to others, a suspected exploiter among the contacts, and an age under 13 at t0.
 * Any one of them makes the case red at once, whatever the whereabouts (a CSE-flagged child is never "only absent").
 */
public final class StandingRisks {

  private StandingRisks() {}

  /**
   * The standing indicators of a youth at a moment (t0: when last seen), in the order of {@link RiskIndicator};
   * empty when the profile shows none. Age is judged on the Dutch date of that moment.
   */
  public static List<RiskIndicator> of(YouthSnapshot youth, Instant t0) {
    Set<RiskIndicator> indicators = EnumSet.noneOf(RiskIndicator.class);
    if (youth == null) {
      return List.of();
    }
    if (under13(youth, t0)) {
      indicators.add(RiskIndicator.UNDER_13);
    }
    for (Contact contact : youth.getContacts()) {
      if (contact.getSuspectedExploiter()) {
        indicators.add(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER);
      }
    }
    for (KnownRisk risk : youth.getKnownRisks()) {
      RiskIndicator indicator = indicatorOf(risk);
      if (indicator != null) {
        indicators.add(indicator);
      }
    }
    return List.copyOf(indicators);
  }

  /**
   * The risk indicator a known risk of the profile amounts to, or null when it is not one by itself (it may still
   * weigh in the institution's assessment).
   */
  static RiskIndicator indicatorOf(KnownRisk risk) {
    return switch (risk) {
      case SEXUAL_EXPLOITATION -> RiskIndicator.SEXUAL_EXPLOITATION;
      case SUICIDE -> RiskIndicator.SUICIDAL_INTENT;
      case DANGER_TO_OTHERS -> RiskIndicator.DANGER_TO_OTHERS;
      case CRIMINAL_EXPLOITATION, SELF_HARM, SUBSTANCE_USE, OTHER -> null;
    };
  }

  /**
   * Under 13 on the Dutch date of t0. When the date of birth cannot be read (or lies after t0), the snapshot's age
   * band decides: only UNDER_12 is certainly under 13.
   */
  private static boolean under13(YouthSnapshot youth, Instant t0) {
    LocalDate on = Deadlines.today(t0.toEpochMilli());
    try {
      LocalDate born = LocalDate.parse(youth.getDateOfBirth());
      if (!born.isAfter(on)) {
        return Period.between(born, on).getYears() < 13;
      }
    } catch (DateTimeParseException | NullPointerException e) {
      // unreadable (e.g. sealed): fall back to the age band
    }
    return youth.getAgeBand() == AgeBand.UNDER_12;
  }
}
