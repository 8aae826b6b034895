package nl.vermissing.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.RepeatReason;
import org.junit.jupiter.api.Test;

class RepeatRulesTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long T0 = 1_790_000_000_000L;
  private static final FollowUpTerms TERMS = FollowUpTerms.DEFAULTS;

  @Test
  void given_a_second_episode_within_90_days_then_a_review_for_two_episodes() {
    int inWindow = RepeatRules.episodesInWindow(List.of(T0 - 89 * DAY, T0), T0, TERMS);
    assertThat(inWindow).isEqualTo(2);
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, null, inWindow, false, false), TERMS))
        .containsExactly(RepeatReason.TWO_EPISODES_IN_WINDOW);
  }

  @Test
  void given_an_earlier_episode_91_days_ago_then_no_review() {
    int inWindow = RepeatRules.episodesInWindow(List.of(T0 - 91 * DAY, T0), T0, TERMS);
    assertThat(inWindow).isEqualTo(1);
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, T0 + HOUR, inWindow, false, false), TERMS))
        .isEmpty();
  }

  @Test
  void given_later_episodes_then_they_do_not_count_for_an_earlier_one() {
    assertThat(RepeatRules.episodesInWindow(List.of(T0, T0 + DAY), T0, TERMS)).isEqualTo(1);
  }

  @Test
  void given_more_than_24_hours_missing_then_a_review_and_exactly_24_hours_is_not_enough() {
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, T0 + 24 * HOUR + 1, 1, false, false), TERMS))
        .containsExactly(RepeatReason.MISSING_OVER_24H);
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, T0 + 24 * HOUR, 1, false, false), TERMS))
        .isEmpty();
  }

  @Test
  void given_crime_or_exploitation_while_missing_then_a_review_naming_them() {
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, T0 + HOUR, 1, true, true), TERMS))
        .containsExactlyInAnyOrder(RepeatReason.CRIME_WHILE_MISSING, RepeatReason.EXPLOITATION_WHILE_MISSING);
  }

  @Test
  void given_an_agreement_with_a_threshold_of_three_then_two_episodes_are_not_enough() {
    FollowUpTerms three = new FollowUpTerms("a", 1, 72, 90, 3);
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, null, 2, false, false), three)).isEmpty();
    assertThat(RepeatRules.reasons(new RepeatRules.EpisodeFacts(T0, null, 3, false, false), three))
        .containsExactly(RepeatReason.TWO_EPISODES_IN_WINDOW);
  }

  @Test
  void a_reason_set_is_raised_once() {
    Set<RepeatReason> two = EnumSet.of(RepeatReason.TWO_EPISODES_IN_WINDOW);
    Set<RepeatReason> twoAndLong = EnumSet.of(RepeatReason.TWO_EPISODES_IN_WINDOW, RepeatReason.MISSING_OVER_24H);
    assertThat(RepeatRules.isNew(two, List.of())).isTrue();
    assertThat(RepeatRules.isNew(two, List.of(two))).isFalse();
    assertThat(RepeatRules.isNew(twoAndLong, List.of(two))).isTrue();
    assertThat(RepeatRules.isNew(EnumSet.noneOf(RepeatReason.class), List.of())).isFalse();
  }
}
