package nl.vermissing.convenant.domain;

import static nl.vermissing.convenant.domain.PoliceFields.*;

import java.util.List;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.TimeRules;

/**
 * The defaults of the domain brief, used for the built-in agreement that applies when an institution has no
 * agreement of its own, so that a red case is never left without a police alert.
 */
public final class DefaultRules {

  /** Id of the built-in agreement (never published on the agreements topic). */
  public static final String DEFAULT_AGREEMENT_ID = "default";

  /** Orange consultation: pseudonymous only. */
  public static final List<String> CONSULTATION =
      List.of(AGE_BAND, PLACEMENT_TYPE, RISK_LEVEL, REGION, MINUTES_MISSING);

  /** Missing report: identity, photo, description, clothing, last seen, contacts and places, medical needs, title. */
  public static final List<String> MISSING_REPORT = List.of(AGE_BAND, PLACEMENT_TYPE, RISK_LEVEL, REGION,
      MINUTES_MISSING, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, SEX, PHOTO, PHOTO_CONTENT_TYPE, PHYSICAL_DESCRIPTION,
      CLOTHING, LAST_SEEN_AT, LAST_SEEN_LOCATION, CONTACTS, PLACES, SAFETY_MEDICAL_NEEDS, LEGAL_TITLE,
      RISK_INDICATORS);

  /** Update after a report: what changed. */
  public static final List<String> UPDATE = List.of(RISK_LEVEL, MINUTES_MISSING, CLOTHING, LAST_SEEN_AT,
      LAST_SEEN_LOCATION, RISK_INDICATORS, NEW_INFORMATION);

  /** Cancellation: nothing personal. */
  public static final List<String> CANCEL = List.of();

  private DefaultRules() {}

  public static TimeRules timeRules() {
    return TimeRules.newBuilder().build();
  }

  public static SharingRules sharing() {
    return SharingRules.newBuilder().setConsultation(CONSULTATION).setMissingReport(MISSING_REPORT)
        .setUpdate(UPDATE).setCancel(CANCEL).build();
  }

  /** The built-in agreement (version 0, effective since the epoch) for the configured default police unit. */
  public static AgreementVersion defaultAgreement(String region, String policeUnit, String municipalityContact,
      String legalBasis) {
    return AgreementVersion.newBuilder()
        .setAgreementId(DEFAULT_AGREEMENT_ID)
        .setVersion(0)
        .setEffectiveFrom(java.time.Instant.EPOCH)
        .setRegion(region)
        .setPoliceUnit(policeUnit)
        .setMunicipalityContact(municipalityContact)
        .setInstitutionIds(List.of())
        .setTimeRules(timeRules())
        .setSharing(sharing())
        .setClosedWithLegalTitleAlwaysReported(true)
        .setLegalBasis(legalBasis)
        .setChangedBy("system")
        .setChangedAt(java.time.Instant.EPOCH)
        .setChangeNote("built-in defaults of the domain brief")
        .build();
  }
}
