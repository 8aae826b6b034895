package nl.vermissing.platform.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A Confluent-compatible schema registry that embeds anywhere: the JDK's HTTP server in front of a
 * {@link KafkaSchemaStore}, so its schemas live in Kafka's {@code _schemas} topic and survive restarts.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final int THREADS = 4;

  private final HttpServer http;
  private final ExecutorService executor;
  private final KafkaSchemaStore store;

  private SchemaRegistryServer(HttpServer http, ExecutorService executor, KafkaSchemaStore store) {
    this.http = http;
    this.executor = executor;
    this.store = store;
  }

  /**
   * Starts a registry on the given port (0 = any free port) once its state is read from Kafka.
   *
   * @param bootstrapServers the Kafka cluster holding {@code _schemas}
   */
  public static SchemaRegistryServer start(String bootstrapServers, int port) {
    return start(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), port);
  }

  /**
   * Starts a registry with full Kafka client settings (e.g. security), for clusters that need more than an address.
   *
   * @param kafkaConfig Kafka client configuration, at least {@code bootstrap.servers}
   */
  public static SchemaRegistryServer start(Map<String, Object> kafkaConfig, int port) {
    KafkaSchemaStore store = KafkaSchemaStore.open(kafkaConfig);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "schema-registry-http-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
      http.createContext("/", new SchemaRegistryHttpHandler(store));
      http.setExecutor(executor);
      http.start();
      return new SchemaRegistryServer(http, executor, store);
    } catch (IOException e) {
      executor.shutdownNow();
      store.close();
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The base URL for clients on this host, e.g. {@code http://localhost:8081}. */
  public String url() {
    return "http://localhost:" + port();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
