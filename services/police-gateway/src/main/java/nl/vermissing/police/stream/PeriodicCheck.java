package nl.vermissing.police.stream;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check the gateway runs on its own thread at a fixed interval while the application runs; a failed run is logged
 * and the next one comes at the next interval. Tests call {@link #checkNow()} directly.
 */
abstract class PeriodicCheck implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicCheck.class);

  private final String name;
  private final Duration interval;
  private ScheduledExecutorService executor;

  PeriodicCheck(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  /** One run of the check; returns how many records it wrote. */
  public abstract int checkNow();

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "police-" + name + "-check");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        checkNow();
      } catch (RuntimeException e) {
        log.error("{} check failed", name, e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
