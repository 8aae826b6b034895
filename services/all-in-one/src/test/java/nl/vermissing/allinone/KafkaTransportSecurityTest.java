package nl.vermissing.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import nl.vermissing.catalogue.ServiceAcls;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.kafka.EmbeddedKafkaBroker;
import nl.vermissing.platform.kafka.KafkaConventions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka transport security as deployed: SASL_SSL with SCRAM-SHA-512 and the least-privilege ACLs of
 * {@link ServiceAcls}, on a real in-JVM broker. Each service may write only its own topics and read only its inputs.
 */
class KafkaTransportSecurityTest {

  @TempDir
  static Path dir;

  static EmbeddedKafkaBroker broker;
  static EmbeddedKafkaBroker.SaslSsl security;

  @BeforeAll
  static void startSecuredBroker() throws Exception {
    Path keyStore = dir.resolve("broker.p12");
    Path trustStore = dir.resolve("truststore.p12");
    TestCertificates.create(keyStore, trustStore, "store-secret");
    security = new EmbeddedKafkaBroker.SaslSsl(keyStore, trustStore, "store-secret", "admin", "admin-secret");
    broker = EmbeddedKafkaBroker.startSaslSsl(dir.resolve("kafka"), 0, security);
    try (Admin admin = Admin.create(clientConfig("admin", "admin-secret"))) {
      List<UserScramCredentialUpsertion> users = new ArrayList<>();
      for (String service : ServiceAcls.services()) {
        users.add(new UserScramCredentialUpsertion(service,
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), service + "-secret"));
        admin.createAcls(ServiceAcls.forService(service)).all().get();
      }
      admin.alterUserScramCredentials(new ArrayList<>(users)).all().get();
      List<NewTopic> topics = new ArrayList<>();
      for (Topic<?> topic : Topics.ALL) {
        topics.add(new NewTopic(topic.name(), 1, (short) 1));
      }
      admin.createTopics(topics).all().get();
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theWriterOfATopicMayWriteItOverSaslSsl() throws Exception {
    try (var producer = producer(Topics.INTAKE)) {
      var metadata = producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), "case-1", "event")).get();
      assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void noOtherServiceMayWriteIt() {
    try (var producer = producer(Topics.CONVENANT)) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), "case-1", "forged")).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aReaderMayReadItsInputButNotOtherTopics() {
    try (var consumer = consumer(Topics.REGISTER)) {
      consumer.subscribe(List.of(Topics.CASE_EVENTS.name()));
      consumer.poll(Duration.ofSeconds(2));
      assertThat(consumer.assignment()).isNotEmpty();
    }
    try (var consumer = consumer(Topics.REGISTER)) {
      consumer.subscribe(List.of(Topics.YOUTH_PROFILES.name()));
      assertThatThrownBy(() -> {
        for (int i = 0; i < 20; i++) {
          consumer.poll(Duration.ofMillis(500));
        }
      }).isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> config = clientConfig(Topics.INTAKE, "not-the-secret");
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), "k", "v")).get())
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static KafkaProducer<String, String> producer(String service) {
    return new KafkaProducer<>(clientConfig(service, service + "-secret"), new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String service) {
    Map<String, Object> config = new HashMap<>(KafkaConventions.consumer(broker.bootstrapServers(),
        ServiceAcls.applicationPrefix(service) + "-test"));
    config.putAll(security.clientConfig(service, service + "-secret"));
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static Map<String, Object> clientConfig(String user, String password) {
    Map<String, Object> config = new HashMap<>(KafkaConventions.producer(broker.bootstrapServers()));
    config.put("max.block.ms", 10_000);
    config.putAll(security.clientConfig(user, password));
    return config;
  }
}
