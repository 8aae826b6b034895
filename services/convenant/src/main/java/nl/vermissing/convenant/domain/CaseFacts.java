package nl.vermissing.convenant.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.Contact;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;

/**
 * Everything the institution knows about a case at one moment, in the vocabulary of the police messages. The
 * {@link SharingPolicy} decides which of these facts may leave the institution.
 */
public record CaseFacts(
    AgeBand ageBand,
    PlacementType placementType,
    RiskLevel riskLevel,
    String region,
    Long minutesMissing,
    String givenName,
    String familyName,
    String dateOfBirth,
    Sex sex,
    ByteBuffer photo,
    String photoContentType,
    String physicalDescription,
    String clothing,
    Instant lastSeenAt,
    String lastSeenLocation,
    List<Contact> contacts,
    List<Place> places,
    String safetyMedicalNeeds,
    LegalTitle legalTitle,
    List<RiskIndicator> riskIndicators,
    String newInformation) {

  /** All facts as one (unfiltered) PoliceCaseData; never sent as is. */
  PoliceCaseData everything() {
    return PoliceCaseData.newBuilder()
        .setAgeBand(ageBand)
        .setPlacementType(placementType)
        .setRiskLevel(riskLevel)
        .setRegion(region)
        .setMinutesMissing(minutesMissing)
        .setGivenName(givenName)
        .setFamilyName(familyName)
        .setDateOfBirth(dateOfBirth)
        .setSex(sex)
        .setPhoto(photo == null ? null : photo.duplicate())
        .setPhotoContentType(photoContentType)
        .setPhysicalDescription(physicalDescription)
        .setClothing(clothing)
        .setLastSeenAt(lastSeenAt)
        .setLastSeenLocation(lastSeenLocation)
        .setContacts(contacts == null ? null : List.copyOf(contacts))
        .setPlaces(places == null ? null : List.copyOf(places))
        .setSafetyMedicalNeeds(safetyMedicalNeeds)
        .setLegalTitle(legalTitle)
        .setRiskIndicators(riskIndicators == null ? null : List.copyOf(riskIndicators))
        .setNewInformation(newInformation)
        .build();
  }
}
