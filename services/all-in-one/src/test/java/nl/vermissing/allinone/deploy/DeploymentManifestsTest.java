package nl.vermissing.allinone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.kafka.PlatformProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment descriptions (deploy/kubernetes, deploy/compose.yaml) agree with the services' own configuration:
 * every deployable service is deployed on the port it listens on; services that must write alone run as one
 * instance; every service shares the one data-key store and master key (losing either makes all personal data
 * unreadable), Kafka Streams state lives on persistent volumes, and every environment variable set is one the
 * service really reads.
 */
class DeploymentManifestsTest {

  /** Modules under services/ that are not deployed on their own. */
  private static final Set<String> NOT_DEPLOYED = Set.of("all-in-one", "benchmark", "platform");

  /** Services that must run as exactly one instance, with the reason. */
  private static final Map<String, String> SINGLE_INSTANCE = Map.of(
      "intake", "docs/intake.md: per-youth command serialisation is per instance, run one writing instance",
      "police-gateway", "docs/police-gateway.md: every instance checks deadlines, so an escalation could be written"
          + " twice",
      "follow-up", "docs/follow-up.md: the view reads local state only, run one instance",
      "schema-registry", "docs/schemas.md: one instance takes writes, ids are allocated as max + 1",
      "audit", "AuditController queries the local, partitioned Streams stores: a second instance answers with part"
          + " of the trail");

  private static final String KEY_STORE_CLAIM = "vermissing-keys";
  private static final String KEY_DIR_ENV = "VERMISSING_ENCRYPTION_KEYDIR";
  private static final String DATA_DIR_ENV = "VERMISSING_DATA_DIR";
  private static final String MASTER_KEY_ENV = EncryptionConfig.MASTER_KEY_ENV;

  /** Read by the JVM or by Spring Boot itself, in every service. */
  private static final Set<String> JVM_AND_BOOT_NAMES = Set.of(
      "JAVA_TOOL_OPTIONS", // the JVM
      "LOGGING_STRUCTURED_FORMAT_CONSOLE"); // logging.structured.format.console

  /**
   * Relaxed-binding names of PlatformProperties, read by every service that uses the platform (its config sets
   * vermissing.service-name); each is checked to bind the named component in
   * {@link #relaxedBindingNamesBindTheirProperty()}.
   */
  private static final Map<String, Function<PlatformProperties, Object>> PLATFORM_NAMES = Map.of(
      "VERMISSING_ENCRYPTION_KEYDIR", p -> p.encryption().keyDir(),
      "VERMISSING_ENCRYPTION_MASTERKEYFILE", p -> p.encryption().masterKeyFile(),
      "VERMISSING_ENCRYPTION_ENABLED", p -> p.encryption().enabled(),
      "VERMISSING_SERVICENAME", PlatformProperties::serviceName,
      "VERMISSING_SCHEMAREGISTRYURL", PlatformProperties::schemaRegistryUrl,
      "VERMISSING_DATADIR", PlatformProperties::dataDir);

  /**
   * Spring Boot's typed Kafka connection properties, applied to every client by the platform's KafkaClients (so read
   * by every service that uses the platform); each is checked to bind in
   * {@link #relaxedBindingNamesBindTheirProperty()}.
   */
  private static final Map<String, Function<KafkaProperties, Object>> SPRING_KAFKA_NAMES = Map.of(
      "SPRING_KAFKA_BOOTSTRAPSERVERS", k -> String.join(",", k.getBootstrapServers()),
      "SPRING_KAFKA_SECURITY_PROTOCOL", k -> k.getSecurity().getProtocol(),
      "SPRING_KAFKA_SSL_TRUSTSTORELOCATION", k -> k.getSsl().getTrustStoreLocation() == null ? null
          : k.getSsl().getTrustStoreLocation().getFilename(),
      "SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", k -> k.getSsl().getTrustStorePassword(),
      "SPRING_KAFKA_SSL_TRUSTSTORETYPE", k -> k.getSsl().getTrustStoreType());

  /**
   * spring.kafka.properties.* entries (raw Kafka client keys, kafka-security.md): read by every service whose Kafka
   * clients take spring.kafka.properties (the platform's KafkaClients, the schema registry's store); each is checked
   * to bind to its key in {@link #relaxedBindingNamesBindTheirProperty()}.
   */
  private static final Map<String, String> KAFKA_CLIENT_PROPERTIES = Map.of(
      "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "security.protocol",
      "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "sasl.mechanism",
      "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "sasl.jaas.config",
      "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location",
      "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD", "ssl.truststore.password",
      "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type");

  /** Secrets: an environment variable so named never carries a literal value in a manifest. */
  private static final Pattern SECRET_NAME = Pattern.compile(".*(_KEY|PASSWORD|JAAS.*)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  private static Path root;
  private static Map<String, Service> services;
  private static List<Map<String, Object>> kubernetes;
  private static Map<String, Object> compose;

  /** What one service's own configuration says. */
  record Service(String name, Path configFile, Map<String, String> properties, Map<String, String> placeholders,
      boolean usesPlatform, boolean hasStreamsTopology, boolean readsKafkaClientProperties) {

    int port() {
      String port = properties.containsKey("server.port") ? properties.get("server.port")
          // the schema registry is not a web application: its JDK HTTP server listens on this port
          : properties.get("vermissing.schema-registry.port");
      assertThat(port).as("%s: no server.port (or vermissing.schema-registry.port) in %s", name, configFile)
          .isNotNull();
      Matcher placeholder = PLACEHOLDER.matcher(port);
      return Integer.parseInt(placeholder.matches() ? placeholder.group(2) : port.trim());
    }

    /** Names this service's configuration reads: its ${NAME} placeholders and relaxed names of what it sets. */
    Set<String> readableEnvironment() {
      Set<String> names = new TreeSet<>(placeholders.keySet());
      properties.keySet().forEach(key -> names.add(relaxedName(key)));
      names.addAll(JVM_AND_BOOT_NAMES);
      if (usesPlatform) {
        names.addAll(PLATFORM_NAMES.keySet());
        names.add(MASTER_KEY_ENV);
        names.addAll(SPRING_KAFKA_NAMES.keySet());
      }
      if (readsKafkaClientProperties) {
        names.addAll(KAFKA_CLIENT_PROPERTIES.keySet());
      }
      return names;
    }
  }

  @BeforeAll
  static void load() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root (a folder with deploy/kubernetes) above the working directory").isNotNull();
    root = dir;
    services = new LinkedHashMap<>();
    try (Stream<Path> modules = Files.list(root.resolve("services"))) {
      for (Path module : modules.sorted().toList()) {
        String name = module.getFileName().toString();
        Path config = configFile(module);
        if (!NOT_DEPLOYED.contains(name) && config != null) {
          services.put(name, readService(name, module, config));
        }
      }
    }
    kubernetes = new ArrayList<>();
    for (Path file : manifestFiles()) {
      for (Object document : new Yaml().loadAll(Files.readString(file))) {
        if (document != null) {
          Map<String, Object> map = map(document);
          map.put("_file", file.getFileName().toString());
          kubernetes.add(map);
        }
      }
    }
    compose = map(new Yaml().load(Files.readString(root.resolve("deploy/compose.yaml"))));
  }

  @Test
  void everyDeployableServiceIsFound() {
    assertThat(services).as("services/<name>/src/main/resources/<name>.yml").containsKeys("intake", "register");
    assertThat(services.values()).filteredOn(Service::usesPlatform).hasSizeGreaterThan(1);
  }

  @Test
  void everyServiceHasAWorkloadAndAServiceOnItsPort() {
    for (Service service : services.values()) {
      Map<String, Object> workload = workload(service.name());
      Map<String, Object> container = container(workload, service.name());
      assertThat(list(container.get("ports")))
          .as("%s: container ports (%s says %d)", service.name(), root.relativize(service.configFile()), service.port())
          .extracting(p -> map(p).get("containerPort")).containsExactly(service.port());
      Map<String, Object> kubeService = resource("Service", service.name());
      assertThat(kubeService).as("%s: a Service in deploy/kubernetes", service.name()).isNotNull();
      Map<String, Object> spec = map(kubeService.get("spec"));
      Map<String, Object> podLabels = map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
          .get("labels"));
      assertThat(podLabels).as("%s: the Service selects the pods", service.name())
          .isNotEmpty().containsAllEntriesOf(map(spec.get("selector")));
      assertThat(map(spec.get("selector"))).as("%s: Service selector", service.name()).isNotEmpty();
      assertThat(list(spec.get("ports"))).as("%s: Service port", service.name())
          .extracting(p -> map(p).get("port")).containsExactly(service.port());
    }
  }

  @Test
  void everyServiceIsInTheComposeStackOnItsPort() {
    for (Service service : services.values()) {
      Map<String, Object> composed = composeService(service.name());
      assertThat(list(composed.get("ports"))).as("%s: published ports in compose.yaml", service.name())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.toString()).endsWith(":" + service.port()));
    }
  }

  @Test
  void singleWriterServicesRunOnceAndNeverOverlapInARollout() {
    assertThat(services.keySet()).as("services named in SINGLE_INSTANCE").containsAll(SINGLE_INSTANCE.keySet());
    SINGLE_INSTANCE.forEach((name, reason) -> {
      Map<String, Object> workload = workload(name);
      Map<String, Object> spec = map(workload.get("spec"));
      assertThat(spec.get("replicas")).as("%s replicas (%s)", name, reason).isEqualTo(1);
      if ("Deployment".equals(workload.get("kind"))) {
        // RollingUpdate would start the new pod before stopping the old one
        assertThat(map(spec.get("strategy")).get("type")).as("%s rollout strategy (%s)", name, reason)
            .isEqualTo("Recreate");
      } else {
        assertThat(workload.get("kind")).as("%s: a StatefulSet never overlaps a pod with its successor", name)
            .isEqualTo("StatefulSet");
      }
    });
    for (Service service : services.values()) {
      Map<String, Object> composed = composeService(service.name());
      Object replicas = composed.containsKey("deploy") ? map(composed.get("deploy")).get("replicas") : null;
      assertThat(replicas == null || Objects.equals(replicas, 1)).as("%s: compose replicas", service.name()).isTrue();
      assertThat(composed).as("%s: compose scale", service.name()).doesNotContainKey("scale");
    }
  }

  @Test
  void theDataKeyStoreIsOneSharedPersistentVolume() {
    Map<String, Object> claim = resource("PersistentVolumeClaim", KEY_STORE_CLAIM);
    assertThat(claim).as("PersistentVolumeClaim %s", KEY_STORE_CLAIM).isNotNull();
    assertThat(list(map(claim.get("spec")).get("accessModes"))).as("every service mounts the key store at once")
        .containsExactly("ReadWriteMany");
    Set<Object> users = new LinkedHashSet<>();
    for (Service service : platformServices()) {
      Map<String, Object> workload = workload(service.name());
      Map<String, Object> container = container(workload, service.name());
      String mountPath = mountPathOfClaim(workload, container, KEY_STORE_CLAIM);
      assertThat(mountPath).as("%s mounts the key-store claim %s", service.name(), KEY_STORE_CLAIM).isNotNull();
      Map<String, EnvValue> env = kubernetesEnv(container);
      assertThat(env.get(KEY_DIR_ENV)).as("%s: %s", service.name(), KEY_DIR_ENV)
          .isEqualTo(EnvValue.literal(mountPath));
      assertThat(env.get(MASTER_KEY_ENV)).as("%s: %s from a Secret", service.name(), MASTER_KEY_ENV)
          .isNotNull().extracting(EnvValue::fromSecret).isEqualTo(true);
      // key files are created 0600: every service must run as the same user to read the others' keys
      users.add(map(map(map(map(workload.get("spec")).get("template")).get("spec")).get("securityContext"))
          .get("runAsUser"));

      Map<String, Object> composed = composeService(service.name());
      Map<String, Object> composeEnv = map(composed.get("environment"));
      Object keyDir = composeEnv.get(KEY_DIR_ENV);
      assertThat(keyDir).as("%s: %s in compose.yaml", service.name(), KEY_DIR_ENV).isNotNull();
      assertThat(namedVolumeAt(composed, keyDir.toString())).as("%s: compose volume at %s", service.name(), keyDir)
          .isEqualTo("keys");
      assertThat(String.valueOf(composeEnv.get(MASTER_KEY_ENV))).as("%s: %s from the environment", service.name(),
          MASTER_KEY_ENV).startsWith("${" + MASTER_KEY_ENV + ":?");
    }
    assertThat(users).as("runAsUser of the services sharing the key store").hasSize(1).doesNotContainNull();
    assertThat(map(compose.get("volumes"))).containsKey("keys");
    // a service without the platform's serdes (the schema registry) never opens the store: least privilege
    services.values().stream().filter(s -> !s.usesPlatform()).forEach(service -> {
      Map<String, Object> workload = workload(service.name());
      assertThat(mountPathOfClaim(workload, container(workload, service.name()), KEY_STORE_CLAIM))
          .as("%s mounts the key store", service.name()).isNull();
      assertThat(kubernetesEnv(container(workload, service.name()))).as("%s: key-store settings", service.name())
          .doesNotContainKeys(KEY_DIR_ENV, MASTER_KEY_ENV);
      assertThat(map(composeService(service.name()).get("environment")))
          .as("%s: key-store settings in compose.yaml", service.name()).doesNotContainKeys(KEY_DIR_ENV, MASTER_KEY_ENV);
    });
  }

  @Test
  void streamsStateIsPersistentPerPodAndNothingPersistentIsAnEmptyDir() {
    assertThat(services.values()).filteredOn(Service::hasStreamsTopology).isNotEmpty();
    for (Service service : services.values()) {
      Map<String, Object> workload = workload(service.name());
      Map<String, Object> container = container(workload, service.name());
      Map<String, EnvValue> env = kubernetesEnv(container);
      List<String> mustPersist = new ArrayList<>();
      if (service.usesPlatform()) {
        assertThat(env.get(KEY_DIR_ENV)).as("%s: %s", service.name(), KEY_DIR_ENV).isNotNull();
        mustPersist.add(env.get(KEY_DIR_ENV).value());
      }
      if (service.hasStreamsTopology()) {
        assertThat(workload.get("kind")).as("%s has a Kafka Streams topology", service.name())
            .isEqualTo("StatefulSet");
        EnvValue dataDir = env.get(DATA_DIR_ENV);
        assertThat(dataDir).as("%s: %s", service.name(), DATA_DIR_ENV).isNotNull();
        mustPersist.add(dataDir.value());
        String template = volumeMountedAt(container, dataDir.value());
        assertThat(list(map(workload.get("spec")).get("volumeClaimTemplates")))
            .as("%s: %s (%s) is a volumeClaimTemplate", service.name(), DATA_DIR_ENV, dataDir.value())
            .extracting(t -> map(map(t).get("metadata")).get("name")).contains(template);

        Map<String, Object> composed = composeService(service.name());
        Object composeDataDir = map(composed.get("environment")).get(DATA_DIR_ENV);
        assertThat(composeDataDir).as("%s: %s in compose.yaml", service.name(), DATA_DIR_ENV).isNotNull();
        assertThat(namedVolumeAt(composed, composeDataDir.toString()))
            .as("%s: a named compose volume at %s", service.name(), composeDataDir).isNotNull();
      }
      Map<String, Object> volumes = podVolumes(workload);
      for (Object mount : list(container.get("volumeMounts"))) {
        String path = map(mount).get("mountPath").toString();
        Map<String, Object> volume = map(volumes.get(map(mount).get("name")));
        if (volume.containsKey("emptyDir")) {
          assertThat(mustPersist).as("%s: emptyDir at %s", service.name(), path)
              .noneMatch(persistent -> persistent.equals(path) || persistent.startsWith(path + "/")
                  || path.startsWith(persistent + "/"));
        }
      }
    }
  }

  @Test
  void podsAreProbedAndLockedDown() {
    for (Service service : services.values()) {
      Map<String, Object> workload = workload(service.name());
      Map<String, Object> pod = map(map(map(workload.get("spec")).get("template")).get("spec"));
      Map<String, Object> container = container(workload, service.name());
      // the schema registry is no web application: its HTTP server answers "/" once it has read _schemas
      boolean web = service.usesPlatform();
      assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
          .as("%s readiness", service.name())
          .isEqualTo(web ? "/actuator/health/readiness" : "/");
      assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).as("%s liveness", service.name())
          .isEqualTo(web ? "/actuator/health/liveness" : "/");
      Map<String, Object> resources = map(container.get("resources"));
      assertThat(map(resources.get("requests"))).as("%s requests", service.name()).containsKeys("cpu", "memory");
      assertThat(map(resources.get("limits"))).as("%s limits", service.name()).containsKeys("cpu", "memory");
      assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as("%s runAsNonRoot", service.name())
          .isEqualTo(true);
      Map<String, Object> containerSecurity = map(container.get("securityContext"));
      assertThat(containerSecurity.get("readOnlyRootFilesystem")).as("%s read-only root", service.name())
          .isEqualTo(true);
      assertThat(containerSecurity.get("allowPrivilegeEscalation")).isEqualTo(false);
      assertThat(map(podVolumes(workload).get(volumeMountedAt(container, "/tmp")))).as("%s: writable /tmp",
          service.name()).containsKey("emptyDir");
      // otherwise Kubernetes adds <SERVICE>_PORT=tcp://host:port (and more) for every Service, which no check above
      // sees and which may meet a placeholder (SCHEMA_REGISTRY_PORT) or, by relaxed binding, a property
      Set<String> clashes = new TreeSet<>(serviceLinkNames());
      clashes.retainAll(service.readableEnvironment());
      assertThat(pod.get("enableServiceLinks")).as("%s enableServiceLinks (service links it would read: %s)",
          service.name(), clashes).isEqualTo(false);
    }
  }

  @Test
  void everyEnvironmentVariableIsReadByTheService() {
    for (Service service : services.values()) {
      Set<String> readable = service.readableEnvironment();
      Map<String, EnvValue> env = kubernetesEnv(container(workload(service.name()), service.name()));
      assertThat(env.keySet()).as("%s: environment in deploy/kubernetes that %s does not read (readable: %s)",
          service.name(), root.relativize(service.configFile()), readable).isSubsetOf(readable);
      Set<String> composed = map(composeService(service.name()).get("environment")).keySet();
      assertThat(composed).as("%s: environment in compose.yaml that %s does not read (readable: %s)", service.name(),
          root.relativize(service.configFile()), readable).isSubsetOf(readable);
    }
  }

  @Test
  void secretsComeFromSecretsNeverFromTheManifests() {
    for (Service service : services.values()) {
      Map<String, EnvValue> env = kubernetesEnv(container(workload(service.name()), service.name()));
      env.forEach((name, value) -> {
        if (SECRET_NAME.matcher(name).matches()) {
          assertThat(value.fromSecret()).as("%s: %s comes from a Secret", service.name(), name).isTrue();
        }
      });
      Map<String, Object> composeEnv = map(composeService(service.name()).get("environment"));
      // a placeholder whose default is a development value must be set in every deployment, from a Secret
      service.placeholders().forEach((name, fallback) -> {
        if (fallback != null && fallback.contains("change-me")) {
          assertThat(env.get(name)).as("%s: %s (default '%s') from a Secret", service.name(), name, fallback)
              .isNotNull().extracting(EnvValue::fromSecret).isEqualTo(true);
          assertThat(String.valueOf(composeEnv.get(name))).as("%s: %s required from the environment in compose.yaml",
              service.name(), name).startsWith("${" + name + ":?");
        }
      });
    }
    for (Map<String, Object> configMap : resources("ConfigMap")) {
      assertThat(map(configMap.get("data")).keySet()).as("ConfigMap %s holds no secrets", name(configMap))
          .noneMatch(n -> SECRET_NAME.matcher(n).matches());
    }
  }

  @Test
  void relaxedBindingNamesBindTheirProperty() {
    PLATFORM_NAMES.forEach((name, component) -> {
      String value = name.endsWith("ENABLED") ? "false" : "/probe/" + name;
      PlatformProperties bound = binder(Map.of(name, value)).bindOrCreate("vermissing", PlatformProperties.class);
      assertThat(String.valueOf(component.apply(bound))).as("%s binds PlatformProperties", name).isEqualTo(value);
    });
    KAFKA_CLIENT_PROPERTIES.forEach((name, key) -> {
      KafkaProperties bound = binder(Map.of(name, "probe")).bindOrCreate("spring.kafka", KafkaProperties.class);
      assertThat(bound.getProperties()).as("%s binds spring.kafka.properties", name).containsExactly(
          Map.entry(key, "probe"));
    });
    SPRING_KAFKA_NAMES.forEach((name, property) -> {
      String value = name.endsWith("LOCATION") ? "file:/probe/store.p12" : "probe-" + name;
      KafkaProperties bound = binder(Map.of(name, value)).bindOrCreate("spring.kafka", KafkaProperties.class);
      assertThat(property.apply(bound)).as("%s binds KafkaProperties", name)
          .isEqualTo(name.endsWith("LOCATION") ? "store.p12" : value);
    });
    // read with System.getenv by MasterKeys, not through Spring
    assertThat(MASTER_KEY_ENV).isEqualTo("VERMISSING_MASTER_KEY");
    // and the manifests' key-store settings bind as intended
    for (Service service : platformServices()) {
      Map<String, String> env = new HashMap<>();
      kubernetesEnv(container(workload(service.name()), service.name())).forEach((n, v) -> env.put(n, v.value()));
      PlatformProperties bound = binder(env).bindOrCreate("vermissing", PlatformProperties.class);
      assertThat(bound.registryConfig().get(EncryptionConfig.KEY_DIR)).as("%s: key folder", service.name())
          .isEqualTo(env.get(KEY_DIR_ENV));
    }
  }

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    Path folder = root.resolve("deploy/kubernetes");
    Map<String, Object> kustomization = map(new Yaml().load(Files.readString(folder.resolve("kustomization.yaml"))));
    Set<String> files = new TreeSet<>();
    manifestFiles().forEach(f -> files.add(f.getFileName().toString()));
    assertThat(list(kustomization.get("resources"))).as("kustomization.yaml resources")
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** An environment variable of a manifest: a literal, or a reference to a Secret or ConfigMap key. */
  record EnvValue(String value, boolean fromSecret) {
    static EnvValue literal(String value) {
      return new EnvValue(value, false);
    }
  }

  private static Binder binder(Map<String, String> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    MutablePropertySources sources = spring.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
    ConfigurationPropertySources.attach(spring);
    return Binder.get(spring);
  }

  /** Environment of a container: envFrom ConfigMaps, then env (literals, Secret and ConfigMap references). */
  private static Map<String, EnvValue> kubernetesEnv(Map<String, Object> container) {
    Map<String, EnvValue> env = new LinkedHashMap<>();
    for (Object from : list(container.get("envFrom"))) {
      Map<String, Object> source = map(from);
      assertThat(source).as("envFrom takes ConfigMaps only (Secrets key by key)").containsOnlyKeys("configMapRef");
      configMapData(map(source.get("configMapRef")).get("name").toString())
          .forEach((name, value) -> env.put(name, EnvValue.literal(value)));
    }
    for (Object item : list(container.get("env"))) {
      Map<String, Object> variable = map(item);
      String name = variable.get("name").toString();
      if (variable.containsKey("value")) {
        env.put(name, EnvValue.literal(String.valueOf(variable.get("value"))));
      } else {
        Map<String, Object> from = map(variable.get("valueFrom"));
        if (from.containsKey("secretKeyRef")) {
          Map<String, Object> ref = map(from.get("secretKeyRef"));
          env.put(name, new EnvValue("secret:" + ref.get("name") + "/" + ref.get("key"), true));
        } else {
          Map<String, Object> ref = map(from.get("configMapKeyRef"));
          String value = configMapData(ref.get("name").toString()).get(ref.get("key").toString());
          assertThat(value).as("%s: ConfigMap %s key %s", name, ref.get("name"), ref.get("key")).isNotNull();
          env.put(name, EnvValue.literal(value));
        }
      }
    }
    return env;
  }

  private static Map<String, String> configMapData(String name) {
    Map<String, Object> configMap = resource("ConfigMap", name);
    assertThat(configMap).as("ConfigMap %s in deploy/kubernetes", name).isNotNull();
    Map<String, String> data = new LinkedHashMap<>();
    map(configMap.get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
    return data;
  }

  /** The variables Kubernetes sets in every pod for every Service unless enableServiceLinks is false. */
  private static Set<String> serviceLinkNames() {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> service : resources("Service")) {
      String prefix = name(service).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      names.addAll(List.of(prefix + "_SERVICE_HOST", prefix + "_SERVICE_PORT", prefix + "_PORT"));
      for (Object port : list(map(service.get("spec")).get("ports"))) {
        String tcp = prefix + "_PORT_" + map(port).get("port") + "_TCP";
        names.addAll(List.of(tcp, tcp + "_PROTO", tcp + "_PORT", tcp + "_ADDR"));
        if (map(port).get("name") != null) {
          names.add(prefix + "_SERVICE_PORT_" + map(port).get("name").toString().toUpperCase(java.util.Locale.ROOT)
              .replace('-', '_'));
        }
      }
    }
    return names;
  }

  private static List<Service> platformServices() {
    List<Service> platform = services.values().stream().filter(Service::usesPlatform).toList();
    assertThat(platform).isNotEmpty();
    return platform;
  }

  private static Map<String, Object> workload(String name) {
    List<Map<String, Object>> found = kubernetes.stream()
        .filter(d -> Set.of("Deployment", "StatefulSet").contains(d.get("kind")) && name.equals(name(d))).toList();
    assertThat(found).as("a Deployment or StatefulSet named %s in deploy/kubernetes", name).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> container(Map<String, Object> workload, String name) {
    List<Object> containers = list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("containers"));
    return containers.stream().map(DeploymentManifestsTest::map).filter(c -> name.equals(c.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + workload.get("_file")));
  }

  private static Map<String, Object> podVolumes(Map<String, Object> workload) {
    Map<String, Object> volumes = new HashMap<>();
    for (Object volume : list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("volumes"))) {
      volumes.put(map(volume).get("name").toString(), volume);
    }
    for (Object template : list(map(workload.get("spec")).get("volumeClaimTemplates"))) {
      volumes.put(map(map(template).get("metadata")).get("name").toString(), Map.of("volumeClaimTemplate", template));
    }
    return volumes;
  }

  private static String volumeMountedAt(Map<String, Object> container, String path) {
    return list(container.get("volumeMounts")).stream().map(DeploymentManifestsTest::map)
        .filter(m -> path.equals(m.get("mountPath"))).map(m -> m.get("name").toString()).findFirst()
        .orElseThrow(() -> new AssertionError("no volume at " + path + " in container " + container.get("name")));
  }

  private static String mountPathOfClaim(Map<String, Object> workload, Map<String, Object> container, String claim) {
    Map<String, Object> volumes = podVolumes(workload);
    for (Object mount : list(container.get("volumeMounts"))) {
      Map<String, Object> volume = map(volumes.get(map(mount).get("name")));
      if (claim.equals(map(volume.get("persistentVolumeClaim")).get("claimName"))) {
        return map(mount).get("mountPath").toString();
      }
    }
    return null;
  }

  /** The named (not bind-mounted) compose volume at a container path, or null. */
  private static String namedVolumeAt(Map<String, Object> composed, String path) {
    for (Object volume : list(composed.get("volumes"))) {
      String[] parts = volume.toString().split(":");
      if (parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
        assertThat(map(compose.get("volumes"))).as("top-level compose volume %s", parts[0]).containsKey(parts[0]);
        return parts[0];
      }
    }
    return null;
  }

  private static Map<String, Object> composeService(String name) {
    Object service = map(compose.get("services")).get(name);
    assertThat(service).as("service %s in deploy/compose.yaml", name).isNotNull();
    return map(service);
  }

  private static Map<String, Object> resource(String kind, String name) {
    return kubernetes.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(name(d))).findFirst()
        .orElse(null);
  }

  private static List<Map<String, Object>> resources(String kind) {
    return kubernetes.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  private static String name(Map<String, Object> resource) {
    return String.valueOf(map(resource.get("metadata")).get("name"));
  }

  private static List<Path> manifestFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("deploy/kubernetes"))) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(f -> !f.getFileName().toString().startsWith("kustomization.")).sorted().toList();
    }
  }

  private static Path configFile(Path module) {
    Path resources = module.resolve("src/main/resources");
    for (String candidate : List.of(module.getFileName() + ".yml", "application.yml", "application.properties")) {
      if (Files.isRegularFile(resources.resolve(candidate))) {
        return resources.resolve(candidate);
      }
    }
    return null;
  }

  private static Service readService(String name, Path module, Path config) throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    if (config.toString().endsWith(".properties")) {
      Properties loaded = new Properties();
      try (InputStream in = Files.newInputStream(config)) {
        loaded.load(in);
      }
      loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key)));
    } else {
      flatten("", new Yaml().load(Files.readString(config)), properties);
    }
    Map<String, String> placeholders = new LinkedHashMap<>();
    Matcher matcher = PLACEHOLDER.matcher(Files.readString(config));
    while (matcher.find()) {
      placeholders.put(matcher.group(1), matcher.group(2));
    }
    String code;
    try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
      code = String.join("\n", sources.filter(f -> f.toString().endsWith(".java")).map(f -> read(f)).toList());
    }
    boolean platform = properties.containsKey("vermissing.service-name");
    return new Service(name, config, properties, placeholders, platform, code.contains("@EnableKafkaStreams"),
        platform || code.contains("\"spring.kafka.properties\""));
  }

  private static void flatten(String prefix, Object node, Map<String, String> into) {
    if (node instanceof Map<?, ?> children) {
      children.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, into));
    } else if (!(node instanceof List<?>) && node != null) {
      into.put(prefix, node.toString());
    }
  }

  /** Spring Boot's environment name of a property: spring.kafka.bootstrap-servers is SPRING_KAFKA_BOOTSTRAPSERVERS. */
  private static String relaxedName(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node == null ? new LinkedHashMap<>() : (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }
}
