package nl.vermissing.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/**
 * The one error policy against a real broker: poison records (wrong magic byte, unknown schema id, garbage) and a
 * record whose processing throws land in the dead-letter topic with their reason and origin; the good records
 * around them are processed, exactly once.
 */
class DeadLetterPolicyTest {

  private final TestKafka kafka = TestKafka.get();

  @Test
  void poisonRecordsAreDeadLetteredAndProcessingCarriesOn() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String input = Topics.INTAKE_ACCESS_AUDIT.name();
    String output = "dlt-test-output-" + run;
    String service = "dlt-test-" + run;
    String deadLetter = Topics.deadLetter(service, input);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(output, 1, (short) 1),
          new NewTopic(deadLetter, 1, (short) 1))).all().get();
    } catch (java.util.concurrent.ExecutionException alreadyThere) {
      // the input topic may exist from another test in this JVM
    }
    Serde<AccessRecord> serde = AvroSerdes.forTopic(Topics.INTAKE_ACCESS_AUDIT, kafka.registryConfig());

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), serde).withName("read-audit"))
        .filter((k, v) -> v.getAuditId().startsWith(run), Named.as("only-this-run"))
        .mapValues(v -> {
          if (v.getAction().equals("explode")) {
            throw new IllegalArgumentException("rule cannot be applied to action 'explode'");
          }
          return v.getAuditId();
        }, Named.as("to-id"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("write-ids"));
    var config = KafkaConventions.streams(kafka.bootstrapServers(), "dlt-test-" + run, service,
        kafka.newStateDir().toString());
    var props = new java.util.Properties();
    props.putAll(config);

    byte[] good1 = serde.serializer().serialize(input, record(run + "-1", "read"));
    byte[] explode = serde.serializer().serialize(input, record(run + "-2", "explode"));
    byte[] good2 = serde.serializer().serialize(input, record(run + "-3", "read"));
    byte[] wrongMagic = "{\"json\":true}".getBytes();
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).put(new byte[] {2, 4, 6, 8}).array();
    byte[] truncated = new byte[] {0, 0};

    try (var producer = new KafkaProducer<>(KafkaConventions.producer(kafka.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] value : List.of(good1, wrongMagic, unknownId, explode, truncated, good2)) {
        producer.send(new ProducerRecord<>(input, run.getBytes(), value)).get();
      }
    }

    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      List<ConsumerRecord<byte[], byte[]>> processed = readAtLeast(output, 2);
      List<ConsumerRecord<byte[], byte[]>> dead = readAtLeast(deadLetter, 4);

      assertThat(processed).extracting(r -> new String(r.value())).containsExactly(run + "-1", run + "-3");
      assertThat(dead).extracting(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
          .hasSize(4)
          .anySatisfy(reason -> assertThat(reason).startsWith("wrong magic byte 0x7b"))
          .anySatisfy(reason -> assertThat(reason).startsWith("unknown schema id 987654"))
          .anySatisfy(reason -> assertThat(reason).startsWith("truncated payload"))
          .contains("rule cannot be applied to action 'explode'");
      assertThat(dead).allSatisfy(r -> {
        assertThat(DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(input);
        assertThat(DeadLetters.header(r.headers(), DeadLetters.SERVICE)).isEqualTo(service);
        assertThat(DeadLetters.header(r.headers(), DeadLetters.SOURCE_OFFSET)).matches("\\d+");
      });
      assertThat(dead).extracting(ConsumerRecord::value)
          .contains(wrongMagic, unknownId, explode, truncated);
    }
  }

  private static AccessRecord record(String id, String action) {
    return AccessRecord.newBuilder().setAuditId(id).setService("test").setActor("u").setActorRole("AUDITOR")
        .setTenant("national").setAction(action).setResource("r").setPurpose("test").setAt(Instant.now()).build();
  }

  private List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count) {
    var config = KafkaConventions.consumer(kafka.bootstrapServers(), "reader-" + UUID.randomUUID());
    try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 60_000;
      while (records.size() < count && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // a little longer: more than expected would be a duplicate
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      return records;
    }
  }
}
