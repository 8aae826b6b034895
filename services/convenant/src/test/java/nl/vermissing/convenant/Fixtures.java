package nl.vermissing.convenant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.vermissing.convenant.domain.DefaultRules;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ClosureReason;
import nl.vermissing.events.Contact;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.InformationAdded;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.LocalAction;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;

/** Test data: case events of one case, agreements of the demo regions. */
public final class Fixtures {

  public static final String HORIZON = "inst-horizon";
  public static final String ANKER = "inst-anker";
  public static final String LEGAL_BASIS = "Convenant vermissingen jeugdhulp; Wpg art. 4:3; Jeugdwet art. 7.3.11";

  private Fixtures() {}

  public static AgreementVersion defaultAgreement() {
    return DefaultRules.defaultAgreement("flevoland", "pu-midden-nederland", "gemeente-lelystad", LEGAL_BASIS);
  }

  /** A regional agreement version, effective from the given moment. */
  public static AgreementVersion agreement(String id, int version, Instant effectiveFrom, String policeUnit,
      List<String> institutions) {
    return AgreementVersion.newBuilder(defaultAgreement())
        .setAgreementId(id).setVersion(version).setEffectiveFrom(effectiveFrom).setPoliceUnit(policeUnit)
        .setInstitutionIds(institutions).setChangedBy("admin-1").setChangedAt(effectiveFrom)
        .setChangeNote("test").build();
  }

  /**
   * A 14-year-old (born 2011-05-04) whose profile shows no standing risk indicator: no exploitation, suicide or
   * danger-to-others risk, no suspected exploiter among the contacts. Her risk level is what the institution assesses.
   */
  public static YouthSnapshot youth(PlacementType placement, LegalTitle title) {
    return YouthSnapshot.newBuilder()
        .setNationalPseudonym("np-1").setProfileVersion(3)
        .setGivenName("Sanne").setFamilyName("de Vries").setDateOfBirth("2011-05-04").setSex(Sex.FEMALE)
        .setPhoto(ByteBuffer.wrap("jpeg".getBytes(StandardCharsets.UTF_8))).setPhotoContentType("image/jpeg")
        .setPhysicalDescription("1.60 m, long dark hair")
        .setContacts(List.of(new Contact("Mark", "friend", "0612345678", null, false)))
        .setPlaces(List.of(new Place("Station Lelystad", null)))
        .setSafetyMedicalNeeds("insulin twice a day")
        .setKnownRisks(List.of(KnownRisk.SUBSTANCE_USE))
        .setPlacementType(placement).setLegalTitle(title).build();
  }

  /**
   * The same youth with standing risk in her profile: known sexual exploitation (CSE-flagged) and a suspected
   * exploiter among her contacts.
   */
  public static YouthSnapshot youthWithStandingRisk(PlacementType placement, LegalTitle title) {
    return YouthSnapshot.newBuilder(youth(placement, title))
        .setContacts(List.of(new Contact("Mark", "suspected exploiter", "0612345678", null, true)))
        .setKnownRisks(List.of(KnownRisk.SEXUAL_EXPLOITATION))
        .build();
  }

  /** A youth without standing risk born on the given day (yyyy-MM-dd). */
  public static YouthSnapshot youthBornOn(String dateOfBirth) {
    return YouthSnapshot.newBuilder(youth(PlacementType.OPEN, null)).setDateOfBirth(dateOfBirth).build();
  }

  public static LegalTitle machtiging(LocalDate validUntil) {
    return new LegalTitle(LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP, validUntil);
  }

  public static CaseEvent event(String caseId, String institution, Instant at, Object payload) {
    return CaseEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
        .setYouthId("youth-" + caseId).setInstitutionId(institution).setOccurredAt(at).setRecordedAt(at)
        .setRecordedBy("staff-1").setPayload(payload).build();
  }

  public static CaseEvent absence(String caseId, String institution, Instant at, YouthSnapshot youth,
      boolean whereaboutsKnown) {
    return event(caseId, institution, at, AbsenceReported.newBuilder().setLastSeenAt(at.minusSeconds(600))
        .setLastSeenLocation("Schoolstraat 1, Lelystad").setClothing("red jacket")
        .setWhereaboutsKnown(whereaboutsKnown).setReportedBy("staff-1").setYouth(youth).build());
  }

  public static CaseEvent openAbsence(String caseId, Instant at) {
    return absence(caseId, ANKER, at, youth(PlacementType.OPEN, null), false);
  }

  public static CaseEvent risk(String caseId, String institution, Instant at, RiskLevel level,
      RiskIndicator... indicators) {
    return event(caseId, institution, at, new RiskAssessed(List.of(indicators),
        indicators.length > 0 ? RiskLevel.RED : RiskLevel.GREEN, level, "assessed"));
  }

  public static CaseEvent missingReported(String caseId, String institution, Instant at) {
    return event(caseId, institution, at, new MissingReported("please search"));
  }

  public static CaseEvent information(String caseId, String institution, Instant at, InformationKind kind,
      String description) {
    return event(caseId, institution, at, new InformationAdded(kind, description,
        kind == InformationKind.SIGHTING ? "Markt, Almere" : null, at));
  }

  public static CaseEvent returned(String caseId, String institution, Instant at) {
    return event(caseId, institution, at, new YouthReturned(at, "Markt, Almere", FoundBy.POLICE, "found"));
  }

  public static CaseEvent cancelled(String caseId, String institution, Instant at) {
    return event(caseId, institution, at, new ReportCancelled("reported in error"));
  }

  public static CaseEvent closed(String caseId, String institution, Instant at) {
    return event(caseId, institution, at, new CaseClosed(ClosureReason.OTHER));
  }

  public static CaseEvent localAction(String caseId, String institution, Instant at) {
    return event(caseId, institution, at, new LocalActionRecorded(LocalAction.CALLED_YOUTH, "no answer"));
  }
}
