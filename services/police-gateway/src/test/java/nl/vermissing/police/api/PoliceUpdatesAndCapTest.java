package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.ResponsibilityTransferred;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.UrgencyClassified;
import nl.vermissing.police.PoliceGatewayTestBase;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.domain.CapDocumentTest;
import nl.vermissing.police.domain.CaseAlert;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Police updates reach the responses topic; personal reads are audited; CAP and Atom over HTTP. */
class PoliceUpdatesAndCapTest extends PoliceGatewayTestBase {

  static final Duration WAIT = Duration.ofSeconds(10);

  PoliceAlert alertFor(String unit) throws Exception {
    PoliceAlert alert = PoliceAlert.newBuilder(TestAlerts.missingReport(TestAlerts.newCaseId(), unit,
        CLOCK.instant())).setAcknowledgeBy(null).build();
    produce(alert);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).isPresent());
    return alert;
  }

  List<Object> payloadsOf(String caseId) {
    return readAll(Topics.POLICE_RESPONSES).stream().filter(r -> r.getCaseId().equals(caseId))
        .map(PoliceResponse::getPayload).toList();
  }

  List<AccessRecord> auditOf(String youthId) {
    return readAll(Topics.POLICE_ACCESS_AUDIT).stream().filter(a -> youthId.equals(a.getYouthId())).toList();
  }

  @Test
  void everyPoliceUpdateIsRecordedAsAResponse() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit);
    String base = "/api/police/units/" + unit + "/alerts/" + alert.getCaseId();
    String token = liaison(unit);
    assertThat(post(base + "/urgency", token, "{\"urgency\":\"URGENT\",\"reason\":\"onder 13\"}").statusCode())
        .isEqualTo(201);
    assertThat(post(base + "/sightings", token,
        "{\"seenAt\":\"" + CLOCK.instant() + "\",\"location\":\"Almere Centrum\"}").statusCode()).isEqualTo(201);
    assertThat(post(base + "/information-requests", token, "{\"question\":\"Welke telefoon heeft zij?\"}")
        .statusCode()).isEqualTo(201);
    assertThat(post(base + "/found", token, "{\"foundAt\":\"" + CLOCK.instant() + "\",\"location\":\"Almere\"}")
        .statusCode()).isEqualTo(201);

    List<Object> payloads = payloadsOf(alert.getCaseId());
    assertThat(payloads).hasSize(4);
    assertThat(payloads.get(0)).isEqualTo(new UrgencyClassified(PoliceUrgency.URGENT, "onder 13"));
    assertThat(payloads.get(1)).isInstanceOf(SightingReported.class);
    assertThat(payloads.get(2)).isEqualTo(new InformationRequested("Welke telefoon heeft zij?"));
    assertThat(payloads.get(3)).isInstanceOf(FoundReported.class);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(CaseAlert::found).orElse(false));
    CaseAlert state = view.caseById(alert.getCaseId()).orElseThrow();
    assertThat(state.urgency()).isEqualTo(PoliceUrgency.URGENT);
    assertThat(state.sightings()).isEqualTo(1);
    assertThat(state.informationRequests()).hasSize(1);

    HttpResponse<String> invalid = post(base + "/urgency", token, "{\"reason\":\"x\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("urgency");
    assertThat(post(base + "/found", token, "{\"foundAt\":\"" + CLOCK.instant() + "\"}").statusCode())
        .isEqualTo(409);
    assertThat(post(base + "/urgency", liaison(newUnit()), "{\"urgency\":\"OTHER\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTransferMovesTheAlertToTheOtherUnit() throws Exception {
    String unit = newUnit();
    String to = newUnit();
    PoliceAlert alert = alertFor(unit);
    HttpResponse<String> moved = post("/api/police/units/" + unit + "/alerts/" + alert.getCaseId() + "/transfer",
        liaison(unit), "{\"toPoliceUnit\":\"" + to + "\"}");
    assertThat(moved.statusCode()).isEqualTo(201);
    assertThat(payloadsOf(alert.getCaseId())).containsExactly(new ResponsibilityTransferred(to));
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(c -> c.policeUnit().equals(to))
        .orElse(false));
    assertThat(get("/api/police/units/" + to + "/alerts", liaison(to)).body()).contains(alert.getCaseId());
    assertThat(get("/api/police/units/" + unit + "/alerts", liaison(unit)).body()).doesNotContain(alert.getCaseId());
  }

  @Test
  void personalDataAndThePhotoAreShownOnRequestAndEveryReadIsAudited() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit);
    String base = "/api/police/units/" + unit + "/alerts/" + alert.getCaseId();
    HttpResponse<String> detail = get(base + "?purpose=zoekactie", liaison(unit));
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Sanne").contains("station Lelystad").contains("/photo");
    HttpResponse<byte[]> photo = http.send(java.net.http.HttpRequest.newBuilder(uri(base + "/photo"))
        .header("Authorization", "Bearer " + liaison(unit)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(photo.body()).hasSize(5);

    List<AccessRecord> audit = auditOf(alert.getYouthId());
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0).getAction()).isEqualTo("read-alert-detail");
    assertThat(audit.get(0).getActor()).isEqualTo("liaison-" + unit);
    assertThat(audit.get(0).getActorRole()).isEqualTo("POLICE_LIAISON");
    assertThat(audit.get(0).getPurpose()).isEqualTo("zoekactie");
    assertThat(audit.get(0).getFields()).contains("givenName", "familyName", "contacts").doesNotContain("photo");
    assertThat(audit.get(1).getAction()).isEqualTo("read-photo");
    assertThat(audit.get(1).getFields()).containsExactly("photo");
    assertThat(audit.get(1).getService()).isEqualTo("police-gateway");

    assertThat(get(base, liaison(newUnit())).statusCode()).isEqualTo(403);
  }

  @Test
  void alertUpdateAndCancelAreServedAsValidCapAndListedInTheAtomFeed() throws Exception {
    String unit = newUnit();
    PoliceAlert alert = alertFor(unit);
    PoliceAlert update = TestAlerts.update(alert, CLOCK.instant().plusSeconds(300), "gezien in Almere");
    PoliceAlert cancel = TestAlerts.cancel(update, CLOCK.instant().plusSeconds(600));
    produce(update);
    produce(cancel);
    await().atMost(WAIT).until(() -> view.caseById(alert.getCaseId()).map(CaseAlert::cancelled).orElse(false));
    String token = liaison(unit);
    for (PoliceAlert message : List.of(alert, update, cancel)) {
      HttpResponse<String> cap = get("/api/police/units/" + unit + "/alerts/" + message.getIdentifier() + "/cap",
          token);
      assertThat(cap.statusCode()).isEqualTo(200);
      assertThat(cap.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/cap+xml");
      CapDocumentTest.assertValidCap(cap.body());
      assertThat(cap.body()).contains("<msgType>" + message.getMsgType() + "</msgType>");
      if (message != alert) {
        assertThat(cap.body()).contains("<references>" + TestAlerts.SENDER + ",");
      }
    }
    assertThat(auditOf(alert.getYouthId())).extracting(AccessRecord::getAction).contains("read-cap");

    HttpResponse<String> atom = get("/api/police/units/" + unit + "/cap.atom", token);
    assertThat(atom.statusCode()).isEqualTo(200);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom.body())));
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(3);
    assertThat(atom.body()).contains(cancel.getIdentifier() + "/cap").doesNotContain("Sanne");
    assertThat(get("/api/police/units/" + unit + "/cap.atom", liaison(newUnit())).statusCode()).isEqualTo(403);
  }
}
