package nl.vermissing.convenant.domain;

/** How far the police have been involved in a case; it only ever moves up. */
public enum PoliceStage {
  NONE, CONSULTATION, MISSING_REPORT;

  public boolean below(PoliceStage other) {
    return ordinal() < other.ordinal();
  }
}
