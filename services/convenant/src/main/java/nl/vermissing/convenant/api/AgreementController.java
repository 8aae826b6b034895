package nl.vermissing.convenant.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import nl.vermissing.convenant.api.AgreementDtos.AgreementHistory;
import nl.vermissing.convenant.api.AgreementDtos.AgreementRequest;
import nl.vermissing.convenant.api.AgreementDtos.AgreementView;
import nl.vermissing.platform.security.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The convenant rules of a region, for its agreement administrators (role AGREEMENT_ADMIN, tenant = region): list,
 * read with every version, and publish a new version. Everyone else gets 403.
 */
@RestController
@RequestMapping("/api/convenant/agreements")
public class AgreementController {

  private final AgreementService agreements;

  public AgreementController(AgreementService agreements) {
    this.agreements = agreements;
  }

  @GetMapping
  public List<AgreementHistory> list(Actor actor) {
    return agreements.list(actor);
  }

  @GetMapping("/{agreementId}")
  public AgreementHistory get(Actor actor, @PathVariable String agreementId) {
    return agreements.get(actor, agreementId);
  }

  @GetMapping("/{agreementId}/versions/{version}")
  public AgreementView version(Actor actor, @PathVariable String agreementId, @PathVariable int version) {
    return agreements.version(actor, agreementId, version);
  }

  @PostMapping("/{agreementId}/versions")
  public ResponseEntity<AgreementView> change(Actor actor, @PathVariable String agreementId,
      @Valid @RequestBody AgreementRequest request) {
    AgreementView created = agreements.change(actor, agreementId, request);
    return ResponseEntity
        .created(URI.create("/api/convenant/agreements/" + agreementId + "/versions/" + created.version()))
        .body(created);
  }
}
