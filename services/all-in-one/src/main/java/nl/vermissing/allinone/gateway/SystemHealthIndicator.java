package nl.vermissing.allinone.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The system is UP only when the broker answers, the schema registry answers and every service reports UP: a
 * newcomer's single health check covers the whole platform.
 */
@Component("system")
class SystemHealthIndicator implements HealthIndicator {

  private final GatewayProperties properties;
  private final String bootstrapServers;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  SystemHealthIndicator(GatewayProperties properties,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
    this.properties = properties;
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    boolean up = true;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
      health.withDetail("kafka", admin.describeCluster().nodes().get().size() + " broker(s)");
    } catch (Exception e) {
      up = false;
      health.withDetail("kafka", "DOWN");
    }
    String registry = status(properties.registryUrl() + "/subjects");
    health.withDetail("schema-registry", registry);
    up &= registry.equals("UP");
    for (var route : properties.routes().entrySet()) {
      String status = status(route.getValue() + "/actuator/health");
      health.withDetail(route.getKey(), status);
      up &= status.equals("UP");
    }
    return up ? health.build() : health.down().build();
  }

  private String status(String url) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? "UP" : "DOWN (" + response.statusCode() + ")";
    } catch (Exception e) {
      return "DOWN";
    }
  }
}
