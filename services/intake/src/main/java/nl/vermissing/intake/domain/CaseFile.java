package nl.vermissing.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.YouthReturned;

/**
 * The state of one missing episode, folded from its case events in log order. Events that the state machine would
 * refuse (e.g. a second return) are kept in the history but do not change the state, so that replaying the log
 * always gives the same state.
 */
public final class CaseFile {

  private final String caseId;
  private final String youthId;
  private final String institutionId;
  private final AbsenceReported absence;
  private final Instant reportedAt;
  private final List<CaseEvent> events = new ArrayList<>();
  private CaseStatus status = CaseStatus.OPEN;
  private RiskAssessed risk;
  private Instant riskAssessedAt;
  private Instant missingReportedAt;
  private YouthReturned returned;
  private String cancelReason;
  private Instant closedAt;

  private CaseFile(CaseEvent opening) {
    this.caseId = opening.getCaseId();
    this.youthId = opening.getYouthId();
    this.institutionId = opening.getInstitutionId();
    this.absence = (AbsenceReported) opening.getPayload();
    this.reportedAt = opening.getRecordedAt();
    events.add(opening);
  }

  /** A case opened by an AbsenceReported event. */
  public static CaseFile open(CaseEvent opening) {
    if (!(opening.getPayload() instanceof AbsenceReported)) {
      throw new IllegalArgumentException("a case starts with AbsenceReported");
    }
    return new CaseFile(opening);
  }

  /** Applies a later event of this case; returns whether it changed the state. */
  public boolean apply(CaseEvent event) {
    events.add(event);
    Object payload = event.getPayload();
    CaseCommand command = commandOf(payload);
    if (command == null) {
      if (payload instanceof CaseClosed && status.isOpen()) {
        status = CaseStatus.CLOSED;
        closedAt = event.getOccurredAt();
        return true;
      }
      return false;
    }
    if (CaseStateMachine.refusal(status, missingReportedAt != null, command).isPresent()) {
      return false;
    }
    if (payload instanceof RiskAssessed r) {
      risk = r;
      riskAssessedAt = event.getOccurredAt();
    } else if (payload instanceof MissingReported) {
      missingReportedAt = event.getOccurredAt();
    } else if (payload instanceof YouthReturned r) {
      returned = r;
      closedAt = r.getReturnedAt();
    } else if (payload instanceof ReportCancelled c) {
      cancelReason = c.getReason();
      closedAt = event.getOccurredAt();
    }
    status = CaseStateMachine.after(status, command);
    return true;
  }

  /** The command an event payload stands for; null for an opening or administrative event. */
  static CaseCommand commandOf(Object payload) {
    if (payload instanceof nl.vermissing.events.LocalActionRecorded) {
      return CaseCommand.RECORD_LOCAL_ACTION;
    } else if (payload instanceof RiskAssessed) {
      return CaseCommand.ASSESS_RISK;
    } else if (payload instanceof MissingReported) {
      return CaseCommand.REPORT_MISSING;
    } else if (payload instanceof nl.vermissing.events.InformationAdded) {
      return CaseCommand.ADD_INFORMATION;
    } else if (payload instanceof YouthReturned) {
      return CaseCommand.REPORT_RETURN;
    } else if (payload instanceof ReportCancelled) {
      return CaseCommand.CANCEL;
    }
    return null;
  }

  /** Throws {@link TransitionRefused} when the command is impossible now. */
  public void require(CaseCommand command) {
    CaseStateMachine.refusal(status, missingReportedAt != null, command).ifPresent(reason -> {
      throw new TransitionRefused(reason);
    });
  }

  public String caseId() { return caseId; }
  public String youthId() { return youthId; }
  public String institutionId() { return institutionId; }
  public AbsenceReported absence() { return absence; }
  public Instant lastSeenAt() { return absence.getLastSeenAt(); }
  public Instant reportedAt() { return reportedAt; }
  public CaseStatus status() { return status; }
  public RiskAssessed risk() { return risk; }
  public RiskLevel riskLevel() { return risk == null ? null : risk.getLevel(); }
  public Instant riskAssessedAt() { return riskAssessedAt; }
  public Instant missingReportedAt() { return missingReportedAt; }
  public YouthReturned returned() { return returned; }
  public String cancelReason() { return cancelReason; }
  public Instant closedAt() { return closedAt; }
  public List<CaseEvent> events() { return Collections.unmodifiableList(events); }
}
