package nl.vermissing.register.domain;

import nl.vermissing.vocabulary.AgeBands;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.EpisodeStatus;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.ReturnConversationOutcome;
import nl.vermissing.events.Sex;
import org.junit.jupiter.api.Test;

class EpisodesTest {

  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final RegisterRules RULES = new RegisterRules(Duration.ofHours(72), Duration.ofDays(90), 60,
      Map.of("inst-horizon", "CLOSED"));

  static CaseFacts.Builder absent() {
    return CaseFacts.builder().institutionId("inst-x")
        .absence(new CaseFacts.Absence(T0, "ev1", "p1", AgeBand.AGE_14_15, Sex.FEMALE, PlacementType.OPEN));
  }

  @Test
  void withoutAnAbsenceReportThereIsNoEpisodeYet() {
    assertThat(Episodes.from(CaseFacts.builder().returnedAt(T0).build(), "e", null, RULES)).isNull();
  }

  @Test
  void ageBandIsTakenAtT0InDutchLocalTime() {
    // 14th birthday on 2026-11-03 local; t0 late on 2 November UTC is already 3 November in Amsterdam
    assertThat(AgeBands.at("2012-11-03", Instant.parse("2026-11-02T23:30:00Z"))).isEqualTo(AgeBand.AGE_14_15);
    assertThat(AgeBands.at("2012-11-03", Instant.parse("2026-11-02T22:30:00Z"))).isEqualTo(AgeBand.AGE_12_13);
    assertThat(AgeBands.at("2016-01-01", T0)).isEqualTo(AgeBand.UNDER_12);
    assertThat(AgeBands.at("2009-01-01", T0)).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBands.at("2008-01-01", T0)).isEqualTo(AgeBand.AGE_18_PLUS);
    assertThat(AgeBands.at("not a date", T0)).isEqualTo(AgeBand.UNKNOWN);
  }

  @Test
  void theMonthOfAnEpisodeIsTheMonthOfT0InAmsterdam() {
    assertThat(RegisterTime.monthOf(Instant.parse("2026-10-31T23:30:00Z")).toString()).isEqualTo("2026-11");
    assertThat(RegisterTime.monthOf(Instant.parse("2026-10-31T22:30:00Z")).toString()).isEqualTo("2026-10");
  }

  @Test
  void durationIsFromT0ToReturnInWholeMinutes() {
    Episode e = Episodes.from(absent().returnedAt(T0.plusSeconds(125 * 60 + 59)).build(), "e", null, RULES);
    assertThat(e.status()).isEqualTo(EpisodeStatus.RETURNED);
    assertThat(e.durationMinutes()).isEqualTo(125L);
    assertThat(e.institutionType()).isEqualTo("OPEN");
    assertThat(e.region()).isEqualTo(InstitutionRegions.UNKNOWN_REGION);
  }

  @Test
  void aConversationIsInTimeWhenHeldByTheAnnouncedDueTimeOrElseWithinTheWindowAfterReturn() {
    Instant back = T0.plus(Duration.ofHours(3));
    assertThat(outcome(absent().returnedAt(back).conversationHeldAt(back.plus(Duration.ofHours(72)))))
        .isEqualTo(ReturnConversationOutcome.HELD_IN_TIME);
    assertThat(outcome(absent().returnedAt(back).conversationHeldAt(back.plus(Duration.ofHours(73)))))
        .isEqualTo(ReturnConversationOutcome.HELD_LATE);
    assertThat(outcome(absent().returnedAt(back).conversationDueBy(back.plus(Duration.ofHours(96)))
        .conversationHeldAt(back.plus(Duration.ofHours(73))))).isEqualTo(ReturnConversationOutcome.HELD_IN_TIME);
    assertThat(outcome(absent().returnedAt(back).conversationOverdue(true)
        .conversationHeldAt(back.plus(Duration.ofHours(10))))).isEqualTo(ReturnConversationOutcome.HELD_LATE);
  }

  @Test
  void withoutAHeldConversationDeclinedThenNotPossibleThenOverdueThenPending() {
    assertThat(outcome(absent().conversationDeclined(true).conversationOverdue(true)))
        .isEqualTo(ReturnConversationOutcome.DECLINED);
    assertThat(outcome(absent().conversationNotPossible(true).conversationOverdue(true)))
        .isEqualTo(ReturnConversationOutcome.NOT_POSSIBLE);
    assertThat(outcome(absent().conversationOverdue(true))).isEqualTo(ReturnConversationOutcome.OVERDUE);
    assertThat(outcome(absent())).isEqualTo(ReturnConversationOutcome.PENDING);
    assertThat(outcome(absent().cancelled(true).conversationOverdue(true)))
        .isEqualTo(ReturnConversationOutcome.NOT_APPLICABLE);
  }

  @Test
  void theRegionIsTheOneInForceAtT0() {
    InstitutionRegions regions = InstitutionRegions.empty()
        .with(new RegionAssignment("a2", 1, T0.plusSeconds(1), "amsterdam"))
        .with(new RegionAssignment("a1", 1, T0.minusSeconds(86400), "flevoland"));
    assertThat(regions.regionAt(T0)).isEqualTo("flevoland");
    assertThat(regions.regionAt(T0.plusSeconds(5))).isEqualTo("amsterdam");
    assertThat(regions.regionAt(T0.minusSeconds(10 * 86400))).isEqualTo("flevoland");
  }

  @Test
  void episodeIdsAreStableKeyedHashesThatDependOnTheKey() {
    EpisodeIds ids = new EpisodeIds("a-key-of-sixteen-chars");
    assertThat(ids.of("case-1")).isEqualTo(ids.of("case-1")).hasSize(64).doesNotContain("case-1");
    assertThat(new EpisodeIds("another-key-of-16-chars").of("case-1")).isNotEqualTo(ids.of("case-1"));
  }

  private static ReturnConversationOutcome outcome(CaseFacts.Builder facts) {
    return Episodes.returnConversation(facts.build(), RULES);
  }

  @Test
  void anInstitutionNoAgreementListsTakesItsConfiguredRegion() {
    RegisterRules rules = new RegisterRules(Duration.ofHours(72), Duration.ofDays(90), 60, java.util.Map.of(),
        java.util.Map.of("inst-horizon", "flevoland"));
    assertThat(rules.region(InstitutionRegions.UNKNOWN_REGION, "inst-horizon")).isEqualTo("flevoland");
    assertThat(rules.region(InstitutionRegions.UNKNOWN_REGION, "inst-elders")).isEqualTo("UNKNOWN");
    assertThat(rules.region("amsterdam", "inst-horizon")).as("an agreement in force wins").isEqualTo("amsterdam");
  }
}
