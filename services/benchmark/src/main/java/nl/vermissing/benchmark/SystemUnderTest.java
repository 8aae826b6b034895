package nl.vermissing.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.vermissing.allinone.AllInOne;
import nl.vermissing.allinone.AllInOneSettings;
import nl.vermissing.allinone.ServiceDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system started in this JVM on a fresh data folder (embedded broker, schema registry, gateway and every
 * service), on free ports so that it never collides with a system already running on this machine. Start-up is
 * timed until the gateway's health (which aggregates broker, registry and every service) says UP.
 */
final class SystemUnderTest implements AutoCloseable {

  /** Start-up: from JVM launch and from the call to {@code AllInOne.start} until the gateway's health said UP. */
  record Startup(long jvmLaunchToHealthyMillis, long startCallToHealthyMillis, long startCallReturnedMillis) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AllInOne system;
  private final String baseUrl;
  private final Startup startup;
  private final Map<String, String> portNames = new HashMap<>();

  private SystemUnderTest(AllInOne system, String baseUrl, Startup startup, int httpPort, int offset) {
    this.system = system;
    this.baseUrl = baseUrl;
    this.startup = startup;
    portNames.put(String.valueOf(httpPort), "gateway");
    ServiceDefinition.ALL.forEach(s -> portNames.put(String.valueOf(s.port() + offset), s.name()));
  }

  /** Names Tomcat threads ({@code http-nio-<port>-exec-N}) by the service listening on the port. */
  String nameThreads(String group) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^http-nio-(\\d+)-(.*)$").matcher(group);
    return m.matches() && portNames.containsKey(m.group(1))
        ? "Tomcat " + portNames.get(m.group(1)) + " (http-nio-" + m.group(2) + ")" : group;
  }

  static SystemUnderTest start(Path dataDir, Duration healthTimeout) {
    int httpPort = freePort();
    int offset = freeServicePortOffset();
    long called = System.currentTimeMillis();
    long calledNanos = System.nanoTime();
    AllInOne system = AllInOne.start(new AllInOneSettings(dataDir, httpPort, 0, 0, false, offset));
    long returned = (System.nanoTime() - calledNanos) / 1_000_000;
    String baseUrl = "http://localhost:" + httpPort;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean healthy = Pacer.await(() -> healthy(http, baseUrl), healthTimeout);
    if (!healthy) {
      system.close();
      throw new IllegalStateException("the system did not report UP within " + healthTimeout);
    }
    long healthyAt = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    return new SystemUnderTest(system, baseUrl,
        new Startup(healthyAt - jvmStart, healthyAt - called, returned), httpPort, offset);
  }

  String baseUrl() {
    return baseUrl;
  }

  String bootstrapServers() {
    return system.bootstrapServers();
  }

  Startup startup() {
    return startup;
  }

  @Override
  public void close() {
    system.close();
  }

  private static boolean healthy(HttpClient http, String baseUrl) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 && "UP".equals(JSON.readTree(answer.body()).path("status").asString());
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An offset under which every service port is free (the services listen on their fixed port + offset). */
  private static int freeServicePortOffset() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int offset = 20_000 + ThreadLocalRandom.current().nextInt(300) * 100;
      if (ServiceDefinition.ALL.stream().allMatch(s -> free(s.port() + offset))) {
        return offset;
      }
    }
    throw new IllegalStateException("no free block of service ports found");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
