package nl.vermissing.intake.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.intake.command.AccessAudit;
import nl.vermissing.intake.command.ProfileCommands;
import nl.vermissing.intake.command.ReadSide;
import nl.vermissing.intake.command.Requests;
import nl.vermissing.intake.view.Dtos.ProfileSummary;
import nl.vermissing.intake.view.Dtos.ProfileView;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Youth profiles (grab packs) of one institution; institution staff only. Every read of a profile or photo is
 * recorded in the access audit. The BSN is only ever returned masked.
 */
@RestController
@RequestMapping("/api/intake/institutions/{institutionId}/youths")
@Tag(name = "Youth profiles", description = "Grab pack kept for every youth before any episode")
@SecurityRequirement(name = "bearer")
public class ProfileController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final List<String> PROFILE_FIELDS = List.of("givenName", "familyName", "dateOfBirth", "sex",
      "bsnMasked", "physicalDescription", "associates", "places", "phoneNumbers", "socialMedia", "safetyMedicalNeeds",
      "knownRisks", "placementType", "legalTitle");

  private final ProfileCommands commands;
  private final ReadSide readSide;
  private final AccessAudit audit;

  public ProfileController(ProfileCommands commands, ReadSide readSide, AccessAudit audit) {
    this.commands = commands;
    this.readSide = readSide;
    this.audit = audit;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a youth profile (version 1)")
  @ApiResponse(responseCode = "201", description = "created")
  @ApiResponse(responseCode = "400", description = "invalid field, e.g. bsn failing the 11-test")
  @ApiResponse(responseCode = "409", description = "a profile with this BSN exists in this institution")
  public ProfileView create(@PathVariable String institutionId, @Valid @RequestBody Requests.ProfileRequest request,
      @Parameter(description = "retries with the same key give the same answer and one event")
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.create(institutionId, request, actor, key);
  }

  @GetMapping
  @Operation(summary = "List the institution's youth profiles (audited)")
  public List<ProfileSummary> list(@PathVariable String institutionId, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    List<ProfileSummary> result = readSide.ready().profilesOf(institutionId);
    audit.read(actor, "LIST_PROFILES", resource(institutionId, null), null,
        List.of("givenName", "familyName", "dateOfBirth", "placementType"), "institution care");
    return result;
  }

  @GetMapping("/{youthId}")
  @Operation(summary = "Read a profile (audited; BSN masked)")
  public ProfileView get(@PathVariable String institutionId, @PathVariable String youthId, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    IntakeView view = readSide.ready();
    ProfileCommands.current(view, institutionId, youthId);
    ProfileView result = view.profileView(youthId).orElseThrow();
    audit.read(actor, "READ_PROFILE", resource(institutionId, youthId), youthId, PROFILE_FIELDS, "institution care");
    return result;
  }

  @PutMapping("/{youthId}")
  @Operation(summary = "Change a profile: writes a new full version (version + 1); a missing bsn keeps the stored one")
  public ProfileView update(@PathVariable String institutionId, @PathVariable String youthId,
      @Valid @RequestBody Requests.ProfileRequest request,
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.update(institutionId, youthId, request, actor, key);
  }

  @PutMapping(value = "/{youthId}/photo", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE,
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @Operation(summary = "Set the photo (raw JPEG/PNG bytes, at most 2 MiB; type checked by content)")
  public ProfileView putPhoto(@PathVariable String institutionId, @PathVariable String youthId,
      @RequestBody byte[] photo, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.setPhoto(institutionId, youthId, photo, actor, key);
  }

  @PutMapping(value = "/{youthId}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Set the photo (multipart part 'photo', JPEG/PNG, at most 2 MiB; type checked by content)")
  public ProfileView putPhotoMultipart(@PathVariable String institutionId, @PathVariable String youthId,
      @RequestPart("photo") MultipartFile photo, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
      Actor actor) throws IOException {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    if (photo.getSize() > nl.vermissing.intake.domain.PhotoSniffer.MAX_BYTES) {
      throw ApiException.invalid("photo", "photo too large (at most "
          + nl.vermissing.intake.domain.PhotoSniffer.MAX_BYTES + " bytes)");
    }
    return commands.setPhoto(institutionId, youthId, photo.getBytes(), actor, key);
  }

  @GetMapping("/{youthId}/photo")
  @Operation(summary = "The photo (audited)")
  @ApiResponse(responseCode = "404", description = "no such youth or no photo")
  public ResponseEntity<byte[]> getPhoto(@PathVariable String institutionId, @PathVariable String youthId,
      Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    YouthProfileVersion profile = ProfileCommands.current(readSide.ready(), institutionId, youthId);
    if (profile.getPhoto() == null) {
      throw ApiException.notFound("no photo");
    }
    java.nio.ByteBuffer buffer = profile.getPhoto().duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    audit.read(actor, "READ_PHOTO", resource(institutionId, youthId) + "/photo", youthId, List.of("photo"),
        "institution care");
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(profile.getPhotoContentType()))
        .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(bytes);
  }

  @PostMapping("/{youthId}/transfer")
  @Operation(summary = "Transfer the profile to another institution (new version there, transferredFrom set)")
  @ApiResponse(responseCode = "409", description = "the youth has an open absence")
  public ProfileView transfer(@PathVariable String institutionId, @PathVariable String youthId,
      @Valid @RequestBody Requests.TransferRequest request,
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    return commands.transfer(institutionId, youthId, request.toInstitutionId(), actor, key);
  }

  @PostMapping("/{youthId}/erasure")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Erase the youth's personal data everywhere (crypto-shredding); the profile stays as erased")
  @ApiResponse(responseCode = "409", description = "the youth has an open absence")
  public void erase(@PathVariable String institutionId, @PathVariable String youthId,
      @Valid @RequestBody Requests.ErasureRequest request, Actor actor) {
    actor.require(institutionId, Role.INSTITUTION_STAFF);
    commands.erase(institutionId, youthId, actor);
    audit.read(actor, "ERASE_PERSONAL_DATA", resource(institutionId, youthId), youthId, List.of("all personal fields"),
        request.reason());
  }

  private static String resource(String institutionId, String youthId) {
    return "/api/intake/institutions/" + institutionId + "/youths" + (youthId == null ? "" : "/" + youthId);
  }
}
