package nl.vermissing.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How much to measure and where to write the results.
 *
 * @param mode full, quick or custom (named in the results)
 * @param reports measured red absence reports in the latency phase (as many returns and floor records)
 * @param ratePerSecond steady rate of the latency phase
 * @param blocks alternating system/floor blocks the latency phase is split into
 * @param warmup unmeasured reports (and floor records) first
 * @param throughputRates offered rates of the throughput steps, ascending
 * @param stepSeconds duration of each throughput step
 * @param maxInFlight bound on concurrent requests of the throughput client
 * @param replayEvents synthetic case events replayed through each topology
 * @param phases which of latency, throughput and replay to run (start-up and memory are always measured)
 * @param json results file; {@code doc} the Markdown document whose generated section is replaced; {@code plot} the
 *     latency plot (PNG); {@code doc} and {@code plot} may be null (not written)
 */
public record BenchmarkOptions(String mode, int reports, double ratePerSecond, int blocks, int warmup,
    List<Integer> throughputRates, double stepSeconds, int maxInFlight, long replayEvents, Set<String> phases,
    Path json, Path doc, Path plot) {

  public static final Set<String> ALL_PHASES = Set.of("latency", "throughput", "replay");

  public BenchmarkOptions {
    throughputRates = List.copyOf(throughputRates);
    phases = Set.copyOf(phases);
    if (!ALL_PHASES.containsAll(phases)) {
      throw new IllegalArgumentException("phases are " + ALL_PHASES + ", not " + phases);
    }
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  /** The real run: 1,000 reports at 20/s, rate steps up to 1,200/s, 1,000,000 replayed events. */
  public static BenchmarkOptions full() {
    return new BenchmarkOptions("full", 1_000, 20, 5, 50, List.of(50, 100, 200, 400, 800, 1200), 5, 512,
        1_000_000, ALL_PHASES, Path.of("target/benchmark/results.json"), Path.of("docs/performance.md"),
        Path.of("docs/performance-latency.png"));
  }

  /** A few minutes: same phases, fewer reports and events; writes nothing into docs/. */
  public static BenchmarkOptions quick() {
    return new BenchmarkOptions("quick", 200, 20, 2, 20, List.of(50, 100, 200, 400, 800, 1200), 3, 512, 60_000,
        ALL_PHASES, Path.of("target/benchmark/results.json"), Path.of("target/benchmark/performance.md"),
        Path.of("target/benchmark/performance-latency.png"));
  }

  static BenchmarkOptions parse(String[] args) {
    List<String> list = Arrays.asList(args);
    BenchmarkOptions o = list.contains("--quick") ? quick() : full();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--quick" -> { }
        case "--json" -> o = o.with(Path.of(require(args[i], value)), o.doc, o.plot);
        case "--doc" -> o = o.with(o.json, Path.of(require(args[i], value)), o.plot);
        case "--plot" -> o = o.with(o.json, o.doc, Path.of(require(args[i], value)));
        case "--no-doc" -> o = o.with(o.json, null, null);
        case "--phases" -> o = new BenchmarkOptions(o.mode, o.reports, o.ratePerSecond, o.blocks, o.warmup,
            o.throughputRates, o.stepSeconds, o.maxInFlight, o.replayEvents,
            Set.of(require(args[i], value).split(",")), o.json, o.doc, o.plot);
        case "--reports" -> o = new BenchmarkOptions("custom", Integer.parseInt(require(args[i], value)),
            o.ratePerSecond, o.blocks, o.warmup, o.throughputRates, o.stepSeconds, o.maxInFlight, o.replayEvents,
            o.phases, o.json, o.doc, o.plot);
        case "--replay-events" -> o = new BenchmarkOptions("custom", o.reports, o.ratePerSecond, o.blocks, o.warmup,
            o.throughputRates, o.stepSeconds, o.maxInFlight, Long.parseLong(require(args[i], value)), o.phases, o.json,
            o.doc, o.plot);
        case "--help", "-h" -> throw new IllegalArgumentException(usage());
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + usage());
      }
      if (List.of("--json", "--doc", "--plot", "--reports", "--replay-events", "--phases").contains(args[i])) {
        i++;
      }
    }
    return o;
  }

  BenchmarkOptions with(Path json, Path doc, Path plot) {
    return new BenchmarkOptions(mode, reports, ratePerSecond, blocks, warmup, throughputRates, stepSeconds,
        maxInFlight, replayEvents, phases, json, doc, plot);
  }

  static String usage() {
    return """
        usage: bin/benchmark [--quick] [--phases latency,throughput,replay] [--json FILE] [--doc FILE]
                             [--plot FILE] [--no-doc] [--reports N] [--replay-events N]
          --quick   fewer reports and events (a few minutes); results under target/benchmark/, docs/ untouched
          --phases  run only these phases (e.g. the latency phase again on a quiet machine); the document's
                    sections of the phases not run are left as they are""";
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return value;
  }
}
