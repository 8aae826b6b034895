package nl.vermissing.police;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.testing.TestKafka;
import nl.vermissing.police.stream.PoliceView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running gateway (real HTTP port, real in-JVM Kafka broker, real JWT checks with a test key) shared by the
 * integration tests; time is a clock the tests move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vermissing.police.escalation-check-interval=100ms",
        "vermissing.police.retention-after-cancel=PT6H", "vermissing.police.retention-check-interval=100ms",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks"})
@Import(PoliceGatewayTestBeans.class)
public abstract class PoliceGatewayTestBase {

  public static final byte[] SECRET = "test-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
  /** The shared test clock; starts at a fixed instant and only moves forward. */
  public static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-22T17:43:00Z"));

  private static KafkaProducer<String, SpecificRecord> producer;

  @LocalServerPort
  protected int port;

  @Autowired
  protected PoliceView view;

  protected final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.register(registry);
  }

  /** A clock the test sets; never goes back. */
  public static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
      now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  public static String newUnit() {
    return "pu-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String token(String user, String unit, String... roles) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user).claim("name", "Agent " + user)
          .claim("roles", List.of(roles)).claim("tenant", unit)
          .expirationTime(Date.from(Instant.now().plusSeconds(3600))).issueTime(new Date()).build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(SECRET));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String liaison(String unit) {
    return token("liaison-" + unit, unit, "POLICE_LIAISON");
  }

  public static String dutyOfficer(String unit) {
    return token("duty-" + unit, unit, "DUTY_OFFICER");
  }

  protected URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  protected HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> post(String path, String token, String json) throws Exception {
    return post(path, token, json, new String[0]);
  }

  /** A POST with further headers, given as name, value, name, value... */
  protected HttpResponse<String> post(String path, String token, String json, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected SseClient feed(String unit, String token, String lastEventId) throws InterruptedException {
    return SseClient.connect(uri("/api/police/units/" + unit + "/feed"), token, lastEventId).awaitOpen();
  }

  /** Produces an alert as the convenant service does, and waits for the broker. */
  protected static void produce(PoliceAlert alert) throws Exception {
    producer().send(new ProducerRecord<>(Topics.POLICE_ALERTS.name(), alert.getCaseId(), alert)).get();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static synchronized KafkaProducer<String, SpecificRecord> producer() {
    if (producer == null) {
      var values = (org.apache.kafka.common.serialization.Serializer) AvroSerdes
          .forTopic(Topics.POLICE_ALERTS, TestKafka.get().registryConfig()).serializer();
      producer = new KafkaProducer<>(KafkaConventions.producer(TestKafka.get().bootstrapServers()),
          new StringSerializer(), values);
    }
    return producer;
  }

  /** Every record of a topic, from the beginning up to its current end. */
  public static <V extends SpecificRecord> List<V> readAll(Topic<V> topic) {
    Map<String, Object> config = KafkaConventions.consumer(TestKafka.get().bootstrapServers(), null);
    config.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        AvroSerdes.forTopic(topic, TestKafka.get().registryConfig()).deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
