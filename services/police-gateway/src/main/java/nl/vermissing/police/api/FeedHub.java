package nl.vermissing.police.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.vermissing.police.domain.FeedEventType;
import nl.vermissing.police.stream.FeedEntry;
import nl.vermissing.police.stream.FeedPosition;
import nl.vermissing.police.stream.FeedSink;
import nl.vermissing.police.stream.PoliceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes feed entries to the browsers watching a unit (Server-Sent Events). The consumer thread only queues; each
 * connection has its own queue drained by a sender thread, so a slow browser delays nobody else. A connection whose
 * queue overflows is closed: the browser reconnects with its Last-Event-ID and loses nothing. A heartbeat comment
 * keeps idle connections open through proxies.
 */
public class FeedHub implements FeedSink, DisposableBean, org.springframework.context.SmartLifecycle {

  /** Who watches: the whole unit feed, or the duty officer's re-notifications. */
  public enum Audience {
    UNIT(entry -> true),
    DUTY_OFFICER(entry -> entry.type() == FeedEventType.ESCALATED || entry.type() == FeedEventType.TRANSFERRED_OUT
        || entry.alert().escalation() != null);

    private final Predicate<FeedEntry> accepts;

    Audience(Predicate<FeedEntry> accepts) {
      this.accepts = accepts;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(FeedHub.class);
  static final long RECONNECT_MILLIS = 1000;

  private final PoliceView view;
  private final Duration timeout;
  private final int maxQueued;
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final ExecutorService senders = Executors.newCachedThreadPool(daemon("police-feed-sender"));
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(daemon("police-feed-heartbeat"));

  public FeedHub(PoliceView view, Duration timeout, Duration heartbeat, int maxQueued) {
    this.view = view;
    this.timeout = timeout;
    this.maxQueued = maxQueued;
    heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
        TimeUnit.MILLISECONDS);
    view.setSink(this);
  }

  /**
   * A new connection for the unit: first the entries after {@code from} (none when null), then live entries, with
   * nothing lost or repeated in between.
   */
  public SseEmitter subscribe(String policeUnit, Audience audience, FeedPosition from) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Subscriber subscriber = new Subscriber(policeUnit, audience, emitter);
    emitter.onCompletion(subscriber::close);
    emitter.onTimeout(subscriber::close);
    emitter.onError(e -> subscriber.close());
    subscriber.offer(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected " + policeUnit));
    view.subscribe(policeUnit, from, subscriber::offerEntry,
        () -> subscribers.computeIfAbsent(policeUnit, u -> ConcurrentHashMap.newKeySet()).add(subscriber));
    return emitter;
  }

  @Override
  public void publish(FeedEntry entry) {
    for (Subscriber subscriber : subscribers.getOrDefault(entry.policeUnit(), Set.of())) {
      subscriber.offerEntry(entry);
    }
  }

  /** Open connections of a unit (for tests and metrics). */
  public int connections(String policeUnit) {
    return subscribers.getOrDefault(policeUnit, Set.of()).size();
  }

  private void heartbeat() {
    subscribers.values().forEach(set -> set.forEach(s -> s.offer(SseEmitter.event().comment("heartbeat"))));
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends the open feeds before the web server's graceful shutdown (which would otherwise wait for these endless
   * responses until its time-out); browsers reconnect with their Last-Event-ID to another instance.
   */
  @Override
  public void stop() {
    running = false;
    subscribers.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // stopped before the web server (lower phase): the highest phase stops first
    return Integer.MAX_VALUE;
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
    subscribers.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
    senders.shutdownNow();
  }

  private final class Subscriber {
    private final String policeUnit;
    private final Audience audience;
    private final SseEmitter emitter;
    private final Queue<SseEmitter.SseEventBuilder> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    Subscriber(String policeUnit, Audience audience, SseEmitter emitter) {
      this.policeUnit = policeUnit;
      this.audience = audience;
      this.emitter = emitter;
    }

    void offerEntry(FeedEntry entry) {
      if (audience.accepts.test(entry)) {
        offer(SseEmitter.event().id(entry.id()).name(entry.type().eventName())
            .data(AlertViews.FeedEvent.of(entry), MediaType.APPLICATION_JSON));
      }
    }

    void offer(SseEmitter.SseEventBuilder event) {
      if (closed) {
        return;
      }
      if (queued.incrementAndGet() > maxQueued) {
        log.warn("feed of {}: client too slow, closing; it resumes from its last event", policeUnit);
        close();
        emitter.complete();
        return;
      }
      queue.add(event);
      schedule();
    }

    private void schedule() {
      if (draining.compareAndSet(false, true)) {
        try {
          senders.execute(this::drain);
        } catch (RuntimeException e) {
          draining.set(false);
        }
      }
    }

    private void drain() {
      try {
        SseEmitter.SseEventBuilder event;
        while (!closed && (event = queue.poll()) != null) {
          queued.decrementAndGet();
          emitter.send(event);
        }
      } catch (IOException | IllegalStateException e) {
        close();
      } finally {
        draining.set(false);
        if (!closed && !queue.isEmpty()) {
          schedule();
        }
      }
    }

    void close() {
      closed = true;
      Set<Subscriber> set = subscribers.get(policeUnit);
      if (set != null) {
        set.remove(this);
      }
      queue.clear();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
