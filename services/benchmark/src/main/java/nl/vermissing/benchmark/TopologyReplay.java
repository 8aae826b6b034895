package nl.vermissing.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.convenant.domain.DefaultRules;
import nl.vermissing.convenant.stream.ConvenantSettings;
import nl.vermissing.convenant.stream.ConvenantTopology;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.Contact;
import nl.vermissing.events.FoundBy;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskAssessed;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.YouthReturned;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.followup.stream.FollowUpTopology;
import nl.vermissing.platform.kafka.EmbeddedKafkaBroker;
import nl.vermissing.platform.kafka.KafkaConventions;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import nl.vermissing.register.domain.EpisodeIds;
import nl.vermissing.register.domain.RegisterRules;
import nl.vermissing.register.stream.RegisterTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Events per second through each Kafka Streams topology of the system (register, convenant, follow-up), replaying a
 * log of synthetic case events: per case a red absence of a youth in closed care, a red risk assessment and the
 * return; 10,000 youths with about 33 episodes each (over 1,000,000 events); personal fields sealed with field
 * encryption as in the system. Each topology is built by its plain build method and run as a fresh exactly-once
 * Streams app with the platform's config, on a broker of its own, from start until the app has committed its whole
 * input (and its own internal topics) to the end.
 */
final class TopologyReplay {

  /**
   * @param sources the catalogue topics the topology reads (register's other inputs are still empty: it runs first)
   * @param inputRecords records in those topics (end offsets; a transaction marker counts as one)
   * @param caseEvents of which case events
   * @param secondsToRunning from {@code start()} until the app was RUNNING (group join, global stores restored)
   * @param secondsToEnd from {@code start()} until every input record was processed and committed
   * @param recordsPerSecond input records / (secondsToEnd - secondsToRunning)
   * @param caseEventsPerSecond case events / (secondsToEnd - secondsToRunning)
   */
  record Result(String topology, List<String> sources, long inputRecords, long caseEvents, double secondsToRunning,
      double secondsToEnd, double recordsPerSecond, double caseEventsPerSecond) {}

  /** @param loadEventsPerSecond how fast the synthetic log was written (idempotent producer, Avro, encryption) */
  record Outcome(long events, double loadEventsPerSecond, List<Result> topologies) {}

  private static final int YOUTHS = 10_000;
  private final Progress progress;

  TopologyReplay(Progress progress) {
    this.progress = progress;
  }

  Outcome run(long events, Path dir) {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
      String bootstrap = broker.bootstrapServers();
      Map<String, Object> registryConfig =
          new PlatformProperties("benchmark", registry.url(), dir.toString(), List.of(), null).registryConfig();
      createTopics(bootstrap);
      progress.step("replay: writing %,d synthetic case events (%,d cases of %,d youths)", events, events / 3, YOUTHS);
      long started = System.nanoTime();
      produce(bootstrap, registryConfig, events);
      double load = events / ((System.nanoTime() - started) / 1e9);
      progress.step("replay: written at %,.0f events/s", load);

      List<Result> results = new ArrayList<>();
      // register first: it also reads alerts and follow-up events, which the other replays would add to its input
      results.add(replay("register (RegisterTopology)", Topics.REGISTER, bootstrap, registryConfig, dir, events,
          builder -> RegisterTopology.build(builder, registryConfig, new EpisodeIds("benchmark-episode-key-0123456789"),
              RegisterRules.defaults(), Duration.ofHours(1))));
      results.add(replay("convenant (ConvenantTopology)", "convenant", bootstrap, registryConfig, dir, events,
          builder -> ConvenantTopology.build(builder, new ConvenantSettings(
              DefaultRules.defaultAgreement("flevoland", PoliceFeed.UNIT, "gemeente-lelystad", "benchmark"),
              Map.of(IntakeApi.INSTITUTION, "flevoland"), Duration.ofSeconds(1), registryConfig))));
      results.add(replay("follow-up (FollowUpTopology)", "follow-up", bootstrap, registryConfig, dir, events,
          builder -> FollowUpTopology.build(builder, registryConfig, FollowUpTopology.DEFAULT_TIMER_INTERVAL)));
      return new Outcome(events, Math.round(load), results);
    }
  }

  private Result replay(String name, String service, String bootstrap, Map<String, Object> registryConfig,
      Path dir, long events, Consumer<StreamsBuilder> topology) {
    String applicationId = "benchmark-replay-" + service + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> config = KafkaConventions.streams(bootstrap, applicationId, service,
        dir.resolve("streams").resolve(applicationId).toString());
    config.putAll(registryConfig);
    StreamsBuilder builder = new StreamsBuilder();
    topology.accept(builder);
    Properties props = new Properties();
    props.putAll(config);
    Topology built = builder.build(props);
    Set<String> sources = sourceTopics(built);
    try (KafkaStreams streams = new KafkaStreams(built, props);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long input = endOffsets(admin, sources).values().stream().mapToLong(Long::longValue).sum();
      progress.step("replay: %s: replaying %,d input records (%s)", name, input, String.join(", ", sources));
      long started = System.nanoTime();
      streams.start();
      Pacer.await(() -> streams.state() == KafkaStreams.State.RUNNING || streams.state().hasCompletedShutdown(),
          Duration.ofMinutes(2));
      long running = System.nanoTime();
      long timeoutMinutes = 5 + input / 20_000;
      boolean done = Pacer.await(() -> caughtUp(admin, applicationId, sources), Duration.ofMinutes(timeoutMinutes));
      long finished = System.nanoTime();
      if (!done || streams.state() != KafkaStreams.State.RUNNING) {
        throw new IllegalStateException(name + " did not process the replay (state " + streams.state() + ")");
      }
      double toRunning = round((running - started) / 1e9);
      double toEnd = round((finished - started) / 1e9);
      double seconds = Math.max(0.001, (finished - running) / 1e9);
      Result result = new Result(name, List.copyOf(sources), input, events, toRunning, toEnd,
          Math.round(input / seconds), Math.round(events / seconds));
      progress.step("replay: %s: %,.0f input records/s (RUNNING after %.1f s, input consumed after %.1f s)", name,
          result.recordsPerSecond(), toRunning, toEnd);
      return result;
    }
  }

  /** The catalogue topics the topology's stream threads read (not its internal topics, not global stores). */
  private static Set<String> sourceTopics(Topology topology) {
    Set<String> catalogue = new HashSet<>();
    Topics.ALL.forEach(t -> catalogue.add(t.name()));
    Set<String> sources = new java.util.TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().stream().filter(catalogue::contains).forEach(sources::add);
        }
      }
    }
    return sources;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
          description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
              OffsetSpec.latest())));
      return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("end offsets not read", e);
    }
  }

  /**
   * Whether the app has committed its input topic and its internal topics (repartition, foreign-key subscription)
   * up to their committed end.
   */
  private static boolean caughtUp(Admin admin, String applicationId, Set<String> sources) {
    try {
      Set<String> topics = new HashSet<>(sources);
      admin.listTopics().names().get().stream()
          .filter(t -> t.startsWith(applicationId + "-") && !t.endsWith("-changelog")).forEach(topics::add);
      Map<TopicPartition, Long> end = endOffsets(admin, topics);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      return end.entrySet().stream().allMatch(e -> {
        OffsetAndMetadata c = committed.get(e.getKey());
        return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | RuntimeException e) {
      return false;
    }
  }

  private static void produce(String bootstrap, Map<String, Object> registryConfig, long events) {
    Map<String, Object> config = KafkaConventions.producer(bootstrap);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    var serializer = AvroSerdes.forTopic(Topics.CASE_EVENTS, registryConfig).serializer();
    Instant now = Instant.now();
    try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
        serializer)) {
      String caseId = null;
      for (long j = 0; j < events; j++) {
        long caseNo = j / 3;
        if (j % 3 == 0) {
          caseId = UUID.nameUUIDFromBytes(("benchmark-case-" + caseNo).getBytes()).toString();
        }
        producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), caseId, event(caseId, caseNo, (int) (j % 3),
            now)));
      }
      producer.flush();
    }
  }

  /** The {@code step}-th event (0 absence, 1 red assessment, 2 return) of case {@code caseNo}. */
  static CaseEvent event(String caseId, long caseNo, int step, Instant now) {
    String youthId = "benchmark-youth-" + (caseNo % YOUTHS);
    Instant t0 = now.minus(Duration.ofHours(3)).plusSeconds(caseNo % 3_600);
    Object payload;
    Instant at;
    switch (step) {
      case 0 -> {
        at = t0;
        payload = AbsenceReported.newBuilder().setLastSeenAt(t0)
            .setLastSeenLocation("Bij de voordeur van De Horizon, Lelystad")
            .setClothing("Zwarte jas, blauwe spijkerbroek, witte sneakers").setWhereaboutsKnown(false)
            .setReportedBy("Sanne de Vries").setYouth(snapshot(youthId, caseNo)).build();
      }
      case 1 -> {
        at = t0.plusSeconds(300);
        payload = RiskAssessed.newBuilder().setIndicators(List.of()).setRequiredMinimum(RiskLevel.RED)
            .setLevel(RiskLevel.RED).setRationale("Gesloten plaatsing met machtiging").build();
      }
      default -> {
        at = t0.plusSeconds(1_800);
        payload = YouthReturned.newBuilder().setReturnedAt(at).setLocation("De Horizon")
            .setFoundBy(FoundBy.RETURNED_SELF).setCircumstances("Zelf teruggekomen").build();
      }
    }
    return CaseEvent.newBuilder().setEventId(caseId + "-" + step).setCaseId(caseId).setYouthId(youthId)
        .setInstitutionId(IntakeApi.INSTITUTION).setOccurredAt(at).setRecordedAt(at).setRecordedBy("staf.horizon")
        .setPayload(payload).build();
  }

  private static YouthSnapshot snapshot(String youthId, long caseNo) {
    return YouthSnapshot.newBuilder()
        .setNationalPseudonym(Integer.toHexString(youthId.hashCode()))
        .setProfileVersion(1)
        .setGivenName("Benchmark").setFamilyName("Jongere " + (caseNo % YOUTHS))
        .setDateOfBirth("2010-05-17").setSex(Sex.FEMALE)
        .setPhysicalDescription("1.62 m, slank, lang donker haar, litteken boven linkerwenkbrauw")
        .setContacts(List.of(
            Contact.newBuilder().setName("Vriendin").setRelation("vriendin").setPhone("0612345678")
                .setAddress("Lelystad").build(),
            Contact.newBuilder().setName("Onbekende man").setRelation("contact via sociale media")
                .setSuspectedExploiter(true).build()))
        .setPlaces(List.of(Place.newBuilder().setDescription("Station Lelystad Centrum").build(),
            Place.newBuilder().setDescription("Winkelcentrum Batavia Stad").build()))
        .setSafetyMedicalNeeds("Heeft dagelijks medicatie nodig")
        .setKnownRisks(List.of(KnownRisk.SEXUAL_EXPLOITATION))
        .setPlacementType(PlacementType.CLOSED)
        .setLegalTitle(LegalTitle.newBuilder().setKind(LegalTitleKind.MACHTIGING_GESLOTEN_JEUGDHULP)
            .setValidUntil(LocalDate.now().plusYears(1)).build())
        .build();
  }

  private static void createTopics(String bootstrap) {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic<?> topic : Topics.ALL) {
      topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig()));
    }
    for (String service : List.of(Topics.CONVENANT, Topics.FOLLOW_UP, Topics.REGISTER)) {
      for (Topic<?> input : Topics.ALL) {
        topics.add(new NewTopic(Topics.deadLetter(service, input.name()), 1, (short) 1));
      }
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> existing = admin.listTopics().names().get();
      admin.createTopics(topics.stream().filter(t -> !existing.contains(t.name())).toList()).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay topics not created", e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
