package nl.vermissing.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure is real even in an immutable event log. Known values are planted in a youth's profile and case, the case
 * runs through every service (police alert, sighting, return, return conversation), the youth is erased, and then:
 * no topic (incl. changelogs and internal topics) and no state-store file holds a planted value in clear, nothing
 * that is still stored decodes to one, and no API shows one.
 */
class ErasureScanTest {

  private static final String BASE = "http://localhost:18080";
  private static final String MARK = "7Q" + UUID.randomUUID().toString().substring(0, 4);
  private static final List<String> PLANTED = List.of("Zwaluw" + MARK, "Plantenga" + MARK, "Tattoo-ster-" + MARK,
      "Vriend" + MARK, "06991" + MARK, "Stationsplein-" + MARK, "Groene-jas-" + MARK, "Kade-Noord-" + MARK,
      "Onderdak-" + MARK, "Letsel-" + MARK, "Relatie" + MARK, "Urgentie-" + MARK, "Vraag-" + MARK, "Ruzie-" + MARK,
      "Vriendje-" + MARK);

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void afterErasureNoReadablePersonalDataRemainsAnywhere() throws Exception {
    try (AllInOne system = AllInOne.start(new AllInOneSettings(dataDir, 18080, 0, 0, false, 10000))) {
      await().atMost(Duration.ofSeconds(90)).until(() -> get(null, "/actuator/health").contains("\"status\":\"UP\""));
      String staff = DemoSignIn.accessToken(BASE, "staf.horizon", "demo");
      String police = DemoSignIn.accessToken(BASE, "politie.midden", "demo");
      String followUp = DemoSignIn.accessToken(BASE, "volg.horizon", "demo");
      String institution = "/api/intake/institutions/inst-horizon";

      String youthId = field(post(staff, institution + "/youths", """
          {"givenName":"Zwaluw%1$s","familyName":"Plantenga%1$s","dateOfBirth":"2011-04-04","sex":"FEMALE",
           "bsn":"111222333","physicalDescription":"Tattoo-ster-%1$s","placementType":"OPEN",
           "associates":[{"name":"Vriend%1$s","relation":"Relatie%1$s","phone":"06991%1$s","suspectedExploiter":true}]}
          """.formatted(MARK), 201), "youthId");
      Instant t0 = Instant.now().minusSeconds(900);
      String caseId = field(post(staff, institution + "/cases", """
          {"youthId":"%s","lastSeenAt":"%s","lastSeenLocation":"Stationsplein-%s","clothing":"Groene-jas-%s",
           "whereaboutsKnown":false}""".formatted(youthId, t0, MARK, MARK), 201), "caseId");
      post(staff, institution + "/cases/" + caseId + "/risk-assessments",
          "{\"indicators\":[\"SEXUAL_EXPLOITATION\"]}", 200);

      String unit = "/api/police/units/pu-midden-nederland/alerts/";
      await().atMost(Duration.ofSeconds(120)).until(() -> get(police, unit + caseId).contains("Zwaluw" + MARK));
      post(police, unit + caseId + "/sightings",
          "{\"seenAt\":\"%s\",\"location\":\"Kade-Noord-%s\"}".formatted(Instant.now().minusSeconds(60), MARK), 201);
      post(police, unit + caseId + "/urgency",
          "{\"urgency\":\"URGENT\",\"reason\":\"Urgentie-%s\"}".formatted(MARK), 201);
      post(police, unit + caseId + "/information-requests", "{\"question\":\"Vraag-%s\"}".formatted(MARK), 201);
      post(staff, institution + "/cases/" + caseId + "/return", """
          {"foundBy":"POLICE","location":"Stationsplein-%s"}""".formatted(MARK), 200);
      await().atMost(Duration.ofSeconds(120)).until(() -> get(followUp, "/api/followup/cases/" + caseId)
          .contains("\"returnedAt\""));
      post(followUp, "/api/followup/cases/" + caseId + "/held", """
          {"heldAt":"%s","heldBy":"Iris Smit","independentInterviewer":true,"stayedWith":"Onderdak-%s",
           "harm":"Letsel-%s","pushFactors":["Ruzie-%s"],"pullFactors":["Vriendje-%s"],
           "exploitationIndicators":["GIFTS_OR_MONEY"]}
          """.formatted(Instant.now(), MARK, MARK, MARK, MARK), 201);
      await().atMost(Duration.ofSeconds(120)).until(() -> get(followUp, "/api/followup/cases/" + caseId + "/conversation")
          .contains("Onderdak-" + MARK));

      Map<String, Object> decoding = decodingConfig(system);
      assertThat(rawOccurrences(system)).as("planted values stored in clear").isEmpty();
      assertThat(decodedOccurrences(system, decoding)).as("readable before the erasure, with the key")
          .contains("Zwaluw" + MARK, "Groene-jas-" + MARK, "Kade-Noord-" + MARK, "Onderdak-" + MARK, "Vraag-" + MARK,
              "Ruzie-" + MARK);

      post(staff, institution + "/youths/" + youthId + "/erasure", "{\"reason\":\"bewaartermijn verstreken\"}", 204);

      assertThat(rawOccurrences(system)).as("planted values stored in clear").isEmpty();
      assertThat(decodedOccurrences(system, decoding)).as("readable after the erasure").isEmpty();
      assertThat(stateStoreOccurrences()).as("planted values in state-store files").isEmpty();
      for (String view : List.of(get(police, unit + caseId), get(staff, institution + "/cases/" + caseId))) {
        assertThat(PLANTED).noneMatch(view::contains);
      }
    }
  }

  /** Every record of every topic, key, value and headers as raw bytes. */
  private List<String> rawOccurrences(AllInOne system) throws Exception {
    List<String> found = new ArrayList<>();
    forEachRecord(system, record -> {
      for (String planted : PLANTED) {
        byte[] needle = planted.getBytes(StandardCharsets.UTF_8);
        boolean inHeaders = false;
        for (Header header : record.headers()) {
          inHeaders |= contains(header.value(), needle);
        }
        if (contains(record.key(), needle) || contains(record.value(), needle) || inHeaders) {
          found.add(planted + " in " + record.topic() + (record.value() == null ? ""
              : ": " + new String(record.value(), StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".")));
        }
      }
    });
    return found;
  }

  /** Every record of every catalogue topic decoded as its consumers decode it (with the key store). */
  private List<String> decodedOccurrences(AllInOne system, Map<String, Object> config) throws Exception {
    Map<String, Topic<?>> byName = new HashMap<>();
    Topics.ALL.forEach(t -> byName.put(t.name(), t));
    List<String> found = new ArrayList<>();
    forEachRecord(system, record -> {
      Topic<?> topic = byName.get(record.topic());
      if (topic == null || record.value() == null) {
        return;
      }
      String decoded = String.valueOf(AvroSerdes.forTopic(topic, config).deserializer()
          .deserialize(record.topic(), record.value()));
      PLANTED.stream().filter(decoded::contains).forEach(found::add);
    });
    return found;
  }

  private List<String> stateStoreOccurrences() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDir.resolve("streams"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        for (String planted : PLANTED) {
          if (contains(content, planted.getBytes(StandardCharsets.UTF_8))) {
            found.add(planted + " in " + dataDir.relativize(file));
          }
        }
      }
    }
    return found;
  }

  private interface RecordCheck {
    void accept(ConsumerRecord<byte[], byte[]> record);
  }

  private void forEachRecord(AllInOne system, RecordCheck check) throws Exception {
    List<String> topics;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
      topics = new ArrayList<>(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
          .listInternal(true)).names().get());
    }
    Map<String, Object> config = new HashMap<>(KafkaConventions.consumer(system.bootstrapServers(), "erasure-scan"));
    // aborted transactions too: nothing may hide there either
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 60_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(check::accept);
      }
    }
  }

  private Map<String, Object> decodingConfig(AllInOne system) {
    return Map.of("schema.registry.url", system.registryUrl(), "specific.avro.reader", true,
        EncryptionConfig.ENABLED, true,
        EncryptionConfig.KEY_DIR, dataDir.resolve("keys").resolve("data").toString(),
        EncryptionConfig.MASTER_KEY_FILE, dataDir.resolve("keys").resolve("master.json").toString());
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    if (haystack == null) {
      return false;
    }
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private String post(String token, String path, String json, int expected) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
    return response.body();
  }

  private String get(String token, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return m.group(1);
  }
}
