package nl.vermissing.catalogue;

import java.util.List;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.catalogue.Topic.Cleanup;

/**
 * The topic catalogue: every topic of the system, declared once. Each fact has its own topic with exactly one
 * writing service; code refers to these constants and never spells a topic name itself.
 */
public final class Topics {

  /** Case-keyed topics share one partition count so that they are co-partitioned for joins. */
  public static final int CASE_PARTITIONS = 3;

  public static final String INTAKE = "intake";
  public static final String CONVENANT = "convenant";
  public static final String POLICE_GATEWAY = "police-gateway";
  public static final String FOLLOW_UP = "follow-up";
  public static final String REGISTER = "register";
  public static final String SCHEMA_REGISTRY = "schema-registry";
  /** Auditors reading the audit trail (through the audit API of the gateway). */
  public static final String AUDIT = "audit";
  /** Authorised national consumers of the pseudonymised register feed (outside this system). */
  public static final String NATIONAL_CONSUMERS = "national-consumers";

  public static final Topic<YouthProfileVersion> YOUTH_PROFILES = new Topic<>(
      "intake.youth-profiles", "youthId", YouthProfileVersion.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, INTAKE,
      List.of(INTAKE),
      "Every version of every youth profile (grab pack).");

  public static final Topic<CaseEvent> CASE_EVENTS = new Topic<>(
      "intake.case-events", "caseId", CaseEvent.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, INTAKE,
      List.of(INTAKE, CONVENANT, FOLLOW_UP, REGISTER),
      "The life of each missing episode as reported by the institution: absence to closure.");

  public static final Topic<AgreementVersion> AGREEMENTS = new Topic<>(
      "convenant.agreements", "agreementId", AgreementVersion.class, Cleanup.KEEP_ALL, 1, CONVENANT,
      List.of(CONVENANT, FOLLOW_UP, REGISTER),
      "Every version of every convenant (agreement) between a police unit and youth care.");

  public static final Topic<PoliceAlert> POLICE_ALERTS = new Topic<>(
      "convenant.police-alerts", "caseId", PoliceAlert.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, CONVENANT,
      List.of(POLICE_GATEWAY, REGISTER),
      "CAP-shaped messages to a police unit: consultation, missing report, update, cancel.");

  public static final Topic<RequiredNextStep> NEXT_STEPS = new Topic<>(
      "convenant.next-steps", "caseId", RequiredNextStep.class, Cleanup.COMPACT, CASE_PARTITIONS, CONVENANT,
      List.of(INTAKE),
      "What the agreement requires next of the institution, with its deadline (latest per case).");

  public static final Topic<CalamityNotice> CALAMITY_NOTICES = new Topic<>(
      "convenant.calamity-notices", "caseId", CalamityNotice.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, CONVENANT,
      List.of(AUDIT),
      "Closed care not back in time: notices to the municipality.");

  public static final Topic<DisclosureRecord> DISCLOSURES = new Topic<>(
      "convenant.disclosure-audit", "caseId", DisclosureRecord.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, CONVENANT,
      List.of(AUDIT),
      "Every disclosure of case data: which fields, to whom, when, rule version, legal basis.");

  public static final Topic<PoliceResponse> POLICE_RESPONSES = new Topic<>(
      "police.responses", "caseId", PoliceResponse.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, POLICE_GATEWAY,
      List.of(INTAKE, POLICE_GATEWAY, REGISTER),
      "Police acknowledgements, urgency, sightings, found reports, escalations of missed acknowledgements.");

  public static final Topic<FollowUpEvent> FOLLOW_UP_EVENTS = new Topic<>(
      "followup.events", "caseId", FollowUpEvent.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, FOLLOW_UP,
      List.of(FOLLOW_UP, REGISTER),
      "Return conversations, signals, consent, referrals and repeat reviews.");

  public static final Topic<FollowUpEvent> FOLLOW_UP_COMMANDS = new Topic<>(
      "followup.commands", "youthId", FollowUpEvent.class, Cleanup.KEEP_ALL, CASE_PARTITIONS, FOLLOW_UP,
      List.of(FOLLOW_UP),
      "Outcomes and consent recorded through the follow-up API, before its topology accepts them (keyed by youth).");

  public static final Topic<RegisterEpisode> REGISTER_EPISODES = new Topic<>(
      "register.episodes", "episodeId", RegisterEpisode.class, Cleanup.COMPACT, CASE_PARTITIONS, REGISTER,
      List.of(REGISTER, NATIONAL_CONSUMERS),
      "Pseudonymised episodes of the national vermissingen register.");

  public static final Topic<AccessRecord> INTAKE_ACCESS_AUDIT = accessAudit("intake", INTAKE);
  public static final Topic<AccessRecord> CONVENANT_ACCESS_AUDIT = accessAudit("convenant", CONVENANT);
  public static final Topic<AccessRecord> POLICE_ACCESS_AUDIT = accessAudit("police", POLICE_GATEWAY);
  public static final Topic<AccessRecord> FOLLOW_UP_ACCESS_AUDIT = accessAudit("followup", FOLLOW_UP);

  /** Every Avro topic of the catalogue. */
  public static final List<Topic<?>> ALL = List.of(
      YOUTH_PROFILES, CASE_EVENTS, AGREEMENTS, POLICE_ALERTS, NEXT_STEPS, CALAMITY_NOTICES, DISCLOSURES,
      POLICE_RESPONSES, FOLLOW_UP_COMMANDS, FOLLOW_UP_EVENTS, REGISTER_EPISODES, INTAKE_ACCESS_AUDIT,
      CONVENANT_ACCESS_AUDIT, POLICE_ACCESS_AUDIT, FOLLOW_UP_ACCESS_AUDIT);

  /** The schema registry's own store (Confluent's {@code _schemas}): compacted, written by the registry only. */
  public static final String SCHEMAS = "_schemas";

  private Topics() {}

  /**
   * The dead-letter topic of one consuming service for one input topic: records it could not process, with the
   * reason and their origin in headers. Per consumer, so that each dead-letter topic has one writer.
   */
  public static String deadLetter(String consumingService, String inputTopic) {
    return inputTopic + "." + consumingService + ".dlt";
  }

  /** The topics written by one service. */
  public static List<Topic<?>> writtenBy(String service) {
    return ALL.stream().filter(t -> t.writer().equals(service)).toList();
  }

  private static Topic<AccessRecord> accessAudit(String prefix, String service) {
    return new Topic<>(prefix + ".access-audit", "actor", AccessRecord.class, Cleanup.KEEP_ALL, 1, service,
      List.of(AUDIT),
        "Reads of personal data and rule changes in the " + service + " service (append-only).");
  }
}
