package nl.vermissing.intake.domain;

/**
 * The Dutch citizen service number (BSN): nine digits passing the 11-test (elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9
 * is a multiple of 11, and not zero). It never leaves the service in clear; outside it is shown masked.
 */
public final class Bsn {

  private Bsn() {}

  /** True when the value is nine digits passing the 11-test. */
  public static boolean isValid(String value) {
    if (value == null || value.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      sum += i < 8 ? (9 - i) * digit : -digit;
    }
    return sum != 0 && sum % 11 == 0;
  }

  /** The normalised BSN (spaces and dots removed, 8 digits padded with a leading zero), or a violation. */
  public static String normalise(String input) {
    if (input == null) {
      return null;
    }
    String digits = input.replace(" ", "").replace(".", "");
    if (digits.length() == 8 && digits.chars().allMatch(Character::isDigit)) {
      digits = "0" + digits;
    }
    if (!isValid(digits)) {
      throw new DomainViolation("bsn", "not a valid BSN (9 digits passing the 11-test)");
    }
    return digits;
  }

  /** The only form in which a BSN is ever shown: all but the last four digits hidden. */
  public static String mask(String bsn) {
    if (bsn == null) {
      return null;
    }
    return bsn.length() <= 4 ? "****" : "*".repeat(bsn.length() - 4) + bsn.substring(bsn.length() - 4);
  }
}
