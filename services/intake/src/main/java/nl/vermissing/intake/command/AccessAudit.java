package nl.vermissing.intake.command;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.intake.stream.EventWriter;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Every read of a youth's personal data (profile, photo, case) is recorded in the intake access-audit topic before
 * the data is returned: who, in which role, for which tenant, what and why. No record, no data.
 */
@Component
public class AccessAudit {

  private final EventWriter writer;
  private final Clock clock;

  public AccessAudit(EventWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  public void read(Actor actor, String action, String resource, String youthId, List<String> fields,
      String purpose) {
    String role = actor.roles().stream().map(Role::name).sorted().findFirst().orElse("NONE");
    AccessRecord record = AccessRecord.newBuilder()
        .setAuditId(UUID.randomUUID().toString())
        .setService(Topics.INTAKE)
        .setActor(actor.userId())
        .setActorRole(role)
        .setTenant(String.valueOf(actor.tenant()))
        .setAction(action)
        .setResource(resource)
        .setYouthId(youthId)
        .setFields(fields)
        .setPurpose(purpose)
        .setAt(clock.instant())
        .build();
    writer.write(Topics.INTAKE_ACCESS_AUDIT, actor.userId(), record, null);
  }
}
