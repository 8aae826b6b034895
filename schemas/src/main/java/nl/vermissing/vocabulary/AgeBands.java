package nl.vermissing.vocabulary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import nl.vermissing.events.AgeBand;

/**
 * The age band of a youth: what may be shared or counted where the date of birth may not. Days are Dutch days
 * (Europe/Amsterdam), so a youth turns 16 at local midnight.
 */
public final class AgeBands {

  public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  private AgeBands() {}

  /** The band on a given day; UNKNOWN for a missing, malformed or future date of birth. */
  public static AgeBand of(String dateOfBirth, LocalDate on) {
    if (dateOfBirth == null || on == null) {
      return AgeBand.UNKNOWN;
    }
    LocalDate born;
    try {
      born = LocalDate.parse(dateOfBirth);
    } catch (DateTimeParseException e) {
      return AgeBand.UNKNOWN;
    }
    if (born.isAfter(on)) {
      return AgeBand.UNKNOWN;
    }
    int years = Period.between(born, on).getYears();
    if (years < 12) {
      return AgeBand.UNDER_12;
    } else if (years < 14) {
      return AgeBand.AGE_12_13;
    } else if (years < 16) {
      return AgeBand.AGE_14_15;
    } else if (years < 18) {
      return AgeBand.AGE_16_17;
    }
    return AgeBand.AGE_18_PLUS;
  }

  /** The band at a moment (e.g. t0), on that moment's Dutch date. */
  public static AgeBand at(String dateOfBirth, Instant moment) {
    return moment == null ? AgeBand.UNKNOWN : of(dateOfBirth, moment.atZone(DUTCH_TIME).toLocalDate());
  }
}
