package nl.vermissing.followup.api;

import java.time.Instant;
import java.util.List;
import nl.vermissing.followup.domain.WorklistStatus;
import nl.vermissing.followup.stream.CaseFile;

/** Response bodies of the follow-up API. Only {@link Conversation} holds personal data. */
public final class FollowUpResponses {

  private FollowUpResponses() {}

  /**
   * The answer to a command: ACCEPTED (recorded as a follow-up event), REJECTED (with the reason) or PENDING (not
   * decided within the wait; its status address tells later).
   */
  public record CommandResult(String eventId, String caseId, String status, String reason, Instant decidedAt) {

    public static final String PENDING = "PENDING";

    static CommandResult of(String caseId, String commandId, CaseFile.Verdict verdict) {
      return new CommandResult(commandId, caseId, verdict.accepted() ? "ACCEPTED" : "REJECTED", verdict.reason(),
          Instant.ofEpochMilli(verdict.decidedAt()));
    }
  }

  /** One return conversation on the worklist: no personal data. */
  public record WorkItem(String caseId, String youthId, Instant returnedAt, Instant dueBy, WorklistStatus status,
      String assignedRole, boolean reminderSent, String escalatedTo, CaseFile.Outcome outcome, Instant outcomeAt,
      boolean referralCreated, boolean comenshaRequested) {

    static WorkItem of(CaseFile file, long now) {
      WorklistStatus status = WorklistStatus.of(file.dueBy, file.outcome != null, now);
      return new WorkItem(file.caseId, file.youthId, instant(file.returnedAt), instant(file.dueBy), status,
          "FOLLOW_UP_WORKER", file.reminderSent, file.overdue || status == WorklistStatus.OVERDUE ? "CARE_COORDINATOR"
          : null, file.outcome, instant(file.outcomeAt), file.referralCreated, file.comenshaRequestedAt != null);
    }
  }

  public record Worklist(String institutionId, Instant at, List<WorkItem> dueSoon, List<WorkItem> overdue,
      List<WorkItem> done) {}

  /** Consent and referral state of a case. */
  public record CaseSummary(WorkItem conversation, String consentGivenBy, Instant consentSignedAt,
      Integer consentAge, Instant consentWithdrawnAt, Instant comenshaRequestedAt, List<List<String>> repeatReviews) {}

  /** The recorded outcome with its personal fields: reading it is audited. */
  public record Conversation(String caseId, CaseFile.Outcome outcome, Instant outcomeAt, String recordedBy,
      CaseFile.Conversation held, String declinedReason, String notPossibleReason, String linkedCaseId) {}

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
