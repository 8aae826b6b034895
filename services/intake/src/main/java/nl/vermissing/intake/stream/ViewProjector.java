package nl.vermissing.intake.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.TopicPartitions;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link IntakeView} by reading the profile, case-event, police-response and next-step topics from the
 * beginning on every start (no consumer group: every instance holds the whole view), committed records only. The
 * view is ready once it has caught up with the end of each partition as it was at start-up. A record that cannot be
 * decoded is skipped with a warning: a projection must not stop (police responses are dead-lettered by
 * {@link PoliceResponseListener}).
 */
@Component
public class ViewProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ViewProjector.class);
  private static final List<Topic<?>> INPUTS =
      List.of(Topics.YOUTH_PROFILES, Topics.CASE_EVENTS, Topics.POLICE_RESPONSES, Topics.NEXT_STEPS);

  private final IntakeView view;
  private final KafkaClients clients;
  private final PlatformProperties platform;
  private final Map<String, Deserializer<? extends SpecificRecord>> decoders = new HashMap<>();
  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public ViewProjector(IntakeView view, KafkaClients clients, PlatformProperties platform) {
    this.view = view;
    this.clients = clients;
    this.platform = platform;
  }

  @Override
  public synchronized void start() {
    for (Topic<?> topic : INPUTS) {
      decoders.put(topic.name(), AvroSerdes.forTopic(topic, platform.registryConfig()).deserializer());
    }
    Map<String, Object> config = clients.consumer(null);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "vermissing-intake-view");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = new Thread(this::run, "intake-view-projector");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = TopicPartitions.of(consumer,
          INPUTS.stream().map(Topic::name).toList(), Duration.ofSeconds(60));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      log.info("rebuilding the intake view from {} partitions", partitions.size());
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          apply(record);
        }
        boolean caughtUp = true;
        for (TopicPartition tp : partitions) {
          long position = consumer.position(tp);
          view.markApplied(tp, position);
          caughtUp &= position >= endAtStart.getOrDefault(tp, 0L);
        }
        if (caughtUp && !view.isReady()) {
          log.info("intake view ready");
          view.markReady();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        log.error("view projector woken unexpectedly", e);
      }
    } catch (RuntimeException e) {
      log.error("view projector stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    try {
      Object value = record.value() == null ? null : decoders.get(topic).deserialize(topic, record.value());
      if (topic.equals(Topics.CASE_EVENTS.name()) && value != null) {
        view.applyCaseEvent((CaseEvent) value);
      } else if (topic.equals(Topics.YOUTH_PROFILES.name()) && value != null) {
        Header id = record.headers().lastHeader(EventWriter.EVENT_ID_HEADER);
        view.applyProfile((YouthProfileVersion) value,
            id == null ? null : new String(id.value(), StandardCharsets.UTF_8));
      } else if (topic.equals(Topics.POLICE_RESPONSES.name()) && value != null) {
        view.applyPoliceResponse((PoliceResponse) value);
      } else if (topic.equals(Topics.NEXT_STEPS.name())) {
        view.applyNextStep(record.key(), (RequiredNextStep) value);
      }
    } catch (RuntimeException e) {
      log.warn("skipping {}-{}@{} in the intake view: {}", topic, record.partition(), record.offset(),
          e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // before the web server and the listeners, so the view starts catching up first
    return Integer.MIN_VALUE + 1000;
  }
}
