package nl.vermissing.allinone.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.vermissing.allinone.AllInOne;
import nl.vermissing.allinone.demo.DemoClient.Answer;
import nl.vermissing.allinone.demo.DemoClient.DemoException;
import nl.vermissing.allinone.gateway.identity.DemoAccount;
import nl.vermissing.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo data through the public HTTP API, signed in as the demo accounts, so that every rule of the system
 * runs on it: agreements, fictitious youth profiles, and cases in every state of their life (fresh absence, green,
 * orange, red awaiting the police, red acknowledged by the police, returned with the return conversation due,
 * returned with the conversation held and consent for CoMensha, cancelled). Loading again changes nothing: every
 * command carries a stable {@code Idempotency-Key} where the API takes one, and otherwise the current state is read
 * first. A failing step is logged and reported; it never stops the system.
 */
public final class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  static final String KEY_PREFIX = "demo-v1:";
  static final String POLICE_UNIT = "pu-midden-nederland";
  static final String AGREEMENT_ADMIN = "beheer.flevoland";
  static final String POLICE = "politie.midden";
  static final String FOLLOW_UP = "volg.horizon";
  static final Map<String, String> STAFF = Map.of("inst-horizon", "staf.horizon", "inst-anker", "staf.anker",
      "inst-vuurtoren", "staf.vuurtoren");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final DemoClient api;
  private final String baseUrl;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final LocalDate today = LocalDate.now(ZONE);
  private final Duration asyncTimeout;
  private final List<String> failures = new ArrayList<>();
  private final List<String> gaps = new ArrayList<>();
  private final Map<String, String> youthIds = new LinkedHashMap<>();
  private final Map<String, String> caseIds = new LinkedHashMap<>();
  private final Map<String, DemoYouth> cast = new LinkedHashMap<>();
  private int written;
  private int present;

  private final boolean skipWhenComplete;

  private DemoData(DemoSessions sessions, Duration asyncTimeout, boolean skipWhenComplete) {
    this.skipWhenComplete = skipWhenComplete;
    this.api = new DemoClient(sessions, Duration.ofSeconds(90));
    this.baseUrl = sessions.baseUrl();
    this.asyncTimeout = asyncTimeout;
    DemoYouth.cast().forEach(y -> cast.put(y.key(), y));
  }

  /** Loads the demo data into a started system, in the background: the system is usable meanwhile. */
  public static Thread loadInBackground(AllInOne system) {
    Thread loader = new Thread(() -> load(system), "demo-data");
    loader.setDaemon(true);
    loader.start();
    return loader;
  }

  /** Loads the demo data into a started system and waits until done. Never throws. */
  public static DemoDataReport load(AllInOne system) {
    return load(new DemoSessions(system.settings().issuerUri()));
  }

  /**
   * Loads the demo data through the API at {@code sessions.baseUrl()}; when an earlier run completed (its last step,
   * the CoMensha request after Lieke's return conversation, is visible), only that is checked, with one sign-in.
   * Never throws.
   */
  public static DemoDataReport load(DemoSessions sessions) {
    return load(sessions, true);
  }

  /** As {@link #load(DemoSessions)}; with {@code skipWhenComplete} false every step is checked (and resumed). */
  static DemoDataReport load(DemoSessions sessions, boolean skipWhenComplete) {
    return new DemoData(sessions, Duration.ofSeconds(60), skipWhenComplete).run();
  }

  private DemoDataReport run() {
    long started = System.nanoTime();
    log.info("demo data: loading fictitious agreements, youths and cases through {}", baseUrl);
    try {
      awaitSystemUp();
      if (skipWhenComplete && loadedBefore()) {
        log.info("demo data: already loaded by an earlier run (the last step, the CoMensha request for {}, is"
            + " visible); nothing to do", cast.get("lieke").fullName());
        return new DemoDataReport(0, 0, List.of(), List.of(), Map.of(), Map.of());
      }
      loadAgreements();
      loadYouths();
      loadCases();
      loadPoliceResponses();
      loadFollowUp();
    } catch (RuntimeException e) {
      failures.add("stopped: " + e.getMessage());
      log.error("demo data: stopped: {}", e.getMessage());
    }
    DemoDataReport report = new DemoDataReport(written, present, List.copyOf(failures), List.copyOf(gaps),
        Map.copyOf(youthIds), Map.copyOf(caseIds));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    if (failures.isEmpty()) {
      log.info("demo data: done in {} s: {} steps written, {} already present{}", seconds, written, present,
          gaps.isEmpty() ? "" : "; not loaded: " + String.join("; ", gaps));
    } else {
      log.warn("demo data: finished in {} s with {} failed step(s) ({} written, {} already present): {}", seconds,
          failures.size(), written, present, String.join(" | ", failures));
    }
    return report;
  }

  // --- readiness ---

  /** Waits until the entry point reports the services the demo needs as UP (the services answer 503 until ready). */
  private void awaitSystemUp() {
    List<String> needed = List.of("intake", "convenant", "police", "followup");
    DemoClient.await("the services " + needed + " to report UP", Duration.ofMinutes(3), () ->
        api.getPublic("/actuator/health").filter(h -> needed.stream().allMatch(s -> h.contains("\"" + s + "\":\"UP\""))
            || h.startsWith("200 ")));
    log.info("demo data: the system is up");
  }

  /**
   * True when the last step of a run (Lieke's return conversation held, with consent and a CoMensha request) is on
   * the worklist of De Horizon: an earlier run completed. Institution staff may read both the cases and the worklist.
   */
  private boolean loadedBefore() {
    DemoYouth lieke = cast.get("lieke");
    String staff = staff(lieke.institutionId());
    JsonNode cases = api.get(staff, "/api/intake/institutions/" + lieke.institutionId() + "/cases?status=all")
        .require().body();
    JsonNode done = api.get(staff, "/api/followup/institutions/" + lieke.institutionId() + "/worklist").require()
        .body().path("done");
    for (JsonNode summary : cases) {
      if (lieke.givenName().equals(DemoClient.text(summary, "givenName"))
          && lieke.familyName().equals(DemoClient.text(summary, "familyName"))
          && DemoClient.find(done, item -> DemoClient.text(summary, "caseId").equals(DemoClient.text(item, "caseId"))
              && item.path("comenshaRequested").asBoolean()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  // --- agreements ---

  private void loadAgreements() {
    step("agreement convenant-flevoland", () -> agreement(AGREEMENT_ADMIN, "convenant-flevoland", List.of(
        agreementBody("flevoland", POLICE_UNIT, "gemeente-lelystad", List.of("inst-horizon", "inst-anker"),
            Map.of(), "Convenant vermissingen jeugdhulp Flevoland (demo): eerste versie, termijnen volgens het landelijk"
                + " model"),
        agreementBody("flevoland", POLICE_UNIT, "gemeente-lelystad", List.of("inst-horizon", "inst-anker"),
            Map.of("orangeAcknowledgeMinutes", 45), "Evaluatie na drie maanden (demo): de politie bevestigt een"
                + " oranje consultatie binnen 45 minuten in plaats van 60"))));
    step("agreement convenant-flevoland-horizon", () -> agreement(AGREEMENT_ADMIN, "convenant-flevoland-horizon",
        List.of(agreementBody("flevoland", POLICE_UNIT, "gemeente-lelystad", List.of("inst-horizon"),
            Map.of("returnConversationHours", 48), "Aanvulling voor De Horizon (gesloten jeugdhulp, demo):"
                + " terugkeergesprek binnen 48 uur"))));
    Optional<DemoAccount> amsterdamAdmin = DemoAccount.ALL.stream()
        .filter(a -> a.role() == Role.AGREEMENT_ADMIN && a.tenant().equals("amsterdam")).findFirst();
    if (amsterdamAdmin.isPresent()) {
      step("agreement convenant-amsterdam", () -> agreement(amsterdamAdmin.get().username(), "convenant-amsterdam",
          List.of(agreementBody("amsterdam", "pu-amsterdam", "gemeente-amsterdam", List.of("inst-vuurtoren"),
              Map.of(), "Convenant vermissingen jeugdhulp Amsterdam (demo): eerste versie"))));
    } else {
      String gap = "agreement for region amsterdam (pu-amsterdam, gemeente-amsterdam, inst-vuurtoren): there is no"
          + " agreement administrator account for amsterdam, so inst-vuurtoren falls under the built-in default"
          + " agreement (police unit " + POLICE_UNIT + ")";
      gaps.add(gap);
      log.info("demo data: skipped {}", gap);
    }
  }

  private Map<String, Object> agreementBody(String region, String policeUnit, String municipality,
      List<String> institutions, Map<String, Object> timeRules, String changeNote) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("region", region);
    body.put("policeUnit", policeUnit);
    body.put("dutyOfficerRole", "DUTY_OFFICER");
    body.put("municipalityContact", municipality);
    body.put("institutionIds", institutions);
    body.put("timeRules", timeRules);
    body.put("closedWithLegalTitleAlwaysReported", true);
    body.put("legalBasis", "Convenant vermissingen jeugdhulp " + region + " (demo); Wpg art. 4:3; Jeugdwet art. 7.3.11");
    body.put("changeNote", changeNote);
    return body;
  }

  /** Publishes the versions of an agreement that do not exist yet, each based on the one before (expectedVersion). */
  private String agreement(String admin, String agreementId, List<Map<String, Object>> versions) {
    Answer current = api.get(admin, "/api/convenant/agreements/" + agreementId);
    int latest = current.status() == 404 ? 0 : current.require().body().path("latest").asInt();
    int added = 0;
    for (int version = latest + 1; version <= versions.size(); version++) {
      Map<String, Object> body = new LinkedHashMap<>(versions.get(version - 1));
      body.put("expectedVersion", version - 1);
      Answer created = api.post(admin, "/api/convenant/agreements/" + agreementId + "/versions", body, null);
      if (created.status() == 409) {
        break; // changed meanwhile by someone else: theirs stands
      }
      created.require();
      added++;
    }
    return outcome(added > 0, added > 0 ? "published " + added + " version(s)" : "present (version " + latest + ")");
  }

  // --- youths ---

  private void loadYouths() {
    List<String> bsns = FictitiousBsn.series(cast.size());
    Map<String, JsonNode> existing = new LinkedHashMap<>();
    for (String institution : STAFF.keySet()) {
      for (JsonNode youth : api.get(staff(institution), youthsPath(institution)).require().body()) {
        existing.put(institution + "|" + DemoClient.text(youth, "givenName") + " "
            + DemoClient.text(youth, "familyName"), youth);
      }
    }
    int i = 0;
    for (DemoYouth youth : cast.values()) {
      String bsn = bsns.get(i++);
      step("youth " + youth.fullName() + " (" + youth.institutionId() + ")", () -> {
        JsonNode found = existing.get(youth.institutionId() + "|" + youth.fullName());
        boolean created = found == null;
        JsonNode profile = found;
        if (created) {
          Answer answer = api.post(staff(youth.institutionId()), youthsPath(youth.institutionId()),
              youth.profileRequest(bsn, today), key(youth, "profile"));
          profile = answer.status() == 409 && answer.body().has("existing") ? answer.body().path("existing")
              : answer.require().body();
          created = answer.status() == 201;
        }
        String youthId = DemoClient.text(profile, "youthId");
        youthIds.put(youth.key(), youthId);
        String photo = "";
        if (youth.photoColour() != null && !profile.path("hasPhoto").asBoolean()) {
          api.put(staff(youth.institutionId()), youthsPath(youth.institutionId()) + "/" + youthId + "/photo",
              DemoPhoto.silhouette(youth.photoColour()), "image/png", key(youth, "photo")).require();
          photo = " with photo";
          created = true;
        }
        return outcome(created, (created ? "profile" + photo : "present") + " (" + youthId + ")");
      });
    }
  }

  // --- cases (institution staff) ---

  /** One demo case as staff handle it; the case id comes from the first command. */
  private final class Case {
    final DemoYouth youth;
    String caseId;
    JsonNode view;
    int institutionEntries;

    Case(DemoYouth youth) {
      this.youth = youth;
    }

    String path() {
      return "/api/intake/institutions/" + youth.institutionId() + "/cases";
    }

    /** Reports the absence (opens the case). */
    void absence(Duration ago, String location, String clothing, Boolean whereaboutsKnown, String whereabouts) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("youthId", youthIds.get(youth.key()));
      body.put("lastSeenAt", now.minus(ago).toString());
      body.put("lastSeenLocation", location);
      body.put("clothing", clothing);
      body.put("whereaboutsKnown", whereaboutsKnown);
      body.put("whereaboutsDescription", whereabouts);
      Answer answer = api.post(staff(youth.institutionId()), path(), body, key(youth, "absence"));
      if (answer.status() == 409) {
        throw new DemoException("skipped: " + youth.fullName() + " already has an open case that is not part of the"
            + " demo (" + DemoClient.text(answer.body().path("existing"), "caseId") + ")");
      }
      view = answer.require().body();
      caseId = DemoClient.text(view, "caseId");
      caseIds.put(youth.key(), caseId);
      institutionEntries = institutionEntries(view);
      // a replayed report answers with the case as reported then
      count(!Instant.parse(DemoClient.text(view, "reportedAt")).isBefore(now.minusSeconds(5)), "absence");
    }

    /** A command on the open case; a closed case (closed by a user meanwhile) ends the scenario. */
    void command(String step, String suffix, Map<String, Object> body) {
      Answer answer = api.post(staff(youth.institutionId()), path() + "/" + caseId + suffix, body, key(youth, step));
      if (answer.status() == 409) {
        throw new DemoException("skipped from '" + step + "' on: the case was closed meanwhile");
      }
      view = answer.require().body();
      int entries = institutionEntries(view);
      count(entries > institutionEntries, step);
      institutionEntries = entries;
    }

    void localAction(String step, String action, String outcome, Duration ago) {
      command(step, "/local-actions", Map.of("action", action, "outcome", outcome,
          "occurredAt", now.minus(ago).toString()));
    }

    void risk(String level, List<String> indicators, String rationale) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("indicators", indicators);
      body.put("level", level);
      body.put("rationale", rationale);
      command("risk", "/risk-assessments", body);
    }

    Instant lastSeenAt() {
      return Instant.parse(DemoClient.text(view, "lastSeenAt"));
    }

    JsonNode reload() {
      view = api.get(staff(youth.institutionId()), path() + "/" + caseId).require().body();
      return view;
    }
  }

  private final Map<String, Case> cases = new LinkedHashMap<>();

  private void loadCases() {
    scenario("daan", "fresh absence awaiting the risk assessment", c -> {
      c.absence(Duration.ofMinutes(25), "Niet teruggekomen van school, Lelystad (demo)",
          "Blauwe hoodie, zwarte trainingsbroek, rugzak", false, null);
      c.localAction("called-youth", "CALLED_YOUTH", "Voicemail; berichtje via WhatsApp gestuurd, nog geen reactie",
          Duration.ofMinutes(15));
    });
    scenario("mila", "green, awaiting reassessment", c -> {
      c.absence(Duration.ofHours(3), "Na het avondeten vertrokken van de groep, Lelystad (demo)",
          "Groene jas, spijkerbroek", false, null);
      c.localAction("called-friends", "CALLED_FRIENDS", "Vriendin Fleur zegt dat Mila bij haar is en morgen terugkomt",
          Duration.ofMinutes(160));
      c.localAction("informed-parents", "INFORMED_PARENTS_OR_GUARDIAN", "Moeder geïnformeerd; herkent het patroon",
          Duration.ofMinutes(150));
      c.risk("GREEN", List.of(), "Bekend patroon, verblijft bij een vriendin, geen risico-indicatoren (demo)");
    });
    scenario("finn", "orange: consultation sent to police", c -> {
      c.absence(Duration.ofHours(2), "Station Lelystad Centrum, op camera gezien (demo)",
          "Zwarte bodywarmer, grijze joggingbroek, witte sneakers", false, null);
      c.localAction("searched-places", "SEARCHED_KNOWN_PLACES", "Skatepark en station nagelopen: niet gevonden",
          Duration.ofMinutes(100));
      c.risk("ORANGE", List.of(), "Voor het eerst weg, telefoon staat uit; twijfel, daarom overleg met de politie"
          + " (demo)");
    });
    scenario("noor", "red: alert awaiting police acknowledgement", c -> {
      c.absence(Duration.ofMinutes(40), "Niet teruggekomen van begeleid verlof, Lelycentre (demo)",
          "Roze jas, zwarte legging, grijze rugzak", false, null);
      c.localAction("called-friends", "CALLED_FRIENDS", "Vriendin Demi heeft niets gehoord", Duration.ofMinutes(30));
      c.risk("RED", List.of("OUT_OF_CHARACTER", "ACUTE_MEDICAL_NEED"),
          "Heeft haar insuline niet bij zich; nooit eerder weggebleven (demo)");
    });
    scenario("jasmijn", "red: to be acknowledged and classified by police", c -> {
      c.absence(Duration.ofMinutes(150), "Binnenplaats De Horizon, Lelystad (demo)",
          "Zwarte jas, grijze joggingbroek, witte sneakers", false, null);
      c.localAction("called-youth", "CALLED_YOUTH", "Telefoon staat uit", Duration.ofMinutes(140));
      c.localAction("informed-parents", "INFORMED_PARENTS_OR_GUARDIAN", "Moeder weet niet waar Jasmijn is",
          Duration.ofMinutes(130));
      c.risk("RED", List.of("SEXUAL_EXPLOITATION", "WITH_CRIMINALS_OR_EXPLOITER"),
          "Signalen van uitbuiting door een oudere 'vriend' (demo)");
      c.command("new-contact", "/information", Map.of("kind", "NEW_CONTACT",
          "description", "Groepsgenoot zag Jasmijn instappen bij een man in een donkere auto (demo)",
          "location", "Stationsplein Lelystad (demo)", "observedAt", now.minus(Duration.ofMinutes(100)).toString()));
    });
    scenario("sophie", "red, to be found by police (return conversation due)", c -> {
      c.absence(Duration.ofHours(6), "Niet teruggekomen van school, Lelystad (demo)",
          "Beige trenchcoat, zwarte broek", false, null);
      c.localAction("called-family", "CALLED_FAMILY", "Tante Ine neemt niet op", Duration.ofMinutes(330));
      c.risk(null, List.of(), "Gesloten plaatsing met machtiging: melden bij de politie (demo)");
    });
    scenario("lieke", "returned (return conversation to be held)", c -> {
      c.absence(Duration.ofHours(20), "Niet teruggekomen na bezoek aan de stad, Almere (demo)",
          "Witte jas, zwarte spijkerbroek", false, null);
      c.risk("RED", List.of("SEXUAL_EXPLOITATION"), "Eerder contact met een vermoedelijke uitbuiter (demo)");
      Instant returnedAt = latest(now.minus(Duration.ofHours(9)), c.lastSeenAt().plus(Duration.ofMinutes(30)));
      c.command("return", "/return", Map.of("returnedAt", returnedAt.toString(), "location", "Op de groep (demo)",
          "foundBy", "RETURNED_SELF", "circumstances", "Zelf teruggekomen, moe en hongerig (demo)"));
    });
    scenario("ruben", "cancelled report", c -> {
      c.absence(Duration.ofHours(5), "Niet op de groep na het weekend, Amsterdam (demo)", "Onbekend", false, null);
      c.command("cancel", "/cancel", Map.of("reason", "Onterecht gemeld: Ruben was met toestemming bij zijn oma;"
          + " het verlof stond niet in de planning (demo)"));
    });
    scenario("bram", "away without permission, whereabouts known (green)", c -> {
      c.absence(Duration.ofMinutes(90), "Na school niet naar de groep gekomen, Amsterdam (demo)",
          "Zwarte pet, donkerblauwe jas", true, "Bij zijn vader in Amsterdam-Noord; vader belt vanavond terug (demo)");
      c.localAction("called-family", "CALLED_FAMILY", "Vader bevestigt dat Bram bij hem is", Duration.ofMinutes(70));
      c.risk("GREEN", List.of(), "Verblijfplaats bekend en veilig (demo)");
    });
  }

  private void scenario(String youthKey, String description,
      Consumer<Case> script) {
    DemoYouth youth = cast.get(youthKey);
    if (youthIds.get(youthKey) == null) {
      fail("case of " + youth.fullName(), "no profile");
      return;
    }
    Case c = new Case(youth);
    cases.put(youthKey, c);
    int before = written;
    try {
      script.accept(c);
      log.info("demo data: case of {} ({}): {} [{}]", youth.fullName(), c.caseId, description,
          written > before ? "written" : "present");
    } catch (RuntimeException e) {
      fail("case of " + youth.fullName() + " (" + description + ")", e.getMessage());
    }
  }

  // --- police ---

  private void loadPoliceResponses() {
    step("police: red alert of Noor awaits acknowledgement", () -> {
      JsonNode alert = awaitAlert("noor", a -> !"NOT_REQUIRED".equals(ackState(a)));
      return "alert visible to " + POLICE_UNIT + ", acknowledgement " + ackState(alert);
    });
    step("police: consultation of Finn visible", () -> {
      JsonNode alert = awaitAlert("finn", a -> true);
      return "visible to " + POLICE_UNIT + " (" + alert.path("latest").path("stage").asString() + ")";
    });
    step("police: Jasmijn acknowledged, classified urgent, sighting, question", () -> {
      Case c = requireCase("jasmijn");
      Optional<JsonNode> ready = awaitAcknowledgeable(c);
      if (ready.isEmpty()) {
        return outcome(false, "present (alert no longer active)");
      }
      JsonNode alert = ready.get();
      String unitPath = alertPath(c.caseId);
      int changes = 0;
      if ("PENDING".equals(ackState(alert))) {
        changes += police(api.post(POLICE, unitPath + "/acknowledgement",
            Map.of("alertIdentifier", alert.path("acknowledgement").path("alertIdentifier").asString()), null));
      }
      if (DemoClient.text(alert, "policeUrgency") == null) {
        changes += police(api.post(POLICE, unitPath + "/urgency", Map.of("urgency", "URGENT",
            "reason", "Minderjarige, vermoeden van seksuele uitbuiting (demo)"), null));
      }
      if (alert.path("sightings").asInt() == 0) {
        changes += police(api.post(POLICE, unitPath + "/sightings", Map.of("seenAt",
            now.minus(Duration.ofMinutes(20)).toString(), "location", "Busstation Almere Centrum (demo)",
            "description", "Gezien door een agent, in gezelschap van een oudere man (demo)"), null));
      }
      if (alert.path("informationRequests").asInt() == 0) {
        changes += police(api.post(POLICE, unitPath + "/information-requests", Map.of("question",
            "Heeft Jasmijn een tweede telefoon of accounts op sociale media die wij nog niet kennen? (demo)"), null));
      }
      return outcome(changes > 0, changes > 0 ? changes + " police response(s)" : "present");
    });
    step("police: Sophie acknowledged and found", () -> {
      Case c = requireCase("sophie");
      Optional<JsonNode> ready = awaitAcknowledgeable(c);
      if (ready.isEmpty()) {
        return outcome(false, "present (alert no longer active)");
      }
      JsonNode alert = ready.get();
      int changes = 0;
      if ("PENDING".equals(ackState(alert))) {
        changes += police(api.post(POLICE, alertPath(c.caseId) + "/acknowledgement",
            Map.of("alertIdentifier", alert.path("acknowledgement").path("alertIdentifier").asString()), null));
      }
      if (!alert.path("found").asBoolean()) {
        Instant foundAt = latest(now.minus(Duration.ofMinutes(70)), c.lastSeenAt().plus(Duration.ofMinutes(10)));
        changes += police(api.post(POLICE, alertPath(c.caseId) + "/found", Map.of("foundAt", foundAt.toString(),
            "location", "Bij haar tante in Lelystad-Haven (demo)",
            "circumstances", "Door een wijkagent aangetroffen, ongedeerd (demo)"), null));
      }
      DemoClient.await("the return of Sophie in intake", asyncTimeout, () -> {
        JsonNode view = c.reload();
        return "OPEN".equals(DemoClient.text(view, "status")) ? Optional.empty() : Optional.of(view);
      });
      return outcome(changes > 0, changes > 0 ? changes + " police response(s); intake shows the return" : "present");
    });
  }

  /** 1 when the police API took the response, 0 when it was already done (409). */
  private static int police(Answer answer) {
    if (answer.status() == 409) {
      return 0;
    }
    answer.require();
    return 1;
  }

  /**
   * Waits until the convenant engine has processed every command of the case and the police gateway shows the
   * acknowledgement it asks for, so the acknowledgement meets the latest requirement. Empty when the alert has ended.
   */
  private Optional<JsonNode> awaitAcknowledgeable(Case c) {
    Instant lastCommand = lastInstitutionEntry(c.view);
    JsonNode step = DemoClient.await("the convenant's next step for " + c.youth.fullName(), asyncTimeout, () -> {
      JsonNode next = c.reload().path("nextStep");
      String decidedAt = DemoClient.text(next, "decidedAt");
      return decidedAt != null && !Instant.parse(decidedAt).isBefore(lastCommand) ? Optional.of(next)
          : Optional.empty();
    });
    if (!"AWAIT_POLICE".equals(DemoClient.text(step, "step"))) {
      return Optional.empty();
    }
    String deadline = DemoClient.text(step, "deadline");
    JsonNode alert = awaitAlert(c.youth.key(), a -> a.path("cancelled").asBoolean()
        || "ACKNOWLEDGED".equals(ackState(a))
        || ("PENDING".equals(ackState(a)) && deadline != null
            && Instant.parse(deadline).equals(Instant.parse(a.path("acknowledgement").path("acknowledgeBy").asString()))));
    return alert.path("cancelled").asBoolean() ? Optional.empty() : Optional.of(alert);
  }

  private JsonNode awaitAlert(String youthKey, Predicate<JsonNode> condition) {
    String caseId = requireCase(youthKey).caseId;
    return DemoClient.await("the police alert of " + cast.get(youthKey).fullName(), asyncTimeout, () -> {
      JsonNode alerts = api.get(POLICE, "/api/police/units/" + POLICE_UNIT + "/alerts").require().body()
          .path("alerts");
      return DemoClient.find(alerts, a -> caseId.equals(DemoClient.text(a, "caseId")) && condition.test(a));
    });
  }

  private static String ackState(JsonNode alert) {
    return DemoClient.text(alert.path("acknowledgement"), "state");
  }

  private static String alertPath(String caseId) {
    return "/api/police/units/" + POLICE_UNIT + "/alerts/" + caseId;
  }

  // --- follow-up ---

  private void loadFollowUp() {
    step("follow-up: return conversation of Sophie due", () -> {
      JsonNode summary = awaitFollowUp(requireCase("sophie"));
      return "on the worklist, due by " + DemoClient.text(summary.path("conversation"), "dueBy");
    });
    step("follow-up: conversation with Lieke held, consent, CoMensha request", () -> {
      Case c = requireCase("lieke");
      JsonNode summary = awaitFollowUp(c);
      int changes = 0;
      Instant returnedAt = Instant.parse(DemoClient.text(summary.path("conversation"), "returnedAt"));
      Instant heldAt = latest(now.minus(Duration.ofHours(3)), returnedAt.plus(Duration.ofMinutes(30)));
      if (DemoClient.text(summary.path("conversation"), "outcome") == null) {
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("heldAt", earliest(heldAt, now).toString());
        held.put("heldBy", "Iris Smit (terugkeergesprekken De Horizon, demo)");
        held.put("independentInterviewer", false);
        held.put("pushFactors", List.of("Ruzie met een groepsgenoot", "Voelt zich opgesloten"));
        held.put("pullFactors", List.of("Oudere 'vriend' die cadeaus en aandacht geeft"));
        held.put("stayedWhere", "Flat aan de rand van Almere (demo)");
        held.put("stayedWith", "'Mo' (ca. 24) en twee onbekende mannen (demo)");
        held.put("exploitationIndicators", List.of("OLDER_PARTNER", "GIFTS_OR_MONEY", "MULTIPLE_PHONES"));
        held.put("harm", "Geen lichamelijk letsel gemeld (demo)");
        held.put("needs", "Vertrouwenspersoon; hulp bij het verbreken van het contact (demo)");
        held.put("safetyPlan", "Afspraken over telefoongebruik; dagelijks check-in met mentor (demo)");
        held.put("crimeWhileMissing", false);
        changes += followUp(api.post(FOLLOW_UP, "/api/followup/cases/" + c.caseId + "/held", held, null));
      }
      if (DemoClient.text(summary, "consentGivenBy") == null && DemoClient.text(summary, "consentWithdrawnAt") == null) {
        Instant signedAt = earliest(heldAt.plus(Duration.ofMinutes(15)), now);
        changes += followUp(api.post(FOLLOW_UP, "/api/followup/cases/" + c.caseId + "/consent",
            Map.of("givenBy", "YOUTH", "signedAt", signedAt.toString()), null));
      }
      JsonNode done = DemoClient.await("the CoMensha request for Lieke", asyncTimeout, () -> {
        JsonNode s = api.get(FOLLOW_UP, "/api/followup/cases/" + c.caseId).require().body();
        return DemoClient.text(s, "comenshaRequestedAt") != null || DemoClient.text(s, "consentWithdrawnAt") != null
            ? Optional.of(s) : Optional.empty();
      });
      return outcome(changes > 0, (changes > 0 ? "held, consent recorded" : "present") + "; CoMensha request "
          + DemoClient.text(done, "comenshaRequestedAt"));
    });
  }

  private JsonNode awaitFollowUp(Case c) {
    return DemoClient.await("the return conversation of " + c.youth.fullName() + " in follow-up", asyncTimeout,
        () -> {
          Answer answer = api.get(FOLLOW_UP, "/api/followup/cases/" + c.caseId);
          return answer.status() == 404 ? Optional.empty() : Optional.of(answer.require().body());
        });
  }

  private static int followUp(Answer answer) {
    if (answer.status() == 409) {
      return 0;
    }
    answer.require();
    return 1;
  }

  // --- helpers ---

  private void step(String name, Supplier<String> action) {
    try {
      log.info("demo data: {}: {}", name, action.get());
    } catch (RuntimeException e) {
      fail(name, e.getMessage());
    }
  }

  private void fail(String name, String reason) {
    failures.add(name + ": " + reason);
    log.warn("demo data: {} FAILED: {}", name, reason);
  }

  private String outcome(boolean wrote, String text) {
    count(wrote, text);
    return text;
  }

  private void count(boolean wrote, String what) {
    if (wrote) {
      written++;
    } else {
      present++;
    }
  }

  private Case requireCase(String youthKey) {
    Case c = cases.get(youthKey);
    if (c == null || c.caseId == null) {
      throw new DemoException("the case of " + cast.get(youthKey).fullName() + " was not loaded");
    }
    return c;
  }

  private static int institutionEntries(JsonNode view) {
    int count = 0;
    for (JsonNode entry : view.path("timeline")) {
      if ("INSTITUTION".equals(DemoClient.text(entry, "source"))) {
        count++;
      }
    }
    return count;
  }

  private static Instant lastInstitutionEntry(JsonNode view) {
    Instant last = Instant.EPOCH;
    for (JsonNode entry : view.path("timeline")) {
      String recordedAt = DemoClient.text(entry, "recordedAt");
      if ("INSTITUTION".equals(DemoClient.text(entry, "source")) && recordedAt != null
          && Instant.parse(recordedAt).isAfter(last)) {
        last = Instant.parse(recordedAt);
      }
    }
    return last;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String staff(String institutionId) {
    return STAFF.get(institutionId);
  }

  private static String youthsPath(String institutionId) {
    return "/api/intake/institutions/" + institutionId + "/youths";
  }

  private static String key(DemoYouth youth, String step) {
    return KEY_PREFIX + youth.key() + ":" + step;
  }
}
