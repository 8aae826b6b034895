package nl.vermissing.convenant.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.SharingStage;
import org.apache.avro.Schema;

/**
 * Data minimisation: a police message carries only the fields the agreement allows for its stage. Consultations and
 * cancellations carry at most the pseudonymous fields (age band, placement type, risk level, region, time missing),
 * even if an agreement listed more; an update that follows only a pseudonymous consultation stays pseudonymous
 * (update list intersected with the consultation list).
 */
public final class SharingPolicy {

  private SharingPolicy() {}

  /**
   * The field names the agreement allows for a stage: unknown names dropped, and for a consultation or cancellation
   * only the pseudonymous ones kept.
   */
  public static Set<String> allowed(SharingStage stage, AgreementVersion agreement) {
    SharingRules rules = agreement.getSharing();
    List<String> listed = switch (stage) {
      case CONSULTATION -> rules.getConsultation();
      case MISSING_REPORT -> rules.getMissingReport();
      case UPDATE -> rules.getUpdate();
      case CANCEL -> rules.getCancel();
    };
    Set<String> allowed = new LinkedHashSet<>();
    for (String field : listed) {
      if (PoliceFields.isKnown(field)) {
        allowed.add(field);
      }
    }
    if (stage == SharingStage.CONSULTATION || stage == SharingStage.CANCEL) {
      allowed.retainAll(PoliceFields.PSEUDONYMOUS);
    }
    return allowed;
  }

  /** The fields allowed for an update: after a full missing report the update list, else also pseudonymous. */
  public static Set<String> allowedForUpdate(AgreementVersion agreement, boolean missingReportSent) {
    Set<String> allowed = allowed(SharingStage.UPDATE, agreement);
    if (!missingReportSent) {
      allowed.retainAll(allowed(SharingStage.CONSULTATION, agreement));
    }
    return allowed;
  }

  /** The police payload of a stage: only the allowed fields are set. */
  public static PoliceCaseData payloadFor(SharingStage stage, CaseFacts facts, AgreementVersion agreement) {
    return filter(facts.everything(), allowed(stage, agreement));
  }

  /** The payload of an update message. */
  public static PoliceCaseData updatePayloadFor(CaseFacts facts, AgreementVersion agreement,
      boolean missingReportSent) {
    return filter(facts.everything(), allowedForUpdate(agreement, missingReportSent));
  }

  /** The names of the fields that are set: what a message discloses. */
  public static List<String> disclosedFields(PoliceCaseData data) {
    List<String> fields = new ArrayList<>();
    for (Schema.Field field : PoliceCaseData.getClassSchema().getFields()) {
      if (data.get(field.pos()) != null) {
        fields.add(field.name());
      }
    }
    return fields;
  }

  private static PoliceCaseData filter(PoliceCaseData all, Set<String> allowed) {
    PoliceCaseData result = new PoliceCaseData();
    for (Schema.Field field : PoliceCaseData.getClassSchema().getFields()) {
      if (allowed.contains(field.name())) {
        result.put(field.pos(), all.get(field.pos()));
      }
    }
    return result;
  }
}
