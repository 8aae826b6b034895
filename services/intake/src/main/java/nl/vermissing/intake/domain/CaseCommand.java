package nl.vermissing.intake.domain;

/** What staff (or a police found report) may do to an existing case; each produces exactly one case event. */
public enum CaseCommand {
  RECORD_LOCAL_ACTION, ASSESS_RISK, REPORT_MISSING, ADD_INFORMATION, REPORT_RETURN, CANCEL
}
