package nl.vermissing.register.support;

import nl.vermissing.vocabulary.AgeBands;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapInfo;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapStatus;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ComenshaRegistrationRequested;
import nl.vermissing.events.ConsentGiver;
import nl.vermissing.events.Contact;
import nl.vermissing.events.ExploitationIndicator;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.ReferralKind;
import nl.vermissing.events.ReferralTaskCreated;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.ReturnConversationDeclined;
import nl.vermissing.events.ReturnConversationDue;
import nl.vermissing.events.ReturnConversationHeld;
import nl.vermissing.events.ReturnConversationOverdue;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.SharingStage;
import nl.vermissing.events.Sex;
import nl.vermissing.events.TimeRules;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;

/**
 * Input events for register tests. Every identifying or free-text field carries a planted value (see
 * {@link #PLANTED}) so that tests can prove none of them reaches a register record.
 */
public final class RegisterEvents {

  public static final String BSN = "123456782";
  public static final String GIVEN_NAME = "Plantedgivenname";
  public static final String FAMILY_NAME = "Plantedfamilyname";
  public static final String DATE_OF_BIRTH = "2010-03-14";
  public static final String FREE_TEXT = "PLANTED-FREE-TEXT";

  /** Values that must never appear in the register (case ids and youth ids are added per test). */
  public static final List<String> PLANTED = List.of(BSN, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, FREE_TEXT);

  private RegisterEvents() {}

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static CaseEvent caseEvent(String caseId, String youthId, String institutionId, Instant at, Object payload) {
    return CaseEvent.newBuilder().setEventId(id()).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(institutionId).setOccurredAt(at).setRecordedAt(at).setRecordedBy("staff-" + GIVEN_NAME)
        .setPayload(payload).build();
  }

  public static CaseEvent absence(String caseId, String youthId, String institutionId, String pseudonym,
      String dateOfBirth, Sex sex, PlacementType placement, Instant t0) {
    YouthSnapshot youth = YouthSnapshot.newBuilder().setNationalPseudonym(pseudonym).setProfileVersion(1)
        .setGivenName(GIVEN_NAME).setFamilyName(FAMILY_NAME).setDateOfBirth(dateOfBirth).setSex(sex)
        .setPhysicalDescription(FREE_TEXT + " BSN " + BSN).setSafetyMedicalNeeds(FREE_TEXT)
        .setContacts(List.of(Contact.newBuilder().setName(GIVEN_NAME).setRelation("friend").setPhone(BSN)
            .setAddress(FREE_TEXT).build()))
        .setPlacementType(placement)
        // intake sets the band at t0; the register never reads the date of birth
        .setAgeBand(AgeBands.at(dateOfBirth, t0)).build();
    AbsenceReported absence = AbsenceReported.newBuilder().setLastSeenAt(t0.minusSeconds(600))
        .setLastSeenLocation(FREE_TEXT).setClothing(FREE_TEXT).setWhereaboutsKnown(false)
        .setReportedBy("staff-" + FAMILY_NAME).setYouth(youth).build();
    return caseEvent(caseId, youthId, institutionId, t0, absence);
  }

  public static CaseEvent risk(String caseId, String youthId, String institutionId, RiskLevel level, Instant at) {
    return caseEvent(caseId, youthId, institutionId, at, RiskAssessed.newBuilder().setRequiredMinimum(level)
        .setLevel(level).setRationale(FREE_TEXT + " " + BSN).build());
  }

  public static CaseEvent missingReported(String caseId, String youthId, String institutionId, Instant at) {
    return caseEvent(caseId, youthId, institutionId, at, MissingReported.newBuilder().setNote(FREE_TEXT).build());
  }

  public static CaseEvent returned(String caseId, String youthId, String institutionId, Instant at) {
    return caseEvent(caseId, youthId, institutionId, at, YouthReturned.newBuilder().setReturnedAt(at)
        .setLocation(FREE_TEXT).setFoundBy(FoundBy.POLICE).setCircumstances(FREE_TEXT).build());
  }

  public static CaseEvent cancelled(String caseId, String youthId, String institutionId, Instant at) {
    return caseEvent(caseId, youthId, institutionId, at, ReportCancelled.newBuilder().setReason(FREE_TEXT).build());
  }

  public static PoliceAlert alert(String caseId, String youthId, String institutionId, Instant sent) {
    return PoliceAlert.newBuilder().setIdentifier(id()).setSender("convenant").setSent(sent)
        .setStatus(CapStatus.Actual).setMsgType(CapMsgType.Alert).setScope(CapScope.Restricted)
        .setRestriction("police only").setCaseId(caseId).setYouthId(youthId).setInstitutionId(institutionId)
        .setPoliceUnit("pu-midden-nederland").setStage(SharingStage.MISSING_REPORT)
        .setInfo(CapInfo.newBuilder().setEvent("Missing child").setUrgency(CapUrgency.Immediate)
            .setSeverity(CapSeverity.Severe).setCertainty(CapCertainty.Likely).setHeadline(GIVEN_NAME)
            .setDescription(FREE_TEXT).build())
        .setData(PoliceCaseData.newBuilder().setGivenName(GIVEN_NAME).setFamilyName(FAMILY_NAME)
            .setDateOfBirth(DATE_OF_BIRTH).setNewInformation(BSN).build())
        .setAgreementId("agr-flevoland").setAgreementVersion(1).build();
  }

  private static PoliceResponse response(String caseId, Instant at, Object payload) {
    return PoliceResponse.newBuilder().setResponseId(id()).setCaseId(caseId).setPoliceUnit("pu-midden-nederland")
        .setRespondedBy("officer-" + FAMILY_NAME).setRespondedAt(at).setPayload(payload).build();
  }

  public static PoliceResponse acknowledged(String caseId, Instant at) {
    return response(caseId, at, AlertAcknowledged.newBuilder().setAlertIdentifier(id()).build());
  }

  public static PoliceResponse urgency(String caseId, PoliceUrgency urgency, Instant at) {
    return response(caseId, at, UrgencyClassified.newBuilder().setUrgency(urgency).setReason(FREE_TEXT).build());
  }

  private static FollowUpEvent followUp(String caseId, String youthId, String institutionId, Instant at,
      Object payload) {
    return FollowUpEvent.newBuilder().setEventId(id()).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(institutionId).setOccurredAt(at).setRecordedBy("worker-" + GIVEN_NAME).setPayload(payload)
        .build();
  }

  public static FollowUpEvent due(String caseId, String youthId, String institutionId, Instant returnedAt,
      Instant dueBy) {
    return followUp(caseId, youthId, institutionId, returnedAt, ReturnConversationDue.newBuilder()
        .setReturnedAt(returnedAt).setDueBy(dueBy).setAssignedRole("FOLLOW_UP_WORKER").build());
  }

  public static FollowUpEvent held(String caseId, String youthId, String institutionId, Instant heldAt,
      List<ExploitationIndicator> indicators) {
    return followUp(caseId, youthId, institutionId, heldAt, ReturnConversationHeld.newBuilder().setHeldAt(heldAt)
        .setHeldBy("worker").setIndependentInterviewer(true).setPushFactors(List.of(FREE_TEXT))
        .setStayedWhere(FREE_TEXT).setStayedWith(GIVEN_NAME).setExploitationIndicators(indicators)
        .setHarm(FREE_TEXT).setNeeds(FREE_TEXT).setSafetyPlan(BSN).build());
  }

  public static FollowUpEvent declined(String caseId, String youthId, String institutionId, Instant at) {
    return followUp(caseId, youthId, institutionId, at,
        ReturnConversationDeclined.newBuilder().setReason(FREE_TEXT).build());
  }

  public static FollowUpEvent overdue(String caseId, String youthId, String institutionId, Instant at) {
    return followUp(caseId, youthId, institutionId, at,
        ReturnConversationOverdue.newBuilder().setDueBy(at).setEscalatedTo("CARE_COORDINATOR").build());
  }

  public static FollowUpEvent referral(String caseId, String youthId, String institutionId, Instant at) {
    return followUp(caseId, youthId, institutionId, at, ReferralTaskCreated.newBuilder()
        .setKind(ReferralKind.SPECIALISED_CARE).setReason(FREE_TEXT).build());
  }

  public static FollowUpEvent comensha(String caseId, String youthId, String institutionId, Instant at) {
    return followUp(caseId, youthId, institutionId, at, ComenshaRegistrationRequested.newBuilder()
        .setConsentGivenBy(ConsentGiver.YOUTH).build());
  }

  public static AgreementVersion agreement(String agreementId, int version, Instant effectiveFrom, String region,
      String... institutionIds) {
    return AgreementVersion.newBuilder().setAgreementId(agreementId).setVersion(version)
        .setEffectiveFrom(effectiveFrom).setRegion(region).setPoliceUnit("pu-" + region)
        .setMunicipalityContact("gemeente-" + region).setInstitutionIds(List.of(institutionIds))
        .setTimeRules(TimeRules.newBuilder().build()).setSharing(SharingRules.newBuilder().build())
        .setLegalBasis("Jeugdwet 7.3.11").setChangedBy("admin").setChangedAt(effectiveFrom).build();
  }
}
