package nl.vermissing.police.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 date-times: local time of the given zone with a numeric offset and no fractional seconds, e.g.
 * {@code 2026-11-22T18:43:00+01:00} (the CAP schema rejects {@code Z} and fractions).
 */
public final class CapTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private CapTime() {}

  public static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }
}
