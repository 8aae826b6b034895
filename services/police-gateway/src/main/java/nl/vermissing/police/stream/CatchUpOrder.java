package nl.vermissing.police.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import nl.vermissing.catalogue.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The order in which the records read on start-up are applied: the order in which they were written. A consumer
 * hands out the partitions of two topics in no particular order, so a police response (an acknowledgement, say)
 * could otherwise be applied before the alert it answers, and be lost from the view. The partitions are merged by
 * record time, each partition keeping its own order; at equal times an alert goes before a response, as a response
 * always answers an alert already sent.
 */
final class CatchUpOrder {

  private CatchUpOrder() {}

  static <K, V> List<ConsumerRecord<K, V>> merge(Map<TopicPartition, ? extends List<ConsumerRecord<K, V>>> backlog) {
    Comparator<Deque<ConsumerRecord<K, V>>> byHead = Comparator
        .<Deque<ConsumerRecord<K, V>>>comparingLong(q -> q.peekFirst().timestamp())
        .thenComparing(q -> q.peekFirst().topic().equals(Topics.POLICE_ALERTS.name()) ? 0 : 1)
        .thenComparing(q -> q.peekFirst().topic())
        .thenComparingInt(q -> q.peekFirst().partition());
    PriorityQueue<Deque<ConsumerRecord<K, V>>> heads = new PriorityQueue<>(byHead);
    int total = 0;
    for (List<ConsumerRecord<K, V>> records : backlog.values()) {
      if (!records.isEmpty()) {
        heads.add(new ArrayDeque<>(records));
        total += records.size();
      }
    }
    List<ConsumerRecord<K, V>> ordered = new ArrayList<>(total);
    while (!heads.isEmpty()) {
      Deque<ConsumerRecord<K, V>> next = heads.poll();
      ordered.add(next.pollFirst());
      if (!next.isEmpty()) {
        heads.add(next);
      }
    }
    return ordered;
  }
}
