package nl.vermissing.convenant.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.NextStepKind;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.RiskLevel;

/**
 * What the agreement requires next of the institution, derived from the case state alone (so it can be recomputed
 * after every change): assess, reassess, consult police, file the report, await the police, notify the
 * municipality, or hold the return conversation (terugkeergesprek).
 */
public final class NextSteps {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(Deadlines.ZONE);

  private NextSteps() {}

  public static RequiredNextStep decide(CaseState state, AgreementVersion agreement, long now) {
    Step step = step(state, agreement);
    return RequiredNextStep.newBuilder()
        .setCaseId(state.caseId)
        .setInstitutionId(state.institutionId)
        .setStep(step.kind)
        .setDescriptionNl(step.nl)
        .setDescriptionEn(step.en)
        .setDeadline(step.deadline == null ? null : Instant.ofEpochMilli(step.deadline))
        .setRiskLevel(state.riskLevel == null ? RiskLevel.GREEN : state.riskLevel)
        .setAgreementId(agreement.getAgreementId())
        .setAgreementVersion(agreement.getVersion())
        .setDecidedAt(Instant.ofEpochMilli(now))
        .build();
  }

  private record Step(NextStepKind kind, Long deadline, String nl, String en) {}

  private static Step step(CaseState state, AgreementVersion agreement) {
    switch (state.status) {
      case RETURNED -> {
        long due = Deadlines.returnConversationBy(state.returnedAt, agreement.getTimeRules());
        return new Step(NextStepKind.HOLD_RETURN_CONVERSATION, due,
            "Voer het terugkeergesprek uiterlijk " + at(due) + ".",
            "Hold the return conversation by " + at(due) + ".");
      }
      case CANCELLED, CLOSED -> {
        return new Step(NextStepKind.NONE, null, "Geen vervolgstap: de melding is afgesloten.",
            "No further step: the case is closed.");
      }
      default -> { }
    }
    String unit = state.policeUnit == null ? agreement.getPoliceUnit() : state.policeUnit;
    if (state.calamityNotified) {
      return new Step(NextStepKind.NOTIFY_MUNICIPALITY, null,
          "Calamiteit: gesloten jeugdhulp, niet terug. De gemeente (" + agreement.getMunicipalityContact()
              + ") is automatisch geïnformeerd; volg het calamiteitenprotocol.",
          "Calamity: closed care, not back. The municipality (" + agreement.getMunicipalityContact()
              + ") has been notified automatically; follow the calamity protocol.");
    }
    if (state.policeStage == PoliceStage.MISSING_REPORT) {
      return new Step(NextStepKind.AWAIT_POLICE, state.acknowledgeBy,
          "Vermissingsmelding verstuurd aan " + unit + ". Blijf bereikbaar voor de politie en meld nieuwe informatie"
              + " en de terugkeer direct.",
          "Missing report sent to " + unit + ". Stay available to the police and report new information and the"
              + " return at once.");
    }
    if (state.riskLevel == RiskLevel.RED) {
      return new Step(NextStepKind.FILE_MISSING_REPORT, state.t0,
          "Rood: doe direct een vermissingsmelding bij de politie.",
          "Red: file a missing report with the police now.");
    }
    if (state.reassessAnswerBy != null) {
      return new Step(NextStepKind.REASSESS_RISK, state.reassessAnswerBy,
          "De jeugdige is nog niet terug: beoordeel het risico opnieuw uiterlijk " + at(state.reassessAnswerBy)
              + ", anders geldt oranje.",
          "The youth is not back: reassess the risk by " + at(state.reassessAnswerBy)
              + ", or the case becomes orange.");
    }
    if (state.policeStage == PoliceStage.CONSULTATION) {
      Long escalation = state.timers.get(TimerKind.ORANGE_ESCALATION);
      return new Step(NextStepKind.CONSULT_POLICE, escalation,
          "Oranje: overleg met " + unit + " (consultatie is verstuurd, zonder identiteit). Niet terug om "
              + at(escalation) + ": er volgt automatisch een vermissingsmelding.",
          "Orange: consult " + unit + " (a pseudonymous consultation was sent). Not back by " + at(escalation)
              + ": a full missing report follows automatically.");
    }
    Long reassess = state.timers.get(TimerKind.REASSESS_RISK);
    if (state.riskLevel == RiskLevel.GREEN) {
      return new Step(NextStepKind.REASSESS_RISK, reassess,
          "Groen: volg het eigen protocol, geen politie. Niet terug om " + at(reassess)
              + ": beoordeel het risico opnieuw.",
          "Green: follow the institution's protocol, no police. Not back by " + at(reassess)
              + ": reassess the risk.");
    }
    String placement = state.absence != null && placementOf(state) == PlacementType.CLOSED ? " (gesloten jeugdhulp)" : "";
    return new Step(NextStepKind.LOCAL_ACTIONS_AND_RISK_ASSESSMENT, reassess,
        "Onderneem lokale acties (bel de jeugdige, vrienden, familie; informeer ouders/voogd) en beoordeel het risico"
            + " (groen/oranje/rood)" + placement + ".",
        "Take local actions (call the youth, friends, family; inform parents/guardian) and assess the risk"
            + " (green/orange/red).");
  }

  private static PlacementType placementOf(CaseState state) {
    return ((nl.vermissing.events.AbsenceReported) state.absence.getPayload()).getYouth().getPlacementType();
  }

  private static String at(Long millis) {
    return millis == null ? "-" : TIME.format(Instant.ofEpochMilli(millis));
  }
}
