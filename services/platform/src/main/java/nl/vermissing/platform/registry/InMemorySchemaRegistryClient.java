package nl.vermissing.platform.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for tests (like Confluent's MockSchemaRegistry): {@code mock://<scope>} URLs with
 * the same scope share one instance within the JVM, so a test's serializers and deserializers agree on ids. Applies
 * the same id and compatibility rules as the server (default BACKWARD).
 */
public class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private final RegistryState state = new RegistryState();

  /** The shared instance for a {@code mock://} scope, created on first use. */
  public static InMemorySchemaRegistryClient forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
  }

  /** Forgets a scope, so that the next use of it starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public int register(String subject, Schema schema) {
    synchronized (state) {
      return state.lookup(subject, schema).orElseGet(() -> {
        RegistryState.Entry entry = state.nextVersion(subject, schema);
        state.apply(entry);
        return entry;
      }).id();
    }
  }

  @Override
  public Schema getById(int id) {
    return state.schemaById(id).orElseThrow(() -> SchemaRegistryException.schemaNotFound(id));
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return state.latest(subject).registered();
  }

  @Override
  public int getId(String subject, Schema schema) {
    state.versions(subject); // an unknown subject is 40401 rather than 40403, as in Confluent
    return state.lookup(subject, schema).orElseThrow(SchemaRegistryException::schemaNotFound).id();
  }

  @Override
  public List<String> subjects() {
    return state.subjects();
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return state.isCompatible(subject, schema, Optional.empty());
  }

  /** Sets the compatibility level of one subject. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    state.applyConfig(subject, level);
  }
}
