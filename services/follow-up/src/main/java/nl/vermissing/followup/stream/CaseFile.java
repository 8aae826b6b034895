package nl.vermissing.followup.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the follow-up service knows of one case (episode): the return, the deadline and its timers, the outcome of
 * the terugkeergesprek, referral, consent and repeat reviews raised. Kept in the {@code followup-cases} store,
 * built from case events and the service's own accepted follow-up events; the worklist is read from it.
 */
public class CaseFile {

  /** Outcome kinds of a return conversation. */
  public enum Outcome { HELD, DECLINED, NOT_POSSIBLE }

  /** The content of a held conversation. Fields marked personal in the schema are read only with an audit record. */
  public record Conversation(long heldAt, String heldBy, boolean independentInterviewer, List<String> pushFactors,
      List<String> pullFactors, String stayedWhere, String stayedWith, List<String> exploitationIndicators,
      String harm, String needs, String safetyPlan, boolean crimeWhileMissing) {}

  /**
   * The topology's verdict on a command from the API: accepted (published as a follow-up event) or rejected with
   * the reason. The API waits for it before answering, and a retried command finds it here.
   */
  public record Verdict(boolean accepted, String reason, long decidedAt) {}

  /** Verdicts kept per case, the oldest dropped first: retries come within minutes, not after dozens of commands. */
  static final int VERDICTS_KEPT = 100;

  public String caseId;
  public String youthId;
  public String institutionId;
  /** t0: last seen (from AbsenceReported); null when the absence was never seen by this service. */
  public Long t0;
  public String dateOfBirth;
  public boolean cancelled;

  public Long returnedAt;
  public Long dueBy;
  public Long reminderAt;
  public String agreementId;
  public boolean reminderSent;
  public boolean overdue;
  public Long overdueAt;

  public Outcome outcome;
  public Long outcomeAt;
  public String outcomeBy;
  public Conversation conversation;
  public String declinedReason;
  public String notPossibleReason;
  public String linkedCaseId;

  public boolean referralCreated;
  public String consentGivenBy;
  public Long consentSignedAt;
  public Integer consentAge;
  public Long consentWithdrawnAt;
  public Long comenshaRequestedAt;

  /** Repeat-review reason sets already raised for this episode (each sorted by name). */
  public List<List<String>> raisedReviews = new ArrayList<>();

  /** Verdicts on API commands by command event id, oldest first. */
  public Map<String, Verdict> verdicts = new LinkedHashMap<>();

  void decide(String commandId, String rejectionReason, long at) {
    verdicts.put(commandId, new Verdict(rejectionReason == null, rejectionReason, at));
    Iterator<String> oldest = verdicts.keySet().iterator();
    while (verdicts.size() > VERDICTS_KEPT && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  public boolean returned() {
    return returnedAt != null;
  }

  public boolean consentActive() {
    return consentGivenBy != null && consentWithdrawnAt == null;
  }

  public boolean exploitationSignalled() {
    return conversation != null && !conversation.exploitationIndicators().isEmpty();
  }
}
