package nl.vermissing.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.vermissing.allinone.DemoSignIn;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures what matters for a missing child: how fast a police liaison sees a red alert and its cancellation,
 * against the physical floor of the same Kafka hops on the same broker; how many reports the API sustains; how fast
 * each Kafka Streams topology replays its input; start-up time and resident memory. The whole system is started in
 * this JVM on a temporary data folder and spoken to over HTTP as the web pages do.
 */
public final class Benchmark {

  private final BenchmarkOptions options;
  private final Progress progress;

  public Benchmark(BenchmarkOptions options) {
    this.options = options;
    this.progress = new Progress(System.out);
  }

  public static void main(String[] args) {
    int exit = 0;
    try {
      BenchmarkOptions options = BenchmarkOptions.parse(args);
      Results results = new Benchmark(options).run();
      System.out.println();
      results.goals().forEach(g -> System.out.printf("  %-3s %s: %s%n", g.met() ? "ok" : "NO", g.goal(),
          g.measured()));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      exit = 2;
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    // Kafka and Spring leave non-daemon threads behind
    System.exit(exit);
  }

  public Results run() throws IOException {
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long started = System.nanoTime();
    Machine.Info machine = Machine.info();
    progress.step("machine: %d cores, %,d MiB, %s, Java %s; load average %s", machine.cores(), machine.memoryMiB(),
        machine.cpuModel(), machine.javaVersion(), machine.loadAverage());
    Path work = Files.createTempDirectory("vermissing-benchmark-");
    try {
      progress.step("start-up: starting the whole system in this JVM (data in %s)", work);
      SystemUnderTest.Startup startup;
      Machine.Memory afterStart;
      AlertLatencyPhase.Outcome latency = null;
      ThroughputPhase.Result throughput = null;
      Machine.Memory afterSystem;
      try (SystemUnderTest system = SystemUnderTest.start(work.resolve("system"), Duration.ofMinutes(3))) {
        startup = system.startup();
        afterStart = Machine.memory();
        progress.step("start-up: healthy %.1f s after JVM launch (%.1f s after AllInOne.start); RSS %,d MiB",
            startup.jvmLaunchToHealthyMillis() / 1000.0, startup.startCallToHealthyMillis() / 1000.0,
            afterStart.residentMiB());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        String staff = DemoSignIn.accessToken(system.baseUrl(), "staf.horizon", "demo");
        IntakeApi intake = new IntakeApi(http, system.baseUrl(), staff);
        if (options.runs("latency")) {
          String police = DemoSignIn.accessToken(system.baseUrl(), "politie.midden", "demo");
          progress.step("signed in as staf.horizon (staff, inst-horizon) and politie.midden (police liaison)");
          try (PoliceFeed feed = new PoliceFeed(http, system.baseUrl(), police)) {
            progress.step("latency: police feed open; %d reports at %.0f/s in %d blocks, alternating with the floor",
                options.reports(), options.ratePerSecond(), options.blocks());
            latency = new AlertLatencyPhase(intake, feed, progress).run(system.bootstrapServers(),
                work.resolve("floor"), options.reports(), options.ratePerSecond(), options.blocks(),
                options.warmup());
            AlertLatencyPhase.Result l = latency.result();
            progress.step("latency: alert p50/p99 %.1f/%.1f ms, cancel %.1f/%.1f ms, floor %.1f/%.1f ms (%.2fx at"
                    + " p99)", l.alert().p50(), l.alert().p99(), l.cancel().p50(), l.cancel().p99(), l.floor().p50(),
                l.floor().p99(), l.p99Ratio());
          }
        }
        if (options.runs("throughput")) {
          throughput = new ThroughputPhase(intake, progress).run(options.throughputRates(), options.stepSeconds(),
              options.maxInFlight(), system::nameThreads);
        }
        afterSystem = Machine.memory();
        progress.step("memory: RSS %,d MiB (peak %,d MiB) with the system running after load; stopping the system",
            afterSystem.residentMiB(), afterSystem.peakResidentMiB());
      }
      TopologyReplay.Outcome replay = options.runs("replay")
          ? new TopologyReplay(progress).run(options.replayEvents(), work.resolve("replay")) : null;
      Machine.Memory atEnd = Machine.memory();
      double total = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
      AlertLatencyPhase.Result latencyResult = latency == null ? null : latency.result();
      Results results = new Results(startedAt.toString(), options.mode(), machine, Machine.loadAverage(), options,
          startup, afterStart, latencyResult, throughput, replay, afterSystem, atEnd,
          Results.goals(startup, latencyResult, throughput, afterSystem), total);
      write(results, latency);
      return results;
    } finally {
      deleteQuietly(work);
    }
  }

  private void write(Results results, AlertLatencyPhase.Outcome latency) throws IOException {
    Path json = options.json();
    if (json.getParent() != null) {
      Files.createDirectories(json.getParent());
    }
    Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValueAsString(results));
    progress.step("results: %s", json.toAbsolutePath());
    if (options.plot() != null && latency != null) {
      AlertLatencyPhase.Result l = latency.result();
      LatencyPlot.write(options.plot(), String.format(java.util.Locale.ROOT,
          "Alert and cancel latency vs the raw Kafka floor (%d reports at %.0f/s, %s)",
          l.reports(), l.ratePerSecond(), results.startedAt().substring(0, 10)), List.of(
          new LatencyPlot.Series("alert: staff request -> police feed", latency.alertNanos(), new Color(200, 30, 30)),
          new LatencyPlot.Series("cancel: return request -> police feed", latency.cancelNanos(),
              new Color(30, 90, 200)),
          new LatencyPlot.Series("raw Kafka floor (producer -> EOS Streams -> consumer)", latency.floorNanos(),
              new Color(110, 110, 110))));
      progress.step("plot: %s", options.plot().toAbsolutePath());
    }
    if (options.doc() != null) {
      String link = options.plot() == null || latency == null ? null : relativeLink(options.doc(), options.plot());
      PerformanceDoc.update(options.doc(), results, link);
      progress.step("document: %s", options.doc().toAbsolutePath());
    }
  }

  private static String relativeLink(Path doc, Path plot) {
    Path from = doc.toAbsolutePath().getParent();
    return from.relativize(plot.toAbsolutePath()).toString().replace('\\', '/');
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
