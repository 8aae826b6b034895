package nl.vermissing.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles are nearest-rank: the p99 of 1..1000 ms is 990 ms, the p50 500 ms. */
class LatencySummaryTest {

  @Test
  void percentilesAreNearestRank() {
    long[] nanos = new long[1000];
    for (int i = 0; i < nanos.length; i++) {
      nanos[nanos.length - 1 - i] = (i + 1) * 1_000_000L;
    }
    LatencySummary s = LatencySummary.ofNanos(nanos);
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50()).isEqualTo(500.0);
    assertThat(s.p95()).isEqualTo(950.0);
    assertThat(s.p99()).isEqualTo(990.0);
    assertThat(s.max()).isEqualTo(1000.0);
    assertThat(s.mean()).isEqualTo(500.5);
  }

  @Test
  void noSamplesGiveZeros() {
    assertThat(LatencySummary.ofNanos(new long[0]).count()).isZero();
  }

  @Test
  void ratiosAreRoundedAndSafeAgainstZero() {
    assertThat(AlertLatencyPhase.ratio(120, 40)).isEqualTo(3.0);
    assertThat(AlertLatencyPhase.ratio(120, 0)).isZero();
  }
}
