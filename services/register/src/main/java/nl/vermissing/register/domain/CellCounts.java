package nl.vermissing.register.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.ReturnConversationOutcome;

/**
 * The raw figures of one cell of the statistics (one combination of month, region, ...), before any suppression.
 * Medians and the 90th percentile use the nearest-rank method on whole minutes, so they are exact and reproducible.
 */
public record CellCounts(
    int episodes,
    int youths,
    int returned,
    Long durationMedianMinutes,
    Long durationP90Minutes,
    int returnedWithin24h,
    int alerted,
    int acknowledged,
    Long acknowledgementMedianMinutes,
    int conversationsDecided,
    int conversationsHeldInTime,
    int repeats,
    int exploitationSignals,
    int referrals) {

  public static CellCounts of(Collection<RegisterEpisode> episodes) {
    Set<String> youths = new HashSet<>();
    List<Long> durations = new ArrayList<>();
    List<Long> ackMinutes = new ArrayList<>();
    int within24h = 0;
    int alerted = 0;
    int decided = 0;
    int inTime = 0;
    int repeats = 0;
    int signals = 0;
    int referrals = 0;
    for (RegisterEpisode e : episodes) {
      youths.add(e.getNationalPseudonym());
      if (e.getDurationMinutes() != null) {
        durations.add(e.getDurationMinutes());
        if (e.getDurationMinutes() <= 24 * 60) {
          within24h++;
        }
      }
      if (e.getAlertedAt() != null) {
        alerted++;
        if (e.getAcknowledgedAt() != null) {
          ackMinutes.add(Math.max(0L, Duration.between(e.getAlertedAt(), e.getAcknowledgedAt()).toMinutes()));
        }
      }
      ReturnConversationOutcome outcome = e.getReturnConversation();
      if (decided(outcome)) {
        decided++;
        if (outcome == ReturnConversationOutcome.HELD_IN_TIME) {
          inTime++;
        }
      }
      if (e.getRepeatWithin90Days()) {
        repeats++;
      }
      if (e.getExploitationSignal()) {
        signals++;
      }
      if (e.getReferral()) {
        referrals++;
      }
    }
    return new CellCounts(episodes.size(), youths.size(), durations.size(), percentile(durations, 50),
        percentile(durations, 90), within24h, alerted, ackMinutes.size(), percentile(ackMinutes, 50), decided, inTime,
        repeats, signals, referrals);
  }

  /** Outcomes that count in the in-time share: every outcome except pending and not applicable. */
  static boolean decided(ReturnConversationOutcome outcome) {
    return switch (outcome) {
      case HELD_IN_TIME, HELD_LATE, DECLINED, NOT_POSSIBLE, OVERDUE -> true;
      case PENDING, NOT_APPLICABLE -> false;
    };
  }

  /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
  static Long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
