package nl.vermissing.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapInfo;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapStatus;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ClosureReason;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SharingStage;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.events.YouthSnapshot;

/**
 * Records full of planted personal values: each planted value is unique text, so a test can search serialized bytes
 * for it.
 */
public final class PersonalRecords {

  public static final Instant AT = Instant.parse("2026-11-20T21:15:00Z");
  /** Every planted personal value, as it must never appear in sealed bytes. */
  public static final List<String> PLANTED = List.of("Sanne-Plantwaarde", "Jansen-Plantwaarde", "2011-03-04",
      "PHOTO-PLANTWAARDE-BYTES", "Lang-blond-haar-Plantwaarde", "Astma-inhaler-Plantwaarde", "Kevin-Plantwaarde",
      "Mama-Plantwaarde", "0612345678-Plantwaarde", "Stationsplein-1-Plantwaarde", "Busstation-Lelystad-Plantwaarde",
      "Rode-jas-Plantwaarde", "Bij-oom-Plantwaarde", "Winkelcentrum-Plantwaarde", "123456782",
      "0687654321-Plantwaarde", "snapchat-Plantwaarde");

  private PersonalRecords() {}

  public static ByteBuffer photo() {
    return ByteBuffer.wrap("PHOTO-PLANTWAARDE-BYTES".getBytes(StandardCharsets.UTF_8));
  }

  public static YouthSnapshot snapshot() {
    return YouthSnapshot.newBuilder()
        .setNationalPseudonym("np-42")
        .setProfileVersion(3)
        .setGivenName("Sanne-Plantwaarde")
        .setFamilyName("Jansen-Plantwaarde")
        .setDateOfBirth("2011-03-04")
        .setSex(Sex.FEMALE)
        .setPhoto(photo())
        .setPhotoContentType("image/jpeg")
        .setPhysicalDescription("Lang-blond-haar-Plantwaarde")
        .setContacts(List.of(
            Contact.newBuilder().setName("Kevin-Plantwaarde").setRelation("friend")
                .setPhone("0612345678-Plantwaarde").setAddress("Stationsplein-1-Plantwaarde")
                .setSuspectedExploiter(true).build(),
            Contact.newBuilder().setName("Mama-Plantwaarde").setRelation("mother").build()))
        .setPlaces(List.of(Place.newBuilder().setDescription("Busstation-Lelystad-Plantwaarde").build()))
        .setSafetyMedicalNeeds("Astma-inhaler-Plantwaarde")
        .setKnownRisks(List.of(KnownRisk.SEXUAL_EXPLOITATION))
        .setPlacementType(PlacementType.CLOSED)
        .build();
  }

  public static CaseEvent absenceReported(String caseId, String youthId) {
    return CaseEvent.newBuilder()
        .setEventId("ev-" + caseId)
        .setCaseId(caseId)
        .setYouthId(youthId)
        .setInstitutionId("inst-horizon")
        .setOccurredAt(AT)
        .setRecordedAt(AT.plusSeconds(60))
        .setRecordedBy("staff-1")
        .setPayload(AbsenceReported.newBuilder()
            .setLastSeenAt(AT)
            .setLastSeenLocation("Winkelcentrum-Plantwaarde")
            .setClothing("Rode-jas-Plantwaarde")
            .setWhereaboutsKnown(true)
            .setWhereaboutsDescription("Bij-oom-Plantwaarde")
            .setReportedBy("staff-1")
            .setYouth(snapshot())
            .build())
        .build();
  }

  public static CaseEvent caseClosed(String caseId, String youthId) {
    return CaseEvent.newBuilder()
        .setEventId("ev-closed-" + caseId)
        .setCaseId(caseId)
        .setYouthId(youthId)
        .setInstitutionId("inst-horizon")
        .setOccurredAt(AT)
        .setRecordedAt(AT)
        .setRecordedBy("staff-1")
        .setPayload(CaseClosed.newBuilder().setReason(ClosureReason.RETURNED).build())
        .build();
  }

  public static YouthProfileVersion profile(String youthId) {
    return YouthProfileVersion.newBuilder()
        .setYouthId(youthId)
        .setVersion(3)
        .setInstitutionId("inst-horizon")
        .setBsn("123456782")
        .setNationalPseudonym("np-42")
        .setGivenName("Sanne-Plantwaarde")
        .setFamilyName("Jansen-Plantwaarde")
        .setDateOfBirth("2011-03-04")
        .setSex(Sex.FEMALE)
        .setPhoto(photo())
        .setPhoneNumbers(List.of("0612345678-Plantwaarde", "0687654321-Plantwaarde"))
        .setSocialMedia(List.of("snapchat-Plantwaarde"))
        .setPlacementType(PlacementType.CLOSED)
        .setChangedAt(AT)
        .setChangedBy("staff-1")
        .build();
  }

  public static PoliceAlert policeAlert(String caseId, String youthId) {
    return PoliceAlert.newBuilder()
        .setIdentifier("alert-" + caseId)
        .setSender("convenant")
        .setSent(AT)
        .setStatus(CapStatus.Actual)
        .setMsgType(CapMsgType.Alert)
        .setScope(CapScope.Restricted)
        .setRestriction("police unit only")
        .setCaseId(caseId)
        .setYouthId(youthId)
        .setInstitutionId("inst-horizon")
        .setPoliceUnit("pu-midden-nederland")
        .setStage(SharingStage.MISSING_REPORT)
        .setInfo(CapInfo.newBuilder().setEvent("Vermissing").setUrgency(CapUrgency.Immediate)
            .setSeverity(CapSeverity.Severe).setCertainty(CapCertainty.Likely).setHeadline("Vermiste jeugdige")
            .build())
        .setData(PoliceCaseData.newBuilder()
            .setAgeBand(AgeBand.AGE_14_15)
            .setRiskLevel(RiskLevel.RED)
            .setGivenName("Sanne-Plantwaarde")
            .setFamilyName("Jansen-Plantwaarde")
            .setDateOfBirth("2011-03-04")
            .setPhoto(photo())
            .setClothing("Rode-jas-Plantwaarde")
            .setLastSeenLocation("Winkelcentrum-Plantwaarde")
            .setContacts(List.of(Contact.newBuilder().setName("Kevin-Plantwaarde").setRelation("friend")
                .setPhone("0612345678-Plantwaarde").build()))
            .setSafetyMedicalNeeds("Astma-inhaler-Plantwaarde")
            .build())
        .setDisclosedFields(List.of("givenName", "familyName"))
        .setAgreementId("flevoland")
        .setAgreementVersion(2)
        .build();
  }

  /** The planted values a record holds (as its Avro JSON shows them). */
  public static List<String> plantedIn(org.apache.avro.generic.IndexedRecord record) {
    String json = record.toString();
    return PLANTED.stream().filter(json::contains).toList();
  }

  /** Whether {@code haystack} contains the UTF-8 bytes of {@code value}. */
  public static boolean containsUtf8(byte[] haystack, String value) {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
