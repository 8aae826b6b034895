package nl.vermissing.platform.registry;

import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's schema resolution rules. BACKWARD: the new schema reads data
 * of the previous one; FORWARD: the previous schema reads data of the new one; FULL: both; TRANSITIVE: against every
 * live version instead of only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Parses a level as Confluent accepts it (case-insensitive); an unknown level is error 42203. */
  public static CompatibilityLevel parse(String level) {
    try {
      return valueOf(String.valueOf(level).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SchemaRegistryException.invalidCompatibilityLevel(level);
    }
  }

  /**
   * Why the candidate may not follow the earlier versions (oldest first), or null when it may.
   *
   * @param previous the live versions of the subject, oldest first
   */
  public String violation(Schema candidate, List<Schema> previous) {
    if (previous.isEmpty()) {
      return null;
    }
    List<Schema> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
    for (Schema earlier : against) {
      if (backward) {
        String problem = problem(candidate, earlier);
        if (problem != null) {
          return "new schema cannot read data written with an earlier one: " + problem;
        }
      }
      if (forward) {
        String problem = problem(earlier, candidate);
        if (problem != null) {
          return "an earlier schema cannot read data written with the new one: " + problem;
        }
      }
    }
    return null;
  }

  private static String problem(Schema reader, Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return null;
    }
    return result.getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .reduce((a, b) -> a + "; " + b)
        .orElse("incompatible");
  }
}
