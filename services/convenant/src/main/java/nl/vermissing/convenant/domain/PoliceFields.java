package nl.vermissing.convenant.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.PoliceCaseData;
import org.apache.avro.Schema;

/**
 * The vocabulary of the agreement's allow-lists: the field names of {@link PoliceCaseData}. A pseudonymous
 * consultation and a cancellation may carry only the {@link #PSEUDONYMOUS} fields, never a personal or identifying one.
 */
public final class PoliceFields {

  public static final String AGE_BAND = "ageBand";
  public static final String PLACEMENT_TYPE = "placementType";
  public static final String RISK_LEVEL = "riskLevel";
  public static final String REGION = "region";
  public static final String MINUTES_MISSING = "minutesMissing";
  public static final String GIVEN_NAME = "givenName";
  public static final String FAMILY_NAME = "familyName";
  public static final String DATE_OF_BIRTH = "dateOfBirth";
  public static final String SEX = "sex";
  public static final String PHOTO = "photo";
  public static final String PHOTO_CONTENT_TYPE = "photoContentType";
  public static final String PHYSICAL_DESCRIPTION = "physicalDescription";
  public static final String CLOTHING = "clothing";
  public static final String LAST_SEEN_AT = "lastSeenAt";
  public static final String LAST_SEEN_LOCATION = "lastSeenLocation";
  public static final String CONTACTS = "contacts";
  public static final String PLACES = "places";
  public static final String SAFETY_MEDICAL_NEEDS = "safetyMedicalNeeds";
  public static final String LEGAL_TITLE = "legalTitle";
  public static final String RISK_INDICATORS = "riskIndicators";
  public static final String NEW_INFORMATION = "newInformation";

  /**
   * What an orange consultation may share (DOMAIN: age band, placement type, risk level, region, time missing), and
   * the only fields a cancellation may carry: nothing that identifies, describes or locates the youth. Everything
   * else (also sex, last-seen time, risk indicators) is left out, as it narrows down who the youth is or reveals
   * special-category data.
   */
  public static final Set<String> PSEUDONYMOUS = Set.of(AGE_BAND, PLACEMENT_TYPE, RISK_LEVEL, REGION, MINUTES_MISSING);

  /** Every field name of PoliceCaseData, in schema order. */
  public static final Set<String> ALL = allFields();

  /**
   * Fields that identify, describe or locate the youth, or carry health or narrative data: never in a consultation
   * (pseudonymous by definition) nor in a cancellation (nothing personal). Both stages are held to the stricter
   * {@link #PSEUDONYMOUS} list.
   */
  public static final Set<String> PERSONAL = Set.of(GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, PHOTO,
      PHOTO_CONTENT_TYPE, PHYSICAL_DESCRIPTION, CLOTHING, LAST_SEEN_LOCATION, CONTACTS, PLACES, SAFETY_MEDICAL_NEEDS,
      LEGAL_TITLE, NEW_INFORMATION);

  private PoliceFields() {}

  public static boolean isKnown(String field) {
    return ALL.contains(field);
  }

  private static Set<String> allFields() {
    Set<String> names = new LinkedHashSet<>();
    for (Schema.Field field : PoliceCaseData.getClassSchema().getFields()) {
      names.add(field.name());
    }
    return Set.copyOf(names);
  }

  /** Field names in schema order (stable output for disclosure records). */
  public static List<String> inSchemaOrder(Set<String> fields) {
    return PoliceCaseData.getClassSchema().getFields().stream().map(Schema.Field::name).filter(fields::contains)
        .toList();
  }
}
