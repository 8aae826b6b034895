package nl.vermissing.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest rate of absence reports the REST API sustains: the offered rate steps up (open loop, an async client
 * with bounded concurrency); each report's latency runs from the moment it was due, so a client held back by a
 * saturated system counts as slow (no coordinated omission). A step is sustained when every report got its 201 and
 * p99 stayed under one second. Stepping stops after the first step that is not sustained.
 */
final class ThroughputPhase {

  /**
   * @param offeredPerSecond the rate the client tried to send
   * @param achievedPerSecond 201 answers per second, over the time from the first due request to the last answer
   * @param latency due time → answer
   * @param errors answers other than 201, timeouts and connection errors
   */
  record Step(int offeredPerSecond, int requests, double achievedPerSecond, LatencySummary latency, int errors,
      boolean sustained) {}

  /** @param sustainedPerSecond the highest offered rate whose step was sustained (0 if none) */
  record Result(double stepSeconds, int maxInFlight, List<Step> steps, int sustainedPerSecond,
      Machine.CpuUse cpu, List<ThreadCpuProfile.Group> cpuByThreads) {}

  private final IntakeApi intake;
  private final Progress progress;

  ThroughputPhase(IntakeApi intake, Progress progress) {
    this.intake = intake;
    this.progress = progress;
  }

  /**
   * Steps the rate up; the thread profile covers the steps themselves (not the creation of their youth profiles).
   */
  Result run(List<Integer> rates, double stepSeconds, int maxInFlight, java.util.function.UnaryOperator<String> naming) {
    java.util.Map<String, Double> profile = new java.util.HashMap<>();
    List<Step> steps = new ArrayList<>();
    int sustained = 0;
    Machine.CpuSample before = Machine.CpuSample.now();
    for (int rate : rates) {
      int requests = (int) Math.max(1, Math.round(rate * stepSeconds));
      progress.step("throughput: creating %d youth profiles for the %d/s step", requests, rate);
      List<String> youths = intake.createYouths(requests, 32);
      Machine.awaitQuiet(java.time.Duration.ofSeconds(60));
      ThreadCpuProfile threads = new ThreadCpuProfile(naming);
      Step step = step(rate, youths, maxInFlight);
      threads.top(Integer.MAX_VALUE).forEach(g -> profile.merge(g.threads(), g.cpuSeconds(), Double::sum));
      steps.add(step);
      progress.step("throughput: offered %d/s for %.0f s: achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d -> %s",
          rate, stepSeconds, step.achievedPerSecond(), step.latency().p50(), step.latency().p99(), step.errors(),
          step.sustained() ? "sustained" : "NOT sustained");
      if (!step.sustained()) {
        break;
      }
      sustained = rate;
    }
    double total = Math.max(0.001, profile.values().stream().mapToDouble(Double::doubleValue).sum());
    List<ThreadCpuProfile.Group> top = profile.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
        .map(e -> new ThreadCpuProfile.Group(e.getKey(), Math.round(e.getValue() * 100) / 100.0,
            Math.round(e.getValue() / total * 1000) / 1000.0))
        .toList();
    return new Result(stepSeconds, maxInFlight, steps, sustained, Machine.CpuSample.now().since(before), top);
  }

  private Step step(int rate, List<String> youths, int maxInFlight) {
    Semaphore inFlight = new Semaphore(maxInFlight);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong();
    List<CompletableFuture<?>> answers = new ArrayList<>(youths.size());
    Pacer pacer = new Pacer(rate);
    for (int i = 0; i < youths.size(); i++) {
      long due = pacer.awaitSlot(i);
      inFlight.acquireUninterruptibly();
      answers.add(intake.reportAbsence(youths.get(i)).handle((answer, error) -> {
        long now = System.nanoTime();
        inFlight.release();
        lastAnswer.accumulateAndGet(now, Math::max);
        latencies.add(now - due);
        if (error != null || answer.statusCode() != 201) {
          errors.incrementAndGet();
        }
        return null;
      }));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    LatencySummary summary = LatencySummary.ofNanos(nanos);
    double seconds = (lastAnswer.get() - pacer.start()) / 1e9;
    int ok = youths.size() - errors.get();
    double achieved = Math.round(ok / seconds * 10.0) / 10.0;
    return new Step(rate, youths.size(), achieved, summary, errors.get(), errors.get() == 0 && summary.p99() < 1000);
  }
}
