package nl.vermissing.police.api;

import java.util.List;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.stream.PoliceResponses;
import nl.vermissing.police.stream.PoliceView;
import org.springframework.stereotype.Component;

/**
 * A police officer sees only the alerts of their own unit; another unit's case is "not found", so its existence is
 * not disclosed. Every read of personal data is recorded in the police access audit before the data is returned.
 */
@Component
public class UnitAccess {

  static final Role[] POLICE = {Role.POLICE_LIAISON, Role.DUTY_OFFICER};

  private final PoliceView view;
  private final PoliceResponses responses;
  private final ErasedYouths erased;

  public UnitAccess(PoliceView view, PoliceResponses responses, ErasedYouths erased) {
    this.view = view;
    this.responses = responses;
    this.erased = erased;
  }

  public Actor requirePolice(Actor actor, String unit) {
    return actor.require(unit, POLICE);
  }

  /** The case, if the unit is responsible for it now. */
  /** The unit's alert of a case, without personal data when the youth's data has been erased. */
  public CaseAlert caseOf(Actor actor, String unit, String caseId) {
    requirePolice(actor, unit);
    return view.caseById(caseId).filter(c -> c.policeUnit().equals(unit)).map(erased::visible)
        .orElseThrow(() -> ApiException.notFound("no alert " + caseId + " for unit " + unit));
  }

  /** Writes the access record (and waits for the broker) before personal data leaves the service. */
  public void audit(Actor actor, String unit, String action, String resource, CaseAlert alert, List<String> fields,
      String purpose, String defaultPurpose) {
    Role role = actor.has(Role.POLICE_LIAISON) ? Role.POLICE_LIAISON : Role.DUTY_OFFICER;
    responses.audit(AccessRecord.newBuilder()
        .setAuditId(UUID.randomUUID().toString())
        .setService(Topics.POLICE_GATEWAY)
        .setActor(actor.userId())
        .setActorRole(role.name())
        .setTenant(unit)
        .setAction(action)
        .setResource(resource)
        .setYouthId(alert.latest().getYouthId())
        .setFields(fields)
        .setPurpose(purpose == null || purpose.isBlank() ? defaultPurpose : purpose)
        .setAt(responses.clock().instant())
        .build());
  }
}
