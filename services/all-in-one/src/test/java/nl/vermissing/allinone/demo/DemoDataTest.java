package nl.vermissing.allinone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vermissing.allinone.AllInOne;
import nl.vermissing.allinone.AllInOneSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given the whole system in one JVM, when the demo data is loaded through the public API, then every state of a
 * case's life is visible to the users who work with it (institution, police, follow-up, agreement administrator),
 * and a restart with the demo option on the same data folder adds nothing.
 */
class DemoDataTest {

  /** Ports below the kernel's ephemeral range (32768+), so no client socket can hold one by chance. */
  private static final int HTTP_PORT = 24080;
  private static final int SERVICE_PORT_OFFSET = 16000;
  private static final String BASE = "http://localhost:" + HTTP_PORT;
  private static final String UNIT = "pu-midden-nederland";

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private DemoSessions sessions;

  @Test
  void loadsCasesInEveryStateAndARestartWithTheDemoOptionAddsNothing() throws Exception {
    AllInOneSettings settings = new AllInOneSettings(dataDir, HTTP_PORT, 0, 0, false, SERVICE_PORT_OFFSET);
    DemoDataReport first;
    String before;
    // the sign-in form allows 5 sign-ins a minute per address: the loader's sixth account waits for the window
    try (AllInOne system = AllInOne.start(settings)) {
      sessions = new DemoSessions(BASE);

      first = DemoData.load(sessions);

      assertThat(first.failures()).isEmpty();
      assertThat(first.youthIds()).hasSize(DemoYouth.cast().size());
      assertThat(first.caseIds()).hasSize(9);
      assertThat(first.written()).isGreaterThan(40);
      assertThat(first.gaps()).as("every region has an administrator account").isEmpty();
      Map<String, String> cases = first.caseIds();

      // institution staff: every state, with the step the agreement requires next
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        assertCase("staf.anker", "inst-anker", cases.get("daan"), "OPEN", null, "LOCAL_ACTIONS_AND_RISK_ASSESSMENT");
        assertCase("staf.anker", "inst-anker", cases.get("mila"), "OPEN", "GREEN", "REASSESS_RISK");
        assertCase("staf.anker", "inst-anker", cases.get("finn"), "OPEN", "ORANGE", "CONSULT_POLICE");
        assertCase("staf.horizon", "inst-horizon", cases.get("noor"), "OPEN", "RED", "AWAIT_POLICE");
        assertCase("staf.horizon", "inst-horizon", cases.get("jasmijn"), "OPEN", "RED", "AWAIT_POLICE");
        assertCase("staf.horizon", "inst-horizon", cases.get("sophie"), "RETURNED", "RED", "HOLD_RETURN_CONVERSATION");
        assertCase("staf.horizon", "inst-horizon", cases.get("lieke"), "RETURNED", "RED", "HOLD_RETURN_CONVERSATION");
        assertCase("staf.vuurtoren", "inst-vuurtoren", cases.get("ruben"), "CANCELLED", null, "NONE");
        assertCase("staf.vuurtoren", "inst-vuurtoren", cases.get("bram"), "OPEN", "GREEN", "REASSESS_RISK");
      });
      JsonNode jasmijn = get("staf.horizon", "/api/intake/institutions/inst-horizon/cases/" + cases.get("jasmijn"));
      assertThat(jasmijn.path("policeQuestions")).hasSize(1);
      JsonNode bram = get("staf.vuurtoren", "/api/intake/institutions/inst-vuurtoren/cases/" + cases.get("bram"));
      assertThat(bram.path("whereaboutsKnown").asBoolean()).isTrue();
      JsonNode yara = find(get("staf.vuurtoren", "/api/intake/institutions/inst-vuurtoren/youths"), "youthId",
          first.youthIds().get("yara"));
      assertThat(yara.path("hasPhoto").asBoolean()).isTrue();
      assertThat(yara.path("openCaseId").isNull()).isTrue();
      HttpResponse<byte[]> photo = raw("staf.horizon",
          "/api/intake/institutions/inst-horizon/youths/" + first.youthIds().get("noor") + "/photo");
      assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");

      // police: an unacknowledged red alert, an acknowledged one with urgency and a sighting, a consultation, a find
      JsonNode alerts = get("politie.midden", "/api/police/units/" + UNIT + "/alerts").path("alerts");
      JsonNode noor = find(alerts, "caseId", cases.get("noor"));
      assertThat(noor.path("acknowledgement").path("state").asString()).isEqualTo("PENDING");
      assertThat(noor.path("data").path("riskLevel").asString()).isEqualTo("RED");
      JsonNode acknowledged = find(alerts, "caseId", cases.get("jasmijn"));
      assertThat(acknowledged.path("acknowledgement").path("state").asString()).isEqualTo("ACKNOWLEDGED");
      assertThat(acknowledged.path("acknowledgement").path("acknowledgedBy").asString()).isNotBlank();
      assertThat(acknowledged.path("policeUrgency").asString()).isEqualTo("URGENT");
      assertThat(acknowledged.path("sightings").asInt()).isEqualTo(1);
      assertThat(find(alerts, "caseId", cases.get("finn")).path("latest").path("stage").asString())
          .isEqualTo("CONSULTATION");
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode sophie = find(get("politie.midden", "/api/police/units/" + UNIT + "/alerts").path("alerts"),
            "caseId", cases.get("sophie"));
        assertThat(sophie.path("found").asBoolean()).isTrue();
        assertThat(sophie.path("cancelled").asBoolean()).isTrue();
      });

      // follow-up: one conversation due, one held with consent and a CoMensha request
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode worklist = get("volg.horizon", "/api/followup/institutions/inst-horizon/worklist");
        assertThat(find(worklist.path("dueSoon"), "caseId", cases.get("sophie")).path("outcome").isNull()).isTrue();
        JsonNode done = find(worklist.path("done"), "caseId", cases.get("lieke"));
        assertThat(done.path("outcome").asString()).isEqualTo("HELD");
        assertThat(done.path("referralCreated").asBoolean()).isTrue();
        assertThat(done.path("comenshaRequested").asBoolean()).isTrue();
      });

      // agreement administrator: the regional agreement with its history and the institution refinement
      JsonNode agreements = get("beheer.flevoland", "/api/convenant/agreements");
      assertThat(find(agreements, "agreementId", "convenant-flevoland").path("latest").asInt()).isEqualTo(2);
      assertThat(find(agreements, "agreementId", "convenant-flevoland-horizon").path("latest").asInt()).isEqualTo(1);

      before = snapshot(first);
    }

    // a restart with the demo option on the same data folder: the completed run is recognised, nothing is added
    try (AllInOne system = AllInOne.start(settings)) {
      DemoDataReport second = DemoData.load(new DemoSessions(BASE));

      assertThat(second.failures()).isEmpty();
      assertThat(second.written()).isZero();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(snapshot(first)).isEqualTo(before));

      // and checking (resuming) every step one by one adds nothing either (the tokens of the first run stay valid)
      DemoDataReport third = DemoData.load(sessions, false);

      assertThat(third.failures()).isEmpty();
      assertThat(third.written()).isZero();
      assertThat(third.alreadyPresent()).isEqualTo(first.written());
      assertThat(third.caseIds()).isEqualTo(first.caseIds());
      assertThat(third.youthIds()).isEqualTo(first.youthIds());
      assertThat(snapshot(third)).isEqualTo(before);
    }
  }

  private void assertCase(String user, String institution, String caseId, String status, String risk,
      String nextStep) throws Exception {
    JsonNode summary = find(get(user, "/api/intake/institutions/" + institution + "/cases?status=all"), "caseId",
        caseId);
    assertThat(summary.path("status").asString()).as("status of %s", caseId).isEqualTo(status);
    assertThat(summary.path("riskLevel").isNull() ? null : summary.path("riskLevel").asString())
        .as("risk of %s", caseId).isEqualTo(risk);
    assertThat(summary.path("nextStep").path("step").asString()).as("next step of %s", caseId).isEqualTo(nextStep);
  }

  /** Everything the demo writes, as the users see it: any duplicate would change it. */
  private String snapshot(DemoDataReport report) throws Exception {
    Map<String, Object> state = new TreeMap<>();
    for (var institution : DemoData.STAFF.entrySet()) {
      String base = "/api/intake/institutions/" + institution.getKey();
      List<String> youths = new ArrayList<>();
      for (JsonNode y : get(institution.getValue(), base + "/youths")) {
        youths.add(y.path("youthId").asString() + "/v" + y.path("version").asInt() + "/" + y.path("hasPhoto"));
      }
      state.put(institution.getKey() + " youths", youths);
      List<String> cases = new ArrayList<>();
      for (JsonNode c : get(institution.getValue(), base + "/cases?status=all")) {
        JsonNode view = get(institution.getValue(), base + "/cases/" + c.path("caseId").asString());
        cases.add(c.path("caseId").asString() + "/" + c.path("status").asString() + "/timeline "
            + view.path("timeline").size() + "/questions " + view.path("policeQuestions").size());
      }
      state.put(institution.getKey() + " cases", cases);
    }
    List<String> alerts = new ArrayList<>();
    for (JsonNode a : get("politie.midden", "/api/police/units/" + UNIT + "/alerts").path("alerts")) {
      alerts.add(a.path("caseId").asString() + "/messages " + a.path("messages").asInt() + "/"
          + a.path("acknowledgement").path("state").asString() + "/sightings " + a.path("sightings").asInt()
          + "/questions " + a.path("informationRequests").asInt() + "/found " + a.path("found").asBoolean());
    }
    state.put("police alerts", alerts);
    state.put("worklist", get("volg.horizon", "/api/followup/institutions/inst-horizon/worklist").path("done")
        .toString() + get("volg.horizon", "/api/followup/institutions/inst-horizon/worklist").path("dueSoon").size());
    state.put("consent", get("volg.horizon", "/api/followup/cases/" + report.caseIds().get("lieke")).toString());
    List<String> agreements = new ArrayList<>();
    for (JsonNode a : get("beheer.flevoland", "/api/convenant/agreements")) {
      agreements.add(a.path("agreementId").asString() + "/v" + a.path("latest").asInt());
    }
    state.put("agreements", agreements);
    return state.toString();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + "=" + value + " in " + array);
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<byte[]> response = raw(user, path);
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<byte[]> raw(String user, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(BASE + path))
        .header("Authorization", "Bearer " + sessions.token(user)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
