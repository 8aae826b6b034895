package nl.vermissing.register.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** Calendar rules of the register: an episode belongs to the month of its t0 in Dutch local time. */
public final class RegisterTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private RegisterTime() {}

  public static YearMonth monthOf(Instant t0) {
    return YearMonth.from(t0.atZone(ZONE));
  }
}
