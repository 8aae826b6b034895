package nl.vermissing.police;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The police liaison gateway: police units see their alerts live, acknowledge them in time (or their duty officer is
 * called in), report back, and read every message as CAP 1.2.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PoliceGatewayApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(PoliceGatewayApplication.class).properties("spring.config.name=police-gateway").run(args);
  }
}
