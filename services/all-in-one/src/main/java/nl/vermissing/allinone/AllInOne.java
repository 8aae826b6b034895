package nl.vermissing.allinone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.vermissing.allinone.demo.DemoData;
import nl.vermissing.allinone.gateway.GatewayApplication;
import nl.vermissing.platform.kafka.AvroTrust;
import nl.vermissing.platform.kafka.EmbeddedKafkaBroker;
import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one JVM, for a newcomer's laptop: a real Kafka broker (KRaft) with its data in a local
 * folder, the schema registry, the identity provider and web entry point on one port, and every service as its own
 * Spring application on its own port, exactly as each would run when deployed on its own.
 */
public final class AllInOne implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AllInOne.class);

  private final AllInOneSettings settings;
  private final EmbeddedKafkaBroker broker;
  private final SchemaRegistryServer registry;
  private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

  private AllInOne(AllInOneSettings settings, EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
    this.settings = settings;
    this.broker = broker;
    this.registry = registry;
  }

  public static void main(String[] args) {
    AllInOne system = start(AllInOneSettings.fromEnvironment(args));
    Runtime.getRuntime().addShutdownHook(new Thread(system::close, "all-in-one-shutdown"));
  }

  public static AllInOne start(AllInOneSettings settings) {
    long started = System.nanoTime();
    AvroTrust.trustEventPackage();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
    SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), settings.registryPort());
    AllInOne system = new AllInOne(settings, broker, registry);
    try {
      system.applications.add(system.startGateway());
      system.startServices();
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
    log.info("Vermissing all-in-one started in {} ms: open {}", (System.nanoTime() - started) / 1_000_000,
        settings.issuerUri());
    if (settings.demoData()) {
      DemoData.loadInBackground(system);
    }
    return system;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public AllInOneSettings settings() {
    return settings;
  }

  private ConfigurableApplicationContext startGateway() {
    Map<String, Object> properties = commonProperties("gateway");
    properties.put("server.port", settings.httpPort());
    properties.put("vermissing.gateway.registry-url", registry.url());
    properties.put("vermissing.gateway.demo-data", settings.demoData());
    StringBuilder routes = new StringBuilder();
    for (ServiceDefinition service : ServiceDefinition.ALL) {
      if (available(service)) {
        properties.put("vermissing.gateway.routes." + service.apiPrefix(), "http://localhost:" + settings.portOf(service));
        routes.append(service.name()).append(' ');
      }
    }
    log.info("entry point routes to: {}", routes);
    return new SpringApplicationBuilder(GatewayApplication.class).run(arguments(properties));
  }

  /** Services start two at a time: Spring start-up is CPU-bound and the machine has two cores. */
  private void startServices() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
      for (ServiceDefinition service : ServiceDefinition.ALL) {
        if (!available(service)) {
          log.warn("service {} is not on the classpath; not started", service.name());
          continue;
        }
        starting.add(pool.submit(() -> startService(service)));
      }
      for (Future<ConfigurableApplicationContext> future : starting) {
        applications.add(future.get());
      }
    } catch (Exception e) {
      throw new IllegalStateException("a service failed to start", e);
    } finally {
      pool.shutdown();
    }
  }

  private ConfigurableApplicationContext startService(ServiceDefinition service) throws ClassNotFoundException {
    Class<?> application = Class.forName(service.applicationClass());
    Map<String, Object> properties = commonProperties(service.name());
    properties.put("server.port", settings.portOf(service));
    return new SpringApplicationBuilder(application).run(arguments(properties));
  }

  private Map<String, Object> commonProperties(String serviceName) {
    Map<String, Object> properties = new LinkedHashMap<>();
    // each service reads its own <name>.yml: all services share one classpath here
    properties.put("spring.config.name", serviceName);
    properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
    properties.put("vermissing.schema-registry-url", registry.url());
    properties.put("vermissing.data-dir", settings.dataDir().toString());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", settings.issuerUri());
    properties.put("spring.jmx.enabled", false);
    properties.put("spring.main.banner-mode", "off");
    return new HashMap<>(properties);
  }

  /** As command-line arguments: they take precedence over each service's own configuration file. */
  private static String[] arguments(Map<String, Object> properties) {
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  private static boolean available(ServiceDefinition service) {
    try {
      Class.forName(service.applicationClass(), false, AllInOne.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    for (int i = applications.size() - 1; i >= 0; i--) {
      try {
        applications.get(i).close();
      } catch (RuntimeException e) {
        log.warn("closing {} failed", applications.get(i).getId(), e);
      }
    }
    applications.clear();
    registry.close();
    broker.close();
  }
}
