package nl.vermissing.police;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapInfo;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapStatus;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.Contact;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SharingStage;

/** Police alerts as the convenant service sends them, for tests. */
public final class TestAlerts {

  public static final String SENDER = "convenant@vermissing.nl";

  private TestAlerts() {}

  public static String newCaseId() {
    return "case-" + UUID.randomUUID();
  }

  /** A red missing report (identity, photo) with an acknowledgement deadline 15 minutes after sending. */
  public static PoliceAlert missingReport(String caseId, String unit, Instant sent) {
    PoliceCaseData data = PoliceCaseData.newBuilder()
        .setAgeBand(AgeBand.AGE_14_15).setPlacementType(PlacementType.CLOSED).setRiskLevel(RiskLevel.RED)
        .setRegion("flevoland").setMinutesMissing(35L).setGivenName("Sanne").setFamilyName("de Vries")
        .setDateOfBirth("2011-03-04").setSex(Sex.FEMALE)
        .setPhoto(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3})).setPhotoContentType("image/jpeg")
        .setPhysicalDescription("1.62 m, lang donker haar").setClothing("groene jas")
        .setLastSeenAt(sent.minus(Duration.ofMinutes(35))).setLastSeenLocation("station Lelystad")
        .setContacts(List.of(Contact.newBuilder().setName("Kevin").setRelation("vriend").setPhone("0612345678")
            .setSuspectedExploiter(true).build()))
        .setLegalTitle(LegalTitle.newBuilder().setKind(LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP).build())
        .setRiskIndicators(List.of(RiskIndicator.SEXUAL_EXPLOITATION))
        .build();
    List<String> disclosed = new ArrayList<>();
    for (var f : PoliceCaseData.getClassSchema().getFields()) {
      if (data.get(f.pos()) != null) {
        disclosed.add(f.name());
      }
    }
    return base(caseId, unit, sent, CapMsgType.Alert, SharingStage.MISSING_REPORT)
        .setData(data).setDisclosedFields(disclosed).setAcknowledgeBy(sent.plus(Duration.ofMinutes(15))).build();
  }

  public static PoliceAlert update(PoliceAlert earlier, Instant sent, String newInformation) {
    return base(earlier.getCaseId(), earlier.getPoliceUnit(), sent, CapMsgType.Update, SharingStage.UPDATE)
        .setReferences(List.of(earlier.getIdentifier()))
        .setData(PoliceCaseData.newBuilder().setNewInformation(newInformation).setRiskLevel(RiskLevel.RED).build())
        .setDisclosedFields(List.of("newInformation", "riskLevel")).build();
  }

  public static PoliceAlert cancel(PoliceAlert earlier, Instant sent) {
    return base(earlier.getCaseId(), earlier.getPoliceUnit(), sent, CapMsgType.Cancel, SharingStage.CANCEL)
        .setReferences(List.of(earlier.getIdentifier()))
        .setData(PoliceCaseData.newBuilder().build()).setDisclosedFields(List.of()).build();
  }

  public static PoliceAlert.Builder base(String caseId, String unit, Instant sent, CapMsgType type,
      SharingStage stage) {
    return PoliceAlert.newBuilder()
        .setIdentifier("msg-" + UUID.randomUUID()).setSender(SENDER).setSent(sent).setStatus(CapStatus.Actual)
        .setMsgType(type).setScope(CapScope.Restricted).setRestriction("Alleen politie-eenheid " + unit)
        .setCaseId(caseId).setYouthId("youth-" + caseId).setInstitutionId("inst-horizon").setPoliceUnit(unit)
        .setStage(stage)
        .setInfo(CapInfo.newBuilder().setEvent("Vermist kind uit jeugdhulp").setUrgency(CapUrgency.Immediate)
            .setSeverity(CapSeverity.Severe).setCertainty(CapCertainty.Likely)
            .setHeadline(type == CapMsgType.Cancel ? "Vermissing beëindigd" : "Vermist: meisje 14-15 jaar")
            .setDescription("Niet teruggekeerd & niet bereikbaar <zie gegevens>").build())
        .setAgreementId("convenant-flevoland").setAgreementVersion(3);
  }

  public static PoliceResponse response(String caseId, String unit, Instant at, Object payload) {
    return PoliceResponse.newBuilder().setResponseId(UUID.randomUUID().toString()).setCaseId(caseId)
        .setPoliceUnit(unit).setRespondedBy("agent-1").setRespondedAt(at).setPayload(payload).build();
  }
}
