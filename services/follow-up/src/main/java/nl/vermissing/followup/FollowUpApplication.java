package nl.vermissing.followup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The follow-up service: terugkeergesprek deadlines, outcomes, exploitation signals, consent and repeat reviews. */
@SpringBootApplication
public class FollowUpApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(FollowUpApplication.class).properties("spring.config.name=follow-up").run(args);
  }
}
