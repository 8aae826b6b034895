package nl.vermissing.convenant.domain;

import nl.vermissing.vocabulary.AgeBands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.InformationAdded;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RecipientKind;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.SharingStage;
import nl.vermissing.events.TimeRules;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;

/**
 * The agreement (convenant) executed: for each case event or due deadline, what the police, the municipality and the
 * institution must receive. Red (by assessment, or by a standing risk indicator in the youth's profile whatever the
 * whereabouts; or a closed placement on a valid court authorisation, when the agreement says so) is reported at once;
 * orange gets a pseudonymous consultation, escalated to a full report when not back in time; green must be
 * reassessed, and an unanswered reassessment makes the case orange. A risk level is never lowered automatically, and
 * police are never told less than before (no lower severity or certainty, never green). A return or cancellation
 * withdraws everything sent to police. Pure: no I/O, time is a parameter.
 */
public final class Decisions {

  private Decisions() {}

  /** Applies one case event. Duplicate deliveries (same eventId) change nothing. */
  public static Decision onEvent(CaseState state, CaseEvent event, AgreementVersion agreement, long now) {
    Decision decision = new Decision(state);
    if (!state.remember(event.getEventId())) {
      return decision;
    }
    decision.markChanged();
    if (state.youthId == null) {
      state.youthId = event.getYouthId();
    }
    if (state.institutionId == null) {
      state.institutionId = event.getInstitutionId();
    }
    Object payload = event.getPayload();
    boolean stepChanged;
    if (payload instanceof AbsenceReported absence) {
      stepChanged = absence(decision, event, absence, agreement, now);
    } else if (payload instanceof RiskAssessed risk) {
      stepChanged = risk(decision, risk, agreement, now);
    } else if (payload instanceof MissingReported) {
      stepChanged = missingReported(decision, agreement, now);
    } else if (payload instanceof InformationAdded information) {
      stepChanged = information(decision, event, information, agreement, now);
    } else if (payload instanceof LocalActionRecorded) {
      state.localActions++;
      stepChanged = state.isOpen();
    } else if (payload instanceof YouthReturned returned) {
      stepChanged = end(decision, CaseStatus.RETURNED, returned.getReturnedAt().toEpochMilli(), agreement, now,
          "Intrekking: de jeugdige is terug");
    } else if (payload instanceof ReportCancelled) {
      stepChanged = end(decision, CaseStatus.CANCELLED, null, agreement, now,
          "Intrekking: de melding is ingetrokken door de instelling");
    } else if (payload instanceof CaseClosed) {
      stepChanged = state.isOpen()
          && end(decision, CaseStatus.CLOSED, null, agreement, now, "Intrekking: de zaak is gesloten");
    } else {
      stepChanged = false;
    }
    if (stepChanged && (state.absenceKnown() || !state.isOpen())) {
      decision.nextStep(NextSteps.decide(state, agreement, now));
    }
    return decision;
  }

  /** Applies a due deadline. A deadline that is no longer pending (cleared or moved) changes nothing. */
  public static Decision onTimer(CaseState state, TimerKind kind, AgreementVersion agreement, long now) {
    Decision decision = new Decision(state);
    Long due = state.timers.get(kind);
    if (due == null || due > now) {
      return decision;
    }
    state.timers.remove(kind);
    decision.markChanged();
    if (!state.isOpen() || !state.absenceKnown()) {
      return decision;
    }
    TimeRules rules = agreement.getTimeRules();
    switch (kind) {
      case REASSESS_RISK -> {
        if (state.riskLevel == null || state.riskLevel == RiskLevel.GREEN) {
          state.reassessAnswerBy = Deadlines.reassessAnswerBy(now, rules);
          state.timers.put(TimerKind.REASSESS_ANSWER, state.reassessAnswerBy);
        }
      }
      case REASSESS_ANSWER -> {
        if (state.reassessAnswerBy != null) {
          state.reassessAnswerBy = null;
          state.riskLevel = max(state.riskLevel, RiskLevel.ORANGE);
          reconcilePolice(decision, agreement, now);
        }
      }
      case ORANGE_ESCALATION -> {
        if (state.riskLevel == RiskLevel.ORANGE) {
          state.orangeEscalated = true;
        }
        reconcilePolice(decision, agreement, now);
      }
      case CALAMITY -> calamity(decision, agreement, now);
    }
    decision.nextStep(NextSteps.decide(state, agreement, now));
    return decision;
  }

  // --- events ---

  private static boolean absence(Decision decision, CaseEvent event, AbsenceReported absence,
      AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    if (!state.isOpen()) {
      return false; // the case already ended: a late absence report reaches nobody
    }
    state.absence = event;
    if (state.t0 == null) {
      state.t0 = event.getOccurredAt().toEpochMilli();
    }
    state.whereaboutsKnown = absence.getWhereaboutsKnown();
    long lastSeen = absence.getLastSeenAt().toEpochMilli();
    if (state.missingSince == null || lastSeen < state.missingSince) {
      state.missingSince = lastSeen; // time missing counts from here (the earliest report), never from a sighting
    }
    if (state.lastSeenAt == null || lastSeen >= state.lastSeenAt) {
      state.lastSeenAt = lastSeen;
      state.lastSeenLocation = absence.getLastSeenLocation();
    }
    if (state.clothing == null) {
      state.clothing = absence.getClothing();
    }
    applyStandingRisk(state);
    TimeRules rules = agreement.getTimeRules();
    if ((state.riskLevel == null || state.riskLevel == RiskLevel.GREEN) && state.reassessAnswerBy == null) {
      state.timers.putIfAbsent(TimerKind.REASSESS_RISK, Deadlines.firstReassessment(state.t0, rules));
    }
    if (absence.getYouth().getPlacementType() == PlacementType.CLOSED && !state.calamityNotified) {
      state.timers.putIfAbsent(TimerKind.CALAMITY, Deadlines.calamity(state.t0, rules));
    }
    reconcilePolice(decision, agreement, now);
    return true;
  }

  private static boolean risk(Decision decision, RiskAssessed risk, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    RiskLevel assessed = max(risk.getLevel(), risk.getRequiredMinimum());
    if (!risk.getIndicators().isEmpty()) {
      assessed = RiskLevel.RED; // any risk indicator requires red
    }
    Set<RiskIndicator> indicators = new LinkedHashSet<>(state.indicators);
    indicators.addAll(risk.getIndicators());
    state.indicators = new ArrayList<>(indicators);
    if (!state.isOpen()) {
      return false;
    }
    RiskLevel before = state.riskLevel;
    state.riskLevel = max(before, assessed); // never downgraded automatically
    boolean answered = state.reassessAnswerBy != null;
    if (answered) {
      state.reassessAnswerBy = null;
      state.timers.remove(TimerKind.REASSESS_ANSWER);
    }
    if (state.absenceKnown()) {
      TimeRules rules = agreement.getTimeRules();
      if (state.riskLevel == RiskLevel.GREEN) {
        if (answered) {
          state.timers.put(TimerKind.REASSESS_RISK, Deadlines.nextReassessment(now, rules));
        } else {
          state.timers.putIfAbsent(TimerKind.REASSESS_RISK, Deadlines.firstReassessment(state.t0, rules));
        }
      } else {
        state.timers.remove(TimerKind.REASSESS_RISK);
      }
    }
    PoliceStage stageBefore = state.policeStage;
    reconcilePolice(decision, agreement, now);
    if (state.riskLevel != before && stageBefore != PoliceStage.NONE && state.policeStage == stageBefore
        && raisesWhatPoliceWereTold(state)) {
      sendUpdate(decision, agreement, now, "Aanvulling: risico verhoogd naar " + dutch(state.riskLevel),
          state.riskLevel == RiskLevel.RED);
    }
    return true;
  }

  private static boolean missingReported(Decision decision, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    if (!state.isOpen()) {
      return false;
    }
    state.missingReportRequested = true;
    reconcilePolice(decision, agreement, now);
    return true;
  }

  private static boolean information(Decision decision, CaseEvent event, InformationAdded information,
      AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    if (!state.isOpen()) {
      return false; // late information for an ended case is not sent to police
    }
    state.latestInformation = information.getDescription();
    if (information.getKind() == InformationKind.CLOTHING_CHANGED) {
      state.clothing = information.getDescription();
    }
    if (information.getLocation() != null) {
      long seen = information.getObservedAt() != null ? information.getObservedAt().toEpochMilli()
          : event.getOccurredAt().toEpochMilli();
      if (state.lastSeenAt == null || seen >= state.lastSeenAt) {
        state.lastSeenAt = seen;
        state.lastSeenLocation = information.getLocation();
      }
    }
    if (state.absenceKnown() && state.policeStage != PoliceStage.NONE) {
      sendUpdate(decision, agreement, now, "Aanvulling: nieuwe informatie (" + information.getKind() + ")", false);
    }
    return state.absenceKnown();
  }

  private static boolean end(Decision decision, CaseStatus status, Long returnedAt, AgreementVersion agreement,
      long now, String headline) {
    CaseState state = decision.state();
    if (!state.isOpen()) {
      return false; // duplicate or late: the case already ended
    }
    if (state.policeStage != PoliceStage.NONE) {
      PoliceCaseData data = SharingPolicy.payloadFor(SharingStage.CANCEL, facts(state, agreement, now), agreement);
      send(decision, agreement, PoliceMessages.alert(state, agreement, now, CapMsgType.Cancel, SharingStage.CANCEL,
          new PoliceMessages.Info(CapUrgency.Past, CapSeverity.Minor, CapCertainty.Observed, headline), data,
          state.sentMessageIds, null));
    }
    state.status = status;
    state.returnedAt = returnedAt;
    state.timers.clear();
    state.reassessAnswerBy = null;
    state.forgetPersonalData();
    return true;
  }

  // --- police ---

  /** Brings the police involvement up to what the agreement requires now; never down. */
  private static void reconcilePolice(Decision decision, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    if (!state.isOpen() || state.absence == null) {
      return;
    }
    applyStandingRisk(state); // also for a case stored before its snapshot was judged this way
    TimeRules rules = agreement.getTimeRules();
    if (state.riskLevel == RiskLevel.ORANGE && !state.orangeEscalated
        && now >= Deadlines.orangeEscalation(state.t0, rules)) {
      state.orangeEscalated = true; // assessed orange only after the escalation time: report at once
    }
    PoliceStage required = requiredStage(state, agreement, now);
    if (state.policeStage.below(required)) {
      if (required == PoliceStage.CONSULTATION) {
        sendConsultation(decision, agreement, now);
      } else {
        sendMissingReport(decision, agreement, now);
      }
    }
    if (state.policeStage == PoliceStage.CONSULTATION) {
      state.timers.putIfAbsent(TimerKind.ORANGE_ESCALATION, Deadlines.orangeEscalation(state.t0, rules));
    }
    if (state.policeStage == PoliceStage.MISSING_REPORT) {
      state.timers.remove(TimerKind.ORANGE_ESCALATION);
      state.timers.remove(TimerKind.REASSESS_RISK);
      state.timers.remove(TimerKind.REASSESS_ANSWER);
      state.reassessAnswerBy = null;
    }
  }

  /** What the agreement requires of police involvement for the case as it stands. */
  static PoliceStage requiredStage(CaseState state, AgreementVersion agreement, long now) {
    if (state.riskLevel == RiskLevel.RED || state.missingReportRequested || state.orangeEscalated
        || closedRuleApplies(state, agreement, now)) {
      return PoliceStage.MISSING_REPORT;
    }
    if (state.riskLevel == RiskLevel.ORANGE) {
      return PoliceStage.CONSULTATION;
    }
    return PoliceStage.NONE;
  }

  /**
   * Closed care on a valid authorisation is always reported, also when the whereabouts are known: the court order
   * still holds, and it is why police accept the report.
   */
  private static boolean closedRuleApplies(CaseState state, AgreementVersion agreement, long now) {
    if (!agreement.getClosedWithLegalTitleAlwaysReported() || state.absence == null) {
      return false;
    }
    YouthSnapshot youth = youth(state);
    return Deadlines.closedWithValidLegalTitle(youth.getPlacementType(), youth.getLegalTitle(), now);
  }

  private static void sendConsultation(Decision decision, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    PoliceCaseData data = SharingPolicy.payloadFor(SharingStage.CONSULTATION, facts(state, agreement, now), agreement);
    long ackBy = Deadlines.acknowledgeBy(now, RiskLevel.ORANGE, agreement.getTimeRules());
    PoliceAlert alert = PoliceMessages.alert(state, agreement, now, CapMsgType.Alert, SharingStage.CONSULTATION,
        new PoliceMessages.Info(CapUrgency.Expected, CapSeverity.Moderate, CapCertainty.Likely,
            "Consultatie (oranje): jeugdige uit " + placement(state) + ", zonder identiteitsgegevens"),
        data, List.of(), ackBy);
    state.policeStage = PoliceStage.CONSULTATION;
    state.consultationId = alert.getIdentifier();
    state.acknowledgeBy = ackBy;
    send(decision, agreement, alert);
  }

  private static void sendMissingReport(Decision decision, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    boolean afterConsultation = state.policeStage == PoliceStage.CONSULTATION;
    boolean redLike = state.riskLevel == RiskLevel.RED || closedRuleApplies(state, agreement, now);
    PoliceCaseData data = SharingPolicy.payloadFor(SharingStage.MISSING_REPORT, facts(state, agreement, now),
        agreement);
    long ackBy = Deadlines.acknowledgeBy(now, redLike ? RiskLevel.RED : RiskLevel.ORANGE, agreement.getTimeRules());
    CapSeverity severity = PoliceMessages.atLeast(state.riskLevel == RiskLevel.RED && !state.indicators.isEmpty()
        ? CapSeverity.Extreme : CapSeverity.Severe, state.sentSeverity);
    CapCertainty certainty = PoliceMessages.atLeast(state.riskLevel == RiskLevel.RED || state.missingReportRequested
        ? CapCertainty.Observed : CapCertainty.Likely, state.sentCertainty);
    String why = state.riskLevel == RiskLevel.RED ? "rood"
        : state.missingReportRequested ? "melding door instelling"
        : state.orangeEscalated ? "oranje, niet terug binnen de termijn"
        : "gesloten jeugdhulp met machtiging";
    PoliceAlert alert = PoliceMessages.alert(state, agreement, now,
        afterConsultation ? CapMsgType.Update : CapMsgType.Alert, SharingStage.MISSING_REPORT,
        new PoliceMessages.Info(CapUrgency.Immediate, severity, certainty,
            "Vermissingsmelding (" + why + "): jeugdige uit " + placement(state)),
        data, afterConsultation ? state.sentMessageIds : List.of(), ackBy);
    state.policeStage = PoliceStage.MISSING_REPORT;
    state.missingReportId = alert.getIdentifier();
    state.acknowledgeBy = ackBy;
    send(decision, agreement, alert);
  }

  private static void sendUpdate(Decision decision, AgreementVersion agreement, long now, String headline,
      boolean raisedToRed) {
    CaseState state = decision.state();
    boolean reported = state.policeStage == PoliceStage.MISSING_REPORT;
    PoliceCaseData data = SharingPolicy.updatePayloadFor(facts(state, agreement, now), agreement, reported);
    Long ackBy = raisedToRed ? Deadlines.acknowledgeBy(now, RiskLevel.RED, agreement.getTimeRules()) : null;
    CapSeverity severity = state.riskLevel != RiskLevel.RED ? CapSeverity.Moderate
        : state.indicators.isEmpty() ? CapSeverity.Severe : CapSeverity.Extreme;
    PoliceAlert alert = PoliceMessages.alert(state, agreement, now, CapMsgType.Update, SharingStage.UPDATE,
        new PoliceMessages.Info(reported ? CapUrgency.Immediate : CapUrgency.Expected,
            PoliceMessages.atLeast(severity, state.sentSeverity),
            PoliceMessages.atLeast(CapCertainty.Likely, state.sentCertainty), headline),
        data, state.sentMessageIds, ackBy);
    if (ackBy != null) {
      state.acknowledgeBy = ackBy;
    }
    send(decision, agreement, alert);
  }

  private static void send(Decision decision, AgreementVersion agreement, PoliceAlert alert) {
    CaseState state = decision.state();
    List<String> sent = new ArrayList<>(state.sentMessageIds);
    sent.add(PoliceMessages.reference(alert));
    state.sentMessageIds = sent;
    if (alert.getMsgType() != CapMsgType.Cancel) {
      state.policeRiskLevel = max(state.policeRiskLevel, state.riskLevel);
      state.sentSeverity = PoliceMessages.atLeast(alert.getInfo().getSeverity(), state.sentSeverity);
      state.sentCertainty = PoliceMessages.atLeast(alert.getInfo().getCertainty(), state.sentCertainty);
    }
    decision.alerts().add(alert);
    decision.disclosures().add(PoliceMessages.disclosureOf(alert, agreement));
  }

  // --- municipality ---

  private static void calamity(Decision decision, AgreementVersion agreement, long now) {
    CaseState state = decision.state();
    if (state.calamityNotified || state.absence == null || youth(state).getPlacementType() != PlacementType.CLOSED) {
      return;
    }
    state.calamityNotified = true;
    YouthSnapshot youth = youth(state);
    String noticeId = "urn:vermissing:convenant:" + state.caseId + ":calamity";
    CalamityNotice notice = CalamityNotice.newBuilder()
        .setNoticeId(noticeId)
        .setCaseId(state.caseId)
        .setInstitutionId(state.institutionId)
        .setMunicipalityContact(agreement.getMunicipalityContact())
        .setPlacementType(youth.getPlacementType())
        .setAgeBand(AgeBands.of(youth.getDateOfBirth(), Deadlines.today(now)))
        .setMissingSince(Instant.ofEpochMilli(state.t0))
        .setNotifiedAt(Instant.ofEpochMilli(now))
        .setAgreementId(agreement.getAgreementId())
        .setAgreementVersion(agreement.getVersion())
        .build();
    decision.calamityNotices().add(notice);
    decision.disclosures().add(DisclosureRecord.newBuilder()
        .setAuditId(noticeId + "#disclosure")
        .setCaseId(state.caseId)
        .setYouthId(state.youthId == null ? "" : state.youthId)
        .setRecipientKind(RecipientKind.MUNICIPALITY)
        .setRecipient(agreement.getMunicipalityContact())
        .setFields(List.of("institutionId", "placementType", "ageBand", "missingSince"))
        .setDisclosedAt(Instant.ofEpochMilli(now))
        .setAgreementId(agreement.getAgreementId())
        .setAgreementVersion(agreement.getVersion())
        .setLegalBasis(agreement.getLegalBasis())
        .setMessageId(noticeId)
        .build());
  }

  // --- facts ---

  /** The facts of the case at a moment, as far as known. */
  public static CaseFacts facts(CaseState state, AgreementVersion agreement, long now) {
    YouthSnapshot youth = state.absence == null ? null : youth(state);
    Long since = missingSince(state);
    Long minutesMissing = since == null ? null : Math.max(0L, (now - since) / 60_000L);
    return new CaseFacts(
        youth == null ? null : AgeBands.of(youth.getDateOfBirth(), Deadlines.today(now)),
        youth == null ? null : youth.getPlacementType(),
        state.riskLevel,
        agreement.getRegion(),
        minutesMissing,
        youth == null ? null : youth.getGivenName(),
        youth == null ? null : youth.getFamilyName(),
        youth == null ? null : youth.getDateOfBirth(),
        youth == null ? null : youth.getSex(),
        youth == null ? null : youth.getPhoto(),
        youth == null ? null : youth.getPhotoContentType(),
        youth == null ? null : youth.getPhysicalDescription(),
        state.clothing,
        state.lastSeenAt == null ? null : Instant.ofEpochMilli(state.lastSeenAt),
        state.lastSeenLocation,
        youth == null ? null : youth.getContacts(),
        youth == null ? null : youth.getPlaces(),
        youth == null ? null : youth.getSafetyMedicalNeeds(),
        youth == null ? null : youth.getLegalTitle(),
        state.indicators.isEmpty() ? null : List.copyOf(state.indicators),
        state.latestInformation);
  }

  private static YouthSnapshot youth(CaseState state) {
    return ((AbsenceReported) state.absence.getPayload()).getYouth();
  }

  /** When the youth went missing: last seen according to the absence report; never a later sighting. */
  private static Long missingSince(CaseState state) {
    if (state.missingSince != null) {
      return state.missingSince;
    }
    return state.absence == null ? null
        : ((AbsenceReported) state.absence.getPayload()).getLastSeenAt().toEpochMilli();
  }

  /**
   * The youth's profile shows a risk indicator (CSE-flagged, suicide risk, danger to others, a suspected exploiter,
   * under 13 at t0): the indicators join the case's and the case is red, whatever the whereabouts.
   */
  private static void applyStandingRisk(CaseState state) {
    if (state.absence == null) {
      return;
    }
    List<RiskIndicator> standing = StandingRisks.of(youth(state), Instant.ofEpochMilli(missingSince(state)));
    if (standing.isEmpty()) {
      return;
    }
    Set<RiskIndicator> indicators = new LinkedHashSet<>(state.indicators);
    indicators.addAll(standing);
    state.indicators = new ArrayList<>(indicators);
    state.riskLevel = RiskLevel.RED;
  }

  /**
   * A new risk level is news for police only when it is above the level they were told of ("not assessed" counts
   * lowest); green is never news once police are involved.
   */
  private static boolean raisesWhatPoliceWereTold(CaseState state) {
    return state.riskLevel != null && state.riskLevel != RiskLevel.GREEN
        && (state.policeRiskLevel == null || state.riskLevel.ordinal() > state.policeRiskLevel.ordinal());
  }

  private static String placement(CaseState state) {
    return state.absence != null && youth(state).getPlacementType() == PlacementType.CLOSED
        ? "gesloten jeugdhulp" : "open jeugdhulp";
  }

  static RiskLevel max(RiskLevel a, RiskLevel b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  private static String dutch(RiskLevel level) {
    return switch (level) {
      case GREEN -> "groen";
      case ORANGE -> "oranje";
      case RED -> "rood";
    };
  }
}
