package nl.vermissing.convenant.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import nl.vermissing.events.AgeBand;

/** The age band that may be shared where an exact age may not: computed from the date of birth on a given day. */
public final class AgeBands {

  private AgeBands() {}

  public static AgeBand of(String dateOfBirth, LocalDate on) {
    if (dateOfBirth == null) {
      return AgeBand.UNKNOWN;
    }
    try {
      LocalDate born = LocalDate.parse(dateOfBirth);
      if (born.isAfter(on)) {
        return AgeBand.UNKNOWN;
      }
      int age = Period.between(born, on).getYears();
      if (age < 12) {
        return AgeBand.UNDER_12;
      } else if (age < 14) {
        return AgeBand.AGE_12_13;
      } else if (age < 16) {
        return AgeBand.AGE_14_15;
      } else if (age < 18) {
        return AgeBand.AGE_16_17;
      }
      return AgeBand.AGE_18_PLUS;
    } catch (DateTimeParseException e) {
      return AgeBand.UNKNOWN;
    }
  }
}
