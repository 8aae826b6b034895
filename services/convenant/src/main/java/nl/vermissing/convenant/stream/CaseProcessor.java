package nl.vermissing.convenant.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.vermissing.convenant.domain.AgreementBook;
import nl.vermissing.convenant.domain.CaseState;
import nl.vermissing.convenant.domain.Decision;
import nl.vermissing.convenant.domain.Decisions;
import nl.vermissing.convenant.domain.TimerKind;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the agreement for each case: applies case events and due deadlines to the case state and forwards what must
 * be published. Deadlines live in a changelogged store ordered by due time and are checked on wall-clock time; a
 * deadline is deleted in the same transaction in which its outcome is published, so it fires exactly once, also
 * across restarts and rebalances.
 */
final class CaseProcessor implements Processor<String, CaseEvent, String, SpecificRecord> {

  private final ConvenantSettings settings;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, CaseState> cases;
  private KeyValueStore<String, String> timers;
  private KeyValueStore<String, AgreementVersion> agreements;

  CaseProcessor(ConvenantSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.cases = context.getStateStore(ConvenantTopology.CASE_STORE);
    this.timers = context.getStateStore(ConvenantTopology.TIMER_STORE);
    this.agreements = context.getStateStore(ConvenantTopology.AGREEMENT_STORE);
    context.schedule(settings.timerInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
  }

  @Override
  public void process(Record<String, CaseEvent> record) {
    CaseEvent event = record.value();
    if (event == null) {
      return;
    }
    String caseId = record.key() != null ? record.key() : event.getCaseId();
    long now = context.currentSystemTimeMs();
    CaseState state = cases.get(caseId);
    if (state == null) {
      state = CaseState.start(caseId, event.getYouthId(), event.getInstitutionId());
    }
    Map<TimerKind, Long> before = new EnumMap<>(TimerKind.class);
    before.putAll(state.timers);
    AgreementVersion agreement = agreementFor(state.institutionId, now);
    apply(caseId, before, Decisions.onEvent(state, event, agreement, now), now);
  }

  /** Fires every deadline that is due, in deadline order. */
  void fireDueTimers(long now) {
    List<TimerKeys.Timer> due = new ArrayList<>();
    try (KeyValueIterator<String, String> iterator = timers.all()) {
      while (iterator.hasNext()) {
        KeyValue<String, String> entry = iterator.next();
        TimerKeys.Timer timer = TimerKeys.parse(entry.key);
        if (timer.deadline() > now) {
          break;
        }
        due.add(timer);
      }
    }
    for (TimerKeys.Timer timer : due) {
      timers.delete(TimerKeys.key(timer.deadline(), timer.kind(), timer.caseId()));
      CaseState state = cases.get(timer.caseId());
      if (state == null || !Objects.equals(state.timers.get(timer.kind()), timer.deadline())) {
        continue; // the deadline was cleared or moved meanwhile
      }
      Map<TimerKind, Long> before = new EnumMap<>(TimerKind.class);
      before.putAll(state.timers);
      AgreementVersion agreement = agreementFor(state.institutionId, now);
      apply(timer.caseId(), before, Decisions.onTimer(state, timer.kind(), agreement, now), now);
    }
  }

  private void apply(String caseId, Map<TimerKind, Long> timersBefore, Decision decision, long now) {
    if (!decision.changed()) {
      return;
    }
    CaseState state = decision.state();
    syncTimers(caseId, timersBefore, state.timers);
    cases.put(caseId, state);
    decision.alerts().forEach(alert -> forward(caseId, alert, now));
    decision.calamityNotices().forEach(notice -> forward(caseId, notice, now));
    decision.disclosures().forEach(disclosure -> forward(caseId, disclosure, now));
    if (decision.nextStep() != null) {
      forward(caseId, decision.nextStep(), now);
    }
  }

  private void syncTimers(String caseId, Map<TimerKind, Long> before, Map<TimerKind, Long> after) {
    for (Map.Entry<TimerKind, Long> old : before.entrySet()) {
      if (!old.getValue().equals(after.get(old.getKey()))) {
        timers.delete(TimerKeys.key(old.getValue(), old.getKey(), caseId));
      }
    }
    for (Map.Entry<TimerKind, Long> current : after.entrySet()) {
      if (!current.getValue().equals(before.get(current.getKey()))) {
        timers.put(TimerKeys.key(current.getValue(), current.getKey(), caseId), caseId);
      }
    }
  }

  private void forward(String caseId, SpecificRecord value, long now) {
    context.forward(new Record<>(caseId, value, now));
  }

  private AgreementVersion agreementFor(String institutionId, long now) {
    List<AgreementVersion> versions = new ArrayList<>();
    try (KeyValueIterator<String, AgreementVersion> iterator = agreements.all()) {
      iterator.forEachRemaining(entry -> versions.add(entry.value));
    }
    return new AgreementBook(versions, settings.defaultAgreement(), settings.institutionRegions())
        .resolve(institutionId, Instant.ofEpochMilli(now));
  }
}
