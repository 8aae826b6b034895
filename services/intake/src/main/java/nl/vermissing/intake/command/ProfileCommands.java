package nl.vermissing.intake.command;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.intake.domain.Bsn;
import nl.vermissing.intake.domain.DomainViolation;
import nl.vermissing.intake.domain.NationalPseudonym;
import nl.vermissing.intake.domain.PhotoSniffer;
import nl.vermissing.intake.view.Dtos.ContactDto;
import nl.vermissing.intake.view.Dtos.PlaceDto;
import nl.vermissing.intake.view.Dtos.ProfileView;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Youth profiles (grab packs): every change is a new full version (version + 1) on the profiles topic, keyed by
 * youth id. The BSN is validated with the 11-test and only its national pseudonym is shared; a transfer writes a new
 * version under the receiving institution with {@code transferredFrom} set.
 */
@Service
public class ProfileCommands {

  private final ReadSide readSide;
  private final Idempotency idempotency;
  private final YouthLocks locks;
  private final NationalPseudonym pseudonym;
  private final Clock clock;
  private final ZoneId zone;
  private final KeyErasure keyErasure;

  public ProfileCommands(ReadSide readSide, Idempotency idempotency, YouthLocks locks, NationalPseudonym pseudonym,
      Clock clock, ZoneId zone, KeyErasure keyErasure) {
    this.keyErasure = keyErasure;
    this.readSide = readSide;
    this.idempotency = idempotency;
    this.locks = locks;
    this.pseudonym = pseudonym;
    this.clock = clock;
    this.zone = zone;
  }

  public ProfileView create(String institutionId, Requests.ProfileRequest request, Actor actor, String key) {
    IntakeView view = readSide.ready();
    String eventId = Idempotency.eventId(institutionId, "create-youth", key);
    return idempotency.once(eventId, () -> replay(view, eventId), () -> {
      String youthId = eventId;
      String bsn = Bsn.normalise(request.bsn());
      checkDateOfBirth(request.dateOfBirth());
      String national = bsn == null ? pseudonym.ofYouthWithoutBsn(youthId) : pseudonym.ofBsn(bsn);
      return locks.with(youthId, () -> {
        duplicateOf(view, institutionId, national, youthId).ifPresent(existing -> {
          throw ApiException.conflict("a profile with this BSN already exists in this institution", existing);
        });
        YouthProfileVersion version = fill(YouthProfileVersion.newBuilder(), request)
            .setYouthId(youthId).setVersion(1).setInstitutionId(institutionId)
            .setBsn(bsn).setNationalPseudonym(national)
            .setChangedAt(clock.instant()).setChangedBy(actor.userId())
            .build();
        readSide.writeAndWait(Topics.YOUTH_PROFILES, youthId, version, eventId);
        return view.profileView(youthId).orElseThrow();
      });
    });
  }

  public ProfileView update(String institutionId, String youthId, Requests.ProfileRequest request, Actor actor,
      String key) {
    IntakeView view = readSide.ready();
    String eventId = Idempotency.eventId(institutionId, "update-youth:" + youthId, key);
    return idempotency.once(eventId, () -> replay(view, eventId), () -> locks.with(youthId, () -> {
      YouthProfileVersion current = current(view, institutionId, youthId);
      if (request.expectedVersion() != null && request.expectedVersion() != current.getVersion()) {
        throw ApiException.conflict("the profile has changed since version " + request.expectedVersion(),
            view.profileView(youthId).orElseThrow());
      }
      checkDateOfBirth(request.dateOfBirth());
      String bsn = request.bsn() == null || request.bsn().isBlank() ? current.getBsn() : Bsn.normalise(request.bsn());
      String national = bsn == null ? current.getNationalPseudonym() : pseudonym.ofBsn(bsn);
      if (!national.equals(current.getNationalPseudonym())) {
        duplicateOf(view, institutionId, national, youthId).ifPresent(existing -> {
          throw ApiException.conflict("a profile with this BSN already exists in this institution", existing);
        });
      }
      YouthProfileVersion next = fill(YouthProfileVersion.newBuilder(current), request)
          .setVersion(current.getVersion() + 1).setBsn(bsn).setNationalPseudonym(national)
          .setChangedAt(clock.instant()).setChangedBy(actor.userId())
          .build();
      readSide.writeAndWait(Topics.YOUTH_PROFILES, youthId, next, eventId);
      return view.profileView(youthId).orElseThrow();
    }));
  }

  public ProfileView setPhoto(String institutionId, String youthId, byte[] photo, Actor actor, String key) {
    IntakeView view = readSide.ready();
    String contentType = PhotoSniffer.check(photo);
    String eventId = Idempotency.eventId(institutionId, "photo:" + youthId, key);
    return idempotency.once(eventId, () -> replay(view, eventId), () -> locks.with(youthId, () -> {
      YouthProfileVersion current = current(view, institutionId, youthId);
      YouthProfileVersion next = YouthProfileVersion.newBuilder(current)
          .setVersion(current.getVersion() + 1).setPhoto(ByteBuffer.wrap(photo)).setPhotoContentType(contentType)
          .setChangedAt(clock.instant()).setChangedBy(actor.userId())
          .build();
      readSide.writeAndWait(Topics.YOUTH_PROFILES, youthId, next, eventId);
      return view.profileView(youthId).orElseThrow();
    }));
  }

  /** Moves the profile to another institution; refused while the youth has an open case. */
  public ProfileView transfer(String institutionId, String youthId, String toInstitutionId, Actor actor, String key) {
    IntakeView view = readSide.ready();
    if (toInstitutionId.equals(institutionId)) {
      throw ApiException.invalid("toInstitutionId", "the youth is already placed here");
    }
    String eventId = Idempotency.eventId(institutionId, "transfer:" + youthId, key);
    return idempotency.once(eventId, () -> replay(view, eventId), () -> locks.with(youthId, () -> {
      YouthProfileVersion current = current(view, institutionId, youthId);
      view.openCaseOf(youthId).flatMap(view::caseView).ifPresent(open -> {
        throw ApiException.conflict("the youth has an open absence; report the return or cancel it first", open);
      });
      YouthProfileVersion next = YouthProfileVersion.newBuilder(current)
          .setVersion(current.getVersion() + 1).setInstitutionId(toInstitutionId).setTransferredFrom(institutionId)
          .setChangedAt(clock.instant()).setChangedBy(actor.userId())
          .build();
      readSide.writeAndWait(Topics.YOUTH_PROFILES, youthId, next, eventId);
      return view.profileView(youthId).orElseThrow();
    }));
  }

  /**
   * Erases the youth's personal data: a last profile version without personal data (marked erased) and then the
   * youth's data key, after which no sealed copy anywhere can be read. Refused while the youth is missing.
   */
  public void erase(String institutionId, String youthId, Actor actor) {
    IntakeView view = readSide.ready();
    locks.with(youthId, () -> {
      YouthProfileVersion current = current(view, institutionId, youthId);
      view.openCaseOf(youthId).flatMap(view::caseView).ifPresent(open -> {
        throw ApiException.conflict("the youth has an open absence; report the return or cancel it first", open);
      });
      YouthProfileVersion erased = YouthProfileVersion.newBuilder()
          .setYouthId(youthId).setVersion(current.getVersion() + 1).setInstitutionId(institutionId)
          .setNationalPseudonym(current.getNationalPseudonym())
          .setGivenName(ERASED).setFamilyName(ERASED).setDateOfBirth(ERASED)
          .setSex(current.getSex()).setPlacementType(current.getPlacementType())
          .setChangedAt(clock.instant()).setChangedBy(actor.userId())
          .setErased(true)
          .build();
      readSide.writeAndWait(Topics.YOUTH_PROFILES, youthId, erased, null);
      keyErasure.erase(youthId);
      return null;
    });
  }

  private static final String ERASED = nl.vermissing.platform.crypto.FieldEncryption.ERASED;

  /** The current version of a profile of this institution, or 404. */
  public static YouthProfileVersion current(IntakeView view, String institutionId, String youthId) {
    return view.profile(youthId)
        .filter(p -> p.getInstitutionId().equals(institutionId) && !p.getErased())
        .orElseThrow(() -> ApiException.notFound("no such youth in this institution"));
  }

  private static Optional<ProfileView> replay(IntakeView view, String eventId) {
    return view.keyOfEvent(eventId).flatMap(view::profileView);
  }

  private static Optional<ProfileView> duplicateOf(IntakeView view, String institutionId, String national,
      String youthId) {
    return view.read(v -> v.otherWithPseudonym(institutionId, national, youthId)
        .flatMap(p -> v.profileView(p.getYouthId())));
  }

  private void checkDateOfBirth(LocalDate dateOfBirth) {
    if (dateOfBirth.isAfter(LocalDate.now(clock.withZone(zone)))) {
      throw new DomainViolation("dateOfBirth", "date of birth is in the future");
    }
  }

  private static YouthProfileVersion.Builder fill(YouthProfileVersion.Builder b, Requests.ProfileRequest r) {
    return b.setGivenName(r.givenName().strip()).setFamilyName(r.familyName().strip())
        .setDateOfBirth(r.dateOfBirth().toString())
        .setSex(r.sex() == null ? Sex.UNKNOWN : r.sex())
        .setPhysicalDescription(r.physicalDescription())
        .setAssociates(list(r.associates()).stream().map(ContactDto::toAvro).toList())
        .setPlaces(list(r.places()).stream().map(PlaceDto::toAvro).toList())
        .setPhoneNumbers(list(r.phoneNumbers()))
        .setSocialMedia(list(r.socialMedia()))
        .setSafetyMedicalNeeds(r.safetyMedicalNeeds())
        .setKnownRisks(list(r.knownRisks()))
        .setPlacementType(r.placementType())
        .setLegalTitle(r.legalTitle() == null || r.legalTitle().kind() == null ? null : r.legalTitle().toAvro());
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
