package nl.vermissing.allinone;

import java.nio.file.Path;

/**
 * Where the embedded system keeps its data and which ports it uses. Read from system properties or environment
 * variables, e.g. {@code -Dvermissing.data-dir=...} or {@code VERMISSING_DATA_DIR}.
 */
public record AllInOneSettings(Path dataDir, int httpPort, int kafkaPort, int registryPort, boolean demoData,
    int servicePortOffset) {

  public static AllInOneSettings fromEnvironment(String[] args) {
    boolean demo = Boolean.parseBoolean(setting("vermissing.demo", "false"));
    for (String arg : args) {
      if (arg.equals("--demo")) {
        demo = true;
      }
    }
    return new AllInOneSettings(
        Path.of(setting("vermissing.data-dir", "data")).toAbsolutePath(),
        Integer.parseInt(setting("vermissing.http-port", "8080")),
        Integer.parseInt(setting("vermissing.kafka-port", "9092")),
        Integer.parseInt(setting("vermissing.registry-port", "8081")),
        demo,
        Integer.parseInt(setting("vermissing.service-port-offset", "0")));
  }

  static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  public String issuerUri() {
    return "http://localhost:" + httpPort;
  }

  public int portOf(ServiceDefinition service) {
    return service.port() + servicePortOffset;
  }
}
