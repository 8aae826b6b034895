package nl.vermissing.convenant.domain;

import nl.vermissing.vocabulary.CapTime;
import java.time.Instant;
import java.util.List;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CapCertainty;
import nl.vermissing.events.CapInfo;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.CapSeverity;
import nl.vermissing.events.CapStatus;
import nl.vermissing.events.CapUrgency;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RecipientKind;
import nl.vermissing.events.SharingStage;

/**
 * Builds the CAP-shaped police messages and their disclosure records. Identifiers are derived from the case and a
 * per-case sequence number, so that reprocessing after a crash yields the same message, never a second one.
 * Headlines never contain personal data. The sent time has whole seconds, as CAP 1.2 date-times show it.
 */
public final class PoliceMessages {

  /** CAP sender of every message. */
  public static final String SENDER = "vermissing.convenant";
  public static final String EVENT = "Vermissing jeugdige uit jeugdhulp";

  private PoliceMessages() {}

  /**
   * The CAP reference to a sent message: "sender,identifier,sent", with sent as a CAP 1.2 date-time (numeric offset,
   * whole seconds), e.g. {@code vermissing.convenant,urn:vermissing:convenant:c1:1,2026-03-02T10:00:00+01:00}: the
   * same text as the message's own sent field in its CAP document.
   */
  public static String reference(PoliceAlert alert) {
    return alert.getSender() + "," + alert.getIdentifier() + "," + CapTime.format(alert.getSent(), Deadlines.ZONE);
  }

  /** The more severe of two CAP severities (Unknown counts as the least). */
  static CapSeverity atLeast(CapSeverity severity, CapSeverity floor) {
    return floor != null && rank(floor) > rank(severity) ? floor : severity;
  }

  /** The more certain of two CAP certainties (Unknown counts as the least). */
  static CapCertainty atLeast(CapCertainty certainty, CapCertainty floor) {
    return floor != null && rank(floor) > rank(certainty) ? floor : certainty;
  }

  private static int rank(CapSeverity severity) {
    return switch (severity) {
      case Extreme -> 4;
      case Severe -> 3;
      case Moderate -> 2;
      case Minor -> 1;
      case Unknown -> 0;
    };
  }

  private static int rank(CapCertainty certainty) {
    return switch (certainty) {
      case Observed -> 4;
      case Likely -> 3;
      case Possible -> 2;
      case Unlikely -> 1;
      case Unknown -> 0;
    };
  }

  /** The identifier inside a CAP reference. */
  public static String identifierOf(String reference) {
    String[] parts = reference.split(",");
    return parts.length >= 2 ? parts[1] : reference;
  }

  record Info(CapUrgency urgency, CapSeverity severity, CapCertainty certainty, String headline) {}

  static PoliceAlert alert(CaseState state, AgreementVersion agreement, long now, CapMsgType msgType,
      SharingStage stage, Info info, PoliceCaseData data, List<String> references, Long acknowledgeBy) {
    state.messageSeq++;
    String unit = state.policeUnit == null ? agreement.getPoliceUnit() : state.policeUnit;
    state.policeUnit = unit;
    return PoliceAlert.newBuilder()
        .setIdentifier("urn:vermissing:convenant:" + state.caseId + ":" + state.messageSeq)
        .setSender(SENDER)
        .setSent(CapTime.truncate(Instant.ofEpochMilli(now)))
        .setStatus(CapStatus.Actual)
        .setMsgType(msgType)
        .setScope(CapScope.Restricted)
        .setRestriction("Uitsluitend voor politie-eenheid " + unit + " (convenant " + agreement.getAgreementId()
            + " v" + agreement.getVersion() + ")")
        .setReferences(List.copyOf(references))
        .setCaseId(state.caseId)
        .setYouthId(state.youthId == null ? "" : state.youthId)
        .setInstitutionId(state.institutionId)
        .setPoliceUnit(unit)
        .setStage(stage)
        .setInfo(CapInfo.newBuilder().setEvent(EVENT).setUrgency(info.urgency()).setSeverity(info.severity())
            .setCertainty(info.certainty()).setHeadline(info.headline()).build())
        .setData(data)
        .setDisclosedFields(SharingPolicy.disclosedFields(data))
        .setAcknowledgeBy(acknowledgeBy == null ? null : Instant.ofEpochMilli(acknowledgeBy))
        .setAgreementId(agreement.getAgreementId())
        .setAgreementVersion(agreement.getVersion())
        .build();
  }

  static DisclosureRecord disclosureOf(PoliceAlert alert, AgreementVersion agreement) {
    return DisclosureRecord.newBuilder()
        .setAuditId(alert.getIdentifier() + "#disclosure")
        .setCaseId(alert.getCaseId())
        .setYouthId(alert.getYouthId())
        .setRecipientKind(RecipientKind.POLICE_UNIT)
        .setRecipient(alert.getPoliceUnit())
        .setFields(List.copyOf(alert.getDisclosedFields()))
        .setDisclosedAt(alert.getSent())
        .setAgreementId(agreement.getAgreementId())
        .setAgreementVersion(agreement.getVersion())
        .setLegalBasis(agreement.getLegalBasis())
        .setMessageId(alert.getIdentifier())
        .build();
  }
}
