package nl.vermissing.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.kafka.KafkaConventions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The sizes of the records the system really wrote (value bytes, Avro with sealed personal fields): per case the
 * first case event is the absence and the second the return; the first police alert is the Alert, the second the
 * Cancel. The floor sends records of the same sizes.
 *
 * @param absence mean bytes of an AbsenceReported case event
 * @param returned mean bytes of a YouthReturned case event
 * @param alert mean bytes of the PoliceAlert (msgType Alert)
 * @param cancel mean bytes of the PoliceAlert (msgType Cancel)
 */
record RecordSizes(int absence, int returned, int alert, int cancel) {

  static RecordSizes measure(String bootstrapServers) {
    int[] caseEvents = firstAndSecondPerKey(bootstrapServers, Topics.CASE_EVENTS);
    int[] alerts = firstAndSecondPerKey(bootstrapServers, Topics.POLICE_ALERTS);
    return new RecordSizes(caseEvents[0], caseEvents[1], alerts[0], alerts[1]);
  }

  private static int[] firstAndSecondPerKey(String bootstrapServers, Topic<?> topic) {
    Map<String, Object> config = KafkaConventions.consumer(bootstrapServers, null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Map<String, Integer> seen = new HashMap<>();
    long[] sum = new long[2];
    int[] count = new int[2];
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          int n = seen.merge(record.key(), 1, Integer::sum);
          if (n <= 2 && record.value() != null) {
            sum[n - 1] += record.value().length;
            count[n - 1]++;
          }
        }
      }
    }
    return new int[] {mean(sum[0], count[0]), mean(sum[1], count[1])};
  }

  private static int mean(long sum, int count) {
    return count == 0 ? 0 : (int) Math.round((double) sum / count);
  }
}
