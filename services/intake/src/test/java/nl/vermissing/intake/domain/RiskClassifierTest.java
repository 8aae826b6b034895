package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
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
}
