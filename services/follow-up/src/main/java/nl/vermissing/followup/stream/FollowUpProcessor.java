package nl.vermissing.followup.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ClosureReason;
import nl.vermissing.events.ComenshaRegistrationRequested;
import nl.vermissing.events.ConsentGiver;
import nl.vermissing.events.ConsentRecorded;
import nl.vermissing.events.ConsentWithdrawn;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.ReferralKind;
import nl.vermissing.events.ReferralTaskCreated;
import nl.vermissing.events.RepeatReason;
import nl.vermissing.events.RepeatReviewRequired;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.ReturnConversationDeclined;
import nl.vermissing.events.ReturnConversationDue;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.ReturnConversationNotPossible;
import nl.vermissing.events.ReturnConversationOverdue;
import nl.vermissing.events.ReturnConversationReminder;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.followup.domain.ConsentRules;
import nl.vermissing.followup.domain.Deadlines;
import nl.vermissing.followup.domain.FollowUpTerms;
import nl.vermissing.followup.domain.RepeatRules;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per youth: every return gets a terugkeergesprek due within the agreed hours, a reminder before and an escalation
 * to the care coordinator after the deadline, until one outcome is recorded; exploitation signals create referral
 * tasks and, only with valid unwithdrawn consent, one CoMensha registration request; repeated or serious episodes
 * raise a multidisciplinary review once per reason set.
 */
class FollowUpProcessor implements Processor<String, SpecificRecord, String, FollowUpEvent> {

  static final String SYSTEM = Topics.FOLLOW_UP;
  static final String FOLLOW_UP_WORKER = "FOLLOW_UP_WORKER";
  static final String CARE_COORDINATOR = "CARE_COORDINATOR";
  private static final Duration HISTORY_KEPT = Duration.ofDays(400);
  private static final Logger log = LoggerFactory.getLogger(FollowUpProcessor.class);

  private final Duration timerInterval;
  private ProcessorContext<String, FollowUpEvent> context;
  private KeyValueStore<String, CaseFile> cases;
  private KeyValueStore<String, YouthEpisodes> episodes;
  private KeyValueStore<String, Timer> timers;
  private KeyValueStore<String, Object> agreements;

  FollowUpProcessor(Duration timerInterval) {
    this.timerInterval = timerInterval;
  }

  @Override
  public void init(ProcessorContext<String, FollowUpEvent> context) {
    this.context = context;
    this.cases = context.getStateStore(FollowUpTopology.CASES_STORE);
    this.episodes = context.getStateStore(FollowUpTopology.EPISODES_STORE);
    this.timers = context.getStateStore(FollowUpTopology.TIMERS_STORE);
    this.agreements = context.getStateStore(FollowUpTopology.AGREEMENTS_STORE);
    context.schedule(timerInterval, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    if (record.value() instanceof CaseEvent event) {
      onCaseEvent(event);
    } else if (record.value() instanceof FollowUpEvent command) {
      onCommand(command);
    }
  }

  // ---- case events ----------------------------------------------------------------------------------------------

  private void onCaseEvent(CaseEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof AbsenceReported absence) {
      onAbsence(event, absence);
    } else if (payload instanceof YouthReturned returned) {
      onReturn(event, returned);
    } else if (payload instanceof ReportCancelled) {
      onCancelled(event);
    } else if (payload instanceof CaseClosed closed && closed.getReason() == ClosureReason.CANCELLED) {
      onCancelled(event);
    }
  }

  private void onAbsence(CaseEvent event, AbsenceReported absence) {
    CaseFile file = fileFor(event);
    if (file.cancelled) {
      return;
    }
    file.t0 = absence.getLastSeenAt().toEpochMilli();
    if (absence.getYouth() != null) {
      file.dateOfBirth = absence.getYouth().getDateOfBirth();
    }
    YouthEpisodes history = history(file.youthId);
    history.add(file.caseId, file.t0);
    history.prune(file.t0 - HISTORY_KEPT.toMillis());
    episodes.put(file.youthId, history);
    reviewRepeat(file, history);
    cases.put(file.caseId, file);
  }

  private void onReturn(CaseEvent event, YouthReturned returned) {
    CaseFile file = fileFor(event);
    if (file.cancelled || file.returned()) {
      // a cancelled report gets no conversation; a second found report changes nothing
      return;
    }
    long now = now();
    FollowUpTerms terms = terms(file.institutionId);
    file.returnedAt = returned.getReturnedAt().toEpochMilli();
    file.dueBy = Deadlines.dueBy(file.returnedAt, terms);
    file.reminderAt = Deadlines.reminderAt(file.returnedAt, file.dueBy);
    file.agreementId = terms.agreementId();
    timers.put(Timer.key(file.reminderAt, file.caseId, Timer.Kind.REMINDER),
        new Timer(file.caseId, file.youthId, Timer.Kind.REMINDER, file.reminderAt));
    timers.put(Timer.key(file.dueBy, file.caseId, Timer.Kind.OVERDUE),
        new Timer(file.caseId, file.youthId, Timer.Kind.OVERDUE, file.dueBy));
    emit(file, "due", now, SYSTEM, ReturnConversationDue.newBuilder()
        .setReturnedAt(Instant.ofEpochMilli(file.returnedAt))
        .setDueBy(Instant.ofEpochMilli(file.dueBy))
        .setAssignedRole(FOLLOW_UP_WORKER)
        .build());
    reviewRepeat(file, history(file.youthId));
    cases.put(file.caseId, file);
  }

  private void onCancelled(CaseEvent event) {
    CaseFile file = fileFor(event);
    if (file.cancelled) {
      return;
    }
    file.cancelled = true;
    clearTimers(file);
    YouthEpisodes history = history(file.youthId);
    history.remove(file.caseId);
    episodes.put(file.youthId, history);
    cases.put(file.caseId, file);
  }

  // ---- commands from the API ------------------------------------------------------------------------------------

  private void onCommand(FollowUpEvent command) {
    CaseFile file = cases.get(command.getCaseId());
    if (file == null) {
      log.warn("follow-up command {} for unknown case {} ignored", command.getEventId(), command.getCaseId());
      return;
    }
    String commandId = command.getEventId();
    if (file.verdicts.containsKey(commandId)) {
      return; // a retried command: decided already
    }
    String rejection = file.cancelled ? "the report was cancelled" : apply(file, command);
    if (rejection != null) {
      log.info("follow-up command {} for case {} rejected: {}", commandId, file.caseId, rejection);
    }
    file.decide(commandId, rejection, now());
    cases.put(file.caseId, file);
  }

  /** Applies a command to the case file and publishes it; returns why it was rejected, or null when accepted. */
  private String apply(CaseFile file, FollowUpEvent command) {
    Object payload = command.getPayload();
    if (payload instanceof ReturnConversationHeld held) {
      return onHeld(file, command, held);
    } else if (payload instanceof ReturnConversationDeclined declined) {
      String rejection = acceptOutcome(file, command, CaseFile.Outcome.DECLINED);
      if (rejection == null) {
        file.declinedReason = declined.getReason();
        publish(file, command);
      }
      return rejection;
    } else if (payload instanceof ReturnConversationNotPossible notPossible) {
      String rejection = acceptOutcome(file, command, CaseFile.Outcome.NOT_POSSIBLE);
      if (rejection == null) {
        file.notPossibleReason = notPossible.getReason();
        file.linkedCaseId = notPossible.getLinkedCaseId();
        publish(file, command);
      }
      return rejection;
    } else if (payload instanceof ConsentRecorded consent) {
      return onConsent(file, command, consent);
    } else if (payload instanceof ConsentWithdrawn withdrawn) {
      if (!file.consentActive()) {
        return "there is no recorded consent to withdraw";
      }
      file.consentWithdrawnAt = withdrawn.getWithdrawnAt().toEpochMilli();
      publish(file, command);
      return null;
    }
    return "not a follow-up command: " + (payload == null ? null : payload.getClass().getSimpleName());
  }

  private String onHeld(CaseFile file, FollowUpEvent command, ReturnConversationHeld held) {
    if (file.returned() && held.getHeldAt().toEpochMilli() < file.returnedAt) {
      return "the conversation cannot be held before the return";
    }
    String rejection = acceptOutcome(file, command, CaseFile.Outcome.HELD);
    if (rejection != null) {
      return rejection;
    }
    List<String> indicators = held.getExploitationIndicators().stream().map(Enum::name).toList();
    file.conversation = new CaseFile.Conversation(held.getHeldAt().toEpochMilli(), held.getHeldBy(),
        held.getIndependentInterviewer(), strings(held.getPushFactors()), strings(held.getPullFactors()),
        str(held.getStayedWhere()), str(held.getStayedWith()), indicators, str(held.getHarm()), str(held.getNeeds()),
        str(held.getSafetyPlan()), held.getCrimeWhileMissing());
    publish(file, command);
    long now = now();
    if (!indicators.isEmpty() && !file.referralCreated) {
      file.referralCreated = true;
      String signals = String.join(", ", indicators);
      emit(file, "referral-specialised-care", now, SYSTEM, new ReferralTaskCreated(ReferralKind.SPECIALISED_CARE,
          "exploitation indicators in the return conversation: " + signals));
      emit(file, "referral-comensha", now, SYSTEM, new ReferralTaskCreated(ReferralKind.COMENSHA_REGISTRATION,
          "exploitation indicators: registration with CoMensha only after written consent "
              + "(16+: the youth, under 16: parent or guardian)"));
    }
    requestComenshaIfConsented(file, now);
    reviewRepeat(file, history(file.youthId));
    return null;
  }

  private String acceptOutcome(CaseFile file, FollowUpEvent command, CaseFile.Outcome outcome) {
    if (!file.returned()) {
      return "the youth has not returned";
    }
    if (file.outcome != null) {
      return "an outcome was already recorded for this return";
    }
    file.outcome = outcome;
    file.outcomeAt = command.getOccurredAt().toEpochMilli();
    file.outcomeBy = command.getRecordedBy();
    clearTimers(file);
    return null;
  }

  private String onConsent(CaseFile file, FollowUpEvent command, ConsentRecorded consent) {
    if (file.consentWithdrawnAt != null) {
      return "consent was withdrawn for this episode; it is not registered again";
    }
    if (file.consentGivenBy != null) {
      return "consent was already recorded for this episode";
    }
    ConsentRules.Decision decision;
    try {
      decision = ConsentRules.check(file.dateOfBirth, consent.getSignedAt(), consent.getGivenBy());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (!decision.valid()) {
      return decision.reason();
    }
    file.consentGivenBy = consent.getGivenBy().name();
    file.consentSignedAt = consent.getSignedAt().toEpochMilli();
    file.consentAge = decision.ageAtSigning();
    consent.setYouthAgeAtConsent(decision.ageAtSigning());
    publish(file, command);
    requestComenshaIfConsented(file, now());
    return null;
  }

  private void requestComenshaIfConsented(CaseFile file, long now) {
    if (file.exploitationSignalled() && file.consentActive() && file.comenshaRequestedAt == null) {
      file.comenshaRequestedAt = now;
      emit(file, "comensha-request", now, SYSTEM,
          new ComenshaRegistrationRequested(ConsentGiver.valueOf(file.consentGivenBy)));
    }
  }

  // ---- repeat review --------------------------------------------------------------------------------------------

  private void reviewRepeat(CaseFile file, YouthEpisodes history) {
    if (file.cancelled) {
      return;
    }
    FollowUpTerms terms = terms(file.institutionId);
    long t0 = file.t0 != null ? file.t0 : file.returnedAt != null ? file.returnedAt : now();
    int inWindow = file.t0 == null ? 1 : Math.max(1, RepeatRules.episodesInWindow(history.starts(), t0, terms));
    boolean crime = file.conversation != null && file.conversation.crimeWhileMissing();
    RepeatRules.EpisodeFacts facts = new RepeatRules.EpisodeFacts(t0, file.t0 == null ? null : file.returnedAt,
        inWindow, crime, file.exploitationSignalled());
    Set<RepeatReason> reasons = RepeatRules.reasons(facts, terms);
    List<Set<RepeatReason>> raised = file.raisedReviews.stream()
        .map(names -> {
          Set<RepeatReason> set = EnumSet.noneOf(RepeatReason.class);
          names.forEach(n -> set.add(RepeatReason.valueOf(n)));
          return set;
        })
        .toList();
    if (!RepeatRules.isNew(reasons, raised)) {
      return;
    }
    List<String> names = reasons.stream().map(Enum::name).sorted().toList();
    file.raisedReviews.add(names);
    emit(file, "repeat-review:" + String.join(",", names), now(), SYSTEM,
        new RepeatReviewRequired(new ArrayList<>(reasons), inWindow));
  }

  // ---- timers ---------------------------------------------------------------------------------------------------

  /** Fires every timer due by now; deleting the timer and emitting its event are committed in one transaction. */
  void fireDueTimers(long now) {
    List<KeyValue<String, Timer>> due = new ArrayList<>();
    try (KeyValueIterator<String, Timer> all = timers.all()) {
      while (all.hasNext()) {
        KeyValue<String, Timer> next = all.next();
        if (next.value == null) {
          continue;
        }
        if (next.value.dueAt() > now) {
          break;
        }
        due.add(next);
      }
    }
    for (KeyValue<String, Timer> entry : due) {
      timers.delete(entry.key);
      CaseFile file = cases.get(entry.value.caseId());
      if (file == null || file.cancelled || file.outcome != null) {
        continue;
      }
      if (entry.value.kind() == Timer.Kind.REMINDER && !file.reminderSent) {
        file.reminderSent = true;
        emit(file, "reminder", now, SYSTEM, new ReturnConversationReminder(Instant.ofEpochMilli(file.dueBy)));
      } else if (entry.value.kind() == Timer.Kind.OVERDUE && !file.overdue) {
        file.overdue = true;
        file.overdueAt = now;
        emit(file, "overdue", now, SYSTEM,
            new ReturnConversationOverdue(Instant.ofEpochMilli(file.dueBy), CARE_COORDINATOR));
      }
      cases.put(file.caseId, file);
    }
  }

  private void clearTimers(CaseFile file) {
    if (file.reminderAt != null) {
      timers.delete(Timer.key(file.reminderAt, file.caseId, Timer.Kind.REMINDER));
    }
    if (file.dueBy != null) {
      timers.delete(Timer.key(file.dueBy, file.caseId, Timer.Kind.OVERDUE));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private CaseFile fileFor(CaseEvent event) {
    CaseFile file = cases.get(event.getCaseId());
    if (file == null) {
      file = new CaseFile();
      file.caseId = event.getCaseId();
      file.youthId = event.getYouthId();
      file.institutionId = event.getInstitutionId();
    }
    return file;
  }

  private YouthEpisodes history(String youthId) {
    YouthEpisodes history = episodes.get(youthId);
    return history == null ? new YouthEpisodes() : history;
  }

  private FollowUpTerms terms(String institutionId) {
    List<FollowUpTerms.Agreement> known = new ArrayList<>();
    try (KeyValueIterator<String, Object> all = agreements.all()) {
      while (all.hasNext()) {
        Object value = all.next().value;
        if (value instanceof ValueAndTimestamp<?> stamped) {
          value = stamped.value();
        }
        if (value instanceof AgreementVersion agreement) {
          known.add(toTerms(agreement));
        }
      }
    }
    return FollowUpTerms.forInstitution(institutionId, known);
  }

  private static FollowUpTerms.Agreement toTerms(AgreementVersion agreement) {
    var rules = agreement.getTimeRules();
    return new FollowUpTerms.Agreement(agreement.getAgreementId(), agreement.getVersion(),
        agreement.getEffectiveFrom().toEpochMilli(),
        agreement.getInstitutionIds().stream().map(CharSequence::toString).toList(),
        new FollowUpTerms(agreement.getAgreementId(), agreement.getVersion(), rules.getReturnConversationHours(),
            rules.getRepeatWindowDays(), rules.getRepeatEpisodeThreshold()));
  }

  /** Publishes an accepted command as the follow-up event it proposes. */
  private void publish(CaseFile file, FollowUpEvent command) {
    command.setYouthId(file.youthId);
    command.setInstitutionId(file.institutionId);
    context.forward(new Record<>(file.caseId, command, now()));
  }

  /** Emits an event decided by the service itself; its id is derived from case and decision, so it is stable. */
  private void emit(CaseFile file, String decision, long at, String recordedBy, Object payload) {
    String eventId = UUID.nameUUIDFromBytes((file.caseId + "|" + decision).getBytes(StandardCharsets.UTF_8))
        .toString();
    FollowUpEvent event = FollowUpEvent.newBuilder()
        .setEventId(eventId)
        .setCaseId(file.caseId)
        .setYouthId(file.youthId)
        .setInstitutionId(file.institutionId)
        .setOccurredAt(Instant.ofEpochMilli(at))
        .setRecordedBy(recordedBy)
        .setPayload(payload)
        .build();
    context.forward(new Record<>(file.caseId, event, at));
  }

  private long now() {
    return context.currentSystemTimeMs();
  }

  private static List<String> strings(List<? extends CharSequence> values) {
    return values == null ? List.of() : values.stream().map(CharSequence::toString).collect(Collectors.toList());
  }

  private static String str(CharSequence value) {
    return value == null ? null : value.toString();
  }
}
