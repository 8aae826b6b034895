package nl.vermissing.followup.stream;

import static nl.vermissing.followup.stream.FollowUpDriver.absence;
import static nl.vermissing.followup.stream.FollowUpDriver.agreement;
import static nl.vermissing.followup.stream.FollowUpDriver.cancelled;
import static nl.vermissing.followup.stream.FollowUpDriver.command;
import static nl.vermissing.followup.stream.FollowUpDriver.returned;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.vermissing.events.ComenshaRegistrationRequested;
import nl.vermissing.events.ConsentGiver;
import nl.vermissing.events.ConsentRecorded;
import nl.vermissing.events.ConsentWithdrawn;
import nl.vermissing.events.ExploitationIndicator;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.ReferralKind;
import nl.vermissing.events.ReferralTaskCreated;
import nl.vermissing.events.RepeatReason;
import nl.vermissing.events.RepeatReviewRequired;
import nl.vermissing.events.ReturnConversationDeclined;
import nl.vermissing.events.ReturnConversationDue;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.ReturnConversationNotPossible;
import nl.vermissing.events.ReturnConversationOverdue;
import nl.vermissing.events.ReturnConversationReminder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowUpTopologyTest {

  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration H = Duration.ofHours(1);
  private static final String INST = "inst-horizon";
  /** 16 on 2026-03-01. */
  private static final String DOB_16 = "2010-03-01";
  /** 15 until 2026-12-31. */
  private static final String DOB_15 = "2011-01-01";

  private FollowUpDriver driver;
  private String caseId;
  private String youthId;

  @BeforeEach
  void start() {
    driver = new FollowUpDriver(START);
    caseId = "case-" + UUID.randomUUID();
    youthId = "youth-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void missingAndReturned(String dob, Instant lastSeen, Instant returnedAt) {
    driver.pipe(absence(caseId, youthId, INST, lastSeen, dob));
    driver.pipe(returned(caseId, youthId, INST, returnedAt));
  }

  private List<Object> payloads() {
    return driver.output().stream().map(r -> r.value().getPayload()).toList();
  }

  private static <T> List<T> only(List<Object> payloads, Class<T> type) {
    return payloads.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private FollowUpEvent held(Instant heldAt, boolean crime, ExploitationIndicator... indicators) {
    return command(caseId, youthId, INST, driver.now(), ReturnConversationHeld.newBuilder()
        .setHeldAt(heldAt).setHeldBy("worker-1").setIndependentInterviewer(true)
        .setPushFactors(List.of("conflict on the group")).setStayedWhere("Almere").setStayedWith("older friend")
        .setExploitationIndicators(List.of(indicators)).setCrimeWhileMissing(crime).build());
  }

  private FollowUpEvent consent(ConsentGiver by, Instant signedAt) {
    return command(caseId, youthId, INST, driver.now(), ConsentRecorded.newBuilder()
        .setGivenBy(by).setSignedAt(signedAt).setYouthAgeAtConsent(0).build());
  }

  @Test
  void given_a_return_then_a_conversation_is_due_in_72h_reminded_at_48h_and_escalated_at_72h_exactly_once() {
    missingAndReturned(DOB_16, START.minus(H.multipliedBy(3)), START);

    List<TestRecord<String, FollowUpEvent>> out = driver.output();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key()).isEqualTo(caseId);
    ReturnConversationDue due = (ReturnConversationDue) out.get(0).value().getPayload();
    assertThat(due.getDueBy()).isEqualTo(START.plus(Duration.ofHours(72)));
    assertThat(due.getAssignedRole()).isEqualTo("FOLLOW_UP_WORKER");
    assertThat(out.get(0).value().getYouthId()).isEqualTo(youthId);
    assertThat(out.get(0).value().getInstitutionId()).isEqualTo(INST);

    driver.advanceTo(START.plus(Duration.ofHours(48)).minusSeconds(10));
    assertThat(driver.output()).isEmpty();

    driver.advanceTo(START.plus(Duration.ofHours(48)));
    List<Object> reminder = payloads();
    assertThat(reminder).singleElement().isInstanceOf(ReturnConversationReminder.class);
    assertThat(((ReturnConversationReminder) reminder.get(0)).getDueBy()).isEqualTo(due.getDueBy());

    driver.advanceTo(START.plus(Duration.ofHours(72)).minusSeconds(10));
    assertThat(driver.output()).isEmpty();
    driver.advanceTo(START.plus(Duration.ofHours(72)));
    List<Object> overdue = payloads();
    assertThat(overdue).singleElement().isInstanceOf(ReturnConversationOverdue.class);
    assertThat(((ReturnConversationOverdue) overdue.get(0)).getEscalatedTo()).isEqualTo("CARE_COORDINATOR");

    driver.advance(Duration.ofDays(10));
    assertThat(driver.output()).isEmpty();
    KeyValueStore<String, Timer> timers = driver.store(FollowUpTopology.TIMERS_STORE);
    assertThat(timers.approximateNumEntries()).isZero();
  }

  @Test
  void given_an_agreement_listing_the_institution_then_its_deadline_applies() {
    driver.pipe(agreement("flevoland", List.of(INST, "inst-anker"), 24, 90, 2));
    missingAndReturned(DOB_16, START.minus(H), START);

    ReturnConversationDue due = only(payloads(), ReturnConversationDue.class).get(0);
    assertThat(due.getDueBy()).isEqualTo(START.plus(Duration.ofHours(24)));
    driver.advanceTo(START.plus(Duration.ofHours(16)));
    assertThat(payloads()).singleElement().isInstanceOf(ReturnConversationReminder.class);
  }

  @Test
  void given_a_second_found_report_then_still_one_conversation() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.pipe(returned(caseId, youthId, INST, START.plus(H)));
    assertThat(only(payloads(), ReturnConversationDue.class)).hasSize(1);
  }

  @Test
  void given_a_cancelled_report_then_no_conversation_and_a_cancellation_after_the_return_stops_the_timers() {
    driver.pipe(absence(caseId, youthId, INST, START.minus(H), DOB_16));
    driver.pipe(cancelled(caseId, youthId, INST, START));
    driver.pipe(returned(caseId, youthId, INST, START));
    assertThat(driver.output()).isEmpty();

    String other = "case-" + UUID.randomUUID();
    driver.pipe(absence(other, youthId, INST, START.minus(H), DOB_16));
    driver.pipe(returned(other, youthId, INST, START));
    assertThat(payloads()).singleElement().isInstanceOf(ReturnConversationDue.class);
    driver.pipe(cancelled(other, youthId, INST, START.plus(H)));
    driver.advance(Duration.ofDays(4));
    assertThat(driver.output()).isEmpty();
  }

  @Test
  void given_a_held_conversation_then_the_timers_are_cleared_and_a_second_outcome_is_ignored() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.output();
    driver.advance(Duration.ofHours(5));
    FollowUpEvent held = held(driver.now().minus(H), false);
    driver.command(held);

    List<TestRecord<String, FollowUpEvent>> out = driver.output();
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo(caseId);
      assertThat(r.value().getEventId()).isEqualTo(held.getEventId());
      assertThat(r.value().getPayload()).isInstanceOf(ReturnConversationHeld.class);
    });

    FollowUpEvent declined = command(caseId, youthId, INST, driver.now(), new ReturnConversationDeclined("no"));
    driver.command(declined);
    driver.advance(Duration.ofDays(4));
    assertThat(driver.output()).isEmpty();
    KeyValueStore<String, CaseFile> cases = driver.store(FollowUpTopology.CASES_STORE);
    assertThat(cases.get(caseId).outcome).isEqualTo(CaseFile.Outcome.HELD);
    assertThat(cases.get(caseId).conversation.stayedWith()).isEqualTo("older friend");
    // each command has its verdict, which the API answers with
    assertThat(cases.get(caseId).verdicts.get(held.getEventId()).accepted()).isTrue();
    assertThat(cases.get(caseId).verdicts.get(declined.getEventId()))
        .satisfies(v -> assertThat(v.accepted()).isFalse())
        .satisfies(v -> assertThat(v.reason()).isEqualTo("an outcome was already recorded for this return"));
  }

  @Test
  void given_a_command_delivered_twice_then_it_is_decided_and_published_once() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.output();
    driver.advance(Duration.ofHours(5));
    FollowUpEvent held = held(driver.now().minus(H), false);
    driver.command(held);
    driver.command(held);
    assertThat(driver.output()).singleElement()
        .satisfies(r -> assertThat(r.value().getEventId()).isEqualTo(held.getEventId()));
    KeyValueStore<String, CaseFile> cases = driver.store(FollowUpTopology.CASES_STORE);
    assertThat(cases.get(caseId).verdicts).containsOnlyKeys(held.getEventId());
  }

  @Test
  void given_a_conversation_held_before_the_return_then_the_command_is_refused() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.output();
    FollowUpEvent early = held(START.minus(H), false);
    driver.command(early);
    assertThat(driver.output()).isEmpty();
    KeyValueStore<String, CaseFile> cases = driver.store(FollowUpTopology.CASES_STORE);
    assertThat(cases.get(caseId).verdicts.get(early.getEventId()).reason())
        .isEqualTo("the conversation cannot be held before the return");
  }

  @Test
  void given_the_youth_declined_or_ran_again_then_that_outcome_is_recorded_and_stops_the_timers() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.command(command(caseId, youthId, INST, driver.now(),
        new ReturnConversationNotPossible("ran away again", "case-next")));
    List<Object> out = payloads();
    assertThat(only(out, ReturnConversationNotPossible.class)).singleElement()
        .satisfies(p -> assertThat(p.getLinkedCaseId()).isEqualTo("case-next"));
    driver.advance(Duration.ofDays(4));
    assertThat(driver.output()).isEmpty();
  }

  @Test
  void given_exploitation_indicators_then_referral_tasks_and_a_comensha_request_only_after_valid_consent() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.output();
    driver.command(held(START.plus(H), false, ExploitationIndicator.OLDER_PARTNER,
        ExploitationIndicator.GIFTS_OR_MONEY));

    List<Object> out = payloads();
    List<ReferralTaskCreated> referrals = only(out, ReferralTaskCreated.class);
    assertThat(referrals).extracting(ReferralTaskCreated::getKind)
        .containsExactly(ReferralKind.SPECIALISED_CARE, ReferralKind.COMENSHA_REGISTRATION);
    assertThat(referrals.get(0).getReason()).contains("OLDER_PARTNER");
    assertThat(only(out, ComenshaRegistrationRequested.class)).isEmpty();
    assertThat(only(out, RepeatReviewRequired.class)).singleElement()
        .satisfies(r -> assertThat(r.getReasons()).containsExactly(RepeatReason.EXPLOITATION_WHILE_MISSING));

    // the wrong party (the youth is 16): refused by the topology as well
    driver.command(consent(ConsentGiver.PARENT_OR_GUARDIAN, START.plus(H)));
    assertThat(driver.output()).isEmpty();

    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));
    out = payloads();
    assertThat(out).hasSize(2);
    assertThat(((ConsentRecorded) out.get(0)).getYouthAgeAtConsent()).isEqualTo(16);
    assertThat(((ComenshaRegistrationRequested) out.get(1)).getConsentGivenBy()).isEqualTo(ConsentGiver.YOUTH);

    // a second consent changes nothing; a withdrawal is recorded but no further request follows
    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));
    assertThat(driver.output()).isEmpty();
    driver.command(command(caseId, youthId, INST, driver.now(), new ConsentWithdrawn(START.plus(H.multipliedBy(2)))));
    assertThat(payloads()).singleElement().isInstanceOf(ConsentWithdrawn.class);
  }

  @Test
  void given_a_youth_under_16_then_only_consent_of_a_parent_or_guardian_leads_to_a_request() {
    missingAndReturned(DOB_15, START.minus(H), START);
    driver.command(held(START.plus(H), false, ExploitationIndicator.ONLINE_GROOMING));
    driver.output();
    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));
    assertThat(driver.output()).isEmpty();
    driver.command(consent(ConsentGiver.PARENT_OR_GUARDIAN, START.plus(H)));
    List<Object> out = payloads();
    assertThat(((ConsentRecorded) out.get(0)).getYouthAgeAtConsent()).isEqualTo(15);
    assertThat(only(out, ComenshaRegistrationRequested.class)).singleElement()
        .satisfies(r -> assertThat(r.getConsentGivenBy()).isEqualTo(ConsentGiver.PARENT_OR_GUARDIAN));
  }

  @Test
  void given_consent_withdrawn_before_the_request_was_sent_then_it_is_never_sent() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));
    driver.command(command(caseId, youthId, INST, driver.now(), new ConsentWithdrawn(START.plus(H))));
    driver.command(held(START.plus(H), false, ExploitationIndicator.DISCLOSED_EXPLOITATION));
    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));

    List<Object> out = payloads();
    assertThat(only(out, ConsentRecorded.class)).hasSize(1);
    assertThat(only(out, ConsentWithdrawn.class)).hasSize(1);
    assertThat(only(out, ReferralTaskCreated.class)).hasSize(2);
    assertThat(only(out, ComenshaRegistrationRequested.class)).isEmpty();
  }

  @Test
  void given_consent_before_the_conversation_then_the_request_is_sent_when_signals_appear() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.command(consent(ConsentGiver.YOUTH, START.plus(H)));
    assertThat(only(payloads(), ComenshaRegistrationRequested.class)).isEmpty();
    driver.command(held(START.plus(H), false, ExploitationIndicator.MULTIPLE_PHONES));
    assertThat(only(payloads(), ComenshaRegistrationRequested.class)).hasSize(1);
  }

  @Test
  void given_two_episodes_in_90_days_then_one_review_for_the_second_episode() {
    String first = caseId;
    driver.pipe(absence(first, youthId, INST, START.minus(Duration.ofDays(60)), DOB_16));
    driver.pipe(returned(first, youthId, INST, START.minus(Duration.ofDays(60)).plus(H)));
    assertThat(only(payloads(), RepeatReviewRequired.class)).isEmpty();

    String second = "case-" + UUID.randomUUID();
    driver.pipe(absence(second, youthId, INST, START, DOB_16));
    List<TestRecord<String, FollowUpEvent>> out = driver.output();
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo(second);
      RepeatReviewRequired review = (RepeatReviewRequired) r.value().getPayload();
      assertThat(review.getReasons()).containsExactly(RepeatReason.TWO_EPISODES_IN_WINDOW);
      assertThat(review.getEpisodesInWindow()).isEqualTo(2);
    });

    // redelivery of the same absence raises nothing new
    driver.pipe(absence(second, youthId, INST, START, DOB_16));
    assertThat(driver.output()).isEmpty();

    // back after more than 24 h: a new reason set
    driver.pipe(returned(second, youthId, INST, START.plus(Duration.ofHours(25))));
    List<RepeatReviewRequired> reviews = only(payloads(), RepeatReviewRequired.class);
    assertThat(reviews).singleElement().satisfies(r -> assertThat(r.getReasons())
        .containsExactlyInAnyOrder(RepeatReason.TWO_EPISODES_IN_WINDOW, RepeatReason.MISSING_OVER_24H));
  }

  @Test
  void given_episodes_of_other_youths_or_cancelled_reports_then_no_repeat_review() {
    driver.pipe(absence(caseId, youthId, INST, START.minus(Duration.ofDays(10)), DOB_16));
    driver.pipe(cancelled(caseId, youthId, INST, START.minus(Duration.ofDays(10))));
    driver.pipe(absence("case-" + UUID.randomUUID(), "youth-other", INST, START.minus(Duration.ofDays(5)), DOB_16));
    driver.pipe(absence("case-" + UUID.randomUUID(), youthId, INST, START, DOB_16));
    assertThat(only(payloads(), RepeatReviewRequired.class)).isEmpty();
  }

  @Test
  void given_crime_while_missing_then_a_review() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.command(held(START.plus(H), true));
    assertThat(only(payloads(), RepeatReviewRequired.class)).singleElement()
        .satisfies(r -> assertThat(r.getReasons()).containsExactly(RepeatReason.CRIME_WHILE_MISSING));
  }

  @Test
  void given_a_restart_before_the_deadlines_then_reminder_and_escalation_each_fire_exactly_once() {
    missingAndReturned(DOB_16, START.minus(H), START);
    assertThat(payloads()).singleElement().isInstanceOf(ReturnConversationDue.class);
    driver.advance(Duration.ofHours(10));

    driver.restart();
    driver.advanceTo(START.plus(Duration.ofHours(48)));
    assertThat(payloads()).singleElement().isInstanceOf(ReturnConversationReminder.class);

    driver.restart();
    driver.advance(Duration.ofHours(1));
    assertThat(driver.output()).isEmpty();
    driver.advanceTo(START.plus(Duration.ofHours(72)));
    assertThat(payloads()).singleElement().isInstanceOf(ReturnConversationOverdue.class);

    driver.restart();
    driver.advance(Duration.ofDays(5));
    assertThat(driver.output()).isEmpty();
  }

  @Test
  void given_a_restart_then_a_recorded_outcome_still_prevents_the_escalation() {
    missingAndReturned(DOB_16, START.minus(H), START);
    driver.command(command(caseId, youthId, INST, driver.now(), new ReturnConversationDeclined("does not want to")));
    driver.output();
    driver.restart();
    driver.advance(Duration.ofDays(4));
    assertThat(driver.output()).isEmpty();
  }
}
