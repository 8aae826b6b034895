package nl.vermissing.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.platform.registry.SchemaRegistryClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command in a test: the whole platform starts in one JVM, reports UP, signs a demo user in, and
 * keeps its topics and schema ids across a restart on the same data folder.
 */
class AllInOneTest {

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsHealthySignsInAndKeepsSchemaIdsAcrossARestart() throws Exception {
    AllInOneSettings settings = new AllInOneSettings(dataDir, 18080, 0, 0, false, 10000);
    int schemaId;
    try (AllInOne system = AllInOne.start(settings)) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(get("http://localhost:18080/actuator/health").body()).startsWith("{").contains("\"status\":\"UP\""));

      String token = DemoSignIn.accessToken("http://localhost:18080", "staf.horizon", "demo");
      String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
      assertThat(claims).contains("\"tenant\":\"inst-horizon\"").contains("INSTITUTION_STAFF");

      schemaId = SchemaRegistryClients.forConfig(Map.of("schema.registry.url", system.registryUrl()))
          .register("restart-check-value", AccessRecord.getClassSchema());
    }

    try (AllInOne system = AllInOne.start(settings)) {
      var registry = SchemaRegistryClients.forConfig(Map.of("schema.registry.url", system.registryUrl()));
      assertThat(registry.getById(schemaId)).isEqualTo(AccessRecord.getClassSchema());
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("intake.case-events", "_schemas");
      }
    }
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    AllInOneSettings settings = new AllInOneSettings(dataDir, 18080, 0, 0, false, 10000);
    try (AllInOne system = AllInOne.start(settings)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> DemoSignIn.accessToken("http://localhost:18080", "staf.horizon", "wrong"))
          .hasMessageContaining("refused");
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
