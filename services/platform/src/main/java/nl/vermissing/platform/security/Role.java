package nl.vermissing.platform.security;

/** The roles of the system; each is scoped to one tenant (institution, police unit or region). */
public enum Role {
  /** Group worker or duty manager of an institution; tenant = institution id. */
  INSTITUTION_STAFF,
  /** Holds return conversations; tenant = institution id. */
  FOLLOW_UP_WORKER,
  /** Zorgcoördinator: receives escalations of overdue conversations; tenant = institution id. */
  CARE_COORDINATOR,
  /** Police liaison of a regional unit; tenant = police unit. */
  POLICE_LIAISON,
  /** Duty officer of a police unit, re-notified of unacknowledged alerts; tenant = police unit. */
  DUTY_OFFICER,
  /** Maintains the convenant rules of a region; tenant = region. */
  AGREEMENT_ADMIN,
  /** National consumer of the register: aggregates and the pseudonymised feed only; tenant = "national". */
  REGISTRY_CONSUMER,
  /** Reads the audit trail; tenant = "national". */
  AUDITOR
}
