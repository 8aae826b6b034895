package nl.vermissing.convenant.domain;

/** Where a case stands for the agreement engine. Only an OPEN case has deadlines and can reach the police. */
public enum CaseStatus {
  OPEN, RETURNED, CANCELLED, CLOSED
}
