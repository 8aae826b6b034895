package nl.vermissing.register.domain;

import java.time.Instant;
import java.util.Comparator;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;

/**
 * What the register knows of one case, reduced to whitelisted facts. Every input event becomes a fragment and the
 * state is the {@link #merge merge} of all fragments; merge is associative, commutative and idempotent, so the
 * same events in any order, or delivered twice, give the same facts (reproducible figures).
 *
 * <p>Internal state only: it is keyed by case id and carries the institution id (needed to find the region), both of
 * which never leave the register's internal stores.
 */
public record CaseFacts(
    String institutionId,
    Absence absence,
    Instant reportedAt,
    Instant alertedAt,
    Instant acknowledgedAt,
    Instant returnedAt,
    RiskLevel riskLevel,
    Urgency urgency,
    boolean cancelled,
    Instant conversationDueBy,
    Instant conversationHeldAt,
    boolean conversationDeclined,
    boolean conversationNotPossible,
    boolean conversationOverdue,
    boolean exploitationSignal,
    boolean referral,
    boolean comenshaRegistration,
    Instant lastEventAt) {

  /**
   * t0 and the pseudonymised youth facts from the absence report. Of two absence reports of one case the earliest
   * wins; the event id and then the other fields break ties, so the choice never depends on arrival order.
   */
  public record Absence(Instant at, String eventId, String nationalPseudonym, AgeBand ageBand, Sex sex,
      PlacementType placementType) {}

  /** The police urgency classification; the latest classification (by response time, then id) counts. */
  public record Urgency(Instant at, String responseId, String value) {}

  public static final CaseFacts EMPTY = builder().build();

  public boolean hasAbsence() {
    return absence != null;
  }

  /** The least upper bound of two fragments. */
  public CaseFacts merge(CaseFacts other) {
    if (other == null) {
      return this;
    }
    return new CaseFacts(
        minString(institutionId, other.institutionId),
        earliestAbsence(absence, other.absence),
        min(reportedAt, other.reportedAt),
        min(alertedAt, other.alertedAt),
        min(acknowledgedAt, other.acknowledgedAt),
        min(returnedAt, other.returnedAt),
        maxRisk(riskLevel, other.riskLevel),
        latestUrgency(urgency, other.urgency),
        cancelled || other.cancelled,
        min(conversationDueBy, other.conversationDueBy),
        min(conversationHeldAt, other.conversationHeldAt),
        conversationDeclined || other.conversationDeclined,
        conversationNotPossible || other.conversationNotPossible,
        conversationOverdue || other.conversationOverdue,
        exploitationSignal || other.exploitationSignal,
        referral || other.referral,
        comenshaRegistration || other.comenshaRegistration,
        max(lastEventAt, other.lastEventAt));
  }

  private static Instant min(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String minString(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static RiskLevel maxRisk(RiskLevel a, RiskLevel b) {
    if (a == null) {
      return b;
    }
    return b == null || a.ordinal() >= b.ordinal() ? a : b;
  }

  private static final Comparator<Absence> ABSENCE_ORDER =
      Comparator.comparing(Absence::at).thenComparing(Absence::eventId)
          .thenComparing(Absence::nationalPseudonym, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Absence::ageBand, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Absence::sex, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Absence::placementType, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static Absence earliestAbsence(Absence a, Absence b) {
    if (a == null) {
      return b;
    }
    return b == null || ABSENCE_ORDER.compare(a, b) <= 0 ? a : b;
  }

  private static final Comparator<Urgency> URGENCY_ORDER =
      Comparator.comparing(Urgency::at).thenComparing(Urgency::responseId)
          .thenComparing(Urgency::value, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static Urgency latestUrgency(Urgency a, Urgency b) {
    if (a == null) {
      return b;
    }
    return b == null || URGENCY_ORDER.compare(a, b) >= 0 ? a : b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a fragment: unset facts stay at their neutral value. */
  public static final class Builder {
    private String institutionId;
    private Absence absence;
    private Instant reportedAt;
    private Instant alertedAt;
    private Instant acknowledgedAt;
    private Instant returnedAt;
    private RiskLevel riskLevel;
    private Urgency urgency;
    private boolean cancelled;
    private Instant conversationDueBy;
    private Instant conversationHeldAt;
    private boolean conversationDeclined;
    private boolean conversationNotPossible;
    private boolean conversationOverdue;
    private boolean exploitationSignal;
    private boolean referral;
    private boolean comenshaRegistration;
    private Instant lastEventAt;

    public Builder institutionId(String v) { institutionId = v; return this; }
    public Builder absence(Absence v) { absence = v; return this; }
    public Builder reportedAt(Instant v) { reportedAt = v; return this; }
    public Builder alertedAt(Instant v) { alertedAt = v; return this; }
    public Builder acknowledgedAt(Instant v) { acknowledgedAt = v; return this; }
    public Builder returnedAt(Instant v) { returnedAt = v; return this; }
    public Builder riskLevel(RiskLevel v) { riskLevel = v; return this; }
    public Builder urgency(Urgency v) { urgency = v; return this; }
    public Builder cancelled(boolean v) { cancelled = v; return this; }
    public Builder conversationDueBy(Instant v) { conversationDueBy = v; return this; }
    public Builder conversationHeldAt(Instant v) { conversationHeldAt = v; return this; }
    public Builder conversationDeclined(boolean v) { conversationDeclined = v; return this; }
    public Builder conversationNotPossible(boolean v) { conversationNotPossible = v; return this; }
    public Builder conversationOverdue(boolean v) { conversationOverdue = v; return this; }
    public Builder exploitationSignal(boolean v) { exploitationSignal = v; return this; }
    public Builder referral(boolean v) { referral = v; return this; }
    public Builder comenshaRegistration(boolean v) { comenshaRegistration = v; return this; }
    public Builder lastEventAt(Instant v) { lastEventAt = v; return this; }

    public CaseFacts build() {
      return new CaseFacts(institutionId, absence, reportedAt, alertedAt, acknowledgedAt, returnedAt, riskLevel,
          urgency, cancelled, conversationDueBy, conversationHeldAt, conversationDeclined, conversationNotPossible,
          conversationOverdue, exploitationSignal, referral, comenshaRegistration, lastEventAt);
    }
  }
}
