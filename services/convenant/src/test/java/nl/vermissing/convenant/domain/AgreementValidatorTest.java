package nl.vermissing.convenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.vermissing.convenant.Fixtures;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.TimeRules;
import org.junit.jupiter.api.Test;

class AgreementValidatorTest {

  private static final java.util.Map<String, List<String>> UNITS =
      java.util.Map.of("flevoland", List.of("pu-midden-nederland"), "amsterdam", List.of("pu-amsterdam"));

  private static AgreementVersion.Builder valid() {
    return AgreementVersion.newBuilder(Fixtures.agreement("flevoland", 1, Instant.parse("2026-01-01T00:00:00Z"),
        "pu-midden-nederland", List.of("inst-horizon", "inst-anker")));
  }

  private static List<String> fields(AgreementVersion agreement) {
    return AgreementValidator.validate(agreement).stream().map(AgreementValidator.Violation::field).toList();
  }

  @Test
  void the_domain_defaults_are_valid() {
    assertThat(AgreementValidator.validate(valid().build())).isEmpty();
  }

  @Test
  void an_agreement_lists_only_institutions_of_its_own_region() {
    var regions = java.util.Map.of("inst-horizon", "flevoland", "inst-anker", "flevoland", "inst-vuurtoren", "amsterdam");
    assertThat(AgreementValidator.validate(valid().build(), regions, UNITS)).isEmpty();

    AgreementVersion takeover = valid().setInstitutionIds(List.of("inst-horizon", "inst-vuurtoren")).build();
    assertThat(AgreementValidator.validate(takeover, regions, UNITS))
        .extracting(AgreementValidator.Violation::field).containsExactly("institutionIds[1]");
    AgreementVersion unknown = valid().setInstitutionIds(List.of("inst-nergens")).build();
    assertThat(AgreementValidator.validate(unknown, regions, UNITS))
        .extracting(AgreementValidator.Violation::message).containsExactly("unknown institution inst-nergens");
  }

  @Test
  void an_agreement_sends_its_alerts_only_to_a_police_unit_serving_its_region() {
    var regions = java.util.Map.of("inst-horizon", "flevoland", "inst-anker", "flevoland");
    AgreementVersion elsewhere = valid().setPoliceUnit("pu-amsterdam").build();
    assertThat(AgreementValidator.validate(elsewhere, regions, UNITS)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("policeUnit");
      assertThat(v.message()).isEqualTo("police unit pu-amsterdam does not serve region flevoland (pu-midden-nederland)");
    });
    AgreementVersion unknownRegion = valid().setRegion("zeeland").setInstitutionIds(List.of()).build();
    assertThat(AgreementValidator.validate(unknownRegion, regions, UNITS))
        .extracting(AgreementValidator.Violation::message)
        .containsExactly("no police unit is configured for region zeeland");
  }

  @Test
  void red_cannot_be_acknowledged_later_than_orange() {
    AgreementVersion agreement = valid().setTimeRules(TimeRules.newBuilder().setRedAcknowledgeMinutes(90)
        .setOrangeAcknowledgeMinutes(60).build()).build();
    assertThat(fields(agreement)).containsExactly("timeRules.redAcknowledgeMinutes");
  }

  @Test
  void durations_must_be_positive() {
    AgreementVersion agreement = valid().setTimeRules(TimeRules.newBuilder().setOrangeEscalateAfterMinutes(0)
        .setCalamityAfterHours(-1).build()).build();
    assertThat(fields(agreement)).containsExactly("timeRules.orangeEscalateAfterMinutes",
        "timeRules.calamityAfterHours");
  }

  @Test
  void unknown_field_names_are_refused() {
    AgreementVersion agreement = valid().build();
    agreement.getSharing().setMissingReport(List.of("givenName", "diagnosis"));
    assertThat(fields(agreement)).containsExactly("sharing.missingReport[1]");
  }

  @Test
  void identity_fields_are_never_allowed_in_a_consultation_nor_personal_fields_in_a_cancellation() {
    AgreementVersion agreement = valid().build();
    agreement.getSharing().setConsultation(List.of("ageBand", "givenName", "photo"));
    agreement.getSharing().setCancel(List.of("riskLevel", "lastSeenLocation"));
    assertThat(fields(agreement)).containsExactly("sharing.consultation[1]", "sharing.consultation[2]",
        "sharing.cancel[1]");
  }

  @Test
  void a_consultation_may_share_only_age_band_placement_type_risk_level_region_and_time_missing() {
    AgreementVersion agreement = valid().build();
    agreement.getSharing().setConsultation(List.of("ageBand", "placementType", "sex", "riskLevel", "lastSeenAt",
        "region", "riskIndicators", "minutesMissing", "photoContentType"));
    List<AgreementValidator.Violation> violations = AgreementValidator.validate(agreement);
    assertThat(violations).extracting(AgreementValidator.Violation::field).containsExactly(
        "sharing.consultation[2]", "sharing.consultation[4]", "sharing.consultation[6]", "sharing.consultation[8]");
    assertThat(violations.get(0).message()).contains("'sex'", "consultation", "pseudonymous");
  }

  @Test
  void a_cancellation_carries_no_personal_or_identifying_field() {
    AgreementVersion agreement = valid().build();
    agreement.getSharing().setCancel(List.of("riskLevel", "sex", "riskIndicators", "lastSeenAt", "contacts",
        "minutesMissing"));
    List<AgreementValidator.Violation> violations = AgreementValidator.validate(agreement);
    assertThat(violations).extracting(AgreementValidator.Violation::field).containsExactly(
        "sharing.cancel[1]", "sharing.cancel[2]", "sharing.cancel[3]", "sharing.cancel[4]");
    assertThat(violations.get(0).message()).contains("'sex'", "cancel");
  }

  @Test
  void the_default_allow_lists_pass_also_when_an_agreement_restates_them() {
    AgreementVersion agreement = valid().build();
    agreement.getSharing().setConsultation(List.copyOf(DefaultRules.CONSULTATION));
    agreement.getSharing().setCancel(List.of("riskLevel", "region"));
    assertThat(AgreementValidator.validate(agreement)).isEmpty();
  }

  @Test
  void required_texts_and_the_reserved_id() {
    AgreementVersion agreement = valid().setAgreementId("default").setPoliceUnit(" ").setLegalBasis("").build();
    assertThat(fields(agreement)).containsExactly("agreementId", "policeUnit", "legalBasis");
  }
}
