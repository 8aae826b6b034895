package nl.vermissing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.ReturnConversationOutcome;
import nl.vermissing.events.Sex;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  static final Instant NOV = Instant.parse("2026-11-05T10:00:00Z");

  static RegisterEpisode.Builder episode(String id, String region, Instant t0) {
    return RegisterEpisode.newBuilder().setEpisodeId(id).setNationalPseudonym("p-" + id).setAgeBand(AgeBand.AGE_14_15)
        .setSex(Sex.FEMALE).setRegion(region).setInstitutionType("OPEN").setPlacementType(PlacementType.OPEN)
        .setStatus(EpisodeStatus.OPEN).setAbsenceAt(t0);
  }

  static RegisterEpisode returned(String id, String region, Instant t0, long minutes) {
    return episode(id, region, t0).setStatus(EpisodeStatus.RETURNED).setReturnedAt(t0.plusSeconds(minutes * 60))
        .setDurationMinutes(minutes).build();
  }

  /** Ten returned episodes in flevoland (60..540 min, one of 30 h), three in amsterdam, one cancelled, one October. */
  static List<RegisterEpisode> sample() {
    List<RegisterEpisode> episodes = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      RegisterEpisode.Builder e = RegisterEpisode.newBuilder(returned("f" + i, "flevoland", NOV, i * 60L * (i == 10 ? 3 : 1)));
      e.setAlertedAt(NOV.plusSeconds(60)).setAcknowledgedAt(NOV.plusSeconds(60 + i * 60L));
      e.setReturnConversation(i <= 7 ? ReturnConversationOutcome.HELD_IN_TIME : ReturnConversationOutcome.HELD_LATE);
      e.setRepeatWithin90Days(i <= 5);
      e.setReferral(i <= 6);
      episodes.add(e.build());
    }
    for (int i = 1; i <= 3; i++) {
      episodes.add(returned("a" + i, "amsterdam", NOV, 30));
    }
    episodes.add(episode("x", "flevoland", NOV).setStatus(EpisodeStatus.CANCELLED).build());
    episodes.add(returned("oct", "flevoland", Instant.parse("2026-10-31T22:59:00Z"), 10));
    return episodes;
  }

  @Test
  void auditorsSeeEveryFigureComputedFromTheEpisodes() {
    List<StatisticsRow> rows = Statistics.compute(sample(), List.of(Dimension.REGION), YearMonth.of(2026, 11),
        YearMonth.of(2026, 11), false);

    assertThat(rows).extracting(r -> r.group().get("region")).containsExactly("amsterdam", "flevoland");
    StatisticsRow flevoland = rows.get(1);
    assertThat(flevoland.episodes()).isEqualTo(10);
    assertThat(flevoland.youths()).isEqualTo(10);
    assertThat(flevoland.durationMedianMinutes()).isEqualTo(300L);
    assertThat(flevoland.durationP90Minutes()).isEqualTo(540L);
    assertThat(flevoland.returnedWithin24hShare()).isEqualTo(0.9);
    assertThat(flevoland.alertedShare()).isEqualTo(1.0);
    assertThat(flevoland.acknowledgementMedianMinutes()).isEqualTo(5L);
    assertThat(flevoland.returnConversationInTimeShare()).isEqualTo(0.7);
    assertThat(flevoland.repeatShare()).isEqualTo(0.5);
    assertThat(flevoland.exploitationSignalShare()).isEqualTo(0.0);
    assertThat(flevoland.referrals()).isEqualTo(6);
    assertThat(flevoland.suppressed()).isEmpty();
    assertThat(rows.get(0).episodes()).isEqualTo(3);
  }

  @Test
  void consumersGetCountsUnderFiveAndFiguresDerivedFromThemWithheld() {
    List<StatisticsRow> rows = Statistics.compute(sample(), List.of(Dimension.REGION), YearMonth.of(2026, 11),
        YearMonth.of(2026, 11), true);

    StatisticsRow amsterdam = rows.get(0);
    assertThat(amsterdam.episodes()).isNull();
    assertThat(amsterdam.durationMedianMinutes()).isNull();
    assertThat(amsterdam.returnedWithin24hShare()).isNull();
    assertThat(amsterdam.suppressed()).hasSize(Figure.values().length);

    StatisticsRow flevoland = rows.get(1);
    assertThat(flevoland.episodes()).isEqualTo(10);
    assertThat(flevoland.repeatShare()).isEqualTo(0.5);
    assertThat(flevoland.referrals()).isEqualTo(6);
    // 7 of 10 in time: the complement (3 late) is a small count, so the share would disclose it; same for 9 of 10
    assertThat(flevoland.returnConversationInTimeShare()).isNull();
    assertThat(flevoland.returnedWithin24hShare()).isNull();
    assertThat(flevoland.suppressed()).containsExactly("returnedWithin24hShare", "returnConversationInTimeShare");
    assertThat(flevoland.exploitationSignalShare()).isEqualTo(0.0);
  }

  @Test
  void cancelledReportsAndOtherMonthsAreLeftOutAndMonthsFollowAmsterdamTime() {
    List<StatisticsRow> rows = Statistics.compute(sample(), List.of(Dimension.MONTH), null, null, false);
    assertThat(rows).extracting(r -> r.group().get("month")).containsExactly("2026-10", "2026-11");
    assertThat(rows).extracting(StatisticsRow::episodes).containsExactly(1, 13);
  }

  @Test
  void theFiguresDoNotDependOnTheOrderOfTheEpisodes() {
    List<RegisterEpisode> shuffled = new ArrayList<>(sample());
    Collections.shuffle(shuffled, new java.util.Random(3));
    List<Dimension> all = List.of(Dimension.MONTH, Dimension.REGION, Dimension.INSTITUTION_TYPE, Dimension.AGE_BAND,
        Dimension.SEX);
    assertThat(Statistics.compute(shuffled, all, null, null, true))
        .isEqualTo(Statistics.compute(sample(), all, null, null, true));
  }

  @Test
  void percentilesUseTheNearestRank() {
    assertThat(CellCounts.percentile(List.of(5L, 1L, 3L, 2L, 4L), 50)).isEqualTo(3L);
    assertThat(CellCounts.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2L);
    assertThat(CellCounts.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
    assertThat(CellCounts.percentile(List.of(), 50)).isNull();
  }

  @Test
  void zeroIsShownButOneToFourIsNot() {
    assertThat(Disclosure.small(0)).isFalse();
    assertThat(Disclosure.small(1)).isTrue();
    assertThat(Disclosure.small(4)).isTrue();
    assertThat(Disclosure.small(5)).isFalse();
    Map<String, String> group = Map.of("region", "r");
    CellCounts counts = CellCounts.of(List.of(returned("1", "r", NOV, 10), returned("2", "r", NOV, 10),
        returned("3", "r", NOV, 10), returned("4", "r", NOV, 10), returned("5", "r", NOV, Duration.ofDays(2)
            .toMinutes())));
    StatisticsRow row = Disclosure.suppressed(group, counts);
    assertThat(row.episodes()).isEqualTo(5);
    assertThat(row.returnedWithin24hShare()).isNull();
    assertThat(row.alertedShare()).isEqualTo(0.0);
    assertThat(row.referrals()).isEqualTo(0);
  }
}
