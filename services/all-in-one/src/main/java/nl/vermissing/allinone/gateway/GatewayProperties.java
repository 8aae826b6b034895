package nl.vermissing.allinone.gateway;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param routes API prefix → base URL of the service that serves it
 * @param registryUrl the schema registry, checked by the health endpoint
 * @param demoData whether to load the demo institutions, youths, agreements and cases
 */
@ConfigurationProperties("vermissing.gateway")
public record GatewayProperties(Map<String, String> routes, String registryUrl, boolean demoData) {

  public GatewayProperties {
    routes = routes == null ? Map.of() : Map.copyOf(routes);
  }
}
