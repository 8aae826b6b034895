package nl.vermissing.benchmark;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds (nearest-rank: p99 of 1,000 samples is the 990th smallest).
 *
 * @param count number of samples
 */
public record LatencySummary(int count, double p50, double p95, double p99, double max, double mean) {

  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencySummary(sorted.length, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)),
        ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), round(sum / sorted.length / 1e6));
  }

  /** Nearest-rank percentile of an ascending array. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  private static double round(double ms) {
    return Math.round(ms * 10.0) / 10.0;
  }
}
