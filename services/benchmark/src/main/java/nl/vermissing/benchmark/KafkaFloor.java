package nl.vermissing.benchmark;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.kafka.KafkaConventions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The physical floor of an alert on the same broker: the same Kafka hops as the system, with the same settings and
 * record sizes, and nothing else. A plain idempotent producer with acks=all (as intake writes a case event) → a
 * trivial exactly-once Kafka Streams app with the platform's Streams config (as the convenant engine turns the event
 * into an alert) → a read_committed consumer without group, fetch.max.wait 100 ms (as the police gateway reads the
 * alerts). The send time travels in the record, so each record's latency is known at the consumer.
 */
final class KafkaFloor implements AutoCloseable {

  private final String bootstrapServers;
  private final String inTopic;
  private final String outTopic;
  private final int inSize;
  private final int outSize;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaStreams streams;
  private final Thread consumerThread;
  private final Map<Long, Long> latencyBySequence = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private volatile boolean consumerReady;
  private long sequence;

  KafkaFloor(String bootstrapServers, Path stateDir, int inSize, int outSize) {
    this.bootstrapServers = bootstrapServers;
    String run = UUID.randomUUID().toString().substring(0, 8);
    this.inTopic = "benchmark.floor-in-" + run;
    this.outTopic = "benchmark.floor-out-" + run;
    this.inSize = Math.max(16, inSize);
    this.outSize = Math.max(16, outSize);
    createTopics();

    Map<String, Object> streamsConfig = KafkaConventions.streams(bootstrapServers, "benchmark-floor-" + run,
        "benchmark", stateDir.toString());
    StreamsBuilder builder = new StreamsBuilder();
    int size = this.outSize;
    builder.stream(inTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("floor-source"))
        .mapValues(value -> reshape(value, size), Named.as("floor-process"))
        .to(outTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("floor-sink"));
    java.util.Properties props = new java.util.Properties();
    props.putAll(streamsConfig);
    streams = new KafkaStreams(builder.build(), props);
    streams.start();
    if (!Pacer.await(() -> streams.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60))) {
      throw new IllegalStateException("the floor's Streams app did not reach RUNNING");
    }

    producer = new KafkaProducer<>(KafkaConventions.producer(bootstrapServers), new StringSerializer(),
        new ByteArraySerializer());
    consumerThread = new Thread(this::consume, "benchmark-floor-consumer");
    consumerThread.setDaemon(true);
    consumerThread.start();
    if (!Pacer.await(() -> consumerReady, Duration.ofSeconds(30))) {
      throw new IllegalStateException("the floor's consumer did not start");
    }
  }

  /** Sends {@code count} records at {@code rate} per second; returns their end-to-end latencies (ns), lost = -1. */
  long[] runBlock(int count, double rate, Duration timeout) {
    long first = sequence;
    Pacer pacer = new Pacer(rate);
    for (int i = 0; i < count; i++) {
      long due = pacer.awaitSlot(i);
      byte[] value = new byte[inSize];
      ByteBuffer.wrap(value).putLong(due).putLong(sequence);
      producer.send(new ProducerRecord<>(inTopic, UUID.randomUUID().toString(), value));
      sequence++;
    }
    long last = sequence;
    Pacer.await(() -> received(first, last) == count, timeout);
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      Long latency = latencyBySequence.remove(first + i);
      latencies[i] = latency == null ? -1 : latency;
    }
    return latencies;
  }

  private int received(long first, long last) {
    int n = 0;
    for (long s = first; s < last; s++) {
      if (latencyBySequence.containsKey(s)) {
        n++;
      }
    }
    return n;
  }

  private static byte[] reshape(byte[] in, int size) {
    byte[] out = new byte[size];
    System.arraycopy(in, 0, out, 0, 16);
    return out;
  }

  private void consume() {
    Map<String, Object> config = KafkaConventions.consumer(bootstrapServers, null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(outTopic).stream()
          .map(p -> new TopicPartition(outTopic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      consumerReady = true;
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          ByteBuffer value = ByteBuffer.wrap(record.value());
          long sent = value.getLong();
          long seq = value.getLong();
          latencyBySequence.put(seq, now - sent);
        }
      }
    }
  }

  private void createTopics() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(
          new NewTopic(inTopic, Topics.CASE_PARTITIONS, (short) 1).configs(Topics.CASE_EVENTS.brokerConfig()),
          new NewTopic(outTopic, Topics.CASE_PARTITIONS, (short) 1).configs(Topics.POLICE_ALERTS.brokerConfig()),
          new NewTopic(Topics.deadLetter("benchmark", inTopic), 1, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("floor topics not created", e);
    }
  }

  @Override
  public void close() {
    running = false;
    producer.close(Duration.ofSeconds(5));
    streams.close(Duration.ofSeconds(10));
    try {
      consumerThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
