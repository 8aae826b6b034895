package nl.vermissing.benchmark;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Open-loop pacing: the n-th request of a run is due at start + n / rate, whatever happened to the ones before. */
final class Pacer {

  private final long start;
  private final double periodNanos;

  Pacer(double ratePerSecond) {
    this.start = System.nanoTime() + 20_000_000L;
    this.periodNanos = 1e9 / ratePerSecond;
  }

  /** Waits until the n-th request is due and returns its due time (the start of its latency). */
  long awaitSlot(int n) {
    long due = start + Math.round(n * periodNanos);
    sleepUntil(due);
    return due;
  }

  long start() {
    return start;
  }

  static void sleepUntil(long nanoTime) {
    long remaining;
    while ((remaining = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }

  /** Polls {@code done} every 5 ms until it holds or the timeout passes; returns whether it holds. */
  static boolean await(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(5_000_000L);
    }
    return true;
  }
}
