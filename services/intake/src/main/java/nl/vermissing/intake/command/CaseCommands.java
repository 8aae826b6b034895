package nl.vermissing.intake.command;

import nl.vermissing.vocabulary.AgeBands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationAdded;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.intake.domain.CaseCommand;
import nl.vermissing.intake.domain.CaseFile;
import nl.vermissing.intake.domain.DomainViolation;
import nl.vermissing.intake.domain.RiskClassifier;
import nl.vermissing.intake.domain.TransitionRefused;
import nl.vermissing.intake.view.Dtos.CaseView;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The case commands of the institution: each is checked against the case state machine and the time rules (t0 not
 * in the future, return not before t0) and then written as one case event keyed by case id. A youth has at most one
 * open case. An absence of a youth whose profile carries standing risks is followed at once by the system's RED
 * assessment (see {@link RiskClassifier#standingRiskAssessment}). A police found report closes a still-open case once
 * (YouthReturned, found by POLICE).
 */
@Service
public class CaseCommands {

  private static final Logger log = LoggerFactory.getLogger(CaseCommands.class);
  /** Clocks of browsers and servers differ a little: "in the future" means beyond this. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  /** recordedBy of the events the system writes by itself. */
  public static final String SYSTEM = "system";

  private final ReadSide readSide;
  private final Idempotency idempotency;
  private final YouthLocks locks;
  private final Clock clock;
  private final ZoneId zone;

  public CaseCommands(ReadSide readSide, Idempotency idempotency, YouthLocks locks, Clock clock, ZoneId zone) {
    this.readSide = readSide;
    this.idempotency = idempotency;
    this.locks = locks;
    this.clock = clock;
    this.zone = zone;
  }

  /** Opens a case; 409 with the open case when the youth is already absent. */
  public CaseView reportAbsence(String institutionId, Requests.AbsenceRequest r, Actor actor, String key) {
    IntakeView view = readSide.ready();
    String eventId = Idempotency.eventId(institutionId, "report-absence", key);
    // a retry also completes the system's risk assessment if the first attempt stopped right after the absence
    return idempotency.once(eventId,
        () -> view.keyOfEvent(eventId).flatMap(caseId -> assessStandingRisks(view, caseId, eventId)), () -> {
      notInFuture(r.lastSeenAt(), "lastSeenAt");
      YouthProfileVersion profile = view.profile(r.youthId())
          .filter(p -> p.getInstitutionId().equals(institutionId) && !p.getErased())
          .orElseThrow(() -> ApiException.invalid("youthId", "no profile of this youth in your institution"));
      return locks.with(profile.getYouthId(), () -> {
        view.openCaseOf(profile.getYouthId()).flatMap(view::caseView).ifPresent(open -> {
          throw ApiException.conflict("this youth is already reported absent", open);
        });
        String caseId = key == null ? UUID.randomUUID().toString()
            : UUID.nameUUIDFromBytes(("case|" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        AbsenceReported absence = AbsenceReported.newBuilder()
            .setLastSeenAt(r.lastSeenAt())
            .setLastSeenLocation(r.lastSeenLocation())
            .setClothing(r.clothing())
            .setWhereaboutsKnown(Boolean.TRUE.equals(r.whereaboutsKnown()))
            .setWhereaboutsDescription(r.whereaboutsDescription())
            .setReportedBy(r.reportedBy() == null || r.reportedBy().isBlank() ? actor.displayName() : r.reportedBy())
            .setYouth(snapshot(profile, r.lastSeenAt()))
            .build();
        CaseEvent event = envelope(eventId, caseId, profile.getYouthId(), institutionId, r.lastSeenAt(), actor, absence);
        readSide.writeAndWait(Topics.CASE_EVENTS, caseId, event, null);
        standingRiskAssessment(event).ifPresent(risk -> readSide.writeAndWait(Topics.CASE_EVENTS, caseId, risk, null));
        return view.caseView(caseId).orElseThrow();
      });
    });
  }

  /**
   * Writes the system's assessment of a case opened by the absence event {@code absenceEventId} if it is still due:
   * the case is open, nobody has assessed it yet, and the assessment's event id is not yet in the log.
   */
  private Optional<CaseView> assessStandingRisks(IntakeView view, String caseId, String absenceEventId) {
    return view.caseFile(caseId).map(known -> locks.with(known.youthId(), () -> {
      Optional<CaseEvent> due = view.read(v -> v.caseFile(caseId)
          .filter(f -> f.status().isOpen() && f.risk() == null)
          .filter(f -> v.keyOfEvent(standingRiskEventId(absenceEventId)).isEmpty())
          .flatMap(f -> standingRiskAssessment(f.events().get(0))));
      due.ifPresent(risk -> readSide.writeAndWait(Topics.CASE_EVENTS, caseId, risk, null));
      return view.caseView(caseId).orElseThrow();
    }));
  }

  /**
   * The RiskAssessed (RED, recorded by the system) that follows an absence of a youth with standing risks in the
   * profile; its event id is derived from the absence's, so it is written once per case whatever the retries.
   */
  private Optional<CaseEvent> standingRiskAssessment(CaseEvent absenceEvent) {
    AbsenceReported absence = (AbsenceReported) absenceEvent.getPayload();
    LocalDate t0Date = absence.getLastSeenAt().atZone(zone).toLocalDate();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return RiskClassifier.standingRiskAssessment(RiskClassifier.subjectOf(absence.getYouth(), t0Date), today)
        .map(a -> CaseEvent.newBuilder().setEventId(standingRiskEventId(absenceEvent.getEventId()))
            .setCaseId(absenceEvent.getCaseId()).setYouthId(absenceEvent.getYouthId())
            .setInstitutionId(absenceEvent.getInstitutionId()).setOccurredAt(clock.instant())
            .setRecordedAt(clock.instant()).setRecordedBy(SYSTEM)
            .setPayload(RiskAssessed.newBuilder().setIndicators(List.copyOf(a.indicators()))
                .setRequiredMinimum(a.requiredMinimum()).setLevel(a.level()).setRationale(a.rationale()).build())
            .build());
  }

  static String standingRiskEventId(String absenceEventId) {
    return UUID.nameUUIDFromBytes(("intake|standing-risk|" + absenceEventId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public CaseView recordLocalAction(String institutionId, String caseId, Requests.LocalActionRequest r, Actor actor,
      String key) {
    return onCase(institutionId, caseId, CaseCommand.RECORD_LOCAL_ACTION, key, actor, file -> {
      Instant at = r.occurredAt() == null ? clock.instant() : notInFuture(r.occurredAt(), "occurredAt");
      return new Decision(at, LocalActionRecorded.newBuilder().setAction(r.action()).setOutcome(r.outcome()).build());
    });
  }

  /**
   * Applies the risk rules of {@link RiskClassifier} to the case's youth snapshot (incl. the profile's standing
   * risks as they were when the absence was reported) and current level.
   */
  public CaseView assessRisk(String institutionId, String caseId, Requests.RiskAssessmentRequest r, Actor actor,
      String key) {
    return onCase(institutionId, caseId, CaseCommand.ASSESS_RISK, key, actor, file -> {
      LocalDate today = LocalDate.now(clock.withZone(zone));
      RiskClassifier.Subject subject = RiskClassifier.subjectOf(file.absence().getYouth(),
          file.lastSeenAt().atZone(zone).toLocalDate());
      RiskClassifier.Assessment a = RiskClassifier.assess(subject, r.indicators(), r.level(), file.riskLevel(),
          r.downgradeReason(), r.rationale(), today);
      return new Decision(clock.instant(), RiskAssessed.newBuilder()
          .setIndicators(List.copyOf(a.indicators())).setRequiredMinimum(a.requiredMinimum()).setLevel(a.level())
          .setRationale(a.rationale()).build());
    });
  }

  public CaseView reportMissing(String institutionId, String caseId, Requests.MissingReportRequest r, Actor actor,
      String key) {
    return onCase(institutionId, caseId, CaseCommand.REPORT_MISSING, key, actor,
        file -> new Decision(clock.instant(), new MissingReported(r == null ? null : r.note())));
  }

  public CaseView addInformation(String institutionId, String caseId, Requests.InformationRequest r, Actor actor,
      String key) {
    return onCase(institutionId, caseId, CaseCommand.ADD_INFORMATION, key, actor, file -> {
      if (r.observedAt() != null) {
        notInFuture(r.observedAt(), "observedAt");
      }
      return new Decision(clock.instant(), InformationAdded.newBuilder().setKind(r.kind())
          .setDescription(r.description()).setLocation(r.location()).setObservedAt(r.observedAt()).build());
    });
  }

  public CaseView reportReturn(String institutionId, String caseId, Requests.ReturnRequest r, Actor actor,
      String key) {
    return onCase(institutionId, caseId, CaseCommand.REPORT_RETURN, key, actor, file -> {
      Instant at = r.returnedAt() == null ? clock.instant() : notInFuture(r.returnedAt(), "returnedAt");
      if (at.isBefore(file.lastSeenAt())) {
        throw new DomainViolation("returnedAt", "the return is before the youth was last seen (t0)");
      }
      return new Decision(at, YouthReturned.newBuilder().setReturnedAt(at).setLocation(r.location())
          .setFoundBy(r.foundBy()).setCircumstances(r.circumstances()).build());
    });
  }

  public CaseView cancel(String institutionId, String caseId, Requests.CancelRequest r, Actor actor, String key) {
    return onCase(institutionId, caseId, CaseCommand.CANCEL, key, actor,
        file -> new Decision(clock.instant(), new ReportCancelled(r.reason().strip())));
  }

  /**
   * Police found the youth: appends YouthReturned (found by POLICE) if the case is still open; at most once per
   * case, whatever the number of found reports or their redeliveries (the event id is derived from the case id).
   *
   * @return whether an event was written
   */
  public boolean policeFound(PoliceResponse response, FoundReported found) {
    IntakeView view = readSide.ready();
    String caseId = response.getCaseId();
    String eventId = UUID.nameUUIDFromBytes(("intake|police-found|" + caseId).getBytes(StandardCharsets.UTF_8))
        .toString();
    Optional<CaseFile> known = view.caseFile(caseId);
    if (known.isEmpty()) {
      throw new IllegalStateException("police found report for an unknown case " + caseId);
    }
    return locks.with(known.get().youthId(), () -> {
      boolean open = view.read(v -> v.keyOfEvent(eventId).isEmpty()
          && v.caseFile(caseId).map(f -> f.status().isOpen()).orElse(false));
      if (!open) {
        log.info("police found report {} for case {}: case already closed", response.getResponseId(), caseId);
        return false;
      }
      CaseFile file = known.get();
      Instant at = found.getFoundAt().isBefore(file.lastSeenAt()) ? file.lastSeenAt() : found.getFoundAt();
      YouthReturned returned = YouthReturned.newBuilder().setReturnedAt(at).setLocation(found.getLocation())
          .setFoundBy(FoundBy.POLICE).setCircumstances(found.getCircumstances()).build();
      CaseEvent event = CaseEvent.newBuilder().setEventId(eventId).setCaseId(caseId).setYouthId(file.youthId())
          .setInstitutionId(file.institutionId()).setOccurredAt(at).setRecordedAt(clock.instant())
          .setRecordedBy("police:" + response.getPoliceUnit() + "/" + response.getRespondedBy())
          .setPayload(returned).build();
      readSide.writeAndWait(Topics.CASE_EVENTS, caseId, event, null);
      return true;
    });
  }

  // ------------------------------------------------------------------ common flow

  private record Decision(Instant occurredAt, Object payload) {}

  @FunctionalInterface
  private interface Decide {
    Decision on(CaseFile file);
  }

  private CaseView onCase(String institutionId, String caseId, CaseCommand command, String key, Actor actor,
      Decide decide) {
    IntakeView view = readSide.ready();
    String eventId = Idempotency.eventId(institutionId, command.name() + ":" + caseId, key);
    CaseFile found = view.caseFile(caseId).filter(f -> f.institutionId().equals(institutionId))
        .orElseThrow(() -> ApiException.notFound("no such case in this institution"));
    return idempotency.once(eventId, () -> replay(view, eventId), () -> locks.with(found.youthId(), () -> {
      Decision decision = view.read(v -> {
        CaseFile file = v.caseFile(caseId).orElseThrow();
        try {
          file.require(command);
        } catch (TransitionRefused refused) {
          throw ApiException.conflict(refused.getMessage(), v.caseView(caseId).orElseThrow());
        }
        return decide.on(file);
      });
      CaseEvent event = envelope(eventId, caseId, found.youthId(), institutionId, decision.occurredAt(), actor,
          decision.payload());
      readSide.writeAndWait(Topics.CASE_EVENTS, caseId, event, null);
      return view.caseView(caseId).orElseThrow();
    }));
  }

  private CaseEvent envelope(String eventId, String caseId, String youthId, String institutionId, Instant occurredAt,
      Actor actor, Object payload) {
    return CaseEvent.newBuilder().setEventId(eventId).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(institutionId).setOccurredAt(occurredAt).setRecordedAt(clock.instant())
        .setRecordedBy(actor.userId()).setPayload(payload).build();
  }

  private Instant notInFuture(Instant at, String field) {
    if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new DomainViolation(field, field + " is in the future");
    }
    return at;
  }

  private static Optional<CaseView> replay(IntakeView view, String eventId) {
    return view.keyOfEvent(eventId).flatMap(view::caseView);
  }

  /**
   * The profile as it travels with the case: everything but the BSN (only its national pseudonym), plus the age
   * band at t0 for those who may not see the date of birth.
   */
  static YouthSnapshot snapshot(YouthProfileVersion p, Instant t0) {
    return YouthSnapshot.newBuilder()
        .setNationalPseudonym(p.getNationalPseudonym())
        .setProfileVersion(p.getVersion())
        .setGivenName(p.getGivenName())
        .setFamilyName(p.getFamilyName())
        .setDateOfBirth(p.getDateOfBirth())
        .setSex(p.getSex())
        .setPhoto(p.getPhoto() == null ? null : p.getPhoto().duplicate())
        .setPhotoContentType(p.getPhotoContentType())
        .setPhysicalDescription(p.getPhysicalDescription())
        .setContacts(p.getAssociates())
        .setPlaces(p.getPlaces())
        .setSafetyMedicalNeeds(p.getSafetyMedicalNeeds())
        .setKnownRisks(p.getKnownRisks())
        .setPlacementType(p.getPlacementType())
        .setLegalTitle(p.getLegalTitle())
        .setAgeBand(AgeBands.at(p.getDateOfBirth(), t0))
        .build();
  }
}
