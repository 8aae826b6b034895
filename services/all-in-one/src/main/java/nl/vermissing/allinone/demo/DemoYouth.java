package nl.vermissing.allinone.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fictitious youth of the demo with the grab pack the institution keeps for them. Every family name carries the
 * marker "(demo)", every address, phone number and account is made up, and the BSN comes from the test series.
 *
 * @param key stable short name, part of every idempotency key of this youth
 * @param ageYears age on the day of loading (the date of birth is derived, so ages stay right on later days)
 * @param photoColour background colour of the generated placeholder photo, or null for no photo
 */
public record DemoYouth(String key, String institutionId, String givenName, String familyName, int ageYears,
    int birthdayDaysAgo, String sex, String placementType, String legalTitleKind, String physicalDescription,
    List<Map<String, Object>> associates, List<Map<String, Object>> places, List<String> phoneNumbers,
    List<String> socialMedia, String safetyMedicalNeeds, List<String> knownRisks, Integer photoColour) {

  public static final String MARKER = "(demo)";

  public String fullName() {
    return givenName + " " + familyName;
  }

  public LocalDate dateOfBirth(LocalDate today) {
    return today.minusYears(ageYears).minusDays(birthdayDaysAgo);
  }

  /** The body of {@code POST /api/intake/institutions/{id}/youths}. */
  public Map<String, Object> profileRequest(String bsn, LocalDate today) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("givenName", givenName);
    body.put("familyName", familyName);
    body.put("dateOfBirth", dateOfBirth(today).toString());
    body.put("sex", sex);
    body.put("bsn", bsn);
    body.put("physicalDescription", physicalDescription);
    body.put("associates", associates);
    body.put("places", places);
    body.put("phoneNumbers", phoneNumbers);
    body.put("socialMedia", socialMedia);
    body.put("safetyMedicalNeeds", safetyMedicalNeeds);
    body.put("knownRisks", knownRisks);
    body.put("placementType", placementType);
    if (legalTitleKind != null) {
      Map<String, Object> title = new LinkedHashMap<>();
      title.put("kind", legalTitleKind);
      if (!"VRIJWILLIG".equals(legalTitleKind)) {
        title.put("validUntil", today.plusMonths(7).toString());
      }
      body.put("legalTitle", title);
    }
    return body;
  }

  static Map<String, Object> contact(String name, String relation, String phone, String address,
      boolean suspectedExploiter) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", name);
    contact.put("relation", relation);
    contact.put("phone", phone);
    contact.put("address", address);
    contact.put("suspectedExploiter", suspectedExploiter);
    return contact;
  }

  static Map<String, Object> place(String description, String address) {
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("description", description);
    place.put("address", address);
    return place;
  }

  /**
   * The cast: De Horizon (closed care on a court authorisation, Flevoland), Het Anker (open care, Flevoland) and De
   * Vuurtoren (open care, Amsterdam).
   */
  public static List<DemoYouth> cast() {
    List<DemoYouth> cast = new ArrayList<>();
    cast.add(new DemoYouth("noor", "inst-horizon", "Noor", "Vermeer " + MARKER, 14, 40, "FEMALE", "CLOSED",
        "MACHTIGING_GESLOTEN_JEUGDHULP", "1,58 m, slank, lang donkerblond haar in een staart, sproeten",
        List.of(contact("Demi (demo)", "vriendin van school", "06-00000101", null, false)),
        List.of(place("Winkelcentrum Lelycentre (demo)", "Lelystad")),
        List.of("06-00000100"), List.of("@noor.demo (fictief)"),
        "Diabetes type 1: heeft insuline nodig, zonder insuline binnen een dag in gevaar",
        List.of("SELF_HARM"), 0x9ecae1));
    cast.add(new DemoYouth("jasmijn", "inst-horizon", "Jasmijn", "de Wit " + MARKER, 16, 120, "FEMALE", "CLOSED",
        "MACHTIGING_GESLOTEN_JEUGDHULP", "1,65 m, zwart krullend haar, piercing in linkerwenkbrauw",
        List.of(contact("'Rico' (demo)", "oudere 'vriend', ca. 23 jaar", "06-00000201", "Almere (adres onbekend)", true),
            contact("Moeder van Jasmijn (demo)", "moeder", "06-00000202", "Dronten (fictief)", false)),
        List.of(place("Busstation Almere Centrum (demo)", "Almere"),
            place("Woning van moeder (demo)", "Dronten (fictief adres)")),
        List.of("06-00000200"), List.of("@jas.demo (fictief)"), null,
        List.of("SEXUAL_EXPLOITATION"), 0xfdae6b));
    cast.add(new DemoYouth("sophie", "inst-horizon", "Sophie", "van Dijk " + MARKER, 15, 200, "FEMALE", "CLOSED",
        "MACHTIGING_GESLOTEN_JEUGDHULP", "1,62 m, bruin steil haar tot de schouders, bril met zwart montuur",
        List.of(contact("Tante Ine (demo)", "tante", "06-00000301", "Lelystad-Haven (fictief)", false)),
        List.of(place("Woning van tante (demo)", "Lelystad-Haven (fictief adres)")),
        List.of("06-00000300"), List.of(), null, List.of(), 0xa1d99b));
    cast.add(new DemoYouth("lieke", "inst-horizon", "Lieke", "Bos " + MARKER, 17, 60, "FEMALE", "CLOSED",
        "MACHTIGING_GESLOTEN_JEUGDHULP", "1,70 m, blond haar, tatoeage van een ster op de rechterpols",
        List.of(contact("'Mo' (demo)", "oudere 'vriend'", "06-00000401", null, true)),
        List.of(place("Flat aan de rand van Almere (demo)", "Almere (fictief adres)")),
        List.of("06-00000400", "06-00000402"), List.of("@lieke.demo (fictief)"), null,
        List.of("SEXUAL_EXPLOITATION", "SUBSTANCE_USE"), null));
    cast.add(new DemoYouth("daan", "inst-anker", "Daan", "Hendriks " + MARKER, 14, 15, "MALE", "OPEN",
        "ONDERTOEZICHTSTELLING", "1,68 m, kort bruin haar, blauwe beugel", List.of(),
        List.of(place("Skatepark Lelystad (demo)", "Lelystad")),
        List.of("06-00000500"), List.of(), null, List.of(), 0xbcbddc));
    cast.add(new DemoYouth("mila", "inst-anker", "Mila", "Peters " + MARKER, 15, 90, "FEMALE", "OPEN",
        "ONDERTOEZICHTSTELLING", "1,60 m, lang rood haar, groene jas",
        List.of(contact("Fleur (demo)", "vriendin", "06-00000601", "Almere Haven (fictief)", false)),
        List.of(place("Woning van Fleur (demo)", "Almere Haven (fictief adres)")),
        List.of("06-00000600"), List.of(), null, List.of(), null));
    cast.add(new DemoYouth("finn", "inst-anker", "Finn", "Dekker " + MARKER, 16, 250, "MALE", "OPEN", "VRIJWILLIG",
        "1,80 m, tenger, kort zwart haar, litteken op de kin", List.of(),
        List.of(place("Station Lelystad Centrum (demo)", "Lelystad")),
        List.of("06-00000700"), List.of("@finn.demo (fictief)"), null, List.of("SUBSTANCE_USE"), null));
    cast.add(new DemoYouth("ruben", "inst-vuurtoren", "Ruben", "Smits " + MARKER, 13, 30, "MALE", "OPEN",
        "ONDERTOEZICHTSTELLING", "1,55 m, blond stekeltjeshaar",
        List.of(contact("Oma Smits (demo)", "grootmoeder", "06-00000801", "Amsterdam-Noord (fictief)", false)),
        List.of(place("Woning van oma (demo)", "Amsterdam-Noord (fictief adres)")),
        List.of(), List.of(), null, List.of(), null));
    cast.add(new DemoYouth("bram", "inst-vuurtoren", "Bram", "Koster " + MARKER, 16, 10, "MALE", "OPEN",
        "VRIJWILLIG", "1,75 m, halflang donker haar, altijd een pet", 
        List.of(contact("Vader van Bram (demo)", "vader", "06-00000901", "Amsterdam-Noord (fictief)", false)),
        List.of(place("Woning van vader (demo)", "Amsterdam-Noord (fictief adres)")),
        List.of("06-00000900"), List.of(), null, List.of(), null));
    cast.add(new DemoYouth("yara", "inst-vuurtoren", "Yara", "El Amrani " + MARKER, 15, 150, "FEMALE", "OPEN",
        "VRIJWILLIG", "1,63 m, donker haar, meestal een hoofddoek", List.of(),
        List.of(place("Bibliotheek Oosterdok (demo)", "Amsterdam")),
        List.of("06-00001000"), List.of(), null, List.of(), 0xfcbba1));
    return List.copyOf(cast);
  }
}
