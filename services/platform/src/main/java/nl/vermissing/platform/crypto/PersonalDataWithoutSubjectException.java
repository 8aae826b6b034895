package nl.vermissing.platform.crypto;

/**
 * A record carries personal data but names no data subject ({@code youthId} missing or empty), so there is no key to
 * seal it with. Such a record is refused rather than written with personal data in clear.
 */
public class PersonalDataWithoutSubjectException extends IllegalStateException {

  private final String schemaName;
  private final String fieldPath;

  public PersonalDataWithoutSubjectException(String schemaName, String fieldPath) {
    super("record " + schemaName + " has personal data in " + fieldPath + " but no data subject ("
        + FieldEncryption.SUBJECT_FIELD + " is missing or empty): refusing to write personal data unencrypted");
    this.schemaName = schemaName;
    this.fieldPath = fieldPath;
  }

  public String schemaName() {
    return schemaName;
  }

  public String fieldPath() {
    return fieldPath;
  }
}
