package nl.vermissing.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The partitions of the topics a view reads, for consumers that assign them themselves. A topic created a moment ago
 * (by this service's start-up, or by the service that writes it) may not be in the broker's metadata yet, and a
 * consumer then reports no partitions at all: a view built from that would silently miss the topic for good. So this
 * waits until every topic has its partitions, and fails loudly when one never appears.
 */
public final class TopicPartitions {

  private static final Duration RETRY = Duration.ofMillis(200);

  private TopicPartitions() {}

  public static List<TopicPartition> of(Consumer<?, ?> consumer, Collection<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      while (infos == null || infos.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("topic " + topic + " does not exist (waited " + timeout + ")");
        }
        sleep();
        infos = consumer.partitionsFor(topic, timeout);
      }
      infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    return partitions;
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    }
  }
}
