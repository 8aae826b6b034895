package nl.vermissing.platform.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.platform.registry.HttpSchemaRegistryClient;
import nl.vermissing.platform.registry.SchemaRegistryClient;
import nl.vermissing.platform.registry.SchemaRegistryException;
import nl.vermissing.platform.registry.SpecificAvroDeserializer;
import nl.vermissing.platform.registry.SpecificAvroSerializer;
import nl.vermissing.platform.registry.TestRecords;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The registry server against a real in-JVM Kafka broker, spoken to over HTTP as Confluent's clients do. */
class SchemaRegistryServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Schema V1 = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"}]}""");
  private static final Schema V2_WITH_DEFAULT = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"},
       {"name":"b","type":"int","default":0}]}""");
  private static final Schema V2_WITHOUT_DEFAULT = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"},
       {"name":"c","type":"int"}]}""");

  private static EmbeddedKafkaKraftBroker broker;
  private static SchemaRegistryServer server;
  private static SchemaRegistryClient client;

  /** Subjects are unique per test: all tests share one broker and so one {@code _schemas} topic. */
  private final String subject = "thing-" + UUID.randomUUID() + "-value";

  @BeforeAll
  static void startBrokerAndRegistry() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(Map.of(
        "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    server = SchemaRegistryServer.start(broker.getBrokersAsString(), 0);
    client = new HttpSchemaRegistryClient(server.url());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void registeringIsIdempotentAndTheSameSchemaKeepsItsIdUnderAnotherSubject() throws IOException {
    JsonNode first = call("POST", "/subjects/" + subject + "/versions", schemaBody(V1));
    JsonNode again = call("POST", "/subjects/" + subject + "/versions", schemaBody(V1));
    int elsewhere = client.register("other-" + subject, V1);

    assertThat(first.get("id").asInt()).isPositive();
    assertThat(again).isEqualTo(first);
    assertThat(elsewhere).isEqualTo(first.get("id").asInt());
    assertThat(call("GET", "/subjects/" + subject + "/versions", null)).hasToString("[1]");
  }

  @Test
  void servesSchemasByIdAndVersions() throws IOException {
    int v1 = client.register(subject, V1);
    int v2 = client.register(subject, V2_WITH_DEFAULT);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(parse(call("GET", "/schemas/ids/" + v1, null).get("schema").asText())).isEqualTo(V1);
    assertThat(call("GET", "/schemas/ids/" + v2 + "/versions", null).toString())
        .isEqualTo("[{\"subject\":\"" + subject + "\",\"version\":2}]");
    assertThat(call("GET", "/subjects/" + subject + "/versions", null)).hasToString("[1,2]");
    JsonNode latest = call("GET", "/subjects/" + subject + "/versions/latest", null);
    assertThat(latest.get("subject").asText()).isEqualTo(subject);
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("id").asInt()).isEqualTo(v2);
    assertThat(parse(latest.get("schema").asText())).isEqualTo(V2_WITH_DEFAULT);
    assertThat(call("GET", "/subjects/" + subject + "/versions/1", null).get("id").asInt()).isEqualTo(v1);
    assertThat(call("POST", "/subjects/" + subject, schemaBody(V1)).get("version").asInt()).isEqualTo(1);
    assertThat(client.getLatest(subject).id()).isEqualTo(v2);
    assertThat(client.getId(subject, V1)).isEqualTo(v1);
    assertThat(client.subjects()).contains(subject);
  }

  @Test
  void anIncompatibleChangeUnderBackwardIsRefusedWith409() throws IOException {
    client.register(subject, V1);

    assertThat(call("POST", "/compatibility/subjects/" + subject + "/versions/latest", schemaBody(V2_WITHOUT_DEFAULT))
        .get("is_compatible").asBoolean()).isFalse();
    assertThat(client.isCompatible(subject, V2_WITH_DEFAULT)).isTrue();
    HttpResponse<String> refused = send("POST", "/subjects/" + subject + "/versions", schemaBody(V2_WITHOUT_DEFAULT));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(409);
    assertThatThrownBy(() -> client.register(subject, V2_WITHOUT_DEFAULT))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
        });
  }

  @Test
  void unknownThingsGetConfluentErrorCodes() throws IOException {
    client.register(subject, V1);

    assertError(send("GET", "/subjects/nobody-value/versions", null), 404, 40401);
    assertThat(JSON.readTree(send("GET", "/subjects/nobody-value/versions", null).body()).get("message").asText())
        .isEqualTo("Subject 'nobody-value' not found.");
    assertError(send("GET", "/subjects/" + subject + "/versions/7", null), 404, 40402);
    assertError(send("GET", "/schemas/ids/999999", null), 404, 40403);
    assertError(send("POST", "/subjects/" + subject, schemaBody(V2_WITH_DEFAULT)), 404, 40403);
    assertError(send("POST", "/subjects/" + subject + "/versions", "{\"schema\":\"{not avro\"}"), 422, 42201);
    assertError(send("GET", "/subjects/" + subject + "/versions/zero", null), 422, 42202);
    assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertThatThrownBy(() -> client.getLatest("nobody-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
  }

  @Test
  void compatibilityIsConfigurableGloballyAndPerSubject() throws IOException {
    client.register(subject, V1);

    assertThat(call("GET", "/config", null)).hasToString("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertError(send("GET", "/config/" + subject, null), 404, 40408);
    assertThat(call("GET", "/config/" + subject + "?defaultToGlobal=true", null).get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    assertThat(call("PUT", "/config/" + subject, "{\"compatibility\":\"NONE\"}"))
        .hasToString("{\"compatibility\":\"NONE\"}");
    assertThat(call("GET", "/config/" + subject, null)).hasToString("{\"compatibilityLevel\":\"NONE\"}");

    assertThat(client.register(subject, V2_WITHOUT_DEFAULT)).isPositive();

    assertThat(call("DELETE", "/config/" + subject, null)).hasToString("{\"compatibilityLevel\":\"NONE\"}");
    assertError(send("GET", "/config/" + subject, null), 404, 40408);
    assertThat(client.isCompatible(subject, V1)).as("V1 lacks c, which the latest has without default").isTrue();
  }

  @Test
  void softDeletedVersionsDisappearButTheirIdsStayResolvable() throws IOException {
    int v1 = client.register(subject, V1);
    client.register(subject, V2_WITH_DEFAULT);

    assertThat(call("DELETE", "/subjects/" + subject + "/versions/1", null)).hasToString("1");
    assertThat(call("GET", "/subjects/" + subject + "/versions", null)).hasToString("[2]");
    assertThat(call("DELETE", "/subjects/" + subject, null)).hasToString("[2]");

    assertError(send("GET", "/subjects/" + subject + "/versions", null), 404, 40401);
    assertThat(client.subjects()).doesNotContain(subject);
    assertThat(parse(call("GET", "/schemas/ids/" + v1, null).get("schema").asText())).isEqualTo(V1);
    // over HTTP: the client would answer from its cache without asking the server
    assertThat(call("POST", "/subjects/" + subject + "/versions", schemaBody(V1)).get("id").asInt())
        .as("same schema, same id").isEqualTo(v1);
    assertThat(client.getLatest(subject).version()).as("version numbers are not reused").isEqualTo(3);
  }

  @Test
  void aRestartedServerKnowsEverythingAndDecodesWhatTheOldOneEncoded() {
    String topic = "restart-" + UUID.randomUUID();
    int id;
    int version;
    byte[] written;
    try (SchemaRegistryServer before = SchemaRegistryServer.start(broker.getBrokersAsString(), 0)) {
      HttpSchemaRegistryClient oldClient = new HttpSchemaRegistryClient(before.url());
      oldClient.register(topic + "-value", TestRecords.episodeSchemaWithout("referral"));
      written = new SpecificAvroSerializer<RegisterEpisode>(oldClient).serialize(topic, TestRecords.episode("e-1"));
      id = oldClient.getLatest(topic + "-value").id();
      version = oldClient.getLatest(topic + "-value").version();
    }

    try (SchemaRegistryServer after = SchemaRegistryServer.start(broker.getBrokersAsString(), 0)) {
      HttpSchemaRegistryClient newClient = new HttpSchemaRegistryClient(after.url());
      assertThat(newClient.getLatest(topic + "-value").id()).isEqualTo(id);
      assertThat(newClient.getLatest(topic + "-value").version()).isEqualTo(version).isEqualTo(2);
      assertThat(newClient.register(topic + "-value", RegisterEpisode.getClassSchema())).isEqualTo(id);

      RegisterEpisode read =
          new SpecificAvroDeserializer<>(newClient, RegisterEpisode.class).deserialize(topic, written);
      assertThat(read).isEqualTo(TestRecords.episode("e-1"));
    }
  }

  @Test
  void twoInstancesOnOneBrokerAgreeOnIds() {
    try (SchemaRegistryServer other = SchemaRegistryServer.start(broker.getBrokersAsString(), 0)) {
      HttpSchemaRegistryClient otherClient = new HttpSchemaRegistryClient(other.url());

      int id = client.register(subject, V1);
      assertThat(otherClient.getById(id)).isEqualTo(V1);
      assertThat(otherClient.register("copy-" + subject, V1)).isEqualTo(id);

      int next = otherClient.register(subject, V2_WITH_DEFAULT);
      assertThat(next).isNotEqualTo(id);
      assertThat(new HttpSchemaRegistryClient(server.url()).getById(next)).isEqualTo(V2_WITH_DEFAULT);
      assertThat(client.getLatest(subject).id()).isEqualTo(next);
    }
  }

  private static void assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("error_code").asInt()).as(response.body()).isEqualTo(errorCode);
  }

  private static JsonNode call(String method, String path, String body) throws IOException {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpSchemaRegistryClient.CONTENT_TYPE);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
