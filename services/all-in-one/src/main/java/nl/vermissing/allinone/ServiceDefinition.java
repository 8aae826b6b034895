package nl.vermissing.allinone;

import java.util.List;

/**
 * A service the all-in-one runner starts in this JVM: its name, the API prefix the entry point routes to it, its
 * own port, and its Spring Boot application class.
 */
public record ServiceDefinition(String name, String apiPrefix, int port, String applicationClass) {

  /** Every service of the system, in start order (writers before their readers is not required: Kafka decouples). */
  public static final List<ServiceDefinition> ALL = List.of(
      new ServiceDefinition("intake", "intake", 8082, "nl.vermissing.intake.IntakeApplication"),
      new ServiceDefinition("convenant", "convenant", 8083, "nl.vermissing.convenant.ConvenantApplication"),
      new ServiceDefinition("police-gateway", "police", 8084, "nl.vermissing.police.PoliceGatewayApplication"),
      new ServiceDefinition("follow-up", "followup", 8085, "nl.vermissing.followup.FollowUpApplication"),
      new ServiceDefinition("register", "register", 8086, "nl.vermissing.register.RegisterApplication"),
      new ServiceDefinition("audit", "audit", 8087, "nl.vermissing.audit.AuditApplication"));

  public String baseUrl() {
    return "http://localhost:" + port;
  }
}
