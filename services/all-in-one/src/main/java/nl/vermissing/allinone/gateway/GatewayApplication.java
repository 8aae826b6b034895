package nl.vermissing.allinone.gateway;

import nl.vermissing.platform.security.ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The one entry point on http://localhost:8080: serves the web pages, signs people in (OpenID Connect provider with
 * demo accounts) and routes {@code /api/<service>/**} to the service that owns it.
 */
@SpringBootApplication(exclude = ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {}
