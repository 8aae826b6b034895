package nl.vermissing.police.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.police.PoliceGatewayTestBase.MovableClock;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import nl.vermissing.police.domain.RetentionExpiry;
import org.junit.jupiter.api.Test;

/**
 * The read side drops the personal data of a cancelled alert once its retention period has passed by the clock: in
 * the case and in its feed history, once, and already while catching up after a restart.
 */
class PoliceViewRetentionTest {

  static final Instant T0 = Instant.parse("2026-11-22T17:43:00Z");
  static final Duration KEEP = Duration.ofHours(6);

  final MovableClock clock = new MovableClock(T0);
  final PoliceView view = new PoliceView(clock, KEEP);

  static boolean holdsPersonalData(CaseAlert alert) {
    return alert.messages().stream().anyMatch(m -> !DisclosedData.personalFieldsSet(m.getData()).isEmpty());
  }

  List<FeedEntry> history(String unit) {
    List<FeedEntry> entries = new ArrayList<>();
    view.subscribe(unit, FeedPosition.START, entries::add, () -> {});
    return entries;
  }

  @Test
  void aCancelledAlertLosesItsPersonalDataInTheCaseAndItsFeedHistoryOnce() {
    // Given a missing report and its cancel, and an active alert of the same unit sent at the same time
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-1", T0);
    PoliceAlert active = TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-1", T0);
    view.applyAlert(0, 0, alert);
    view.applyAlert(0, 1, active);
    view.applyAlert(0, 2, TestAlerts.cancel(alert, T0.plusSeconds(60)));
    view.markCaughtUp();

    // When the period has not passed, Then nothing changes
    clock.advance(KEEP);
    assertThat(view.expirePersonalData()).isEmpty();
    assertThat(holdsPersonalData(view.caseById(alert.getCaseId()).orElseThrow())).isTrue();

    // When it has passed
    clock.advance(Duration.ofMinutes(1));
    List<RetentionExpiry> removed = view.expirePersonalData();

    // Then the cancelled case and every feed entry about it hold no personal data; the active one keeps it
    assertThat(removed).extracting(RetentionExpiry::caseId).containsExactly(alert.getCaseId());
    CaseAlert state = view.caseById(alert.getCaseId()).orElseThrow();
    assertThat(holdsPersonalData(state)).isFalse();
    assertThat(state.personalDataRemovedAt()).isEqualTo(T0.plusSeconds(60).plus(KEEP));
    assertThat(state.cancelled()).isTrue();
    assertThat(history("pu-1")).filteredOn(e -> e.alert().caseId().equals(alert.getCaseId())).hasSize(2)
        .allMatch(e -> !holdsPersonalData(e.alert()));
    assertThat(holdsPersonalData(view.caseById(active.getCaseId()).orElseThrow())).isTrue();
    assertThat(view.unrecordedRetentions()).containsExactlyElementsOf(removed);

    // and it is removed once: later checks find nothing more, a recorded removal leaves the queue
    clock.advance(Duration.ofDays(365));
    assertThat(view.expirePersonalData()).isEmpty();
    view.retentionRecorded(removed.get(0));
    assertThat(view.unrecordedRetentions()).isEmpty();
    assertThat(holdsPersonalData(view.caseById(active.getCaseId()).orElseThrow())).isTrue();
  }

  @Test
  void aViewRebuiltAfterThePeriodHasPassedHoldsNoPersonalDataOnceCaughtUp() {
    // Given the topics hold an alert cancelled longer ago than the period
    PoliceAlert alert = TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-2", T0);
    clock.advance(KEEP.plusHours(1));

    // When the view catches up with them
    view.applyAlert(0, 0, alert);
    view.applyAlert(0, 1, TestAlerts.cancel(alert, T0.plusSeconds(60)));
    view.markCaughtUp();

    // Then before any check runs the personal data is gone, and its removal waits to be recorded in the audit
    assertThat(view.caughtUp()).isTrue();
    assertThat(holdsPersonalData(view.caseById(alert.getCaseId()).orElseThrow())).isFalse();
    assertThat(view.snapshot("pu-2").alerts()).singleElement()
        .satisfies(c -> assertThat(c.cancelled()).isTrue());
    assertThat(view.unrecordedRetentions()).singleElement()
        .satisfies(e -> assertThat(e.fields()).contains("givenName", "photo"));
  }
}
