package nl.vermissing.register.stream;

import static nl.vermissing.register.support.RegisterEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.ExploitationIndicator;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.ReturnConversationOutcome;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.register.domain.Dimension;
import nl.vermissing.register.domain.Statistics;
import nl.vermissing.register.domain.StatisticsRow;
import nl.vermissing.register.support.RegisterDriver;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class RegisterTopologyTest {

  static final Instant WALL_CLOCK = Instant.parse("2026-11-22T12:00:00Z");
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final Instant FLEVOLAND_SINCE = Instant.parse("2026-01-01T00:00:00Z");

  record Case(String caseId, String youthId, String institutionId) {
    static Case at(String institutionId) {
      return new Case("case-" + UUID.randomUUID(), "youth-" + UUID.randomUUID(), institutionId);
    }
  }

  static List<SpecificRecord> agreements() {
    return List.of(agreement("agr-flevoland", 1, FLEVOLAND_SINCE, "flevoland", "inst-horizon", "inst-anker"),
        agreement("agr-amsterdam", 1, FLEVOLAND_SINCE, "amsterdam", "inst-vuurtoren"));
  }

  /** A full life: absence, RED, report, alert, ack, urgency, return after 5 h, conversation in time with signals. */
  static List<SpecificRecord> fullLife(Case c, String pseudonym, Instant t0) {
    Instant returnedAt = t0.plus(Duration.ofHours(5));
    return List.of(
        absence(c.caseId(), c.youthId(), c.institutionId(), pseudonym, DATE_OF_BIRTH, Sex.FEMALE,
            PlacementType.CLOSED, t0),
        risk(c.caseId(), c.youthId(), c.institutionId(), RiskLevel.ORANGE, t0.plusSeconds(300)),
        risk(c.caseId(), c.youthId(), c.institutionId(), RiskLevel.RED, t0.plusSeconds(600)),
        missingReported(c.caseId(), c.youthId(), c.institutionId(), t0.plusSeconds(700)),
        alert(c.caseId(), c.youthId(), c.institutionId(), t0.plusSeconds(701)),
        acknowledged(c.caseId(), t0.plusSeconds(701 + 8 * 60)),
        urgency(c.caseId(), PoliceUrgency.URGENT, t0.plusSeconds(1200)),
        returned(c.caseId(), c.youthId(), c.institutionId(), returnedAt),
        due(c.caseId(), c.youthId(), c.institutionId(), returnedAt, returnedAt.plus(Duration.ofHours(72))),
        held(c.caseId(), c.youthId(), c.institutionId(), returnedAt.plus(Duration.ofHours(20)),
            List.of(ExploitationIndicator.OLDER_PARTNER)),
        referral(c.caseId(), c.youthId(), c.institutionId(), returnedAt.plus(Duration.ofHours(21))),
        comensha(c.caseId(), c.youthId(), c.institutionId(), returnedAt.plus(Duration.ofHours(30))));
  }

  @Test
  void aCaseBecomesOnePseudonymisedEpisodeKeyedByAKeyedHashOfTheCaseId() {
    Case c = Case.at("inst-horizon");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(agreements()).pipeAll(fullLife(c, "pseudo-A", T0));

      Map<String, RegisterEpisode> episodes = driver.compacted();
      assertThat(episodes).containsOnlyKeys(RegisterDriver.episodeId(c.caseId()));
      RegisterEpisode e = episodes.values().iterator().next();
      assertThat(e.getEpisodeId()).isEqualTo(RegisterDriver.episodeId(c.caseId())).doesNotContain(c.caseId());
      assertThat(e.getNationalPseudonym()).isEqualTo("pseudo-A");
      assertThat(e.getAgeBand()).isEqualTo(AgeBand.AGE_16_17);
      assertThat(e.getSex()).isEqualTo(Sex.FEMALE);
      assertThat(e.getRegion()).isEqualTo("flevoland");
      assertThat(e.getInstitutionType()).isEqualTo("CLOSED");
      assertThat(e.getStatus()).isEqualTo(EpisodeStatus.RETURNED);
      assertThat(e.getAbsenceAt()).isEqualTo(T0);
      assertThat(e.getReportedAt()).isEqualTo(T0.plusSeconds(700));
      assertThat(e.getAlertedAt()).isEqualTo(T0.plusSeconds(701));
      assertThat(e.getAcknowledgedAt()).isEqualTo(T0.plusSeconds(701 + 480));
      assertThat(e.getDurationMinutes()).isEqualTo(300L);
      assertThat(e.getRiskLevel()).isEqualTo(RiskLevel.RED);
      assertThat(e.getPoliceUrgency()).isEqualTo("URGENT");
      assertThat(e.getReturnConversation()).isEqualTo(ReturnConversationOutcome.HELD_IN_TIME);
      assertThat(e.getExploitationSignal()).isTrue();
      assertThat(e.getReferral()).isTrue();
      assertThat(e.getComenshaRegistration()).isTrue();
      assertThat(e.getEpisodeNumberForYouth()).isEqualTo(1);
      assertThat(e.getRepeatWithin90Days()).isFalse();
      assertThat(driver.view()).isEqualTo(episodes);
    }
  }

  @Test
  void noIdentifyingValueReachesAnyRegisterRecordOrStore() {
    Case first = Case.at("inst-horizon");
    Case second = Case.at("inst-vuurtoren");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(agreements()).pipeAll(fullLife(first, "pseudo-B", T0))
          .pipeAll(fullLife(second, "pseudo-B", T0.plus(Duration.ofDays(3))));

      List<String> forbidden = new ArrayList<>(PLANTED);
      forbidden.addAll(List.of(first.caseId(), first.youthId(), second.caseId(), second.youthId(), "inst-horizon",
          "inst-vuurtoren"));
      List<KeyValue<String, RegisterEpisode>> published = driver.published();
      assertThat(published).hasSizeGreaterThanOrEqualTo(2);
      StringBuilder everything = new StringBuilder();
      for (KeyValue<String, RegisterEpisode> kv : published) {
        everything.append(kv.key).append(' ').append(kv.value).append('\n');
      }
      driver.view().forEach((k, v) -> everything.append(k).append(' ').append(v).append('\n'));
      driver.storeContents(RegisterTopology.YOUTH_HISTORY_STORE)
          .forEach((k, v) -> everything.append(k).append(' ').append(v).append('\n'));
      String text = everything.toString();
      assertThat(text).contains("pseudo-B", "flevoland", "amsterdam");
      for (String value : forbidden) {
        assertThat(text).as("register must not contain %s", value).doesNotContain(value);
      }
    }
  }

  @Test
  void aRepeatAtAnotherInstitutionLinksThroughThePseudonymWhicheverArrivesFirst() {
    Case horizon = Case.at("inst-horizon");
    Case vuurtoren = Case.at("inst-vuurtoren");
    Case muchLater = Case.at("inst-anker");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(agreements());
      // the later episode arrives first
      driver.pipe(absence(vuurtoren.caseId(), vuurtoren.youthId(), "inst-vuurtoren", "pseudo-C", DATE_OF_BIRTH,
          Sex.FEMALE, PlacementType.OPEN, T0.plus(Duration.ofDays(30))));
      driver.pipe(absence(horizon.caseId(), horizon.youthId(), "inst-horizon", "pseudo-C", DATE_OF_BIRTH,
          Sex.FEMALE, PlacementType.CLOSED, T0));
      driver.pipe(absence(muchLater.caseId(), muchLater.youthId(), "inst-anker", "pseudo-C", DATE_OF_BIRTH,
          Sex.FEMALE, PlacementType.OPEN, T0.plus(Duration.ofDays(200))));

      Map<String, RegisterEpisode> episodes = driver.compacted();
      RegisterEpisode first = episodes.get(RegisterDriver.episodeId(horizon.caseId()));
      RegisterEpisode second = episodes.get(RegisterDriver.episodeId(vuurtoren.caseId()));
      RegisterEpisode third = episodes.get(RegisterDriver.episodeId(muchLater.caseId()));
      assertThat(first.getEpisodeNumberForYouth()).isEqualTo(1);
      assertThat(first.getRepeatWithin90Days()).isFalse();
      assertThat(first.getRegion()).isEqualTo("flevoland");
      assertThat(second.getEpisodeNumberForYouth()).isEqualTo(2);
      assertThat(second.getRepeatWithin90Days()).isTrue();
      assertThat(second.getRegion()).isEqualTo("amsterdam");
      assertThat(third.getEpisodeNumberForYouth()).isEqualTo(3);
      assertThat(third.getRepeatWithin90Days()).isFalse();
    }
  }

  @Test
  void anAgreementArrivingAfterTheCaseStillPutsTheEpisodeInItsRegion() {
    Case c = Case.at("inst-anker");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(fullLife(c, "pseudo-D", T0));
      assertThat(driver.compacted().values()).extracting(RegisterEpisode::getRegion).containsExactly("UNKNOWN");

      driver.pipeAll(agreements());

      assertThat(driver.compacted().values()).extracting(RegisterEpisode::getRegion).containsExactly("flevoland");
    }
  }

  @Test
  void aCancelledReportIsPublishedAsCancelledAndIsNotCountedAsAnEpisode() {
    Case cancelled = Case.at("inst-horizon");
    Case real = Case.at("inst-horizon");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(agreements())
          .pipe(absence(cancelled.caseId(), cancelled.youthId(), "inst-horizon", "pseudo-E", DATE_OF_BIRTH,
              Sex.MALE, PlacementType.CLOSED, T0))
          .pipe(cancelled(cancelled.caseId(), cancelled.youthId(), "inst-horizon", T0.plusSeconds(60)))
          .pipe(absence(real.caseId(), real.youthId(), "inst-horizon", "pseudo-E", DATE_OF_BIRTH, Sex.MALE,
              PlacementType.CLOSED, T0.plus(Duration.ofDays(1))));

      RegisterEpisode withdrawn = driver.compacted().get(RegisterDriver.episodeId(cancelled.caseId()));
      RegisterEpisode episode = driver.compacted().get(RegisterDriver.episodeId(real.caseId()));
      assertThat(withdrawn.getStatus()).isEqualTo(EpisodeStatus.CANCELLED);
      assertThat(withdrawn.getEpisodeNumberForYouth()).isZero();
      assertThat(withdrawn.getReturnConversation()).isEqualTo(ReturnConversationOutcome.NOT_APPLICABLE);
      assertThat(episode.getEpisodeNumberForYouth()).isEqualTo(1);
      assertThat(episode.getRepeatWithin90Days()).isFalse();
      assertThat(Statistics.compute(driver.view().values(), List.of(Dimension.MONTH), null, null, false))
          .extracting(StatisticsRow::episodes).containsExactly(1);
    }
  }

  @Test
  void theSameEventsInAnotherOrderOrReplayedTwiceGiveIdenticalEpisodesAndStatistics() {
    List<SpecificRecord> events = new ArrayList<>(agreements());
    for (int i = 0; i < 6; i++) {
      Case c = Case.at(i % 3 == 0 ? "inst-horizon" : i % 3 == 1 ? "inst-anker" : "inst-vuurtoren");
      events.addAll(fullLife(c, "pseudo-R" + (i % 3), T0.plus(Duration.ofDays(i * 20L)).plusSeconds(i)));
    }
    Case late = Case.at("inst-anker");
    events.add(absence(late.caseId(), late.youthId(), "inst-anker", "pseudo-R1", DATE_OF_BIRTH, Sex.MALE,
        PlacementType.OPEN, T0.minus(Duration.ofDays(5))));
    events.add(overdue(late.caseId(), late.youthId(), "inst-anker", T0));
    events.add(declined(late.caseId(), late.youthId(), "inst-anker", T0.plusSeconds(10)));

    Map<String, RegisterEpisode> inOrder;
    List<StatisticsRow> statsInOrder;
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(events);
      inOrder = driver.compacted();
      statsInOrder = stats(driver.view());
      assertThat(driver.view()).isEqualTo(inOrder);
    }
    List<SpecificRecord> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(7));
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(shuffled);
      assertThat(driver.compacted()).isEqualTo(inOrder);
      assertThat(stats(driver.view())).isEqualTo(statsInOrder);
    }
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(events).pipeAll(shuffled);
      assertThat(driver.compacted()).isEqualTo(inOrder);
      assertThat(stats(driver.view())).isEqualTo(statsInOrder);
    }
    assertThat(inOrder).hasSize(7);
    assertThat(inOrder.values()).filteredOn(RegisterEpisode::getRepeatWithin90Days).isNotEmpty();
  }

  private static List<StatisticsRow> stats(Map<String, RegisterEpisode> view) {
    return Statistics.compute(view.values(), List.of(Dimension.MONTH, Dimension.REGION, Dimension.INSTITUTION_TYPE),
        null, null, true);
  }

  @Test
  void episodesBeyondTheRetentionPeriodAreDeletedWithATombstone() {
    Case old = Case.at("inst-horizon");
    Case recent = Case.at("inst-horizon");
    try (RegisterDriver driver = new RegisterDriver(WALL_CLOCK)) {
      driver.pipeAll(agreements())
          .pipeAll(fullLife(old, "pseudo-F", T0))
          .pipeAll(fullLife(recent, "pseudo-F", T0.plus(Duration.ofDays(400))));
      assertThat(driver.compacted()).hasSize(2);

      // retention is 24 months: move the clock past the first episode's expiry only
      driver.advanceWallClock(Duration.ofDays(365 + 365 - 20 + 30));

      String oldId = RegisterDriver.episodeId(old.caseId());
      assertThat(driver.published()).contains(KeyValue.pair(oldId, null));
      assertThat(driver.compacted()).containsOnlyKeys(RegisterDriver.episodeId(recent.caseId()));
      assertThat(driver.view()).containsOnlyKeys(RegisterDriver.episodeId(recent.caseId()));
      assertThat(driver.compacted().values().iterator().next().getEpisodeNumberForYouth()).isEqualTo(2);
      assertThat(driver.storeContents(RegisterTopology.CASE_STATE_STORE)).hasSize(1);

      // a late event of the expired case does not bring it back
      driver.pipe(referral(old.caseId(), old.youthId(), "inst-horizon", T0.plus(Duration.ofDays(2))));
      assertThat(driver.compacted()).doesNotContainKey(oldId);
    }
  }
}
