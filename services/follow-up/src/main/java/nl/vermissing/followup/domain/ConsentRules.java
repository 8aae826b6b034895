package nl.vermissing.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import nl.vermissing.events.ConsentGiver;

/**
 * Registration with CoMensha needs written consent: from 16 the youth signs, under 16 a parent or guardian does.
 * The age counts on the day of signing (Dutch time), so a youth signs herself from her 16th birthday on.
 */
public final class ConsentRules {

  public static final int SELF_CONSENT_AGE = 16;
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private ConsentRules() {}

  /** The outcome of checking a consent: valid or not, the age at signing and who must sign. */
  public record Decision(boolean valid, int ageAtSigning, ConsentGiver requiredGiver, String reason) {}

  /** Age in whole years on a date. */
  public static int ageOn(LocalDate dateOfBirth, LocalDate date) {
    if (date.isBefore(dateOfBirth)) {
      throw new IllegalArgumentException("date before date of birth");
    }
    return Period.between(dateOfBirth, date).getYears();
  }

  public static ConsentGiver requiredGiver(int age) {
    return age >= SELF_CONSENT_AGE ? ConsentGiver.YOUTH : ConsentGiver.PARENT_OR_GUARDIAN;
  }

  /**
   * Checks who signed against the youth's age at signing.
   *
   * @param dateOfBirth ISO date (yyyy-MM-dd) from the youth snapshot
   */
  public static Decision check(String dateOfBirth, Instant signedAt, ConsentGiver givenBy) {
    LocalDate birth;
    try {
      birth = LocalDate.parse(dateOfBirth);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("date of birth of the youth is unknown or not an ISO date");
    }
    LocalDate signedOn = signedAt.atZone(ZONE).toLocalDate();
    int age = ageOn(birth, signedOn);
    ConsentGiver required = requiredGiver(age);
    if (givenBy != required) {
      String reason = required == ConsentGiver.YOUTH
          ? "the youth is " + age + " (16 or older) and must sign the consent herself or himself"
          : "the youth is " + age + " (under 16): a parent or guardian must sign the consent";
      return new Decision(false, age, required, reason);
    }
    return new Decision(true, age, required, null);
  }
}
