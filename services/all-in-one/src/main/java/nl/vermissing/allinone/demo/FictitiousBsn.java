package nl.vermissing.allinone.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Fictitious citizen service numbers (BSN) for the demo youths: nine digits that pass the 11-test (elfproef:
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a non-zero multiple of 11), taken from the 9999xxxxx series that is used for test
 * numbers, so that the demo exercises the same validation as real data without belonging to a real person's record.
 */
public final class FictitiousBsn {

  /** The first number of the series. */
  static final int FIRST = 999_990_000;

  private FictitiousBsn() {}

  /** The first {@code count} numbers of the series that pass the 11-test, in ascending order. */
  public static List<String> series(int count) {
    List<String> numbers = new ArrayList<>(count);
    for (int candidate = FIRST; numbers.size() < count && candidate <= 999_999_999; candidate++) {
      String digits = Integer.toString(candidate);
      if (passesElfproef(digits)) {
        numbers.add(digits);
      }
    }
    if (numbers.size() < count) {
      throw new IllegalArgumentException("the test series has fewer than " + count + " valid numbers");
    }
    return numbers;
  }

  /** The 11-test of a BSN. */
  public static boolean passesElfproef(String digits) {
    if (digits == null || digits.length() != 9 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int digit = digits.charAt(i) - '0';
      sum += i < 8 ? (9 - i) * digit : -digit;
    }
    return sum != 0 && sum % 11 == 0;
  }
}
