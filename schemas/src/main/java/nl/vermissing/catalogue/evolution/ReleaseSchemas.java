package nl.vermissing.catalogue.evolution;

import java.nio.file.Path;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;

/**
 * Records the current value schema of every catalogue topic as its next released version (run when a release is
 * cut: {@code mvn -pl schemas -Prelease-schemas}). Refuses to release a schema that breaks the gate.
 */
public final class ReleaseSchemas {

  private ReleaseSchemas() {}

  public static void main(String[] args) throws Exception {
    SchemaEvolutionGate gate = new SchemaEvolutionGate(Path.of(args.length > 0 ? args[0] : "schemas/released"));
    for (Topic<?> topic : Topics.ALL) {
      var violations = gate.check(topic.valueSubject(), topic.valueSchema());
      if (!violations.isEmpty()) {
        throw new IllegalStateException("not released, incompatible: " + violations);
      }
      Path written = gate.release(topic.valueSubject(), topic.valueSchema());
      System.out.println(topic.valueSubject() + (written == null ? ": unchanged" : ": released " + written));
    }
  }
}
