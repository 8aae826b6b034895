package nl.vermissing.convenant.stream;

import nl.vermissing.convenant.domain.TimerKind;

/**
 * Keys of the timer store: "deadline|kind|caseId" with the deadline zero-padded, so that the store's byte order is
 * deadline order and due timers are found by scanning from the start.
 */
public final class TimerKeys {

  private TimerKeys() {}

  public record Timer(long deadline, TimerKind kind, String caseId) {}

  public static String key(long deadline, TimerKind kind, String caseId) {
    return String.format("%019d|%s|%s", Math.max(0L, deadline), kind.name(), caseId);
  }

  public static Timer parse(String key) {
    int first = key.indexOf('|');
    int second = key.indexOf('|', first + 1);
    return new Timer(Long.parseLong(key.substring(0, first)), TimerKind.valueOf(key.substring(first + 1, second)),
        key.substring(second + 1));
  }
}
