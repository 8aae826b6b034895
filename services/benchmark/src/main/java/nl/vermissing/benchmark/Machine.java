package nl.vermissing.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the figures were measured on (cores, memory, CPU model, Java) and how busy the rest of the machine was: the
 * load average, and the CPU used by other processes while a phase ran (read from /proc; zero where /proc is absent).
 */
final class Machine {

  private Machine() {}

  /** The machine's details, as written with the results. */
  record Info(int cores, long memoryMiB, String cpuModel, String javaVersion, String javaVm, String os,
      String loadAverage) {}

  static Info info() {
    return new Info(Runtime.getRuntime().availableProcessors(),
        procValue("/proc/meminfo", "MemTotal:").map(Machine::kib).orElse(0L) / 1024,
        procValue("/proc/cpuinfo", "model name").map(v -> v.replaceFirst("^\\s*:\\s*", "")).orElse("unknown"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        loadAverage());
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Resident memory of this JVM now (VmRSS) and at its peak (VmHWM), in MiB. */
  record Memory(long residentMiB, long peakResidentMiB, long heapUsedMiB, long heapMaxMiB) {}

  static Memory memory() {
    Runtime runtime = Runtime.getRuntime();
    return new Memory(
        procValue("/proc/self/status", "VmRSS:").map(Machine::kib).orElse(0L) / 1024,
        procValue("/proc/self/status", "VmHWM:").map(Machine::kib).orElse(0L) / 1024,
        (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024),
        runtime.maxMemory() / (1024 * 1024));
  }

  /** CPU counters at one moment: the whole machine's busy and total time, and this process's time (clock ticks). */
  record CpuSample(long machineBusy, long machineTotal, long self) {

    static CpuSample now() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
          total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "pid (comm) ": state is field 3, utime field 14, stime field 15
        long self = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return new CpuSample(total - idle, total, self);
      } catch (IOException | RuntimeException e) {
        return new CpuSample(0, 0, 0);
      }
    }

    /** Cores used on average since {@code earlier}: by this process and by everything else. */
    CpuUse since(CpuSample earlier) {
      long total = machineTotal - earlier.machineTotal;
      if (total <= 0) {
        return new CpuUse(0, 0);
      }
      int cores = Runtime.getRuntime().availableProcessors();
      double selfCores = (double) (self - earlier.self) / total * cores;
      double allCores = (double) (machineBusy - earlier.machineBusy) / total * cores;
      return new CpuUse(round(selfCores), round(Math.max(0, allCores - selfCores)));
    }
  }

  /**
   * Waits until this JVM is nearly idle (below a quarter of a core over half a second), at most {@code max}: work
   * left over from setting up a phase (e.g. services still processing thousands of new profiles) must not be
   * measured as the phase's latency. Returns the seconds waited.
   */
  static double awaitQuiet(java.time.Duration max) {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    CpuSample before = CpuSample.now();
    while (System.nanoTime() < deadline) {
      Pacer.sleepUntil(System.nanoTime() + 500_000_000L);
      CpuSample now = CpuSample.now();
      if (now.machineTotal() > before.machineTotal() && now.since(before).benchmarkCores() < 0.25) {
        break;
      }
      before = now;
    }
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
  }

  /** Average cores used during an interval by the benchmark's JVM and by other processes. */
  record CpuUse(double benchmarkCores, double otherProcessesCores) {}

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  private static Optional<String> procValue(String file, String prefix) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
          .map(l -> l.substring(prefix.length()).trim());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long kib(String value) {
    return Long.parseLong(value.replaceAll("[^0-9]", ""));
  }
}
