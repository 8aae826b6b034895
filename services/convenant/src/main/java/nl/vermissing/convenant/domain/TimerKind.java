package nl.vermissing.convenant.domain;

/** The deadlines of the agreement that the engine watches for an open case (at most one of each kind per case). */
public enum TimerKind {
  /** Green or not yet assessed, not back: the institution must reassess the risk. */
  REASSESS_RISK,
  /** A requested reassessment was not answered in time: the case becomes orange. */
  REASSESS_ANSWER,
  /** Orange, not back: the consultation is escalated to a full missing report. */
  ORANGE_ESCALATION,
  /** Closed care, not back: the municipality is notified (calamity). */
  CALAMITY
}
