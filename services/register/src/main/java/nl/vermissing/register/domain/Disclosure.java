package nl.vermissing.register.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for external consumers: a count from 1 to 4 is withheld, and so is every figure derived
 * from such a count: a share whose numerator, denominator or complement (denominator minus numerator) is 1 to 4, and a
 * median over 1 to 4 values. When the cell itself has fewer than 5 episodes, all its figures are withheld.
 * Zero is shown. Complementary disclosure (a suppressed cell recomputed from a total minus the other cells) is not
 * prevented here; see the README.
 */
public final class Disclosure {

  public static final int MINIMUM_CELL = 5;

  private Disclosure() {}

  /** All figures, unsuppressed (auditors). */
  public static StatisticsRow full(Map<String, String> group, CellCounts c) {
    return new StatisticsRow(group, c.episodes(), c.youths(), c.durationMedianMinutes(), c.durationP90Minutes(),
        share(c.returnedWithin24h(), c.episodes()), share(c.alerted(), c.episodes()),
        c.acknowledgementMedianMinutes(), share(c.conversationsHeldInTime(), c.conversationsDecided()),
        share(c.repeats(), c.episodes()), share(c.exploitationSignals(), c.episodes()), c.referrals(), List.of());
  }

  /** Figures for external consumers, with small cells withheld. */
  public static StatisticsRow suppressed(Map<String, String> group, CellCounts c) {
    List<String> withheld = new ArrayList<>();
    if (small(c.episodes())) {
      for (Figure f : Figure.values()) {
        withheld.add(f.field());
      }
      return new StatisticsRow(group, null, null, null, null, null, null, null, null, null, null, null, withheld);
    }
    Integer youths = count(c.youths(), Figure.YOUTHS, withheld);
    Long median = median(c.durationMedianMinutes(), c.returned(), Figure.DURATION_MEDIAN, withheld);
    Long p90 = median(c.durationP90Minutes(), c.returned(), Figure.DURATION_P90, withheld);
    Double within24h = share(c.returnedWithin24h(), c.episodes(), Figure.RETURNED_WITHIN_24H, withheld);
    Double alerted = share(c.alerted(), c.episodes(), Figure.ALERTED, withheld);
    Long ack = median(c.acknowledgementMedianMinutes(), c.acknowledged(), Figure.ACKNOWLEDGEMENT_MEDIAN, withheld);
    Double inTime = share(c.conversationsHeldInTime(), c.conversationsDecided(), Figure.CONVERSATION_IN_TIME,
        withheld);
    Double repeat = share(c.repeats(), c.episodes(), Figure.REPEAT, withheld);
    Double signals = share(c.exploitationSignals(), c.episodes(), Figure.EXPLOITATION_SIGNAL, withheld);
    Integer referrals = count(c.referrals(), Figure.REFERRALS, withheld);
    return new StatisticsRow(group, c.episodes(), youths, median, p90, within24h, alerted, ack, inTime, repeat,
        signals, referrals, List.copyOf(withheld));
  }

  static boolean small(int count) {
    return count > 0 && count < MINIMUM_CELL;
  }

  private static Integer count(int value, Figure figure, List<String> withheld) {
    if (small(value)) {
      withheld.add(figure.field());
      return null;
    }
    return value;
  }

  private static Long median(Long value, int basis, Figure figure, List<String> withheld) {
    if (small(basis)) {
      withheld.add(figure.field());
      return null;
    }
    return value;
  }

  private static Double share(int numerator, int denominator, Figure figure, List<String> withheld) {
    if (small(numerator) || small(denominator) || small(denominator - numerator)) {
      withheld.add(figure.field());
      return null;
    }
    return share(numerator, denominator);
  }

  /** Rounded to four decimals; null when there is nothing to divide by. */
  static Double share(int numerator, int denominator) {
    if (denominator == 0) {
      return null;
    }
    return Math.round(numerator * 10000.0 / denominator) / 10000.0;
  }
}
