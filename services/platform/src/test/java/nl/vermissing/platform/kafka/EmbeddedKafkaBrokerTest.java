package nl.vermissing.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @TempDir
  Path dataDir;

  @Test
  void topicsAndRecordsSurviveARestartOfTheBroker() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("restart-test", 1, (short) 1))).all().get();
      }
      try (var producer = new KafkaProducer<>(KafkaConventions.producer(broker.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("restart-test", "case-1", "before restart")).get();
      }
    }

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        Set<String> names = admin.listTopics().names().get();
        assertThat(names).contains("restart-test");
      }
      try (var consumer = new KafkaConsumer<>(KafkaConventions.consumer(broker.bootstrapServers(), "restart-test"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("restart-test"));
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        assertThat(seen).extracting(ConsumerRecord::value).containsExactly("before restart");
      }
    }
  }
}
