package nl.vermissing.police.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vermissing.catalogue.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CatchUpOrderTest {

  private static final String ALERTS = Topics.POLICE_ALERTS.name();
  private static final String RESPONSES = Topics.POLICE_RESPONSES.name();

  private static ConsumerRecord<String, String> record(String topic, int partition, long offset, long time,
      String value) {
    return new ConsumerRecord<>(topic, partition, offset, time, TimestampType.CREATE_TIME, 0, 0, null, value,
        new RecordHeaders(), Optional.empty());
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  @Test
  void an_acknowledgement_read_before_its_alert_is_applied_after_it() {
    Map<TopicPartition, List<ConsumerRecord<String, String>>> backlog = new LinkedHashMap<>();
    // the consumer happened to hand out the responses first
    backlog.put(new TopicPartition(RESPONSES, 0), List.of(record(RESPONSES, 0, 0, 2_000, "ack case-1")));
    backlog.put(new TopicPartition(ALERTS, 0), List.of(record(ALERTS, 0, 0, 1_000, "alert case-1"),
        record(ALERTS, 0, 1, 3_000, "update case-1")));

    assertThat(values(CatchUpOrder.merge(backlog))).containsExactly("alert case-1", "ack case-1", "update case-1");
  }

  @Test
  void at_the_same_time_an_alert_goes_first_and_each_partition_keeps_its_order() {
    Map<TopicPartition, List<ConsumerRecord<String, String>>> backlog = new LinkedHashMap<>();
    backlog.put(new TopicPartition(RESPONSES, 1), List.of(record(RESPONSES, 1, 0, 5_000, "ack case-2")));
    backlog.put(new TopicPartition(ALERTS, 1), List.of(record(ALERTS, 1, 0, 5_000, "alert case-2")));
    // a partition whose clock went back a little keeps its own order all the same
    backlog.put(new TopicPartition(ALERTS, 2), List.of(record(ALERTS, 2, 0, 4_000, "alert case-3"),
        record(ALERTS, 2, 1, 3_500, "cancel case-3")));
    backlog.put(new TopicPartition(ALERTS, 0), List.of());

    assertThat(values(CatchUpOrder.merge(backlog)))
        .containsExactly("alert case-3", "cancel case-3", "alert case-2", "ack case-2");
  }
}
