package nl.vermissing.convenant.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import nl.vermissing.convenant.domain.DefaultRules;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.TimeRules;

/** The JSON shapes of the agreement admin API. */
public final class AgreementDtos {

  private AgreementDtos() {}

  /** Time rules; an omitted value takes the default of the domain brief. */
  public record TimeRulesDto(Integer orangeEscalateAfterMinutes, Integer greenReassessAfterMinutes,
      Integer greenReassessAnswerMinutes, Integer redAcknowledgeMinutes, Integer orangeAcknowledgeMinutes,
      Integer returnConversationHours, Integer calamityAfterHours, Integer repeatWindowDays,
      Integer repeatEpisodeThreshold) {

    TimeRules toAvro() {
      TimeRules.Builder rules = TimeRules.newBuilder();
      if (orangeEscalateAfterMinutes != null) rules.setOrangeEscalateAfterMinutes(orangeEscalateAfterMinutes);
      if (greenReassessAfterMinutes != null) rules.setGreenReassessAfterMinutes(greenReassessAfterMinutes);
      if (greenReassessAnswerMinutes != null) rules.setGreenReassessAnswerMinutes(greenReassessAnswerMinutes);
      if (redAcknowledgeMinutes != null) rules.setRedAcknowledgeMinutes(redAcknowledgeMinutes);
      if (orangeAcknowledgeMinutes != null) rules.setOrangeAcknowledgeMinutes(orangeAcknowledgeMinutes);
      if (returnConversationHours != null) rules.setReturnConversationHours(returnConversationHours);
      if (calamityAfterHours != null) rules.setCalamityAfterHours(calamityAfterHours);
      if (repeatWindowDays != null) rules.setRepeatWindowDays(repeatWindowDays);
      if (repeatEpisodeThreshold != null) rules.setRepeatEpisodeThreshold(repeatEpisodeThreshold);
      return rules.build();
    }

    static TimeRulesDto of(TimeRules r) {
      return new TimeRulesDto(r.getOrangeEscalateAfterMinutes(), r.getGreenReassessAfterMinutes(),
          r.getGreenReassessAnswerMinutes(), r.getRedAcknowledgeMinutes(), r.getOrangeAcknowledgeMinutes(),
          r.getReturnConversationHours(), r.getCalamityAfterHours(), r.getRepeatWindowDays(),
          r.getRepeatEpisodeThreshold());
    }
  }

  /** Per stage, the PoliceCaseData field names that may be shared; an omitted list takes the default. */
  public record SharingDto(List<String> consultation, List<String> missingReport, List<String> update,
      List<String> cancel) {

    SharingRules toAvro() {
      return SharingRules.newBuilder()
          .setConsultation(consultation == null ? DefaultRules.CONSULTATION : consultation)
          .setMissingReport(missingReport == null ? DefaultRules.MISSING_REPORT : missingReport)
          .setUpdate(update == null ? DefaultRules.UPDATE : update)
          .setCancel(cancel == null ? DefaultRules.CANCEL : cancel)
          .build();
    }

    static SharingDto of(SharingRules s) {
      return new SharingDto(List.copyOf(s.getConsultation()), List.copyOf(s.getMissingReport()),
          List.copyOf(s.getUpdate()), List.copyOf(s.getCancel()));
    }
  }

  /**
   * A new version of an agreement.
   *
   * @param effectiveFrom when it takes effect (default: now; never in the past)
   * @param expectedVersion the version the change is based on (optimistic concurrency; 0 or omitted for a new one)
   */
  public record AgreementRequest(
      @NotBlank String region,
      @NotBlank String policeUnit,
      String dutyOfficerRole,
      @NotBlank String municipalityContact,
      List<String> institutionIds,
      @Valid TimeRulesDto timeRules,
      @Valid SharingDto sharing,
      Boolean closedWithLegalTitleAlwaysReported,
      @NotBlank String legalBasis,
      Instant effectiveFrom,
      @NotBlank String changeNote,
      Integer expectedVersion) {}

  /** One version of an agreement as shown by the API. */
  public record AgreementView(String agreementId, int version, Instant effectiveFrom, String region,
      String policeUnit, String dutyOfficerRole, String municipalityContact, List<String> institutionIds,
      TimeRulesDto timeRules, SharingDto sharing, boolean closedWithLegalTitleAlwaysReported, String legalBasis,
      String changedBy, Instant changedAt, String changeNote) {

    static AgreementView of(AgreementVersion a) {
      return new AgreementView(a.getAgreementId(), a.getVersion(), a.getEffectiveFrom(), a.getRegion(),
          a.getPoliceUnit(), a.getDutyOfficerRole(), a.getMunicipalityContact(), List.copyOf(a.getInstitutionIds()),
          TimeRulesDto.of(a.getTimeRules()), SharingDto.of(a.getSharing()), a.getClosedWithLegalTitleAlwaysReported(),
          a.getLegalBasis(), a.getChangedBy(), a.getChangedAt(), a.getChangeNote());
    }
  }

  /** An agreement with every version; {@code effective} is the version in effect now (null if none yet). */
  public record AgreementHistory(String agreementId, String region, Integer effective, int latest,
      List<AgreementView> versions) {}

}
