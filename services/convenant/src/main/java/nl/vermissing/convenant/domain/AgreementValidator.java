package nl.vermissing.convenant.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.TimeRules;

/**
 * The rules an agreement must obey before it can take effect: every duration positive, red never answered later
 * than orange, allow-lists naming only known police fields, a consultation limited to the pseudonymous fields (age
 * band, placement type, risk level, region, time missing) and a cancellation to non-personal ones (the same list).
 * Field paths name the offending request field.
 */
public final class AgreementValidator {

  /** One field of an agreement and what is wrong with it. */
  public record Violation(String field, String message) {}

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private AgreementValidator() {}

  /**
   * As {@link #validate(AgreementVersion)}, and the agreement stays within its region: every listed institution
   * belongs to the region, and the police unit that receives its alerts is one of the units serving the region. An
   * administrator thus decides for their own region only and cannot route a region's alerts to another unit.
   *
   * @param institutionRegions region of each known institution
   * @param regionPoliceUnits police units serving each region; a region without an entry has no unit to choose
   */
  public static List<Violation> validate(AgreementVersion agreement, Map<String, String> institutionRegions,
      Map<String, List<String>> regionPoliceUnits) {
    List<Violation> violations = validate(agreement);
    List<String> institutionIds = agreement.getInstitutionIds();
    for (int i = 0; i < institutionIds.size(); i++) {
      String region = institutionRegions.get(institutionIds.get(i));
      if (institutionIds.get(i) != null && !agreement.getRegion().equals(region)) {
        violations.add(new Violation("institutionIds[" + i + "]", region == null
            ? "unknown institution " + institutionIds.get(i)
            : "institution " + institutionIds.get(i) + " belongs to region " + region + ", not " + agreement.getRegion()));
      }
    }
    String unit = agreement.getPoliceUnit();
    if (unit != null && !unit.isBlank()) {
      List<String> units = regionPoliceUnits.getOrDefault(agreement.getRegion(), List.of());
      if (!units.contains(unit)) {
        violations.add(new Violation("policeUnit", units.isEmpty()
            ? "no police unit is configured for region " + agreement.getRegion()
            : "police unit " + unit + " does not serve region " + agreement.getRegion() + " (" + String.join(", ", units)
                + ")"));
      }
    }
    return violations;
  }

  public static List<Violation> validate(AgreementVersion agreement) {
    List<Violation> violations = new ArrayList<>();
    if (agreement.getAgreementId() == null || !ID.matcher(agreement.getAgreementId()).matches()) {
      violations.add(new Violation("agreementId", "must be 1-64 lower-case letters, digits or dashes"));
    } else if (DefaultRules.DEFAULT_AGREEMENT_ID.equals(agreement.getAgreementId())) {
      violations.add(new Violation("agreementId", "'default' is reserved for the built-in agreement"));
    }
    requireText(violations, "region", agreement.getRegion());
    requireText(violations, "policeUnit", agreement.getPoliceUnit());
    requireText(violations, "municipalityContact", agreement.getMunicipalityContact());
    requireText(violations, "legalBasis", agreement.getLegalBasis());
    Set<String> institutions = new HashSet<>();
    List<String> institutionIds = agreement.getInstitutionIds();
    for (int i = 0; i < institutionIds.size(); i++) {
      String id = institutionIds.get(i);
      if (id == null || id.isBlank()) {
        violations.add(new Violation("institutionIds[" + i + "]", "must not be blank"));
      } else if (!institutions.add(id)) {
        violations.add(new Violation("institutionIds[" + i + "]", "duplicate institution " + id));
      }
    }
    timeRules(violations, agreement.getTimeRules());
    sharing(violations, agreement.getSharing());
    return violations;
  }

  private static void timeRules(List<Violation> violations, TimeRules rules) {
    positive(violations, "orangeEscalateAfterMinutes", rules.getOrangeEscalateAfterMinutes());
    positive(violations, "greenReassessAfterMinutes", rules.getGreenReassessAfterMinutes());
    positive(violations, "greenReassessAnswerMinutes", rules.getGreenReassessAnswerMinutes());
    positive(violations, "redAcknowledgeMinutes", rules.getRedAcknowledgeMinutes());
    positive(violations, "orangeAcknowledgeMinutes", rules.getOrangeAcknowledgeMinutes());
    positive(violations, "returnConversationHours", rules.getReturnConversationHours());
    positive(violations, "calamityAfterHours", rules.getCalamityAfterHours());
    positive(violations, "repeatWindowDays", rules.getRepeatWindowDays());
    positive(violations, "repeatEpisodeThreshold", rules.getRepeatEpisodeThreshold());
    if (rules.getRedAcknowledgeMinutes() > rules.getOrangeAcknowledgeMinutes()) {
      violations.add(new Violation("timeRules.redAcknowledgeMinutes",
          "red cannot be acknowledged later than orange (must be <= orangeAcknowledgeMinutes)"));
    }
  }

  private static void sharing(List<Violation> violations, SharingRules sharing) {
    allowList(violations, "consultation", sharing.getConsultation(), true);
    allowList(violations, "missingReport", sharing.getMissingReport(), false);
    allowList(violations, "update", sharing.getUpdate(), false);
    allowList(violations, "cancel", sharing.getCancel(), true);
  }

  private static void allowList(List<Violation> violations, String stage, List<String> fields,
      boolean pseudonymous) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      String path = "sharing." + stage + "[" + i + "]";
      if (!PoliceFields.isKnown(field)) {
        violations.add(new Violation(path, "unknown field '" + field + "'; known: "
            + PoliceFields.inSchemaOrder(PoliceFields.ALL)));
      } else if (pseudonymous && !PoliceFields.PSEUDONYMOUS.contains(field)) {
        violations.add(new Violation(path, "field '" + field + "' is never allowed in the " + stage + " stage ("
            + (stage.equals("cancel") ? "a cancellation carries nothing personal" : "a consultation is pseudonymous")
            + "); allowed are only " + PoliceFields.inSchemaOrder(PoliceFields.PSEUDONYMOUS)));
      } else if (!seen.add(field)) {
        violations.add(new Violation(path, "duplicate field '" + field + "'"));
      }
    }
  }

  private static void positive(List<Violation> violations, String name, int value) {
    if (value <= 0) {
      violations.add(new Violation("timeRules." + name, "must be a positive number"));
    }
  }

  private static void requireText(List<Violation> violations, String field, String value) {
    if (value == null || value.isBlank()) {
      violations.add(new Violation(field, "is required"));
    }
  }
}
