package nl.vermissing.platform.kafka;

/**
 * Avro 1.12 refuses to instantiate generated classes outside trusted packages; the event package is trusted here
 * once, at start-up, so that no deployment depends on remembering a JVM flag.
 */
public final class AvroTrust {

  static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  static final String EVENTS_PACKAGE = "nl.vermissing.events";

  private AvroTrust() {}

  public static synchronized void trustEventPackage() {
    String current = System.getProperty(PROPERTY);
    if (current == null || current.isBlank()) {
      System.setProperty(PROPERTY, EVENTS_PACKAGE);
    } else if (!java.util.Arrays.asList(current.split(",")).contains(EVENTS_PACKAGE)) {
      System.setProperty(PROPERTY, current + "," + EVENTS_PACKAGE);
    }
  }
}
