package nl.vermissing.platform.registry;

/**
 * A schema registry refused or failed a request. Carries the HTTP status and Confluent's error code, so that the same
 * type describes errors of a remote registry, of the in-memory registry and of our own server.
 */
public class SchemaRegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, null);
  }

  public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's error code, e.g. 40401 (subject not found) or 409 (incompatible schema). */
  public int errorCode() {
    return errorCode;
  }

  public static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static SchemaRegistryException versionNotFound(int version) {
    return new SchemaRegistryException(404, 40402, "Version " + version + " not found.");
  }

  public static SchemaRegistryException schemaNotFound(int id) {
    return new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
  }

  public static SchemaRegistryException schemaNotFound() {
    return new SchemaRegistryException(404, 40403, "Schema not found");
  }

  public static SchemaRegistryException subjectCompatibilityNotConfigured(String subject) {
    return new SchemaRegistryException(404, 40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static SchemaRegistryException incompatible(String subject, String details) {
    return new SchemaRegistryException(409, 409,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\", details: "
            + details);
  }

  public static SchemaRegistryException invalidSchema(String details) {
    return new SchemaRegistryException(422, 42201, "Invalid schema: " + details);
  }

  public static SchemaRegistryException invalidVersion(String version) {
    return new SchemaRegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  public static SchemaRegistryException invalidCompatibilityLevel(String level) {
    return new SchemaRegistryException(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are "
        + "none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
  }
}
