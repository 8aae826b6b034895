package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthSnapshot;
import org.junit.jupiter.api.Test;

class RiskClassifierTest {

  static final LocalDate T0 = LocalDate.of(2026, 11, 22);
  static final RiskClassifier.Subject OPEN_15 =
      new RiskClassifier.Subject(PlacementType.OPEN, null, null, LocalDate.of(2011, 3, 1), T0);

  @Test
  void givenNoIndicatorsInOpenCare_thenGreenIsTheMinimum() {
    var a = RiskClassifier.assess(OPEN_15, List.of(), null, null, null, null, T0);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.GREEN);
    assertThat(a.level()).isEqualTo(RiskLevel.GREEN);
    assertThat(a.indicators()).isEmpty();
  }

  @Test
  void givenAnyIndicator_thenRedIsRequired() {
    for (RiskIndicator indicator : RiskIndicator.values()) {
      var a = RiskClassifier.assess(OPEN_15, List.of(indicator), null, null, null, null, T0);
      assertThat(a.requiredMinimum()).as(indicator.name()).isEqualTo(RiskLevel.RED);
      assertThat(a.level()).isEqualTo(RiskLevel.RED);
    }
  }

  @Test
  void givenAYouthUnder13AtT0_thenUnder13IsAddedAndRedRequired() {
    var twelve = new RiskClassifier.Subject(PlacementType.OPEN, null, null, T0.minusYears(13).plusDays(1), T0);
    var a = RiskClassifier.assess(twelve, List.of(), null, null, null, null, T0);
    assertThat(a.indicators()).containsExactly(RiskIndicator.UNDER_13);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.RED);

    var thirteenToday = new RiskClassifier.Subject(PlacementType.OPEN, null, null, T0.minusYears(13), T0);
    assertThat(RiskClassifier.assess(thirteenToday, List.of(), null, null, null, null, T0).indicators()).isEmpty();
  }

  @Test
  void givenClosedPlacementWithValidLegalTitle_thenAlwaysRed() {
    var closed = new RiskClassifier.Subject(PlacementType.CLOSED, LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP,
        T0.plusMonths(3), LocalDate.of(2010, 1, 1), T0);
    var a = RiskClassifier.assess(closed, List.of(), null, null, null, null, T0);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.RED);
    assertThat(a.requiredBecause()).anyMatch(r -> r.contains("closed placement with legal title"));

    var noEndDate = new RiskClassifier.Subject(PlacementType.CLOSED, LegalTitleKind.SPOEDMACHTIGING, null,
        LocalDate.of(2010, 1, 1), T0);
    assertThat(RiskClassifier.assess(noEndDate, List.of(), null, null, null, null, T0).requiredMinimum())
        .isEqualTo(RiskLevel.RED);
    var lastDay = new RiskClassifier.Subject(PlacementType.CLOSED, LegalTitleKind.SPOEDMACHTIGING, T0,
        LocalDate.of(2010, 1, 1), T0);
    assertThat(RiskClassifier.assess(lastDay, List.of(), null, null, null, null, T0).requiredMinimum())
        .isEqualTo(RiskLevel.RED);
  }

  @Test
  void givenExpiredOrVoluntaryTitleOrOpenCare_thenNoTitleRule() {
    var expired = new RiskClassifier.Subject(PlacementType.CLOSED, LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP,
        T0.minusDays(1), LocalDate.of(2010, 1, 1), T0);
    var voluntary = new RiskClassifier.Subject(PlacementType.CLOSED, LegalTitleKind.VRIJWILLIG, null,
        LocalDate.of(2010, 1, 1), T0);
    var open = new RiskClassifier.Subject(PlacementType.OPEN, LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP, null,
        LocalDate.of(2010, 1, 1), T0);
    for (var s : List.of(expired, voluntary, open)) {
      assertThat(RiskClassifier.assess(s, List.of(), null, null, null, null, T0).requiredMinimum())
          .isEqualTo(RiskLevel.GREEN);
    }
  }

  @Test
  void staffMayRaiseTheLevel() {
    var a = RiskClassifier.assess(OPEN_15, List.of(), RiskLevel.ORANGE, null, null, "worried", T0);
    assertThat(a.level()).isEqualTo(RiskLevel.ORANGE);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.GREEN);
    assertThat(a.rationale()).isEqualTo("worried");
  }

  @Test
  void staffMayNeverGoBelowTheRequiredMinimum() {
    assertThatThrownBy(() -> RiskClassifier.assess(OPEN_15, List.of(RiskIndicator.SUICIDAL_INTENT),
        RiskLevel.ORANGE, null, null, null, T0))
        .isInstanceOf(DomainViolation.class)
        .hasMessageContaining("SUICIDAL_INTENT")
        .extracting(e -> ((DomainViolation) e).field()).isEqualTo("level");
  }

  @Test
  void aReassessmentNeverSilentlyDowngrades() {
    assertThatThrownBy(() -> RiskClassifier.assess(OPEN_15, List.of(), RiskLevel.GREEN, RiskLevel.ORANGE, null,
        null, T0))
        .isInstanceOf(DomainViolation.class)
        .extracting(e -> ((DomainViolation) e).field()).isEqualTo("downgradeReason");
    assertThatThrownBy(() -> RiskClassifier.assess(OPEN_15, List.of(), RiskLevel.GREEN, RiskLevel.ORANGE, "  ",
        null, T0))
        .isInstanceOf(DomainViolation.class);
  }

  @Test
  void aDowngradeWithReasonToAtLeastTheMinimumIsRecordedInTheRationale() {
    var a = RiskClassifier.assess(OPEN_15, List.of(), RiskLevel.GREEN, RiskLevel.ORANGE, "whereabouts now known",
        "with aunt", T0);
    assertThat(a.level()).isEqualTo(RiskLevel.GREEN);
    assertThat(a.rationale()).startsWith("Lowered from ORANGE to GREEN: whereabouts now known").contains("with aunt");
  }

  @Test
  void aDowngradeBelowTheMinimumIsRefusedEvenWithReason() {
    assertThatThrownBy(() -> RiskClassifier.assess(OPEN_15, List.of(RiskIndicator.OUT_OF_CHARACTER),
        RiskLevel.ORANGE, RiskLevel.RED, "calmer now", null, T0))
        .extracting(e -> ((DomainViolation) e).field()).isEqualTo("level");
  }

  @Test
  void withoutARequestedLevelAReassessmentKeepsTheCurrentLevel() {
    var a = RiskClassifier.assess(OPEN_15, List.of(), null, RiskLevel.ORANGE, null, null, T0);
    assertThat(a.level()).isEqualTo(RiskLevel.ORANGE);
  }

  @Property(tries = 300)
  void anAcceptedAssessmentIsNeverBelowItsMinimumNorSilentlyBelowTheCurrentLevel(
      @ForAll Set<RiskIndicator> indicators, @ForAll PlacementType placement, @ForAll RiskLevel requested,
      @ForAll RiskLevel current, @ForAll boolean withReason) {
    var subject = new RiskClassifier.Subject(placement, LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP, null,
        LocalDate.of(2011, 1, 1), T0);
    try {
      var a = RiskClassifier.assess(subject, indicators, requested, current, withReason ? "reason" : null, null, T0);
      assertThat(a.level()).isGreaterThanOrEqualTo(a.requiredMinimum());
      if (!withReason) {
        assertThat(a.level()).isGreaterThanOrEqualTo(current);
      }
      if (!indicators.isEmpty() || placement == PlacementType.CLOSED) {
        assertThat(a.level()).isEqualTo(RiskLevel.RED);
      }
    } catch (DomainViolation refused) {
      assertThat(refused.field()).isIn("level", "downgradeReason");
    }
  }

  // ------------------------------------------------------------------ standing risks in the profile

  static RiskClassifier.Subject open15With(Set<KnownRisk> knownRisks, boolean suspectedExploiter) {
    return new RiskClassifier.Subject(PlacementType.OPEN, null, null, LocalDate.of(2011, 3, 1), T0, knownRisks,
        suspectedExploiter);
  }

  static final Map<KnownRisk, RiskIndicator> STANDING = Map.of(
      KnownRisk.SEXUAL_EXPLOITATION, RiskIndicator.SEXUAL_EXPLOITATION,
      KnownRisk.SUICIDE, RiskIndicator.SUICIDAL_INTENT,
      KnownRisk.DANGER_TO_OTHERS, RiskIndicator.DANGER_TO_OTHERS);

  @Test
  void givenAKnownSexualExploitationSuicideOrDangerRisk_thenItIsAnIndicatorAndRedIsRequired() {
    STANDING.forEach((risk, indicator) -> {
      var a = RiskClassifier.assess(open15With(Set.of(risk), false), List.of(), null, null, null, null, T0);
      assertThat(a.indicators()).as(risk.name()).containsExactly(indicator);
      assertThat(a.requiredMinimum()).as(risk.name()).isEqualTo(RiskLevel.RED);
      assertThat(a.level()).as(risk.name()).isEqualTo(RiskLevel.RED);
      assertThat(a.requiredBecause()).as(risk.name())
          .containsExactly("indicator " + indicator + " (standing risk in the profile: known risk " + risk + ")");
    });
  }

  @Test
  void givenAnAssociateMarkedSuspectedExploiter_thenWithCriminalsOrExploiterAndRedIsRequired() {
    var a = RiskClassifier.assess(open15With(Set.of(), true), List.of(), null, null, null, null, T0);
    assertThat(a.indicators()).containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.RED);
    assertThat(a.requiredBecause()).singleElement().asString().contains("suspected exploiter");
  }

  @Test
  void givenOnlyOtherKnownRisks_thenNoIndicatorFollowsFromTheProfile() {
    Set<KnownRisk> others = EnumSet.allOf(KnownRisk.class);
    others.removeAll(STANDING.keySet());
    var a = RiskClassifier.assess(open15With(others, false), List.of(), null, null, null, null, T0);
    assertThat(a.indicators()).isEmpty();
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.GREEN);
  }

  @Test
  void givenAStandingRisk_thenStaffCanNeverRecordALowerLevelNotEvenWithADowngradeReason() {
    var subject = open15With(Set.of(KnownRisk.SEXUAL_EXPLOITATION), false);
    for (RiskLevel lower : List.of(RiskLevel.GREEN, RiskLevel.ORANGE)) {
      assertThatThrownBy(() -> RiskClassifier.assess(subject, List.of(), lower, null, null, null, T0))
          .isInstanceOf(DomainViolation.class)
          .hasMessageContaining("standing risk in the profile: known risk SEXUAL_EXPLOITATION")
          .extracting(e -> ((DomainViolation) e).field()).isEqualTo("level");
      assertThatThrownBy(() -> RiskClassifier.assess(subject, List.of(), lower, RiskLevel.RED, "she called", null,
          T0))
          .extracting(e -> ((DomainViolation) e).field()).isEqualTo("level");
    }
  }

  @Test
  void staffIndicatorsAndStandingIndicatorsAreRecordedTogether() {
    var a = RiskClassifier.assess(open15With(Set.of(KnownRisk.SUICIDE), true), List.of(RiskIndicator.OUT_OF_CHARACTER),
        null, RiskLevel.RED, null, "not like her", T0);
    assertThat(a.indicators()).containsExactlyInAnyOrder(RiskIndicator.OUT_OF_CHARACTER,
        RiskIndicator.SUICIDAL_INTENT, RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER);
    assertThat(a.rationale()).isEqualTo("not like her");
  }

  @Test
  void withoutStandingRisksTheSystemMakesNoAssessment() {
    assertThat(RiskClassifier.standingRiskAssessment(OPEN_15, T0)).isEmpty();
    assertThat(RiskClassifier.standingRiskAssessment(open15With(Set.of(KnownRisk.SUBSTANCE_USE), false), T0))
        .isEmpty();
  }

  @Test
  void withStandingRisksTheSystemsAssessmentIsRedAndSaysWhy() {
    var under13 = new RiskClassifier.Subject(PlacementType.OPEN, null, null, T0.minusYears(12), T0,
        Set.of(KnownRisk.SEXUAL_EXPLOITATION, KnownRisk.DANGER_TO_OTHERS), true);
    var a = RiskClassifier.standingRiskAssessment(under13, T0).orElseThrow();
    assertThat(a.level()).isEqualTo(RiskLevel.RED);
    assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.RED);
    assertThat(a.indicators()).containsExactlyInAnyOrder(RiskIndicator.UNDER_13, RiskIndicator.SEXUAL_EXPLOITATION,
        RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER, RiskIndicator.DANGER_TO_OTHERS);
    assertThat(a.rationale()).isEqualTo("standing risk in the profile: "
        + "an associate is marked suspected exploiter (indicator WITH_CRIMINALS_OR_EXPLOITER); "
        + "known risk SEXUAL_EXPLOITATION (indicator SEXUAL_EXPLOITATION); "
        + "known risk DANGER_TO_OTHERS (indicator DANGER_TO_OTHERS)");
  }

  @Test
  void theSubjectOfACaseCarriesTheKnownRisksAndSuspectedExploitersOfItsYouthSnapshot() {
    Contact friend = Contact.newBuilder().setName("Lisa").setRelation("friend").build();
    Contact exploiter = Contact.newBuilder().setName("Kevin").setRelation("boyfriend").setSuspectedExploiter(true)
        .build();
    YouthSnapshot.Builder youth = YouthSnapshot.newBuilder().setNationalPseudonym("p").setProfileVersion(3)
        .setGivenName("Sanne").setFamilyName("de Vries").setDateOfBirth("2011-03-01").setSex(Sex.FEMALE)
        .setPlacementType(PlacementType.CLOSED)
        .setLegalTitle(new LegalTitle(LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP, T0.plusDays(5)))
        .setKnownRisks(List.of(KnownRisk.SUICIDE)).setContacts(List.of(friend, exploiter));

    var subject = RiskClassifier.subjectOf(youth.build(), T0);
    assertThat(subject.knownRisks()).containsExactly(KnownRisk.SUICIDE);
    assertThat(subject.suspectedExploiterAmongAssociates()).isTrue();
    assertThat(subject.dateOfBirth()).isEqualTo(LocalDate.of(2011, 3, 1));
    assertThat(subject.legalTitleValidUntil()).isEqualTo(T0.plusDays(5));
    assertThat(RiskClassifier.standingIndicators(subject).keySet())
        .containsExactly(RiskIndicator.WITH_CRIMINALS_OR_EXPLOITER, RiskIndicator.SUICIDAL_INTENT);

    var plain = RiskClassifier.subjectOf(youth.setKnownRisks(List.of()).setContacts(List.of(friend)).build(), T0);
    assertThat(RiskClassifier.standingIndicators(plain)).isEmpty();
  }

  @Property(tries = 300)
  void withAStandingRiskEveryAcceptedAssessmentIsRedAndListsTheStandingIndicators(
      @ForAll Set<KnownRisk> knownRisks, @ForAll boolean suspectedExploiter, @ForAll Set<RiskIndicator> given,
      @ForAll PlacementType placement, @ForAll RiskLevel requested, @ForAll RiskLevel current,
      @ForAll boolean withReason) {
    var subject = new RiskClassifier.Subject(placement, null, null, LocalDate.of(2011, 1, 1), T0, knownRisks,
        suspectedExploiter);
    Set<RiskIndicator> standing = RiskClassifier.standingIndicators(subject).keySet();
    try {
      var a = RiskClassifier.assess(subject, given, requested, current, withReason ? "reason" : null, null, T0);
      assertThat(a.indicators()).containsAll(standing).containsAll(given);
      if (!standing.isEmpty()) {
        assertThat(a.requiredMinimum()).isEqualTo(RiskLevel.RED);
        assertThat(a.level()).isEqualTo(RiskLevel.RED);
      }
    } catch (DomainViolation refused) {
      assertThat(refused.field()).isIn("level", "downgradeReason");
      if (!standing.isEmpty() && requested != RiskLevel.RED) {
        assertThat(refused.field()).isEqualTo("level");
      }
    }
  }
}
