package nl.vermissing.convenant.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.convenant.Fixtures;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RequiredNextStep;
import nl.vermissing.platform.registry.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** Drives the real topology with a TopologyTestDriver: a mock registry, a state folder, and test-controlled time. */
final class EngineHarness implements AutoCloseable {

  final Map<String, Object> registry;
  final ConvenantSettings settings;
  final Path stateDir;
  TopologyTestDriver driver;
  Instant now;
  TestInputTopic<String, CaseEvent> events;
  TestInputTopic<String, AgreementVersion> agreements;
  TestOutputTopic<String, PoliceAlert> alerts;
  TestOutputTopic<String, RequiredNextStep> nextSteps;
  TestOutputTopic<String, CalamityNotice> calamities;
  TestOutputTopic<String, DisclosureRecord> disclosures;

  EngineHarness(Path stateDir, Instant start) {
    this(stateDir, start, Map.of("inst-anker", "flevoland", "inst-horizon", "flevoland"));
  }

  EngineHarness(Path stateDir, Instant start, Map<String, String> institutionRegions) {
    this.registry = Map.of("schema.registry.url", "mock://convenant-" + UUID.randomUUID(),
        "auto.register.schemas", true, "specific.avro.reader", true);
    this.settings = new ConvenantSettings(Fixtures.defaultAgreement(), institutionRegions, Duration.ofSeconds(1),
        registry);
    this.stateDir = stateDir;
    open(start);
  }

  /** Starts a driver on the state folder, with the wall clock at the given moment. */
  void open(Instant start) {
    StreamsBuilder builder = new StreamsBuilder();
    ConvenantTopology.build(builder, settings);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vermissing-convenant-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    now = start;
    driver = new TopologyTestDriver(builder.build(), props, start);
    events = input(Topics.CASE_EVENTS);
    agreements = input(Topics.AGREEMENTS);
    alerts = output(Topics.POLICE_ALERTS);
    nextSteps = output(Topics.NEXT_STEPS);
    calamities = output(Topics.CALAMITY_NOTICES);
    disclosures = output(Topics.DISCLOSURES);
  }

  /** Simulates a crash and restart on the same disk: copies the (flushed) state folder, opens a new driver on it. */
  EngineHarness restartOnCopy(Path copy) {
    copyTree(stateDir, copy);
    driver.close();
    EngineHarness restarted = new EngineHarness(copy, now, settings, registry);
    return restarted;
  }

  private EngineHarness(Path stateDir, Instant start, ConvenantSettings settings, Map<String, Object> registry) {
    this.registry = registry;
    this.settings = settings;
    this.stateDir = stateDir;
    open(start);
  }

  void pipe(CaseEvent event) {
    events.pipeInput(event.getCaseId(), event, now);
  }

  void pipe(AgreementVersion agreement) {
    agreements.pipeInput(agreement.getAgreementId(), agreement, now);
  }

  /** Lets wall-clock time pass; punctuation fires the due deadlines. */
  void advance(Duration duration) {
    now = now.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  /** Advances the wall clock step by step (like a running service checking every second). */
  void advanceInSteps(Duration total, Duration step) {
    for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
      advance(step);
    }
  }

  List<PoliceAlert> alerts() {
    return alerts.readValuesToList();
  }

  List<RequiredNextStep> steps() {
    return nextSteps.readValuesToList();
  }

  RequiredNextStep lastStep() {
    List<RequiredNextStep> steps = steps();
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }

  List<DisclosureRecord> disclosures() {
    return disclosures.readValuesToList();
  }

  List<CalamityNotice> calamities() {
    return calamities.readValuesToList();
  }

  private <V extends SpecificRecord> TestInputTopic<String, V> input(Topic<V> topic) {
    return driver.createInputTopic(topic.name(), new StringSerializer(),
        AvroSerdes.forTopic(topic, registry).serializer());
  }

  private <V extends SpecificRecord> TestOutputTopic<String, V> output(Topic<V> topic) {
    return driver.createOutputTopic(topic.name(), new StringDeserializer(),
        AvroSerdes.forTopic(topic, registry).deserializer());
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
      driver = null;
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.getFileName().toString().equals(".lock")) {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
