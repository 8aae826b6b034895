package nl.vermissing.convenant;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The agreement (convenant) engine: executes the rules police and youth care agreed on, on time and with the minimum
 * of data, and is the only writer of police alerts, required next steps, calamity notices and disclosure records.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConvenantApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(ConvenantApplication.class).properties("spring.config.name=convenant").run(args);
  }
}
