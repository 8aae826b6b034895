package nl.vermissing.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where this JVM's CPU went during a phase, per group of threads (the Tomcat pool of each service, each Streams
 * app, the broker's request handlers, the load generator's HTTP client, ...): a cheap profile that says which part of
 * the system a missed goal is spent in. Threads that ended during the phase are not counted.
 */
final class ThreadCpuProfile {

  /** @param share of all CPU time counted in the phase */
  record Group(String threads, double cpuSeconds, double share) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startCpu = new HashMap<>();
  private final UnaryOperator<String> naming;

  ThreadCpuProfile(UnaryOperator<String> naming) {
    this.naming = naming;
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
    for (long id : threads.getAllThreadIds()) {
      startCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
  }

  List<Group> top(int n) {
    Map<String, Long> byGroup = new HashMap<>();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      long used = cpu - startCpu.getOrDefault(info.getThreadId(), 0L);
      total += used;
      byGroup.merge(naming.apply(group(info.getThreadName())), used, Long::sum);
    }
    long all = Math.max(1, total);
    return byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> new Group(e.getKey(), Math.round(e.getValue() / 1e7) / 100.0,
            Math.round(e.getValue() * 1000.0 / all) / 1000.0))
        .toList();
  }

  /** Thread names without their numbers and ids, so that a pool becomes one group. */
  static String group(String name) {
    return name
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*")
        .replaceAll("(?<=-exec-)\\d+$", "N")
        .replaceAll("(?<=StreamThread-)\\d+", "N")
        .replaceAll("(?<=pool-)\\d+(?=-thread)", "N")
        .replaceAll("(?<=-thread-)\\d+$", "N")
        .replaceAll("(?<=HttpClient-)\\d+(?=-Worker)", "N")
        .replaceAll("(?<=-Worker-)\\d+$", "N")
        .replaceAll("(?<=request-handler-)\\d+$", "N")
        .replaceAll("(?<=network-thread-)\\d+(?=-)", "N");
  }
}
