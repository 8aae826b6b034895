package nl.vermissing.convenant.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 date-times: Dutch local time with a numeric offset and whole seconds, e.g. {@code 2026-03-02T10:00:00+01:00}
 * (the CAP schema rejects {@code Z} and fractions). The same rule as the police gateway renders the {@code sent}
 * field with, so that a reference {@code sender,identifier,sent} names a message exactly as consumers see it.
 */
public final class CapTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private CapTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(Deadlines.ZONE));
  }

  /** A CAP moment: the instant truncated to whole seconds, as it reads in a CAP document. */
  public static Instant of(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS);
  }
}
