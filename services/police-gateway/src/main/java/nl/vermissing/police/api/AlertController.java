package nl.vermissing.police.api;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.api.AlertViews.AlertDetail;
import nl.vermissing.police.api.AlertViews.AlertSummary;
import nl.vermissing.police.api.AlertViews.MessageDetail;
import nl.vermissing.police.api.AlertViews.MessageSummary;
import nl.vermissing.police.api.AlertViews.UnitAlerts;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import nl.vermissing.police.domain.RetentionRule;
import nl.vermissing.police.stream.PoliceView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A unit's alerts: the current state for the list (no personal data; active first, cancelled ones marked), and on
 * request the detail with personal data and the photo, each such read audited. Once the retention period after an
 * alert's cancel has passed, the detail shows only the non-personal facts (with {@code personalDataRemovedAt}) and is
 * not audited, and the photo is gone (410).
 */
@RestController
@RequestMapping("/api/police/units/{unit}/alerts")
public class AlertController {

  private final PoliceView view;
  private final UnitAccess access;
  private final PoliceGatewayProperties properties;

  public AlertController(PoliceView view, UnitAccess access, PoliceGatewayProperties properties) {
    this.view = view;
    this.access = access;
    this.properties = properties;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public UnitAlerts alerts(Actor actor, @PathVariable String unit) {
    access.requirePolice(actor, unit);
    PoliceView.Snapshot snapshot = view.snapshot(unit);
    List<AlertSummary> alerts = snapshot.alerts().stream()
        .sorted(Comparator.comparing(CaseAlert::cancelled).thenComparing(CaseAlert::updatedAt, Comparator.reverseOrder()))
        .map(AlertSummary::of).toList();
    return new UnitAlerts(unit, snapshot.position(), alerts);
  }

  @GetMapping(path = "/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public AlertDetail detail(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestParam(required = false) String purpose) {
    CaseAlert alert = access.caseOf(actor, unit, caseId);
    PoliceCaseData merged = DisclosedData.merged(alert.messages());
    List<String> fields = new ArrayList<>(DisclosedData.personalFieldsSet(merged));
    fields.remove(DisclosedData.PHOTO);
    if (alert.informationRequests().stream().anyMatch(r -> r.question() != null)) {
      fields.add(RetentionRule.QUESTIONS);
    }
    if (alert.personalDataRemovedAt() == null) {
      access.audit(actor, unit, "read-alert-detail", "police-alert/" + caseId, alert, fields, purpose,
          properties.auditPurpose());
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/police/units/{unit}/alerts/")
        .buildAndExpand(unit).toUriString();
    List<MessageDetail> messages = alert.messages().stream().map(m -> new MessageDetail(MessageSummary.of(m),
        m.getInfo().getDescription(), m.getReferences(), m.getDisclosedFields(), m.getAcknowledgeBy(),
        base + m.getIdentifier() + "/cap")).toList();
    Map<String, Object> personal = DisclosedData.personal(merged);
    return new AlertDetail(AlertSummary.of(alert), personal,
        merged.getPhoto() == null ? null : base + caseId + "/photo", messages, alert.informationRequests());
  }

  @GetMapping(path = "/{caseId}/photo")
  public ResponseEntity<byte[]> photo(Actor actor, @PathVariable String unit, @PathVariable String caseId,
      @RequestParam(required = false) String purpose) {
    CaseAlert alert = access.caseOf(actor, unit, caseId);
    PoliceCaseData merged = DisclosedData.merged(alert.messages());
    ByteBuffer photo = merged.getPhoto();
    if (photo == null && alert.personalDataRemovedAt() != null) {
      throw new ApiException(HttpStatus.GONE, null, "the personal data of alert " + caseId + ", its photo included, "
          + "was removed at " + alert.personalDataRemovedAt() + ": police keep it for "
          + properties.retentionAfterCancel() + " after an alert is cancelled", null);
    }
    if (photo == null) {
      throw ApiException.notFound("no photo was disclosed for " + caseId);
    }
    access.audit(actor, unit, "read-photo", "police-alert/" + caseId + "/photo", alert,
        List.of(DisclosedData.PHOTO), purpose, properties.auditPurpose());
    byte[] bytes = new byte[photo.remaining()];
    photo.duplicate().get(bytes);
    MediaType type = merged.getPhotoContentType() == null ? MediaType.IMAGE_JPEG
        : MediaType.parseMediaType(merged.getPhotoContentType());
    return ResponseEntity.ok().contentType(type).header("Cache-Control", "no-store").body(bytes);
  }
}
