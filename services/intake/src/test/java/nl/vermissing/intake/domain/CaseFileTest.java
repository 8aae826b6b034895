package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.LocalAction;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import org.junit.jupiter.api.Test;

class CaseFileTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private int seq;

  CaseEvent event(Object payload) {
    return CaseEvent.newBuilder().setEventId("e" + (seq++)).setCaseId("c1").setYouthId("y1")
        .setInstitutionId("inst").setOccurredAt(T0.plusSeconds(seq)).setRecordedAt(T0.plusSeconds(seq))
        .setRecordedBy("u1").setPayload(payload).build();
  }

  CaseFile opened() {
    YouthSnapshot youth = YouthSnapshot.newBuilder().setNationalPseudonym("p").setProfileVersion(1)
        .setGivenName("A").setFamilyName("B").setDateOfBirth("2011-01-01").setSex(Sex.FEMALE)
        .setPlacementType(PlacementType.OPEN).build();
    return CaseFile.open(event(AbsenceReported.newBuilder().setLastSeenAt(T0).setWhereaboutsKnown(false)
        .setReportedBy("u1").setYouth(youth).build()));
  }

  @Test
  void givenAnAbsenceReport_thenTheCaseIsOpen() {
    CaseFile file = opened();
    assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(file.lastSeenAt()).isEqualTo(T0);
    for (CaseCommand command : CaseCommand.values()) {
      file.require(command);
    }
  }

  @Test
  void givenAnOpenCase_whenActionsAndAssessmentsAreAdded_thenItStaysOpen() {
    CaseFile file = opened();
    file.apply(event(LocalActionRecorded.newBuilder().setAction(LocalAction.CALLED_YOUTH).build()));
    file.apply(event(RiskAssessed.newBuilder().setIndicators(List.of()).setRequiredMinimum(RiskLevel.GREEN)
        .setLevel(RiskLevel.ORANGE).build()));
    assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(file.riskLevel()).isEqualTo(RiskLevel.ORANGE);
  }

  @Test
  void aMissingReportIsFiledOnce() {
    CaseFile file = opened();
    file.apply(event(new MissingReported("filed")));
    assertThat(file.missingReportedAt()).isNotNull();
    assertThatThrownBy(() -> file.require(CaseCommand.REPORT_MISSING)).isInstanceOf(TransitionRefused.class);
    file.require(CaseCommand.ADD_INFORMATION);
  }

  @Test
  void givenAReturn_thenTheCaseIsFinal() {
    CaseFile file = opened();
    assertThat(file.apply(event(YouthReturned.newBuilder().setReturnedAt(T0.plusSeconds(3600))
        .setFoundBy(FoundBy.RETURNED_SELF).build()))).isTrue();
    assertThat(file.status()).isEqualTo(CaseStatus.RETURNED);
    assertThat(file.closedAt()).isEqualTo(T0.plusSeconds(3600));
    for (CaseCommand command : CaseCommand.values()) {
      assertThatThrownBy(() -> file.require(command)).isInstanceOf(TransitionRefused.class)
          .hasMessageContaining("returned");
    }
  }

  @Test
  void givenACancellation_thenTheCaseIsFinalAndALaterReturnChangesNothing() {
    CaseFile file = opened();
    file.apply(event(new ReportCancelled("wrong youth")));
    assertThat(file.status()).isEqualTo(CaseStatus.CANCELLED);
    assertThat(file.cancelReason()).isEqualTo("wrong youth");
    assertThat(file.apply(event(YouthReturned.newBuilder().setReturnedAt(T0).setFoundBy(FoundBy.POLICE).build())))
        .isFalse();
    assertThat(file.status()).isEqualTo(CaseStatus.CANCELLED);
    assertThat(file.returned()).isNull();
    assertThat(file.events()).hasSize(3);
  }

  @Test
  void stateMachineTable() {
    assertThat(CaseStateMachine.refusal(CaseStatus.OPEN, false, CaseCommand.REPORT_RETURN)).isEmpty();
    assertThat(CaseStateMachine.refusal(CaseStatus.RETURNED, false, CaseCommand.REPORT_RETURN)).isPresent();
    assertThat(CaseStateMachine.refusal(CaseStatus.CLOSED, false, CaseCommand.ADD_INFORMATION)).isPresent();
    assertThat(CaseStateMachine.after(CaseStatus.OPEN, CaseCommand.REPORT_RETURN)).isEqualTo(CaseStatus.RETURNED);
    assertThat(CaseStateMachine.after(CaseStatus.OPEN, CaseCommand.CANCEL)).isEqualTo(CaseStatus.CANCELLED);
    assertThat(CaseStateMachine.after(CaseStatus.OPEN, CaseCommand.ASSESS_RISK)).isEqualTo(CaseStatus.OPEN);
  }
}
