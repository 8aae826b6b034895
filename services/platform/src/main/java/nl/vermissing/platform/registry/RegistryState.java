package nl.vermissing.platform.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state: subjects with their numbered versions, global schema ids and compatibility settings. The
 * in-memory client changes it directly; the Kafka-backed server changes it only by replaying its {@code _schemas}
 * topic, so every instance that read the topic holds the same state. Ids are global: the same schema text gets the
 * same id under every subject; a new schema gets the highest id seen plus one.
 */
public final class RegistryState {

  /** One version of a subject as stored; a soft-deleted version keeps its id and number but is no longer live. */
  public record Entry(String subject, int version, int id, Schema schema, boolean deleted) {
    public RegisteredSchema registered() {
      return new RegisteredSchema(subject, id, version, schema);
    }
  }

  private final Map<String, TreeMap<Integer, Entry>> subjects = new TreeMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int maxId;

  /** Stores a version (new, or an update such as a soft delete). */
  public synchronized void apply(Entry entry) {
    subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>()).put(entry.version(), entry);
    schemasById.putIfAbsent(entry.id(), entry.schema());
    idsBySchemaText.putIfAbsent(entry.schema().toString(), entry.id());
    maxId = Math.max(maxId, entry.id());
  }

  /** Forgets a version entirely (a permanent delete); its schema id stays resolvable. */
  public synchronized void remove(String subject, int version) {
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    if (versions != null) {
      versions.remove(version);
      if (versions.isEmpty()) {
        subjects.remove(subject);
      }
    }
  }

  /** Sets a compatibility level: for one subject, or the global default when subject is null; null level removes. */
  public synchronized void applyConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level == null ? CompatibilityLevel.BACKWARD : level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  /** The live version of the subject holding exactly this schema, if any. */
  public synchronized Optional<Entry> lookup(String subject, Schema schema) {
    String text = schema.toString();
    return live(subject).stream().filter(e -> e.schema().toString().equals(text)).findFirst();
  }

  /**
   * The entry that registering a new schema under the subject would add: the next version number, and the schema's
   * existing global id or a fresh one. Throws 409 when the subject's compatibility level forbids it.
   */
  public synchronized Entry nextVersion(String subject, Schema schema) {
    String violation = compatibility(subject).violation(schema, live(subject).stream().map(Entry::schema).toList());
    if (violation != null) {
      throw SchemaRegistryException.incompatible(subject, violation);
    }
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    int id = idsBySchemaText.getOrDefault(schema.toString(), maxId + 1);
    return new Entry(subject, version, id, schema, false);
  }

  /** Whether the schema may follow the given live version (or, when version is empty, the subject's history). */
  public synchronized boolean isCompatible(String subject, Schema schema, Optional<Integer> version) {
    List<Schema> previous = version.isPresent()
        ? List.of(entry(subject, version.get()).schema())
        : live(subject).stream().map(Entry::schema).toList();
    return compatibility(subject).violation(schema, previous) == null;
  }

  public synchronized Optional<Schema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The live versions, in any subject, that use this schema id. */
  public synchronized List<Entry> usages(int id) {
    return subjects.keySet().stream().flatMap(s -> live(s).stream()).filter(e -> e.id() == id).toList();
  }

  /** Subjects with at least one live version, sorted. */
  public synchronized List<String> subjects() {
    return subjects.keySet().stream().filter(s -> !live(s).isEmpty()).toList();
  }

  /** The live versions of the subject, oldest first; 40401 if there are none. */
  public synchronized List<Entry> versions(String subject) {
    List<Entry> live = live(subject);
    if (live.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return live;
  }

  /** A live version of the subject; 40401 or 40402 when absent. */
  public synchronized Entry entry(String subject, int version) {
    List<Entry> live = versions(subject);
    return live.stream().filter(e -> e.version() == version).findFirst()
        .orElseThrow(() -> SchemaRegistryException.versionNotFound(version));
  }

  /** The newest live version of the subject; 40401 if there is none. */
  public synchronized Entry latest(String subject) {
    List<Entry> live = versions(subject);
    return live.get(live.size() - 1);
  }

  /** The level that applies to the subject: its own, else the global one. */
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel;
  }

  private List<Entry> live(String subject) {
    TreeMap<Integer, Entry> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(e -> !e.deleted()).toList();
  }
}
