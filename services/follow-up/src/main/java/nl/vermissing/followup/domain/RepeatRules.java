package nl.vermissing.followup.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import nl.vermissing.events.RepeatReason;

/**
 * A multidisciplinary review (MDO) is needed when the youth went missing at least the agreed number of times
 * (default 2) within the agreed window (default 90 days), was missing more than 24 hours, or was the victim or
 * perpetrator of crime or showed signs of exploitation while missing. Each episode raises a review once per set of
 * reasons.
 */
public final class RepeatRules {

  public static final Duration LONG_ABSENCE = Duration.ofHours(24);

  private RepeatRules() {}

  /** What is known of one episode. {@code returnedAt} is null while the youth is still away. */
  public record EpisodeFacts(long t0, Long returnedAt, int episodesInWindow, boolean crimeWhileMissing,
      boolean exploitationWhileMissing) {}

  /** Episodes (by their t0) within the window that ends at {@code t0}, this episode included. */
  public static int episodesInWindow(Collection<Long> episodeStarts, long t0, FollowUpTerms terms) {
    long from = t0 - Duration.ofDays(terms.repeatWindowDays()).toMillis();
    return (int) episodeStarts.stream().filter(start -> start >= from && start <= t0).count();
  }

  public static Set<RepeatReason> reasons(EpisodeFacts facts, FollowUpTerms terms) {
    Set<RepeatReason> reasons = EnumSet.noneOf(RepeatReason.class);
    if (facts.episodesInWindow() >= terms.repeatEpisodeThreshold()) {
      reasons.add(RepeatReason.TWO_EPISODES_IN_WINDOW);
    }
    if (facts.returnedAt() != null && facts.returnedAt() - facts.t0() > LONG_ABSENCE.toMillis()) {
      reasons.add(RepeatReason.MISSING_OVER_24H);
    }
    if (facts.crimeWhileMissing()) {
      reasons.add(RepeatReason.CRIME_WHILE_MISSING);
    }
    if (facts.exploitationWhileMissing()) {
      reasons.add(RepeatReason.EXPLOITATION_WHILE_MISSING);
    }
    return reasons;
  }

  /** A review is raised for a non-empty set of reasons not raised before for the same episode. */
  public static boolean isNew(Set<RepeatReason> reasons, Collection<? extends Set<RepeatReason>> alreadyRaised) {
    return !reasons.isEmpty() && alreadyRaised.stream().noneMatch(reasons::equals);
  }
}
