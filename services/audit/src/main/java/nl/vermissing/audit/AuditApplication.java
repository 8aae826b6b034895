package nl.vermissing.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The audit trail for auditors: every disclosure to police or municipality and every read of personal data. */
@SpringBootApplication
public class AuditApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(AuditApplication.class).properties("spring.config.name=audit").run(args);
  }
}
