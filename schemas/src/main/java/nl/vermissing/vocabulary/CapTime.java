package nl.vermissing.vocabulary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 date-times: local time of a zone with a numeric offset and whole seconds, e.g.
 * {@code 2026-11-22T18:43:00+01:00} (the CAP schema rejects {@code Z} and fractions). The convenant engine writes
 * message references with it and the police gateway renders CAP documents with it, so that a reference
 * {@code sender,identifier,sent} names a message exactly as consumers read it.
 */
public final class CapTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private CapTime() {}

  public static String format(Instant instant, ZoneId zone) {
    return FORMAT.format(truncate(instant).atZone(zone));
  }

  /** The instant as a CAP document states it: whole seconds. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
