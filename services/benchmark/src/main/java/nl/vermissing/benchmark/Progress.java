package nl.vermissing.benchmark;

import java.io.PrintStream;

/** One line per phase or step on the console, with the time since the benchmark started. */
final class Progress {

  private final PrintStream out;
  private final long started = System.nanoTime();

  Progress(PrintStream out) {
    this.out = out;
  }

  void step(String format, Object... args) {
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("[benchmark %6.1fs] %s%n", seconds, String.format(java.util.Locale.ROOT, format, args));
    out.flush();
  }
}
