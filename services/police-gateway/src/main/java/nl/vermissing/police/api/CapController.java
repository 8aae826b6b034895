package nl.vermissing.police.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.config.PoliceGatewayProperties;
import nl.vermissing.police.domain.CapAtomFeed;
import nl.vermissing.police.domain.CapDocument;
import nl.vermissing.police.domain.CapReferences;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import nl.vermissing.police.stream.PoliceView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Every alert, update and cancel of a unit as a CAP 1.2 message (personal data included, so each read is audited;
 * after the retention period of a cancelled alert only its non-personal fields), and an Atom index of them for
 * police alerting systems (headlines only).
 */
@RestController
@RequestMapping("/api/police/units/{unit}")
public class CapController {

  public static final String CAP_XML = "application/cap+xml";
  public static final String ATOM_XML = "application/atom+xml";

  private final PoliceView view;
  private final UnitAccess access;
  private final PoliceGatewayProperties properties;

  public CapController(PoliceView view, UnitAccess access, PoliceGatewayProperties properties) {
    this.view = view;
    this.access = access;
    this.properties = properties;
  }

  /** One message by its CAP identifier (or a case id: its latest message). */
  @GetMapping(path = "/alerts/{identifier}/cap", produces = {CAP_XML, MediaType.APPLICATION_XML_VALUE})
  public ResponseEntity<String> cap(Actor actor, @PathVariable String unit, @PathVariable String identifier,
      @RequestParam(required = false) String purpose) {
    access.requirePolice(actor, unit);
    CaseAlert alert = view.caseOfMessage(identifier).or(() -> view.caseById(identifier))
        .filter(c -> c.policeUnit().equals(unit))
        .map(access::visible)
        .orElseThrow(() -> ApiException.notFound("no CAP message " + identifier + " for unit " + unit));
    PoliceAlert message = alert.message(identifier).orElse(alert.latest());
    List<String> fields = new ArrayList<>(DisclosedData.personalFieldsSet(message.getData()));
    String photoUri = null;
    if (fields.remove(DisclosedData.PHOTO)) {
      photoUri = ServletUriComponentsBuilder.fromCurrentContextPath()
          .path("/api/police/units/{unit}/alerts/{caseId}/photo").buildAndExpand(unit, alert.caseId()).toUriString();
    }
    if (!fields.isEmpty()) {
      access.audit(actor, unit, "read-cap", "police-alert/" + alert.caseId() + "/cap/" + message.getIdentifier(),
          alert, fields, purpose, properties.auditPurpose());
    }
    String xml = CapDocument.render(message, CapReferences.of(alert, message), properties.capZone(), photoUri);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(CAP_XML + ";charset=UTF-8"))
        .header("Cache-Control", "no-store").body(xml);
  }

  /** Atom index of the unit's CAP messages, newest first. */
  @GetMapping(path = "/cap.atom", produces = {ATOM_XML, MediaType.APPLICATION_XML_VALUE})
  public ResponseEntity<String> atom(Actor actor, @PathVariable String unit,
      @RequestParam(defaultValue = "200") int limit) {
    access.requirePolice(actor, unit);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/police/units/{unit}")
        .buildAndExpand(unit).toUriString();
    List<CapAtomFeed.Entry> entries = view.snapshot(unit).alerts().stream()
        .flatMap(c -> c.messages().stream())
        .sorted(Comparator.comparing(PoliceAlert::getSent).reversed())
        .limit(Math.max(1, Math.min(limit, 1000)))
        .map(m -> new CapAtomFeed.Entry(m.getIdentifier(), m.getInfo().getHeadline(),
            m.getMsgType().name() + " " + m.getStage().name() + ": " + m.getInfo().getEvent(),
            m.getMsgType().name(), m.getSent(), base + "/alerts/" + m.getIdentifier() + "/cap"))
        .toList();
    Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).sent();
    String xml = CapAtomFeed.render(unit, base + "/cap.atom", entries, updated, properties.capZone());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(ATOM_XML + ";charset=UTF-8")).body(xml);
  }
}
