package nl.vermissing.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, with its data in a
 * folder that survives restarts. Configured for exactly-once on one node (replication factor and min ISR 1).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  /** Starts a plaintext broker on the given port (0 = any free port), formatting the data folder on first use only. */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    try {
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      return start(dataDir, brokerPort, defaults(dataDir, brokerPort, controllerPort), List.of(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a broker whose client listener requires SASL_SSL with SCRAM-SHA-512 and authorises every request with
   * ACLs (deny when no ACL matches); {@code security.adminUser()} is the only super user.
   */
  public static EmbeddedKafkaBroker startSaslSsl(Path dataDir, int port, SaslSsl security) {
    try {
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Properties props = defaults(dataDir, brokerPort, controllerPort);
      props.putAll(security.brokerConfig(brokerPort, controllerPort));
      return start(dataDir, brokerPort, props,
          List.of("--add-scram", "SCRAM-SHA-512=[name=" + security.adminUser() + ",password="
              + security.adminPassword() + "]"),
          security.clientConfig(security.adminUser(), security.adminPassword()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, Properties props, List<String> formatArgs,
      Map<String, Object> clientConfig) throws IOException {
    Files.createDirectories(dataDir);
    Path logDir = Path.of(props.getProperty("log.dirs"));
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(props, dataDir, formatArgs);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    String bootstrap = "localhost:" + brokerPort;
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, dataDir);
    broker.awaitReady(Duration.ofSeconds(60), clientConfig);
    log.info("Kafka broker (KRaft, in-process) ready on {} with data in {}", bootstrap, logDir);
    return broker;
  }

  /** SASL_SSL with SCRAM-SHA-512 on the client listener; key and trust stores in PKCS12. */
  public record SaslSsl(Path keyStore, Path trustStore, String storePassword, String adminUser,
      String adminPassword) {

    Map<String, String> brokerConfig(int brokerPort, int controllerPort) {
      Map<String, String> c = new java.util.HashMap<>();
      c.put("listeners", "SASL_SSL://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
      c.put("advertised.listeners", "SASL_SSL://localhost:" + brokerPort);
      c.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
      c.put("inter.broker.listener.name", "SASL_SSL");
      c.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
      c.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
      c.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(adminUser, adminPassword));
      c.put("ssl.keystore.type", "PKCS12");
      c.put("ssl.keystore.location", keyStore.toString());
      c.put("ssl.keystore.password", storePassword);
      c.put("ssl.key.password", storePassword);
      c.put("ssl.truststore.type", "PKCS12");
      c.put("ssl.truststore.location", trustStore.toString());
      c.put("ssl.truststore.password", storePassword);
      c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      c.put("allow.everyone.if.no.acl.found", "false");
      // the controller listener is local to this process and unauthenticated (ANONYMOUS)
      c.put("super.users", "User:" + adminUser + ";User:ANONYMOUS");
      return c;
    }

    /** Client settings for a principal: what a service puts under {@code spring.kafka.properties}. */
    public Map<String, Object> clientConfig(String user, String password) {
      return Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config", jaas(user, password),
          "ssl.truststore.type", "PKCS12",
          "ssl.truststore.location", trustStore.toString(),
          "ssl.truststore.password", storePassword);
    }

    private static String jaas(String user, String password) {
      return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
          + "\" password=\"" + password + "\";";
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static Properties defaults(Path dataDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("kafka-logs").toString());
    // one node: every internal topic has one replica, so exactly-once works
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");
    // the log cleaner reserves this buffer on the heap; 128 MiB by default is far too much here
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    return p;
  }

  private static void format(Properties props, Path dataDir, List<String> extraArgs) throws IOException {
    Path config = dataDir.resolve("server.properties");
    try (var out = Files.newOutputStream(config)) {
      props.store(out, "in-process KRaft broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(List.of(
        "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"));
    args.addAll(extraArgs);
    int exit = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitReady(Duration timeout, Map<String, Object> clientConfig) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Object> config = new java.util.HashMap<>(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000));
    config.putAll(clientConfig);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get().isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("Kafka broker not ready within " + timeout, e);
          }
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
