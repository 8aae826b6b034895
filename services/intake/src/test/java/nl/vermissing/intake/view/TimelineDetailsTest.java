package nl.vermissing.intake.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.CaseClosed;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.ClosureReason;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationAdded;
import nl.vermissing.events.InformationKind;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.LocalAction;
import nl.vermissing.events.LocalActionRecorded;
import nl.vermissing.events.MissingReported;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.ResponsibilityTransferred;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.intake.view.Dtos.TimelineEntry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each timeline entry carries, besides its English summary, the same facts language-neutral ({@code details}) so
 * that pages can phrase it in Dutch or English: stable keys per kind, enum values as names, free text as typed.
 */
class TimelineDetailsTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  static AbsenceReported absence(String location, boolean whereaboutsKnown) {
    YouthSnapshot youth = YouthSnapshot.newBuilder().setNationalPseudonym("p").setProfileVersion(1)
        .setGivenName("Sanne").setFamilyName("Visser").setDateOfBirth("2011-01-01").setSex(Sex.FEMALE)
        .setPlacementType(PlacementType.OPEN).build();
    return AbsenceReported.newBuilder().setLastSeenAt(T0).setLastSeenLocation(location)
        .setClothing("red coat").setWhereaboutsKnown(whereaboutsKnown).setWhereaboutsDescription("with her aunt")
        .setReportedBy("u1").setYouth(youth).build();
  }

  @Nested
  class InstitutionEvents {

    @Test
    void absenceReported_givesLastSeenLocationAndWhereabouts_butNotTheYouthOrClothing() {
      Map<String, Object> details = IntakeView.details(absence("Stationsplein Lelystad", true));

      assertThat(details).containsExactly(entry("lastSeenAt", T0), entry("location", "Stationsplein Lelystad"),
          entry("whereaboutsKnown", true));
    }

    @Test
    void absenceReported_withoutLocation_keepsTheKey() {
      Map<String, Object> details = IntakeView.details(absence(null, false));

      assertThat(details).containsOnlyKeys("lastSeenAt", "location", "whereaboutsKnown");
      assertThat(details.get("location")).isNull();
      assertThat(details.get("whereaboutsKnown")).isEqualTo(false);
    }

    @Test
    void localAction_givesTheActionNameAndTheOutcomeAsTyped() {
      Map<String, Object> details = IntakeView.details(LocalActionRecorded.newBuilder()
          .setAction(LocalAction.CALLED_FRIENDS).setOutcome("niemand weet iets").build());

      assertThat(details).containsExactly(entry("action", "CALLED_FRIENDS"), entry("outcome", "niemand weet iets"));
    }

    @Test
    void riskAssessed_givesLevelsAndIndicatorsAsNames() {
      Map<String, Object> details = IntakeView.details(RiskAssessed.newBuilder()
          .setIndicators(List.of(RiskIndicator.UNDER_13, RiskIndicator.SIGNS_OF_CRIME))
          .setRequiredMinimum(RiskLevel.RED).setLevel(RiskLevel.RED).setRationale("met oudere man gezien").build());

      assertThat(details).containsExactly(entry("level", "RED"), entry("requiredMinimum", "RED"),
          entry("indicators", List.of("UNDER_13", "SIGNS_OF_CRIME")), entry("rationale", "met oudere man gezien"));
    }

    @Test
    void riskAssessed_withoutIndicators_givesAnEmptyList() {
      Map<String, Object> details = IntakeView.details(RiskAssessed.newBuilder().setIndicators(List.of())
          .setRequiredMinimum(RiskLevel.GREEN).setLevel(RiskLevel.ORANGE).build());

      assertThat(details).containsExactly(entry("level", "ORANGE"), entry("requiredMinimum", "GREEN"),
          entry("indicators", List.of()), entry("rationale", null));
    }

    @Test
    void missingReported_givesTheNote() {
      assertThat(IntakeView.details(new MissingReported("BVH 2026-123")))
          .containsExactly(entry("note", "BVH 2026-123"));
      assertThat(IntakeView.details(new MissingReported(null))).containsExactly(entry("note", null));
    }

    @Test
    void informationAdded_givesKindDescriptionAndLocation_notTheObservationTime() {
      Map<String, Object> details = IntakeView.details(InformationAdded.newBuilder()
          .setKind(InformationKind.SIGHTING).setDescription("gezien bij de snackbar").setLocation("Lelystad centrum")
          .setObservedAt(T0.plusSeconds(600)).build());

      assertThat(details).containsExactly(entry("infoKind", "SIGHTING"), entry("description", "gezien bij de snackbar"),
          entry("location", "Lelystad centrum"));
    }

    @Test
    void youthReturned_givesFoundByLocationAndCircumstances() {
      Map<String, Object> details = IntakeView.details(YouthReturned.newBuilder().setReturnedAt(T0.plusSeconds(3600))
          .setFoundBy(FoundBy.PARENTS_OR_GUARDIAN).setLocation("bij moeder").setCircumstances("moe, ongedeerd").build());

      assertThat(details).containsExactly(entry("foundBy", "PARENTS_OR_GUARDIAN"), entry("location", "bij moeder"),
          entry("circumstances", "moe, ongedeerd"));
    }

    @Test
    void reportCancelled_givesTheReasonAsTyped() {
      assertThat(IntakeView.details(new ReportCancelled("was bij de tandarts")))
          .containsExactly(entry("reason", "was bij de tandarts"));
    }

    @Test
    void caseClosed_givesTheClosureReasonName() {
      assertThat(IntakeView.details(new CaseClosed(ClosureReason.TRANSFERRED)))
          .containsExactly(entry("reason", "TRANSFERRED"));
    }

    @Test
    void anUnknownPayload_givesNoDetails() {
      assertThat(IntakeView.details("something else")).isEmpty();
    }
  }

  @Nested
  class PoliceResponses {

    @Test
    void informationRequested_givesTheQuestion() {
      assertThat(IntakeView.policeDetails(new InformationRequested("Heeft ze een telefoon?")))
          .containsExactly(entry("question", "Heeft ze een telefoon?"));
    }

    @Test
    void foundReported_givesLocationAndCircumstances_notTheTime() {
      Map<String, Object> details = IntakeView.policeDetails(FoundReported.newBuilder().setFoundAt(T0)
          .setLocation("Amsterdam CS").setCircumstances("aangetroffen bij controle").build());

      assertThat(details).containsExactly(entry("location", "Amsterdam CS"),
          entry("circumstances", "aangetroffen bij controle"));
    }

    @Test
    void sightingReported_givesLocationAndDescription() {
      Map<String, Object> details = IntakeView.policeDetails(SightingReported.newBuilder().setSeenAt(T0)
          .setLocation("Almere Buiten").build());

      assertThat(details).containsExactly(entry("location", "Almere Buiten"), entry("description", null));
    }

    @Test
    void alertAcknowledged_hasNoDetails() {
      assertThat(IntakeView.policeDetails(new AlertAcknowledged("urn:alert:1"))).isEmpty();
    }

    @Test
    void urgencyClassified_givesTheUrgencyNameAndReason() {
      assertThat(IntakeView.policeDetails(new UrgencyClassified(PoliceUrgency.URGENT, "jonger dan 13")))
          .containsExactly(entry("urgency", "URGENT"), entry("reason", "jonger dan 13"));
    }

    @Test
    void responsibilityTransferred_givesTheUnit() {
      assertThat(IntakeView.policeDetails(new ResponsibilityTransferred("pu-amsterdam")))
          .containsExactly(entry("toPoliceUnit", "pu-amsterdam"));
    }

    @Test
    void acknowledgementOverdue_givesWhoItWasEscalatedTo() {
      assertThat(IntakeView.policeDetails(AcknowledgementOverdue.newBuilder().setAlertIdentifier("urn:alert:1")
          .setDeadline(T0).setEscalatedTo("duty-officer-pu-midden-nederland").build()))
          .containsExactly(entry("escalatedTo", "duty-officer-pu-midden-nederland"));
    }

    @Test
    void anUnknownPayload_givesNoDetails() {
      assertThat(IntakeView.policeDetails(42)).isEmpty();
    }
  }

  @Test
  void givenACaseWithInstitutionAndPoliceEntries_thenEveryTimelineEntryHasItsSummaryAndDetails() {
    IntakeView view = new IntakeView(ZoneId.of("Europe/Amsterdam"));
    view.applyCaseEvent(event("e1", 0, absence("Stationsplein", false)));
    view.applyCaseEvent(event("e2", 60, new MissingReported("BVH 1")));
    view.applyPoliceResponse(PoliceResponse.newBuilder().setResponseId("r1").setCaseId("c1")
        .setPoliceUnit("pu-midden-nederland").setRespondedBy("agent-7").setRespondedAt(T0.plusSeconds(120))
        .setPayload(new UrgencyClassified(PoliceUrgency.OTHER, null)).build());

    List<TimelineEntry> timeline = view.caseView("c1").orElseThrow().timeline();

    assertThat(timeline).extracting(TimelineEntry::kind)
        .containsExactly("AbsenceReported", "MissingReported", "UrgencyClassified");
    assertThat(timeline.get(0).summary()).startsWith("Absence reported: last seen ").endsWith("whereabouts unknown");
    assertThat(timeline.get(0).details()).containsEntry("location", "Stationsplein")
        .containsEntry("whereaboutsKnown", false);
    assertThat(timeline.get(1).details()).containsExactly(entry("note", "BVH 1"));
    assertThat(timeline.get(2).summary()).isEqualTo("Police urgency: OTHER");
    assertThat(timeline.get(2).details()).containsExactly(entry("urgency", "OTHER"), entry("reason", null));
    assertThat(timeline.get(2).by()).isEqualTo("pu-midden-nederland/agent-7");
  }

  @Test
  void detailsMayHoldNullValuesButCannotBeChanged() {
    Map<String, Object> details = IntakeView.details(new MissingReported(null));

    assertThat(details).containsKey("note");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> details.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new HashMap<>(details)).isEqualTo(details);
  }

  private static CaseEvent event(String id, int seconds, Object payload) {
    return CaseEvent.newBuilder().setEventId(id).setCaseId("c1").setYouthId("y1").setInstitutionId("inst-horizon")
        .setOccurredAt(T0.plusSeconds(seconds)).setRecordedAt(T0.plusSeconds(seconds)).setRecordedBy("u1")
        .setPayload(payload).build();
  }
}
