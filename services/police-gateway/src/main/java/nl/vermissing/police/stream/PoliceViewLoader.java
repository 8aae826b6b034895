package nl.vermissing.police.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.platform.kafka.DeadLetters;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.TopicPartitions;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the {@link PoliceView} from {@code Topics.POLICE_ALERTS} and {@code Topics.POLICE_RESPONSES} (read_committed),
 * from their beginning on every start, so the view survives restarts; what is there at start is applied in the order
 * it was written ({@link CatchUpOrder}). It reads every partition itself (no consumer
 * group): every gateway instance needs every alert for its live feeds. A record that cannot be read goes to this
 * service's dead-letter topic and is skipped.
 */
public class PoliceViewLoader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PoliceViewLoader.class);

  private final PoliceView view;
  private final KafkaClients clients;
  private final Map<String, Object> registryConfig;
  private final String serviceName;
  private volatile boolean running;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  public PoliceViewLoader(PoliceView view, KafkaClients clients, Map<String, Object> registryConfig,
      String serviceName) {
    this.view = view;
    this.clients = clients;
    this.registryConfig = registryConfig;
    this.serviceName = serviceName;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "police-view-loader");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      if (thread != null) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Map<String, Object> config = clients.consumer(null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-view-" + Integer.toHexString(hashCode()));
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    Deserializer<PoliceAlert> alerts = AvroSerdes.forTopic(Topics.POLICE_ALERTS, registryConfig).deserializer();
    Deserializer<PoliceResponse> responses =
        AvroSerdes.forTopic(Topics.POLICE_RESPONSES, registryConfig).deserializer();
    Producer<byte[], byte[]> deadLetters = null;
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      List<TopicPartition> partitions = partitions(c);
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      log.info("police view: reading {} partitions from the beginning", partitions.size());
      // until caught up, records are collected and then applied in the order they were written (CatchUpOrder)
      Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> backlog = new HashMap<>();
      while (running) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        if (view.caughtUp()) {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            deadLetters = apply(record, alerts, responses, deadLetters);
          }
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          backlog.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
              .add(record);
        }
        if (end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
          for (ConsumerRecord<byte[], byte[]> record : CatchUpOrder.merge(backlog)) {
            deadLetters = apply(record, alerts, responses, deadLetters);
          }
          backlog.clear();
          view.markCaughtUp();
          log.info("police view caught up at {}", view.position());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("police view loader stopped", e);
    } finally {
      consumer = null;
      if (deadLetters != null) {
        deadLetters.close(Duration.ofSeconds(5));
      }
    }
  }

  /** Applies one record to the view; one that cannot be read goes to the dead-letter topic and is skipped. */
  private Producer<byte[], byte[]> apply(ConsumerRecord<byte[], byte[]> record, Deserializer<PoliceAlert> alerts,
      Deserializer<PoliceResponse> responses, Producer<byte[], byte[]> deadLetters) {
    boolean isAlert = record.topic().equals(Topics.POLICE_ALERTS.name());
    try {
      if (isAlert) {
        view.applyAlert(record.partition(), record.offset(), alerts.deserialize(record.topic(), record.value()));
      } else {
        view.applyResponse(record.partition(), record.offset(),
            responses.deserialize(record.topic(), record.value()));
      }
      return deadLetters;
    } catch (RuntimeException e) {
      log.warn("police view: record {}-{}@{} cannot be applied, dead-lettered: {}", record.topic(),
          record.partition(), record.offset(), e.toString());
      Producer<byte[], byte[]> producer = deadLetters != null ? deadLetters : new KafkaProducer<>(
          clients.producer(), new ByteArraySerializer(), new ByteArraySerializer());
      producer.send(DeadLetters.record(serviceName, record.topic(), record.partition(), record.offset(),
          record.key(), record.value(), record.headers(), e));
      producer.flush();
      view.skip(isAlert ? PoliceView.ALERTS : PoliceView.RESPONSES, record.partition(), record.offset());
      return producer;
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
    return TopicPartitions.of(c, List.of(Topics.POLICE_ALERTS.name(), Topics.POLICE_RESPONSES.name()),
        Duration.ofSeconds(60));
  }
}
