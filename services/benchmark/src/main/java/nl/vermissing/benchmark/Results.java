package nl.vermissing.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one benchmark run measured, as written to the JSON file ({@code latency}, {@code throughput} and
 * {@code replay} are null when that phase was not run).
 *
 * @param memoryAfterSystemPhases this JVM (whole system + load generator) after the latency and throughput phases,
 *     the system still running
 * @param memoryAtEnd after the system was stopped and the topology replay ran
 */
public record Results(
    String startedAt,
    String mode,
    Machine.Info machine,
    String loadAverageAtEnd,
    BenchmarkOptions options,
    SystemUnderTest.Startup startup,
    Machine.Memory memoryAfterStart,
    AlertLatencyPhase.Result latency,
    ThroughputPhase.Result throughput,
    TopologyReplay.Outcome replay,
    Machine.Memory memoryAfterSystemPhases,
    Machine.Memory memoryAtEnd,
    List<Goal> goals,
    double totalSeconds) {

  /** One goal of the system and whether this run met it. */
  public record Goal(String goal, String measured, boolean met) {}

  static List<Goal> goals(SystemUnderTest.Startup startup, AlertLatencyPhase.Result latency,
      ThroughputPhase.Result throughput, Machine.Memory memory) {
    List<Goal> goals = new ArrayList<>();
    if (latency != null) {
      goals.addAll(latencyGoals(latency));
    }
    if (throughput != null) {
      goals.add(throughputGoal(throughput));
    }
    goals.add(new Goal("all services healthy within 20 s of launch",
        String.format(java.util.Locale.ROOT, "%.1f s", startup.jvmLaunchToHealthyMillis() / 1000.0),
        startup.jvmLaunchToHealthyMillis() <= 20_000));
    goals.add(new Goal("resident memory <= 1.5 GiB", memory.residentMiB() + " MiB",
        memory.residentMiB() > 0 && memory.residentMiB() <= 1536));
    return goals;
  }

  static List<Goal> latencyGoals(AlertLatencyPhase.Result latency) {
    List<Goal> goals = new ArrayList<>();
    goals.add(new Goal("alert latency p99 <= 4x the raw Kafka floor p99",
        String.format(java.util.Locale.ROOT, "%.2fx (%.1f ms vs %.1f ms)", latency.p99Ratio(), latency.alert().p99(),
            latency.floor().p99()), latency.p99Ratio() > 0 && latency.p99Ratio() <= 4.0));
    goals.add(new Goal("alert latency p99 < 250 ms (exactly-once on)",
        String.format(java.util.Locale.ROOT, "%.1f ms", latency.alert().p99()),
        latency.alert().count() > 0 && latency.alert().p99() < 250));
    return goals;
  }

  static Goal throughputGoal(ThroughputPhase.Result throughput) {
    return new Goal(">= 1,000 reports/s sustained through the API (p99 < 1 s)",
        throughput.sustainedPerSecond() + "/s", throughput.sustainedPerSecond() >= 1000);
  }
}
