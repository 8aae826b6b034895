package nl.vermissing.followup.stream;

/**
 * A deadline waiting in the {@code followup-timers} store. The key sorts by due time, so the punctuator reads the
 * store in order and stops at the first timer not yet due.
 */
public record Timer(String caseId, String youthId, Kind kind, long dueAt) {

  public enum Kind { REMINDER, OVERDUE }

  public String key() {
    return key(dueAt, caseId, kind);
  }

  public static String key(long dueAt, String caseId, Kind kind) {
    return String.format("%015d|%s|%s", dueAt, caseId, kind);
  }
}
