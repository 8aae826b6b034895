package nl.vermissing.intake;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The institution intake service: youth profiles, absence reports and the life of each case. */
@SpringBootApplication
public class IntakeApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=intake").run(args);
  }
}
