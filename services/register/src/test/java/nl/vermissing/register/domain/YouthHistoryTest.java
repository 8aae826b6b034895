package nl.vermissing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.ReturnConversationOutcome;
import nl.vermissing.events.Sex;
import org.junit.jupiter.api.Test;

class YouthHistoryTest {

  static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
  static final Duration WINDOW = Duration.ofDays(90);

  static Episode episode(String id, Instant t0, EpisodeStatus status) {
    return new Episode(id, "p1", AgeBand.AGE_14_15, Sex.FEMALE, "flevoland", "OPEN", PlacementType.OPEN, status, t0,
        null, null, null, null, null, null, null, ReturnConversationOutcome.PENDING, false, false, false);
  }

  @Test
  void anEarlierEpisodeArrivingLateRenumbersTheLaterOnes() {
    YouthHistory.Outcome first = YouthHistory.empty().upsert(episode("b", T0.plus(Duration.ofDays(89)),
        EpisodeStatus.OPEN), WINDOW);
    assertThat(first.publish().get("b").getEpisodeNumberForYouth()).isEqualTo(1);

    YouthHistory.Outcome second = first.history().upsert(episode("a", T0, EpisodeStatus.OPEN), WINDOW);

    RegisterEpisode a = second.publish().get("a");
    RegisterEpisode b = second.publish().get("b");
    assertThat(a.getEpisodeNumberForYouth()).isEqualTo(1);
    assertThat(a.getRepeatWithin90Days()).isFalse();
    assertThat(b.getEpisodeNumberForYouth()).isEqualTo(2);
    assertThat(b.getRepeatWithin90Days()).isTrue();
  }

  @Test
  void anEpisodeMoreThanTheWindowAfterThePreviousIsNotARepeat() {
    YouthHistory.Outcome outcome = YouthHistory.empty().upsert(episode("a", T0, EpisodeStatus.OPEN), WINDOW)
        .history().upsert(episode("b", T0.plus(Duration.ofDays(90)).plusSeconds(1), EpisodeStatus.OPEN), WINDOW);
    assertThat(outcome.publish().get("b").getRepeatWithin90Days()).isFalse();
    assertThat(outcome.publish()).doesNotContainKey("a");
  }

  @Test
  void anUnchangedEpisodeIsNotPublishedAgain() {
    YouthHistory.Outcome once = YouthHistory.empty().upsert(episode("a", T0, EpisodeStatus.OPEN), WINDOW);
    assertThat(once.history().upsert(episode("a", T0, EpisodeStatus.OPEN), WINDOW).publish()).isEmpty();
  }

  @Test
  void expiredEpisodesAreTombstonedAndStillCountForLaterNumbers() {
    YouthHistory history = YouthHistory.empty().upsert(episode("a", T0, EpisodeStatus.OPEN), WINDOW).history()
        .upsert(episode("b", T0.plus(Duration.ofDays(10)), EpisodeStatus.OPEN), WINDOW).history();

    YouthHistory.Outcome expired = history.expire("a", WINDOW);

    assertThat(expired.publish()).containsOnlyKeys("a");
    assertThat(expired.publish().get("a")).isNull();
    YouthHistory.Outcome later = expired.history()
        .upsert(episode("c", T0.plus(Duration.ofDays(20)), EpisodeStatus.OPEN), WINDOW);
    assertThat(later.publish()).containsOnlyKeys("c");
    assertThat(later.publish().get("c").getEpisodeNumberForYouth()).isEqualTo(3);
  }

  @Test
  void aCancelledReportIsNumberZeroAndDoesNotMakeTheNextARepeat() {
    YouthHistory.Outcome outcome = YouthHistory.empty().upsert(episode("a", T0, EpisodeStatus.CANCELLED), WINDOW)
        .history().upsert(episode("b", T0.plus(Duration.ofDays(1)), EpisodeStatus.OPEN), WINDOW);
    assertThat(outcome.history().entries()).extracting(YouthHistory.Entry::number).containsExactly(0, 1);
    assertThat(outcome.publish().get("b").getRepeatWithin90Days()).isFalse();
  }
}
