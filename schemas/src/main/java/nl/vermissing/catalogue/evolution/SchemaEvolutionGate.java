package nl.vermissing.catalogue.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Keeps topic value schemas BACKWARD_TRANSITIVE compatible: a consumer with the current schema must be able to read
 * every record ever written with any released version. Released versions live in {@code released/<subject>/vN.avsc}.
 * Uses Avro's own {@link SchemaCompatibility} checker.
 */
public final class SchemaEvolutionGate {

  private final Path releasedDir;

  public SchemaEvolutionGate(Path releasedDir) {
    this.releasedDir = releasedDir;
  }

  /** One incompatibility between the current schema and one released version. */
  public record Violation(String subject, int releasedVersion, String field, String reason) {
    @Override
    public String toString() {
      return subject + ": field '" + field + "' is not compatible with released v" + releasedVersion + ": " + reason;
    }
  }

  /** Checks the current schema of a subject against all its released versions. */
  public List<Violation> check(String subject, Schema current) {
    List<Violation> violations = new ArrayList<>();
    List<Path> versions = releasedVersions(subject);
    for (int i = 0; i < versions.size(); i++) {
      Schema released = parse(versions.get(i));
      violations.addAll(check(subject, i + 1, current, released));
    }
    return violations;
  }

  /** Checks that a reader with {@code current} can read data written with {@code released}. */
  public static List<Violation> check(String subject, int releasedVersion, Schema current, Schema released) {
    SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(current, released).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      String field = fieldPath(current, released, incompatibility.getLocation());
      List<Violation> inner = insideUnionBranch(subject, releasedVersion, field, incompatibility);
      if (!inner.isEmpty()) {
        violations.addAll(inner);
        continue;
      }
      violations.add(new Violation(subject, releasedVersion, field,
          incompatibility.getType() + ": " + incompatibility.getMessage()));
    }
    return violations;
  }

  /**
   * A record branch of a union that changed incompatibly is reported by Avro as a missing union branch; look into
   * the branch of the same name to name the field that actually broke.
   */
  private static List<Violation> insideUnionBranch(
      String subject, int releasedVersion, String path, Incompatibility incompatibility) {
    String unionPath = path;
    Schema writerBranch = incompatibility.getWriterFragment();
    Schema readerUnion = incompatibility.getReaderFragment();
    String location = incompatibility.getLocation();
    String last = location.substring(location.lastIndexOf('/') + 1);
    if (writerBranch != null && writerBranch.getType() == Schema.Type.UNION && last.matches("\\d+")) {
      writerBranch = writerBranch.getTypes().get(Integer.parseInt(last));
      unionPath = unionPath.endsWith("." + writerBranch.getName())
          ? unionPath.substring(0, unionPath.length() - writerBranch.getName().length() - 1) : unionPath;
    }
    if (writerBranch == null || readerUnion == null || readerUnion.getType() != Schema.Type.UNION
        || writerBranch.getType() != Schema.Type.RECORD) {
      return List.of();
    }
    final Schema branch = writerBranch;
    final String prefix = unionPath;
    for (Schema readerBranch : readerUnion.getTypes()) {
      if (readerBranch.getType() == Schema.Type.RECORD
          && readerBranch.getFullName().equals(branch.getFullName())) {
        return check(subject, releasedVersion, readerBranch, branch).stream()
            .map(v -> new Violation(subject, releasedVersion,
                prefix + "." + branch.getName() + "." + v.field(), v.reason()))
            .toList();
      }
    }
    return List.of();
  }

  /** The released version files of a subject, oldest first. */
  public List<Path> releasedVersions(String subject) {
    Path dir = releasedDir.resolve(subject);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaEvolutionGate::versionOf))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the current schema as the next released version when it differs from the latest one.
   *
   * @return the path written, or null when nothing changed
   */
  public Path release(String subject, Schema current) throws IOException {
    List<Path> versions = releasedVersions(subject);
    if (!versions.isEmpty() && parse(versions.get(versions.size() - 1)).equals(current)) {
      return null;
    }
    Path file = releasedDir.resolve(subject).resolve("v" + (versions.size() + 1) + ".avsc");
    Files.createDirectories(file.getParent());
    Files.writeString(file, current.toString(true) + "\n");
    return file;
  }

  static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int versionOf(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf('.')));
  }

  /**
   * Turns Avro's location (a JSON pointer such as {@code /fields/3/type/1}) into a dotted field path such as
   * {@code payload.AbsenceReported.clothing}, so that the build failure names the field.
   */
  static String fieldPath(Schema reader, Schema writer, String location) {
    String[] parts = location.split("/");
    StringBuilder path = new StringBuilder();
    Schema schema = reader;
    for (int i = 1; i < parts.length && schema != null; i++) {
      String part = parts[i];
      switch (part) {
        case "fields" -> {
          int index = Integer.parseInt(parts[++i]);
          Schema.Field field = index < schema.getFields().size() ? schema.getFields().get(index) : null;
          if (field == null) {
            return path.isEmpty() ? location : path.toString();
          }
          append(path, field.name());
          schema = field.schema();
        }
        case "type" -> { }
        case "items" -> schema = schema.getType() == Schema.Type.ARRAY ? schema.getElementType() : schema;
        case "values" -> schema = schema.getType() == Schema.Type.MAP ? schema.getValueType() : schema;
        case "name", "symbols", "size" -> { }
        default -> {
          if (part.matches("\\d+") && schema.getType() == Schema.Type.UNION) {
            int index = Integer.parseInt(part);
            schema = index < schema.getTypes().size() ? schema.getTypes().get(index) : null;
            if (schema != null && schema.getType() == Schema.Type.RECORD) {
              append(path, schema.getName());
            }
          }
        }
      }
    }
    return path.isEmpty() ? "(record " + reader.getFullName() + ")" : path.toString();
  }

  private static void append(StringBuilder path, String name) {
    if (!path.isEmpty()) {
      path.append('.');
    }
    path.append(name);
  }
}
