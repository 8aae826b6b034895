package nl.vermissing.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Holds back the service's Kafka clients until the broker describes every topic the service created or needs. A topic
 * created a moment ago may not be in the broker's metadata yet, and a Kafka Streams app refuses to start on a global
 * store whose topic has no partitions. Starts before every other lifecycle bean.
 */
public final class TopicsReady implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TopicsReady.class);
  private static final Duration RETRY = Duration.ofMillis(200);

  private final KafkaAdmin admin;
  private final List<String> topics;
  private final Duration timeout;
  private volatile boolean running;

  public TopicsReady(KafkaAdmin admin, List<NewTopic> topics, Duration timeout) {
    this.admin = admin;
    this.topics = topics.stream().map(NewTopic::name).toList();
    this.timeout = timeout;
  }

  @Override
  public void start() {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(topics.toArray(String[]::new));
        if (described.keySet().containsAll(topics)
            && described.values().stream().noneMatch(d -> d.partitions().isEmpty())) {
          running = true;
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // the clients will say which topic they miss; starting them is better than not starting at all
    log.warn("not every topic of this service is described by the broker after {}: {}", timeout,
        last == null ? topics : last.toString());
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
