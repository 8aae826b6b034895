package nl.vermissing.intake.domain;

/** Where one missing episode stands. OPEN until the youth returns or the report is withdrawn. */
public enum CaseStatus {
  OPEN, RETURNED, CANCELLED, CLOSED;

  public boolean isOpen() {
    return this == OPEN;
  }
}
