package nl.vermissing.convenant.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;

/**
 * What the agreement engine remembers of one case between events: the absence (with the youth snapshot), the risk
 * level (never lowered automatically), what was sent to police, and the pending deadlines. Personal data (the
 * snapshot, clothing, locations, information) is dropped once the case is returned, cancelled or closed.
 * A persisted document: plain public fields.
 */
public final class CaseState {

  /** The number of processed event ids remembered to ignore duplicate deliveries. */
  static final int REMEMBERED_EVENTS = 100;

  public String caseId;
  public String youthId;
  public String institutionId;
  public CaseStatus status = CaseStatus.OPEN;

  /** The AbsenceReported event (null until it arrives, and again after the case ends). Not part of the JSON. */
  public transient CaseEvent absence;
  /** t0: when the youth was found not to be where expected (occurredAt of the absence), epoch millis. */
  public Long t0;
  public boolean whereaboutsKnown;
  /**
   * When the youth was last seen according to the absence report (epoch millis): "time missing" counts from here,
   * never from a later sighting. Null in states stored before it existed: then the absence's lastSeenAt is used.
   */
  public Long missingSince;
  /** The latest known sighting (absence report or later information); moves forward only. */
  public Long lastSeenAt;
  public String lastSeenLocation;
  public String clothing;
  public String latestInformation;

  /** The effective risk level; null = not assessed. */
  public RiskLevel riskLevel;
  public List<RiskIndicator> indicators = new ArrayList<>();
  public boolean missingReportRequested;
  public boolean orangeEscalated;
  public int localActions;

  public PoliceStage policeStage = PoliceStage.NONE;
  public String policeUnit;
  public int messageSeq;
  public List<String> sentMessageIds = new ArrayList<>();
  public String consultationId;
  public String missingReportId;
  public Long acknowledgeBy;
  /** The highest risk level police were told of (null: none yet, or not assessed when they were told). */
  public RiskLevel policeRiskLevel;
  /** The highest CAP severity and certainty sent for the case: an Update never carries less. */
  public CapSeverity sentSeverity;
  public CapCertainty sentCertainty;

  public Long reassessAnswerBy;
  public boolean calamityNotified;
  public Long returnedAt;

  /** Pending deadlines (epoch millis) by kind. */
  public Map<TimerKind, Long> timers = new EnumMap<>(TimerKind.class);
  public LinkedHashSet<String> seenEventIds = new LinkedHashSet<>();

  public CaseState() {}

  public static CaseState start(String caseId, String youthId, String institutionId) {
    CaseState state = new CaseState();
    state.caseId = caseId;
    state.youthId = youthId;
    state.institutionId = institutionId;
    return state;
  }

  public boolean isOpen() {
    return status == CaseStatus.OPEN;
  }

  public boolean absenceKnown() {
    return t0 != null;
  }

  /** Remembers an event id; false when it was seen before (a duplicate delivery). */
  boolean remember(String eventId) {
    if (!seenEventIds.add(eventId)) {
      return false;
    }
    while (seenEventIds.size() > REMEMBERED_EVENTS) {
      seenEventIds.remove(seenEventIds.iterator().next());
    }
    return true;
  }

  /** Data minimisation at the end of a case: only what the engine needs to answer late events is kept. */
  void forgetPersonalData() {
    absence = null;
    lastSeenLocation = null;
    clothing = null;
    latestInformation = null;
  }
}
