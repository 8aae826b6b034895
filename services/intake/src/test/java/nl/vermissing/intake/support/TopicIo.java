package nl.vermissing.intake.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads whole topics and writes records of other services' topics, against the test broker. */
public final class TopicIo {

  private TopicIo() {}

  /** Every committed record of the topic, decoded, with its raw bytes. */
  public static <V extends SpecificRecord> List<Read<V>> readAll(Topic<V> topic) {
    TestKafka kafka = TestKafka.get();
    Map<String, Object> config = KafkaConventions.consumer(kafka.bootstrapServers(), null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    var decoder = AvroSerdes.forTopic(topic, kafka.registryConfig()).deserializer();
    List<Read<V>> result = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          result.add(new Read<>(r.key(), decoder.deserialize(r.topic(), r.value()), r.value()));
        }
      }
    }
    return result;
  }

  public record Read<V>(String key, V value, byte[] raw) {}

  public static <V extends SpecificRecord> void write(Topic<V> topic, String key, V value) {
    TestKafka kafka = TestKafka.get();
    var serializer = AvroSerdes.forTopic(topic, kafka.registryConfig()).serializer();
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(
        KafkaConventions.producer(kafka.bootstrapServers()), new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many records of the topic the consumer group has not yet committed past. */
  public static long groupLag(String group, Topic<?> topic) {
    TestKafka kafka = TestKafka.get();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < topic.partitions(); p++) {
        latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata done = committed.get(e.getKey());
        lag += e.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String id() {
    return UUID.randomUUID().toString();
  }
}
