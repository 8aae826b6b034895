package nl.vermissing.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vermissing.catalogue.ServiceAcls;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.platform.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service as it is deployed: its own jar in its own JVM, configured by environment and arguments only, against
 * an external Kafka cluster that demands SASL_SSL with SCRAM and grants each service principal only the ACLs of
 * {@link ServiceAcls}, the deployable schema registry, and the signing keys of an OpenID Connect provider. A red
 * absence then runs through all of them: intake → convenant → police gateway → follow-up → register and audit.
 *
 * <p>Needs the services' executable jars, which {@code mvn verify} builds before this module's tests.
 */
class StandaloneServicesTest {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
  private static final String STORE_PASSWORD = "store-secret";
  private static final List<String> SERVICES =
      List.of("intake", "convenant", "police-gateway", "follow-up", "register", "audit");

  @TempDir
  static Path dir;

  static EmbeddedKafkaBroker broker;
  static EmbeddedKafkaBroker.SaslSsl security;
  static Issuer issuer;
  static final Map<String, Process> processes = new LinkedHashMap<>();
  static final Map<String, Integer> ports = new LinkedHashMap<>();
  static final Map<String, Path> logs = new LinkedHashMap<>();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startEverythingOnItsOwn() throws Exception {
    Path services = Path.of("..").toAbsolutePath().normalize();
    Map<String, Path> jars = new LinkedHashMap<>();
    jars.put(Topics.SCHEMA_REGISTRY, jar(services, "schema-registry", "schema-registry-*.jar"));
    for (String service : SERVICES) {
      jars.put(service, jar(services, service, service + "-*-exec.jar"));
    }

    startSecuredCluster();
    issuer = Issuer.start();

    String masterKey = Base64.getEncoder().encodeToString(randomBytes(32));
    Path keyStore = Files.createDirectories(dir.resolve("shared-keys"));
    int registryPort = freePort();
    ports.put(Topics.SCHEMA_REGISTRY, registryPort);
    launch(Topics.SCHEMA_REGISTRY, jars.get(Topics.SCHEMA_REGISTRY), Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "VERMISSING_SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)));
    awaitUp(Topics.SCHEMA_REGISTRY, URI.create("http://localhost:" + registryPort + "/subjects"));

    for (String service : SERVICES) {
      int port = freePort();
      ports.put(service, port);
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      environment.put("SCHEMA_REGISTRY_URL", "http://localhost:" + registryPort);
      environment.put("OIDC_ISSUER_URI", issuer.url());
      environment.put("SERVER_PORT", String.valueOf(port));
      environment.put("VERMISSING_DATA_DIR", Files.createDirectories(dir.resolve("data-" + service)).toString());
      environment.put("VERMISSING_ENCRYPTION_KEYDIR", keyStore.toString());
      environment.put("VERMISSING_MASTER_KEY", masterKey);
      environment.put("INTAKE_PSEUDONYM_KEY", "standalone-test-pseudonym-key");
      environment.put("REGISTER_EPISODE_KEY", "standalone-test-episode-key");
      launch(service, jars.get(service), environment);
    }
    for (String service : SERVICES) {
      awaitUp(service, URI.create("http://localhost:" + ports.get(service) + "/actuator/health"));
    }
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    processes.values().forEach(Process::destroy);
    for (Process process : processes.values()) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (issuer != null) {
      issuer.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aRedAbsenceRunsThroughEveryServiceEachInItsOwnJvmOnASecuredCluster() throws Exception {
    String staff = issuer.token("staff-1", "INSTITUTION_STAFF", "inst-horizon");
    String youthId = field(expect(201, "POST", "intake", "/api/intake/institutions/inst-horizon/youths", staff, """
        {"givenName":"Proef","familyName":"Los","dateOfBirth":"2010-02-02","sex":"FEMALE","placementType":"OPEN"}
        """), "youthId");
    String caseId = field(expect(201, "POST", "intake", "/api/intake/institutions/inst-horizon/cases", staff,
        "{\"youthId\":\"%s\",\"lastSeenAt\":\"%s\",\"whereaboutsKnown\":false}"
            .formatted(youthId, Instant.now().minusSeconds(600))), "caseId");
    expect(200, "POST", "intake", "/api/intake/institutions/inst-horizon/cases/" + caseId + "/risk-assessments",
        staff, "{\"indicators\":[\"SEXUAL_EXPLOITATION\"]}");

    // the convenant engine alerts the police unit, whose gateway shows the alert with its personal data
    String liaison = issuer.token("liaison-1", "POLICE_LIAISON", "pu-midden-nederland");
    String alert = eventually("the alert at the police gateway", () -> call("GET", "police-gateway",
        "/api/police/units/pu-midden-nederland/alerts/" + caseId, liaison, null));
    assertThat(alert).contains(caseId).contains("Proef");
    expect(201, "POST", "police-gateway", "/api/police/units/pu-midden-nederland/alerts/" + caseId
        + "/acknowledgement", liaison, "{}");

    // the youth is back: the alert is cancelled, and a return conversation is due
    expect(200, "POST", "intake", "/api/intake/institutions/inst-horizon/cases/" + caseId + "/return", staff,
        "{\"foundBy\":\"INSTITUTION\"}");
    eventually("the cancelled alert", () -> {
      HttpResponse<String> answer = call("GET", "police-gateway", "/api/police/units/pu-midden-nederland/alerts",
          liaison, null);
      return answer.body().contains(caseId) && answer.body().contains("\"cancelled\":true") ? answer : null;
    });
    String worker = issuer.token("worker-1", "FOLLOW_UP_WORKER", "inst-horizon");
    eventually("the return conversation in follow-up", () -> call("GET", "follow-up",
        "/api/followup/cases/" + caseId, worker, null));
    expect(201, "POST", "follow-up", "/api/followup/cases/" + caseId + "/declined", worker,
        "{\"reason\":\"wil er nu niet over praten\"}");

    // the register counts the episode, pseudonymised; the auditor sees the disclosures to police
    String national = issuer.token("analyst-1", "REGISTRY_CONSUMER", "national");
    eventually("the episode in the register", () -> {
      HttpResponse<String> answer = call("GET", "register", "/api/register/episodes", national, null);
      return answer.statusCode() == 200 && answer.body().contains("\"returnConversation\":\"DECLINED\"")
          ? answer : null;
    });
    String auditor = issuer.token("auditor-1", "AUDITOR", "national");
    String disclosures = eventually("the disclosures in the audit trail", () -> {
      HttpResponse<String> answer = call("GET", "audit", "/api/audit/disclosures?caseId=" + caseId, auditor,
          null);
      return answer.statusCode() == 200 && answer.body().contains(caseId) ? answer : null;
    });
    assertThat(disclosures).contains("pu-midden-nederland");
    String register = call("GET", "register", "/api/register/episodes", national, null).body();
    assertThat(register).doesNotContain("Proef").doesNotContain(youthId).doesNotContain(caseId);

    // and nothing any service wrote was refused by the cluster's ACLs
    for (Map.Entry<String, Path> log : logs.entrySet()) {
      assertThat(Files.readString(log.getValue())).as("log of %s", log.getKey())
          .doesNotContain("TopicAuthorizationException")
          .doesNotContain("TransactionalIdAuthorizationException")
          .doesNotContain("GroupAuthorizationException")
          .doesNotContain("SaslAuthenticationException");
    }
  }

  // ---- the external cluster ------------------------------------------------------------------------------------

  /** SASL_SSL + SCRAM, deny by default; one principal per service with its ACLs; topics created by the admin. */
  private static void startSecuredCluster() throws Exception {
    Path keyStore = dir.resolve("broker.p12");
    Path trustStore = dir.resolve("truststore.p12");
    TestCertificates.create(keyStore, trustStore, STORE_PASSWORD);
    security = new EmbeddedKafkaBroker.SaslSsl(keyStore, trustStore, STORE_PASSWORD, "admin", "admin-secret");
    broker = EmbeddedKafkaBroker.startSaslSsl(dir.resolve("kafka"), 0, security);
    Map<String, Object> admin = new java.util.HashMap<>(security.clientConfig("admin", "admin-secret"));
    admin.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin client = Admin.create(admin)) {
      List<UserScramCredentialUpsertion> users = new ArrayList<>();
      for (String service : ServiceAcls.services()) {
        users.add(new UserScramCredentialUpsertion(service,
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(service)));
        client.createAcls(ServiceAcls.forService(service)).all().get();
      }
      client.alterUserScramCredentials(new ArrayList<>(users)).all().get();
      List<NewTopic> topics = new ArrayList<>();
      for (Topic<?> topic : Topics.ALL) {
        topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig()));
      }
      client.createTopics(topics).all().get();
    }
  }

  private static String password(String service) {
    return service + "-secret";
  }

  // ---- the processes -------------------------------------------------------------------------------------------

  private static Path jar(Path services, String module, String glob) throws IOException {
    Path target = services.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (var found = Files.newDirectoryStream(target, glob)) {
        for (Path jar : found) {
          return jar;
        }
      }
    }
    throw new IllegalStateException("no " + glob + " in " + target
        + ": build the services first (mvn verify packages them before this module's tests)");
  }

  /** Starts a service's jar in its own JVM; its Kafka client security comes as Spring Boot properties. */
  private static void launch(String service, Path jar, Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.vermissing.events",
        "-jar", jar.toString()));
    Map<String, Object> kafkaSecurity = security.clientConfig(service, password(service));
    kafkaSecurity.forEach((key, value) -> command.add("--spring.kafka.properties." + key + "=" + value));
    Path log = Files.createDirectories(Path.of("target", "standalone-logs")).resolve(service + ".log");
    logs.put(service, log);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(Files.createDirectories(dir.resolve("work-" + service)).toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    processes.put(service, builder.start());
  }

  private static void awaitUp(String service, URI health) {
    await(service + " UP at " + health).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .failFast(service + " exited (see " + logs.get(service) + ")", () -> !processes.get(service).isAlive())
        .until(() -> {
          try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200
                && (!health.getPath().startsWith("/actuator") || answer.body().contains("\"UP\""));
          } catch (IOException e) {
            return false;
          }
        });
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  /** The body of the first 200 answer (or non-null answer) of the call. */
  private static String eventually(String what, Call call) {
    return await(what).atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
      HttpResponse<String> answer = call.run();
      return answer != null && answer.statusCode() == 200 ? answer.body() : null;
    }, body -> body != null);
  }

  private static String expect(int status, String method, String service, String path, String token, String body)
      throws Exception {
    HttpResponse<String> answer = call(method, service, path, token, body);
    assertThat(answer.statusCode()).as("%s %s on %s: %s", method, path, service, answer.body()).isEqualTo(status);
    return answer.body();
  }

  private static HttpResponse<String> call(String method, String service, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(service) + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /**
   * The part of an OpenID Connect provider a resource server uses: the discovery document and the signing keys. It
   * signs the tokens the test's users present (claims sub, name, roles, tenant).
   */
  static final class Issuer {

    private final HttpServer server;
    private final RSAKey key;

    private Issuer(HttpServer server, RSAKey key) {
      this.server = server;
      this.key = key;
    }

    static Issuer start() throws IOException, JOSEException {
      RSAKey key = new RSAKeyGenerator(2048).keyID("standalone-test").generate();
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      Issuer issuer = new Issuer(server, key);
      server.createContext("/.well-known/openid-configuration", exchange -> issuer.respond(exchange, """
          {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
           "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer.url(), issuer.url())));
      server.createContext("/jwks", exchange ->
          issuer.respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
      server.start();
      return issuer;
    }

    String url() {
      return "http://localhost:" + server.getAddress().getPort();
    }

    String token(String user, String role, String tenant) throws JOSEException {
      Instant now = Instant.now();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          new JWTClaimsSet.Builder().issuer(url()).subject(user).claim("name", user)
              .claim("roles", List.of(role)).claim("tenant", tenant)
              .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    }

    private void respond(com.sun.net.httpserver.HttpExchange exchange, String json) {
      try (exchange) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void stop() {
      server.stop(0);
    }
  }
}
