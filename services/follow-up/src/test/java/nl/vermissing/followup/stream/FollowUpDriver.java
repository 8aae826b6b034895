package nl.vermissing.followup.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.ReportCancelled;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.TimeRules;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.platform.kafka.AvroTrust;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Drives the real follow-up topology with {@link TopologyTestDriver}: a private mock registry scope, exactly-once,
 * a persistent state folder and a wall clock the test advances. {@link #restart()} stops the application after its
 * last commit and starts it again on the same local state.
 */
final class FollowUpDriver implements AutoCloseable {

  static final Duration TIMER_INTERVAL = Duration.ofSeconds(5);

  private final Map<String, Object> registry;
  private final Path stateDir;
  private Instant wallClock;
  private TopologyTestDriver driver;
  private TestInputTopic<String, CaseEvent> caseEvents;
  private TestInputTopic<String, AgreementVersion> agreements;
  private TestInputTopic<String, FollowUpEvent> commands;
  private TestOutputTopic<String, FollowUpEvent> followUps;

  FollowUpDriver(Instant start) {
    AvroTrust.trustEventPackage();
    this.registry = Map.of("schema.registry.url", "mock://followup-" + UUID.randomUUID(),
        "auto.register.schemas", true, "specific.avro.reader", true);
    try {
      this.stateDir = Files.createTempDirectory("followup-ttd");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.wallClock = start;
    open();
  }

  private void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vermissing-follow-up");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(FollowUpTopology.topology(registry, TIMER_INTERVAL), props, wallClock);
    caseEvents = driver.createInputTopic(Topics.CASE_EVENTS.name(), new StringSerializer(),
        AvroSerdes.forTopic(Topics.CASE_EVENTS, registry).serializer());
    agreements = driver.createInputTopic(Topics.AGREEMENTS.name(), new StringSerializer(),
        AvroSerdes.forTopic(Topics.AGREEMENTS, registry).serializer());
    commands = driver.createInputTopic(Topics.FOLLOW_UP_COMMANDS.name(), new StringSerializer(),
        AvroSerdes.forTopic(Topics.FOLLOW_UP_COMMANDS, registry).serializer());
    followUps = driver.createOutputTopic(Topics.FOLLOW_UP_EVENTS.name(), new StringDeserializer(),
        AvroSerdes.forTopic(Topics.FOLLOW_UP_EVENTS, registry).deserializer());
  }

  /**
   * The process stops after its last commit and starts again on the same state folder. ({@code TopologyTestDriver}
   * wipes its state folder on close, as a clean shutdown with a changelog to restore from may; the committed local
   * state is therefore kept aside and put back, as a restarted instance finds it on disk.)
   */
  void restart() {
    Path kept;
    try {
      kept = Files.createTempDirectory("followup-ttd-kept");
      copy(stateDir, kept);
      driver.close();
      copy(kept, stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  Instant now() {
    return wallClock;
  }

  /** Moves the wall clock forward; due timers fire. */
  void advance(Duration duration) {
    wallClock = wallClock.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  /** Moves the wall clock to an instant (not backwards). */
  void advanceTo(Instant instant) {
    if (instant.isAfter(wallClock)) {
      advance(Duration.between(wallClock, instant));
    }
  }

  void pipe(CaseEvent event) {
    caseEvents.pipeInput(event.getCaseId(), event, wallClock);
  }

  void pipe(AgreementVersion agreement) {
    agreements.pipeInput(agreement.getAgreementId(), agreement, wallClock);
  }

  void command(FollowUpEvent command) {
    commands.pipeInput(command.getYouthId(), command, wallClock);
  }

  List<TestRecord<String, FollowUpEvent>> output() {
    return followUps.readRecordsToList();
  }

  <T> T store(String name) {
    return (T) driver.getKeyValueStore(name);
  }

  @Override
  public void close() {
    driver.close();
  }

  // ---- event factories ------------------------------------------------------------------------------------------

  static CaseEvent absence(String caseId, String youthId, String institutionId, Instant lastSeenAt, String dob) {
    YouthSnapshot youth = YouthSnapshot.newBuilder()
        .setNationalPseudonym("np-" + youthId).setProfileVersion(1).setGivenName("Sanne").setFamilyName("Jansen")
        .setDateOfBirth(dob).setSex(Sex.FEMALE).setPlacementType(PlacementType.CLOSED).build();
    return envelope(caseId, youthId, institutionId, lastSeenAt, AbsenceReported.newBuilder()
        .setLastSeenAt(lastSeenAt).setWhereaboutsKnown(false).setReportedBy("staff-1").setYouth(youth).build());
  }

  static CaseEvent returned(String caseId, String youthId, String institutionId, Instant returnedAt) {
    return envelope(caseId, youthId, institutionId, returnedAt, YouthReturned.newBuilder()
        .setReturnedAt(returnedAt).setFoundBy(FoundBy.POLICE).build());
  }

  static CaseEvent cancelled(String caseId, String youthId, String institutionId, Instant at) {
    return envelope(caseId, youthId, institutionId, at, new ReportCancelled("reported by mistake"));
  }

  static CaseEvent envelope(String caseId, String youthId, String institutionId, Instant at, Object payload) {
    return CaseEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(institutionId).setOccurredAt(at).setRecordedAt(at).setRecordedBy("staff-1")
        .setPayload(payload).build();
  }

  static FollowUpEvent command(String caseId, String youthId, String institutionId, Instant at, Object payload) {
    return FollowUpEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(institutionId).setOccurredAt(at).setRecordedBy("worker-1").setPayload(payload).build();
  }

  static AgreementVersion agreement(String agreementId, List<String> institutions, int returnHours, int windowDays,
      int threshold) {
    TimeRules rules = TimeRules.newBuilder().setReturnConversationHours(returnHours).setRepeatWindowDays(windowDays)
        .setRepeatEpisodeThreshold(threshold).build();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return AgreementVersion.newBuilder().setAgreementId(agreementId).setVersion(1).setEffectiveFrom(at)
        .setRegion("flevoland").setPoliceUnit("pu-midden-nederland").setMunicipalityContact("gemeente-lelystad")
        .setInstitutionIds(institutions).setTimeRules(rules).setSharing(SharingRules.newBuilder().build())
        .setLegalBasis("convenant").setChangedBy("admin").setChangedAt(at).build();
  }
}
