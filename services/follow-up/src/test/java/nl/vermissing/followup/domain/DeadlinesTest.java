package nl.vermissing.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private static final long RETURNED = 1_790_000_000_000L;

  @Test
  void given_the_default_terms_then_due_72_hours_after_the_return_and_reminded_24_hours_before() {
    long dueBy = Deadlines.dueBy(RETURNED, FollowUpTerms.DEFAULTS);
    assertThat(dueBy - RETURNED).isEqualTo(Duration.ofHours(72).toMillis());
    assertThat(dueBy - Deadlines.reminderAt(RETURNED, dueBy)).isEqualTo(Duration.ofHours(24).toMillis());
  }

  @Test
  void given_an_agreement_of_24_hours_then_the_reminder_comes_8_hours_before() {
    FollowUpTerms terms = new FollowUpTerms("a", 1, 24, 90, 2);
    long dueBy = Deadlines.dueBy(RETURNED, terms);
    assertThat(dueBy - RETURNED).isEqualTo(Duration.ofHours(24).toMillis());
    assertThat(dueBy - Deadlines.reminderAt(RETURNED, dueBy)).isEqualTo(Duration.ofHours(8).toMillis());
  }

  @Property
  void the_reminder_always_falls_after_the_return_and_before_the_deadline(
      @ForAll @IntRange(min = 1, max = 24 * 30) int hours) {
    long dueBy = Deadlines.dueBy(RETURNED, new FollowUpTerms("a", 1, hours, 90, 2));
    long reminder = Deadlines.reminderAt(RETURNED, dueBy);
    assertThat(reminder).isGreaterThan(RETURNED).isLessThan(dueBy);
  }

  @Test
  void given_an_agreement_listing_the_institution_then_its_terms_apply_else_the_defaults() {
    FollowUpTerms region = new FollowUpTerms("flevoland", 3, 48, 60, 3);
    FollowUpTerms refinement = new FollowUpTerms("horizon", 1, 24, 30, 2);
    List<FollowUpTerms.Agreement> agreements = List.of(
        new FollowUpTerms.Agreement("flevoland", 3, 0, List.of("inst-horizon", "inst-anker"), region),
        new FollowUpTerms.Agreement("horizon", 1, 0, List.of("inst-horizon"), refinement));
    assertThat(FollowUpTerms.forInstitution("inst-horizon", agreements)).isEqualTo(refinement);
    assertThat(FollowUpTerms.forInstitution("inst-anker", agreements)).isEqualTo(region);
    assertThat(FollowUpTerms.forInstitution("inst-vuurtoren", agreements)).isEqualTo(FollowUpTerms.DEFAULTS);
  }

  @Test
  void worklist_status_follows_the_deadline_until_an_outcome_is_recorded() {
    assertThat(WorklistStatus.of(100, false, 99)).isEqualTo(WorklistStatus.DUE_SOON);
    assertThat(WorklistStatus.of(100, false, 100)).isEqualTo(WorklistStatus.OVERDUE);
    assertThat(WorklistStatus.of(100, true, 200)).isEqualTo(WorklistStatus.DONE);
  }

  @Test
  void held_at_must_lie_between_the_return_and_now() {
    assertThat(OutcomeRules.checkHeldAt(99, 100, 200)).get().extracting(OutcomeRules.FieldProblem::field)
        .isEqualTo("heldAt");
    assertThat(OutcomeRules.checkHeldAt(201, 100, 200)).get().extracting(OutcomeRules.FieldProblem::message)
        .asString().contains("future");
    assertThat(OutcomeRules.checkHeldAt(100, 100, 200)).isEmpty();
    assertThat(OutcomeRules.checkHeldAt(200, 100, 200)).isEmpty();
  }
}
