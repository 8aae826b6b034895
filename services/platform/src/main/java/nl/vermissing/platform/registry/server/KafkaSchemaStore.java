package nl.vermissing.platform.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.registry.CompatibilityLevel;
import nl.vermissing.platform.registry.RegistryState;
import nl.vermissing.platform.registry.RegistryState.Entry;
import nl.vermissing.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable state: every change is a record in the compacted {@code _schemas} topic (Confluent's
 * layout: JSON keys {@code {"keytype":"SCHEMA","subject","version","magic":1}} and {@code {"keytype":"CONFIG",...}}),
 * and the in-memory state is only ever changed by replaying that topic. On start the store reads the topic to its end;
 * a write is produced and answered only once this store's own reader has applied it (read-your-writes).
 * <p>
 * Writes are serialized within one instance and allocate ids as the highest id seen plus one after catching up with
 * the topic. Several instances agree on everything written, but two instances writing new schemas at the same moment
 * could pick the same id: run one instance that takes writes (as Confluent does with its leader).
 */
public final class KafkaSchemaStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = Topics.SCHEMAS;
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final RegistryState state = new RegistryState();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Object progress = new Object();
  private final Admin admin;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Thread reader;
  private volatile long consumedUpTo;
  private volatile boolean running = true;

  private KafkaSchemaStore(Map<String, Object> kafkaConfig) {
    admin = Admin.create(kafkaConfig);
    try {
      createTopicIfMissing();
    } catch (RuntimeException e) {
      admin.close(TIMEOUT);
      throw e;
    }
    Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(PARTITION));
    consumer.seekToBeginning(List.of(PARTITION));
    reader = new Thread(this::readLoop, "schema-store-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens the store: creates {@code _schemas} if missing and replays it to its end before returning.
   *
   * @param kafkaConfig client configuration, at least {@code bootstrap.servers}
   */
  public static KafkaSchemaStore open(Map<String, Object> kafkaConfig) {
    KafkaSchemaStore store = new KafkaSchemaStore(kafkaConfig);
    try {
      store.catchUp();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  // ---- reads: served from the replayed state

  /** The state as replayed so far; reads that may miss a write of another instance go through this store instead. */
  public RegistryState state() {
    return state;
  }

  /** The schema with this id; on a miss, first catches up with writes of other instances. */
  public Schema schemaById(int id) {
    Optional<Schema> schema = state.schemaById(id);
    if (schema.isEmpty()) {
      catchUp();
      schema = state.schemaById(id);
    }
    return schema.orElseThrow(() -> SchemaRegistryException.schemaNotFound(id));
  }

  // ---- writes: produced to the topic, answered once replayed

  /** Registers the schema under the subject; an already registered schema keeps its version and id. */
  public Entry register(String subject, Schema schema) {
    Optional<Entry> existing = state.lookup(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    return locked(() -> {
      catchUp();
      Optional<Entry> registered = state.lookup(subject, schema);
      if (registered.isPresent()) {
        return registered.get();
      }
      Entry entry = state.nextVersion(subject, schema);
      write(schemaKey(subject, entry.version()), schemaValue(entry));
      return entry;
    });
  }

  /** Soft-deletes every live version of the subject and returns their numbers. */
  public List<Integer> deleteSubject(String subject) {
    return locked(() -> {
      catchUp();
      List<Entry> live = state.versions(subject);
      for (Entry entry : live) {
        write(schemaKey(subject, entry.version()), schemaValue(softDeleted(entry)));
      }
      return live.stream().map(Entry::version).toList();
    });
  }

  /** Soft-deletes one live version. */
  public int deleteVersion(String subject, int version) {
    return locked(() -> {
      catchUp();
      Entry entry = state.entry(subject, version);
      write(schemaKey(subject, version), schemaValue(softDeleted(entry)));
      return version;
    });
  }

  /** Sets the compatibility level of the subject, or the global one when subject is null. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    locked(() -> {
      write(configKey(subject), JSON.createObjectNode().put("compatibilityLevel", level.name()).toString());
      return level;
    });
  }

  /** Removes the subject's own level (the global one applies again) and returns the removed level. */
  public CompatibilityLevel deleteCompatibility(String subject) {
    return locked(() -> {
      catchUp();
      CompatibilityLevel previous = state.subjectCompatibility(subject)
          .orElseThrow(() -> SchemaRegistryException.subjectCompatibilityNotConfigured(subject));
      write(configKey(subject), null);
      return previous;
    });
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(TIMEOUT);
    admin.close(TIMEOUT);
  }

  // ---- the topic

  private void createTopicIfMissing() {
    NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
        .configs(Map.of("cleanup.policy", "compact"));
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw storeFailure("cannot create topic " + TOPIC, e.getCause());
      }
    } catch (InterruptedException | TimeoutException e) {
      throw storeFailure("cannot create topic " + TOPIC, e);
    }
  }

  /** Produces one record and waits until the reader has applied it. */
  private void write(String key, String value) {
    long offset;
    try {
      offset = producer.send(new ProducerRecord<>(TOPIC, 0, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .offset();
    } catch (ExecutionException e) {
      throw storeFailure("cannot write to " + TOPIC, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw storeFailure("cannot write to " + TOPIC, e);
    }
    awaitConsumed(offset + 1);
  }

  /** Waits until the reader has applied everything in the topic right now, including other instances' writes. */
  private void catchUp() {
    long end;
    try {
      end = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).partitionResult(PARTITION)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException e) {
      throw storeFailure("cannot read the end of " + TOPIC, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw storeFailure("cannot read the end of " + TOPIC, e);
    }
    awaitConsumed(end);
  }

  private void awaitConsumed(long offset) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (progress) {
      while (consumedUpTo < offset) {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMillis <= 0 || !running) {
          throw new SchemaRegistryException(500, 50002,
              "timed out waiting for " + TOPIC + " to reach offset " + offset);
        }
        try {
          progress.wait(remainingMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw storeFailure("interrupted waiting for " + TOPIC, e);
        }
      }
    }
  }

  private void readLoop() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          applyRecord(record);
        }
        long position = consumer.position(PARTITION);
        synchronized (progress) {
          consumedUpTo = position;
          progress.notifyAll();
        }
      }
    } catch (WakeupException e) {
      // close() stops the loop
    } catch (RuntimeException e) {
      log.error("reader of {} stopped; this registry instance no longer sees changes", TOPIC, e);
    } finally {
      consumer.close(TIMEOUT);
      synchronized (progress) {
        running = false; // waiting writers fail at once instead of timing out
        progress.notifyAll();
      }
    }
  }

  private void applyRecord(ConsumerRecord<String, String> record) {
    try {
      JsonNode key = JSON.readTree(record.key());
      String keyType = key.path("keytype").asText();
      if (keyType.equals("SCHEMA")) {
        applySchema(key, record.value());
      } else if (keyType.equals("CONFIG")) {
        String subject = key.path("subject").isTextual() ? key.get("subject").asText() : null;
        state.applyConfig(subject, record.value() == null ? null
            : CompatibilityLevel.parse(JSON.readTree(record.value()).path("compatibilityLevel").asText()));
      }
      // other key types (NOOP, MODE, DELETE_SUBJECT of Confluent) carry nothing this registry needs
    } catch (IOException | RuntimeException e) {
      log.warn("skipping unreadable record at offset {} of {}: {}", record.offset(), TOPIC, e.toString());
    }
  }

  private void applySchema(JsonNode key, String value) throws IOException {
    if (value == null) {
      state.remove(key.get("subject").asText(), key.get("version").asInt());
      return;
    }
    JsonNode node = JSON.readTree(value);
    state.apply(new Entry(node.get("subject").asText(), node.get("version").asInt(), node.get("id").asInt(),
        new Schema.Parser().parse(node.get("schema").asText()), node.path("deleted").asBoolean(false)));
  }

  // ---- Confluent's record layout

  private static String schemaKey(String subject, int version) {
    return JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
        .put("magic", 1).toString();
  }

  private static String schemaValue(Entry entry) {
    return JSON.createObjectNode().put("subject", entry.subject()).put("version", entry.version())
        .put("id", entry.id()).put("schema", entry.schema().toString()).put("deleted", entry.deleted()).toString();
  }

  private static String configKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return key.put("magic", 0).toString();
  }

  private static Entry softDeleted(Entry entry) {
    return new Entry(entry.subject(), entry.version(), entry.id(), entry.schema(), true);
  }

  private <R> R locked(Supplier<R> action) {
    writeLock.lock();
    try {
      return action.get();
    } finally {
      writeLock.unlock();
    }
  }

  private static SchemaRegistryException storeFailure(String message, Throwable cause) {
    return new SchemaRegistryException(500, 50001, "Error in the backend data store: " + message, cause);
  }
}
