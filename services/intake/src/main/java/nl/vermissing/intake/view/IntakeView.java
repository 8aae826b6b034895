package nl.vermissing.intake.view;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.platform.crypto.FieldEncryption;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationAdded;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.ResponsibilityTransferred;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.intake.domain.Bsn;
import nl.vermissing.intake.domain.CaseFile;
import nl.vermissing.intake.view.Dtos.CaseSummary;
import nl.vermissing.intake.view.Dtos.CaseView;
import nl.vermissing.intake.view.Dtos.ContactDto;
import nl.vermissing.intake.view.Dtos.LegalTitleDto;
import nl.vermissing.intake.view.Dtos.NextStepView;
import nl.vermissing.intake.view.Dtos.PlaceDto;
import nl.vermissing.intake.view.Dtos.ProfileSummary;
import nl.vermissing.intake.view.Dtos.ProfileView;
import nl.vermissing.intake.view.Dtos.ReturnView;
import nl.vermissing.intake.view.Dtos.RiskView;
import nl.vermissing.intake.view.Dtos.TimelineEntry;
import nl.vermissing.intake.view.Dtos.YouthSnapshotView;
import org.apache.kafka.common.TopicPartition;

/**
 * The read side of intake, built only from the topics (profiles, case events, police responses, next steps) in log
 * order, so it is the same after every restart. An event id is applied at most once (a retried write that reached
 * the log twice changes nothing). It also tracks how far each partition has been applied, so that a writer can wait
 * until its own event is visible (read-your-writes).
 */
public class IntakeView {

  private final ZoneId zone;
  private final Map<String, YouthProfileVersion> profiles = new HashMap<>();
  /** Youths (not erased) by national pseudonym: the duplicate check on every profile change looks here. */
  private final Map<String, Set<String>> youthsByPseudonym = new HashMap<>();
  private final Map<String, String> keyByEventId = new HashMap<>();
  private final Map<String, CaseFile> cases = new HashMap<>();
  private final Map<String, String> openCaseByYouth = new HashMap<>();
  private final Map<String, RequiredNextStep> nextSteps = new HashMap<>();
  private final Map<String, List<PoliceResponse>> policeResponses = new HashMap<>();
  private final Map<String, Integer> responseIds = new HashMap<>();
  private final Map<TopicPartition, Long> applied = new HashMap<>();
  private boolean ready;

  public IntakeView(ZoneId zone) {
    this.zone = zone;
  }

  // ---------------------------------------------------------------- applying the log

  /** A profile version; {@code eventId} is the idempotency id from the record header (may be null). */
  public synchronized void applyProfile(YouthProfileVersion version, String eventId) {
    if (eventId != null && keyByEventId.containsKey(eventId)) {
      return;
    }
    YouthProfileVersion current = profiles.get(version.getYouthId());
    if (current == null || version.getVersion() > current.getVersion()) {
      if (current != null) {
        unindex(current);
      }
      profiles.put(version.getYouthId(), version);
      index(version);
    }
    if (version.getErased()) {
      forget(version.getYouthId());
    }
    if (eventId != null) {
      keyByEventId.put(eventId, version.getYouthId());
    }
  }

  private void index(YouthProfileVersion version) {
    if (!version.getErased() && version.getNationalPseudonym() != null) {
      youthsByPseudonym.computeIfAbsent(version.getNationalPseudonym(), k -> new HashSet<>())
          .add(version.getYouthId());
    }
  }

  private void unindex(YouthProfileVersion version) {
    Set<String> youths = version.getNationalPseudonym() == null ? null
        : youthsByPseudonym.get(version.getNationalPseudonym());
    if (youths != null && youths.remove(version.getYouthId()) && youths.isEmpty()) {
      youthsByPseudonym.remove(version.getNationalPseudonym());
    }
  }

  /** Another youth of the institution (not erased) with the same national pseudonym, i.e. the same BSN. */
  public synchronized Optional<YouthProfileVersion> otherWithPseudonym(String institutionId, String national,
      String youthId) {
    return youthsByPseudonym.getOrDefault(national, Set.of()).stream()
        .filter(id -> !id.equals(youthId))
        .map(profiles::get)
        .filter(p -> p.getInstitutionId().equals(institutionId) && !p.getErased())
        .sorted(Comparator.comparing(YouthProfileVersion::getYouthId))
        .findFirst();
  }

  /**
   * The youth's personal data was erased: that youth's cases and the police responses about them keep only what is
   * not personal. Other youths' cases and responses are left as they are.
   */
  private void forget(String youthId) {
    Set<String> casesOfYouth = new HashSet<>();
    for (Map.Entry<String, CaseFile> entry : cases.entrySet()) {
      CaseFile file = entry.getValue();
      if (!file.youthId().equals(youthId)) {
        continue;
      }
      casesOfYouth.add(entry.getKey());
      CaseFile forgotten = null;
      for (CaseEvent event : file.events()) {
        CaseEvent blank = FieldEncryption.withoutPersonalData(event);
        if (forgotten == null) {
          forgotten = CaseFile.open(blank);
        } else {
          forgotten.apply(blank);
        }
      }
      entry.setValue(forgotten);
    }
    policeResponses.replaceAll((caseId, responses) -> responses.stream()
        .map(response -> casesOfYouth.contains(caseId) || youthId.equals(response.getYouthId())
            ? FieldEncryption.withoutPersonalData(response) : response)
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
  }

  public synchronized void applyCaseEvent(CaseEvent event) {
    if (keyByEventId.containsKey(event.getEventId())) {
      return;
    }
    keyByEventId.put(event.getEventId(), event.getCaseId());
    CaseFile file = cases.get(event.getCaseId());
    if (file == null) {
      if (!(event.getPayload() instanceof AbsenceReported)) {
        return;
      }
      file = CaseFile.open(event);
      cases.put(file.caseId(), file);
      openCaseByYouth.putIfAbsent(file.youthId(), file.caseId());
      return;
    }
    file.apply(event);
    if (!file.status().isOpen()) {
      openCaseByYouth.remove(file.youthId(), file.caseId());
    }
  }

  public synchronized void applyNextStep(String caseId, RequiredNextStep step) {
    if (step == null) {
      nextSteps.remove(caseId);
    } else {
      nextSteps.put(caseId, step);
    }
  }

  public synchronized void applyPoliceResponse(PoliceResponse response) {
    if (responseIds.putIfAbsent(response.getResponseId(), 1) != null) {
      return;
    }
    policeResponses.computeIfAbsent(response.getCaseId(), k -> new ArrayList<>()).add(response);
  }

  /** Everything before {@code nextOffset} of the partition has been applied. */
  public synchronized void markApplied(TopicPartition partition, long nextOffset) {
    applied.merge(partition, nextOffset, Math::max);
    notifyAll();
  }

  public synchronized void markReady() {
    ready = true;
    notifyAll();
  }

  public synchronized boolean isReady() {
    return ready;
  }

  /** Waits (bounded) until the view has caught up with the log as it was at start-up. */
  public synchronized boolean awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      waitNanos(left);
    }
    return true;
  }

  /** Waits (bounded) until the record at {@code offset} of the partition has been applied. */
  public synchronized boolean awaitApplied(TopicPartition partition, long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (applied.getOrDefault(partition, 0L) <= offset) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      waitNanos(left);
    }
    return true;
  }

  private void waitNanos(long nanos) {
    try {
      long millis = Math.max(1, nanos / 1_000_000);
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // ---------------------------------------------------------------- queries

  /** Runs a consistent read of the state (no event is applied meanwhile). */
  public synchronized <T> T read(Function<IntakeView, T> query) {
    return query.apply(this);
  }

  /** The case or profile an already applied event id belongs to. */
  public synchronized Optional<String> keyOfEvent(String eventId) {
    return Optional.ofNullable(keyByEventId.get(eventId));
  }

  public synchronized Optional<YouthProfileVersion> profile(String youthId) {
    return Optional.ofNullable(profiles.get(youthId));
  }

  public synchronized Optional<CaseFile> caseFile(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  public synchronized Optional<String> openCaseOf(String youthId) {
    return Optional.ofNullable(openCaseByYouth.get(youthId));
  }

  public synchronized List<ProfileSummary> profilesOf(String institutionId) {
    return profiles.values().stream()
        .filter(p -> p.getInstitutionId().equals(institutionId) && !p.getErased())
        .sorted(Comparator.comparing(YouthProfileVersion::getFamilyName).thenComparing(YouthProfileVersion::getGivenName))
        .map(p -> new ProfileSummary(p.getYouthId(), p.getGivenName(), p.getFamilyName(),
            parseDate(p.getDateOfBirth()), p.getPlacementType(), p.getVersion(), p.getPhoto() != null,
            openCaseOf(p.getYouthId()).orElse(null)))
        .toList();
  }

  public synchronized Optional<ProfileView> profileView(String youthId) {
    return profile(youthId).map(p -> new ProfileView(p.getYouthId(), p.getInstitutionId(), p.getVersion(),
        Bsn.mask(p.getBsn()), p.getGivenName(), p.getFamilyName(), parseDate(p.getDateOfBirth()), p.getSex(),
        p.getPhoto() != null, p.getPhotoContentType(), p.getPhysicalDescription(),
        p.getAssociates().stream().map(ContactDto::of).toList(), p.getPlaces().stream().map(PlaceDto::of).toList(),
        List.copyOf(p.getPhoneNumbers()), List.copyOf(p.getSocialMedia()), p.getSafetyMedicalNeeds(),
        List.copyOf(p.getKnownRisks()), p.getPlacementType(), LegalTitleDto.of(p.getLegalTitle()),
        p.getTransferredFrom(), p.getChangedAt(), p.getChangedBy(), openCaseOf(p.getYouthId()).orElse(null)));
  }

  /** Cases of one institution, newest first; {@code open} null = all. */
  /**
   * Youths not missing now whose last activity (profile change, case event) is before {@code cutoff}: their data has
   * outlived its purpose. Erased profiles are not listed.
   */
  public synchronized List<YouthProfileVersion> inactiveSince(Instant cutoff) {
    Map<String, Instant> lastActivity = new HashMap<>();
    profiles.values().forEach(p -> lastActivity.put(p.getYouthId(), p.getChangedAt()));
    for (CaseFile file : cases.values()) {
      for (CaseEvent event : file.events()) {
        lastActivity.merge(file.youthId(), event.getRecordedAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return profiles.values().stream()
        .filter(p -> !p.getErased() && !openCaseByYouth.containsKey(p.getYouthId()))
        .filter(p -> lastActivity.get(p.getYouthId()).isBefore(cutoff))
        .toList();
  }

  public synchronized List<CaseSummary> casesOf(String institutionId, Boolean open) {
    return cases.values().stream()
        .filter(c -> c.institutionId().equals(institutionId))
        .filter(c -> open == null || c.status().isOpen() == open)
        .sorted(Comparator.comparing(CaseFile::lastSeenAt).reversed())
        .map(c -> new CaseSummary(c.caseId(), c.youthId(), c.absence().getYouth().getGivenName(),
            c.absence().getYouth().getFamilyName(), c.status(), c.lastSeenAt(), c.absence().getWhereaboutsKnown(),
            c.riskLevel(), c.missingReportedAt() != null, nextStepOf(c), c.closedAt()))
        .toList();
  }

  public synchronized Optional<CaseView> caseView(String caseId) {
    CaseFile c = cases.get(caseId);
    if (c == null) {
      return Optional.empty();
    }
    AbsenceReported a = c.absence();
    RiskAssessed r = c.risk();
    YouthReturned ret = c.returned();
    List<PoliceResponse> police = policeResponses.getOrDefault(caseId, List.of());
    List<String> questions = police.stream()
        .filter(p -> p.getPayload() instanceof InformationRequested)
        .map(p -> ((InformationRequested) p.getPayload()).getQuestion())
        .toList();
    return Optional.of(new CaseView(c.caseId(), c.youthId(), c.institutionId(), c.status(), c.status().isOpen(),
        a.getLastSeenAt(), a.getLastSeenLocation(), a.getClothing(), a.getWhereaboutsKnown(),
        a.getWhereaboutsDescription(), a.getReportedBy(), c.reportedAt(), snapshot(a.getYouth(), a.getLastSeenAt()),
        r == null ? null : new RiskView(r.getLevel(), r.getRequiredMinimum(), List.copyOf(r.getIndicators()),
            r.getRationale(), c.riskAssessedAt()),
        c.missingReportedAt(),
        ret == null ? null : new ReturnView(ret.getReturnedAt(), ret.getLocation(), ret.getFoundBy().name(),
            ret.getCircumstances()),
        c.cancelReason(), c.closedAt(), nextStepOf(c), questions, timeline(c, police)));
  }

  private NextStepView nextStepOf(CaseFile c) {
    RequiredNextStep s = nextSteps.get(c.caseId());
    if (s == null || !c.status().isOpen() && s.getStep() == nl.vermissing.events.NextStepKind.REPORT_RETURN) {
      return null;
    }
    return new NextStepView(s.getStep(), s.getDescriptionNl(), s.getDescriptionEn(), s.getDeadline(),
        s.getRiskLevel(), s.getAgreementId(), s.getAgreementVersion(), s.getDecidedAt());
  }

  private static LocalDate parseDate(String date) {
    try {
      return date == null ? null : LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private YouthSnapshotView snapshot(YouthSnapshot y, Instant t0) {
    // an erased date of birth reads as "[gewist]": no date and no age
    LocalDate dob = parseDate(y.getDateOfBirth());
    return new YouthSnapshotView(y.getProfileVersion(), y.getGivenName(), y.getFamilyName(), dob,
        dob == null ? null : Period.between(dob, t0.atZone(zone).toLocalDate()).getYears(), y.getSex(),
        y.getPhoto() != null,
        y.getPhysicalDescription(), y.getContacts().stream().map(ContactDto::of).toList(),
        y.getPlaces().stream().map(PlaceDto::of).toList(), y.getSafetyMedicalNeeds(), List.copyOf(y.getKnownRisks()),
        y.getPlacementType(), LegalTitleDto.of(y.getLegalTitle()));
  }

  private static List<TimelineEntry> timeline(CaseFile c, List<PoliceResponse> police) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (CaseEvent e : c.events()) {
      entries.add(new TimelineEntry(e.getOccurredAt(), e.getRecordedAt(), "INSTITUTION",
          e.getPayload().getClass().getSimpleName(), summary(e.getPayload()), details(e.getPayload()),
          e.getRecordedBy()));
    }
    for (PoliceResponse p : police) {
      entries.add(new TimelineEntry(p.getRespondedAt(), p.getRespondedAt(), "POLICE",
          p.getPayload().getClass().getSimpleName(), policeSummary(p.getPayload()), policeDetails(p.getPayload()),
          p.getPoliceUnit() + "/" + p.getRespondedBy()));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::recordedAt));
    return List.copyOf(entries);
  }

  static String summary(Object payload) {
    if (payload instanceof AbsenceReported a) {
      return "Absence reported: last seen " + a.getLastSeenAt()
          + (a.getLastSeenLocation() == null ? "" : " at " + a.getLastSeenLocation())
          + (a.getWhereaboutsKnown() ? "; away without permission, whereabouts known" : "; whereabouts unknown");
    } else if (payload instanceof LocalActionRecorded l) {
      return "Local action: " + l.getAction() + (l.getOutcome() == null ? "" : " - " + l.getOutcome());
    } else if (payload instanceof RiskAssessed r) {
      return "Risk assessed: " + r.getLevel() + " (required minimum " + r.getRequiredMinimum() + ")"
          + (r.getIndicators().isEmpty() ? "" : "; indicators " + r.getIndicators())
          + (r.getRationale() == null ? "" : "; " + r.getRationale());
    } else if (payload instanceof MissingReported m) {
      return "Missing report filed with police" + (m.getNote() == null ? "" : ": " + m.getNote());
    } else if (payload instanceof InformationAdded i) {
      return "Information (" + i.getKind() + "): " + i.getDescription()
          + (i.getLocation() == null ? "" : " at " + i.getLocation());
    } else if (payload instanceof YouthReturned r) {
      return "Returned (found by " + r.getFoundBy() + ")" + (r.getLocation() == null ? "" : " at " + r.getLocation())
          + (r.getCircumstances() == null ? "" : ": " + r.getCircumstances());
    } else if (payload instanceof ReportCancelled c) {
      return "Report cancelled: " + c.getReason();
    } else if (payload instanceof CaseClosed c) {
      return "Case closed: " + c.getReason();
    }
    return String.valueOf(payload);
  }

  /**
   * The facts of an institution event that {@link #summary} puts into words, language-neutral: the same keys for
   * every event of a kind (a value may be null), enum values as their names, free text as typed. Nothing beyond
   * what the summary shows.
   */
  static Map<String, Object> details(Object payload) {
    if (payload instanceof AbsenceReported a) {
      return fields("lastSeenAt", a.getLastSeenAt(), "location", a.getLastSeenLocation(),
          "whereaboutsKnown", a.getWhereaboutsKnown());
    } else if (payload instanceof LocalActionRecorded l) {
      return fields("action", name(l.getAction()), "outcome", l.getOutcome());
    } else if (payload instanceof RiskAssessed r) {
      return fields("level", name(r.getLevel()), "requiredMinimum", name(r.getRequiredMinimum()),
          "indicators", r.getIndicators().stream().map(Enum::name).toList(), "rationale", r.getRationale());
    } else if (payload instanceof MissingReported m) {
      return fields("note", m.getNote());
    } else if (payload instanceof InformationAdded i) {
      return fields("infoKind", name(i.getKind()), "description", i.getDescription(), "location", i.getLocation());
    } else if (payload instanceof YouthReturned r) {
      return fields("foundBy", name(r.getFoundBy()), "location", r.getLocation(),
          "circumstances", r.getCircumstances());
    } else if (payload instanceof ReportCancelled c) {
      return fields("reason", c.getReason());
    } else if (payload instanceof CaseClosed c) {
      return fields("reason", name(c.getReason()));
    }
    return Map.of();
  }

  /** The facts of a police response that {@link #policeSummary} puts into words; see {@link #details}. */
  static Map<String, Object> policeDetails(Object payload) {
    if (payload instanceof InformationRequested q) {
      return fields("question", q.getQuestion());
    } else if (payload instanceof FoundReported f) {
      return fields("location", f.getLocation(), "circumstances", f.getCircumstances());
    } else if (payload instanceof SightingReported s) {
      return fields("location", s.getLocation(), "description", s.getDescription());
    } else if (payload instanceof AlertAcknowledged) {
      return Map.of();
    } else if (payload instanceof UrgencyClassified u) {
      return fields("urgency", name(u.getUrgency()), "reason", u.getReason());
    } else if (payload instanceof ResponsibilityTransferred t) {
      return fields("toPoliceUnit", t.getToPoliceUnit());
    } else if (payload instanceof AcknowledgementOverdue o) {
      return fields("escalatedTo", o.getEscalatedTo());
    }
    return Map.of();
  }

  /** An unmodifiable map in the given key order that keeps null values (key, value, key, value, ...). */
  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  static String policeSummary(Object payload) {
    if (payload instanceof InformationRequested q) {
      return "Police ask: " + q.getQuestion();
    } else if (payload instanceof FoundReported f) {
      return "Police found the youth" + (f.getLocation() == null ? "" : " at " + f.getLocation())
          + (f.getCircumstances() == null ? "" : ": " + f.getCircumstances());
    } else if (payload instanceof SightingReported s) {
      return "Police report a sighting at " + s.getLocation()
          + (s.getDescription() == null ? "" : ": " + s.getDescription());
    } else if (payload instanceof AlertAcknowledged) {
      return "Police acknowledged the alert";
    } else if (payload instanceof UrgencyClassified u) {
      return "Police urgency: " + u.getUrgency() + (u.getReason() == null ? "" : " (" + u.getReason() + ")");
    } else if (payload instanceof ResponsibilityTransferred t) {
      return "Police: responsibility transferred to " + t.getToPoliceUnit();
    } else if (payload instanceof AcknowledgementOverdue o) {
      return "Police acknowledgement overdue; escalated to " + o.getEscalatedTo();
    }
    return String.valueOf(payload);
  }
}
