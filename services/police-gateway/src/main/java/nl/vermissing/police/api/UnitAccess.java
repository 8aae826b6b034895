package nl.vermissing.police.api;

import java.util.List;
import java.util.UUID;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.RetentionRule;
import nl.vermissing.police.stream.PoliceResponses;
import nl.vermissing.police.stream.PoliceView;
import org.springframework.stereotype.Component;

/**
 * A police officer sees only the alerts of their own unit; another unit's case is "not found", so its existence is
 * not disclosed. Every read of personal data is recorded in the police access audit before the data is returned.
 * Personal data is never shown once the retention period after the alert's cancel has passed (checked by the clock
 * at every read, not only when the view has removed it) or once the youth's data has been erased.
 */
@Component
public class UnitAccess {

  static final Role[] POLICE = {Role.POLICE_LIAISON, Role.DUTY_OFFICER};

  private final PoliceView view;
  private final PoliceResponses responses;
  private final ErasedYouths erased;
  private final PoliceGatewayProperties properties;

  public UnitAccess(PoliceView view, PoliceResponses responses, ErasedYouths erased,
      PoliceGatewayProperties properties) {
    this.view = view;
    this.responses = responses;
    this.erased = erased;
    this.properties = properties;
  }

  public Actor requirePolice(Actor actor, String unit) {
    return actor.require(unit, POLICE);
  }

  /**
   * The unit's alert of a case (if the unit is responsible for it now), without personal data when its retention
   * period has passed or the youth's data has been erased.
   */
  public CaseAlert caseOf(Actor actor, String unit, String caseId) {
    requirePolice(actor, unit);
    return view.caseById(caseId).filter(c -> c.policeUnit().equals(unit)).map(this::visible)
        .orElseThrow(() -> ApiException.notFound("no alert " + caseId + " for unit " + unit));
  }

  /** What may be shown of the alert now: no personal data after its retention period or the youth's erasure. */
  public CaseAlert visible(CaseAlert alert) {
    return erased.visible(
        RetentionRule.shown(alert, responses.clock().instant(), properties.retentionAfterCancel()));
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
