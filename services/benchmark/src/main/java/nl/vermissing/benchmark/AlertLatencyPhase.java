package nl.vermissing.benchmark;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alert and cancel latency as a police liaison sees it, against the raw Kafka floor measured in the same run.
 *
 * <p>Staff report a red absence (HTTP POST through the gateway) at a steady rate; the latency of each is from the
 * moment its request was due until the police feed client (SSE through the gateway) received the {@code alert}.
 * Then the youths are reported back, and the cancel latency runs from the return request to the {@code cancel}
 * event. The floor sends the same number of records at the same rate through the same Kafka hops. System and floor
 * run in alternating blocks, so that a burst of other work on a shared machine hits both alike.
 */
final class AlertLatencyPhase {

  /** What the phase measured; the raw latencies (ns) are kept for the plot. */
  record Outcome(Result result, long[] alertNanos, long[] cancelNanos, long[] floorNanos) {}

  /**
   * @param reports measured absence reports (and as many returns and floor records)
   * @param ratePerSecond offered rate of reports, returns and floor records
   * @param alert staff request → police client has the alert
   * @param cancel return request → police client has the cancel
   * @param floor producer → EOS Streams → read_committed consumer, same sizes and rate
   * @param p50Ratio alert p50 / floor p50
   * @param p99Ratio alert p99 / floor p99
   * @param lost reports without an alert (or returns without a cancel, or floor records) within the wait
   * @param cpu cores used during the phase by this JVM and by other processes on the machine
   */
  record Result(int reports, double ratePerSecond, int blocks, LatencySummary alert, LatencySummary cancel,
      LatencySummary floor, double p50Ratio, double p99Ratio, int lost, RecordSizes recordSizes,
      Machine.CpuUse cpu) {}

  private final IntakeApi intake;
  private final PoliceFeed feed;
  private final Progress progress;
  private final Duration wait = Duration.ofSeconds(30);

  AlertLatencyPhase(IntakeApi intake, PoliceFeed feed, Progress progress) {
    this.intake = intake;
    this.feed = feed;
    this.progress = progress;
  }

  Outcome run(String bootstrapServers, Path stateDir, int reports, double rate, int blocks, int warmup) {
    progress.step("latency: creating %d youth profiles (closed care, machtiging) through the API", reports + warmup);
    List<String> youths = intake.createYouths(reports + warmup, 16);

    progress.step("latency: warm-up, %d reports and returns", warmup);
    Block warm = new Block(youths.subList(reports, reports + warmup), rate);
    warm.report();
    warm.returnAll();
    RecordSizes sizes = RecordSizes.measure(bootstrapServers);
    progress.step("latency: waited %.1f s for the system to be idle after the set-up",
        Machine.awaitQuiet(Duration.ofSeconds(60)));
    progress.step("latency: record sizes on the broker: absence %d B, alert %d B, return %d B, cancel %d B",
        sizes.absence(), sizes.alert(), sizes.returned(), sizes.cancel());

    try (KafkaFloor floor = new KafkaFloor(bootstrapServers, stateDir, sizes.absence(), sizes.alert())) {
      floor.runBlock(Math.max(warmup, 10), rate, wait);
      long[] alerts = new long[0];
      long[] cancels = new long[0];
      long[] floorLatencies = new long[0];
      int lost = 0;
      Machine.CpuSample cpuBefore = Machine.CpuSample.now();
      int perBlock = (int) Math.ceil((double) reports / blocks);
      for (int b = 0; b < blocks; b++) {
        int from = b * perBlock;
        int to = Math.min(reports, from + perBlock);
        if (from >= to) {
          break;
        }
        Block block = new Block(youths.subList(from, to), rate);
        block.report();
        long[] floorBlock = floor.runBlock(to - from, rate, wait);
        block.returnAll();
        long[] a = block.alertLatencies();
        long[] c = block.cancelLatencies();
        lost += count(a, -1) + count(c, -1) + count(floorBlock, -1);
        alerts = concat(alerts, a);
        cancels = concat(cancels, c);
        floorLatencies = concat(floorLatencies, floorBlock);
        progress.step("latency: block %d/%d: %d reports at %.0f/s; alert p50 %.1f ms, floor p50 %.1f ms, cancel p50"
                + " %.1f ms", b + 1, blocks, to - from, rate, LatencySummary.ofNanos(valid(a)).p50(),
            LatencySummary.ofNanos(valid(floorBlock)).p50(), LatencySummary.ofNanos(valid(c)).p50());
      }
      Machine.CpuUse cpu = Machine.CpuSample.now().since(cpuBefore);
      long[] alertValid = valid(alerts);
      long[] cancelValid = valid(cancels);
      long[] floorValid = valid(floorLatencies);
      LatencySummary alert = LatencySummary.ofNanos(alertValid);
      LatencySummary floorSummary = LatencySummary.ofNanos(floorValid);
      Result result = new Result(reports, rate, blocks, alert, LatencySummary.ofNanos(cancelValid), floorSummary,
          ratio(alert.p50(), floorSummary.p50()), ratio(alert.p99(), floorSummary.p99()), lost, sizes, cpu);
      return new Outcome(result, alertValid, cancelValid, floorValid);
    }
  }

  /** Reports for a set of youths at the rate, then their returns; remembers due times and case ids. */
  private final class Block {
    private final List<String> youths;
    private final double rate;
    private final long[] reportDue;
    private final long[] returnDue;
    private final String[] caseIds;
    private final AtomicInteger failures = new AtomicInteger();

    Block(List<String> youths, double rate) {
      this.youths = youths;
      this.rate = rate;
      this.reportDue = new long[youths.size()];
      this.returnDue = new long[youths.size()];
      this.caseIds = new String[youths.size()];
    }

    void report() {
      Pacer pacer = new Pacer(rate);
      List<CompletableFuture<?>> answers = new ArrayList<>();
      for (int i = 0; i < youths.size(); i++) {
        reportDue[i] = pacer.awaitSlot(i);
        int index = i;
        answers.add(intake.reportAbsence(youths.get(i)).thenAccept(answer -> {
          if (answer.statusCode() == 201) {
            caseIds[index] = IntakeApi.field(answer.body(), "caseId");
          } else {
            fail("absence", answer);
          }
        }));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
      Pacer.await(() -> Arrays.stream(caseIds).allMatch(id -> id == null || feed.alertArrival(id) != null), wait);
    }

    void returnAll() {
      Pacer pacer = new Pacer(rate);
      List<CompletableFuture<?>> answers = new ArrayList<>();
      for (int i = 0; i < youths.size(); i++) {
        if (caseIds[i] == null) {
          continue;
        }
        returnDue[i] = pacer.awaitSlot(i);
        answers.add(intake.reportReturn(caseIds[i]).thenAccept(answer -> {
          if (answer.statusCode() != 200) {
            fail("return", answer);
          }
        }));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
      Pacer.await(() -> Arrays.stream(caseIds).allMatch(id -> id == null || feed.cancelArrival(id) != null), wait);
    }

    long[] alertLatencies() {
      long[] latencies = new long[youths.size()];
      for (int i = 0; i < latencies.length; i++) {
        Long arrived = caseIds[i] == null ? null : feed.alertArrival(caseIds[i]);
        latencies[i] = arrived == null ? -1 : arrived - reportDue[i];
      }
      return latencies;
    }

    long[] cancelLatencies() {
      long[] latencies = new long[youths.size()];
      for (int i = 0; i < latencies.length; i++) {
        Long arrived = caseIds[i] == null ? null : feed.cancelArrival(caseIds[i]);
        latencies[i] = arrived == null ? -1 : arrived - returnDue[i];
      }
      return latencies;
    }

    private void fail(String what, HttpResponse<String> answer) {
      if (failures.incrementAndGet() <= 3) {
        progress.step("latency: %s answered %d: %s", what, answer.statusCode(), answer.body());
      }
    }
  }

  static double ratio(double a, double b) {
    return b <= 0 ? 0 : Math.round(a / b * 100.0) / 100.0;
  }

  private static int count(long[] values, long value) {
    return (int) Arrays.stream(values).filter(v -> v == value).count();
  }

  private static long[] valid(long[] values) {
    return Arrays.stream(values).filter(v -> v >= 0).toArray();
  }

  private static long[] concat(long[] a, long[] b) {
    long[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
