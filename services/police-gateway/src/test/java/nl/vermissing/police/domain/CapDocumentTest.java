package nl.vermissing.police.domain;

import nl.vermissing.vocabulary.CapTime;
import static nl.vermissing.police.TestAlerts.cancel;
import static nl.vermissing.police.TestAlerts.missingReport;
import static nl.vermissing.police.TestAlerts.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.vermissing.events.PoliceAlert;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** CAP documents are valid against the official OASIS CAP 1.2 schema. */
public class CapDocumentTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Instant T0 = Instant.parse("2026-11-22T17:43:00.123Z");

  final PoliceAlert alert = missingReport("case-1", "pu-midden-nederland", T0);
  final CaseAlert state = CaseAlert.first(alert).state();

  public static void assertValidCap(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Schema schema = factory.newSchema(new StreamSource(CapDocumentTest.class.getResourceAsStream("/cap/CAP-v1.2.xsd")));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    return doc.getDocumentElement();
  }

  static String child(Element root, String name) {
    var nodes = root.getElementsByTagNameNS(CapDocument.NAMESPACE, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  @Test
  void anAlertIsValidCap() throws Exception {
    String xml = CapDocument.render(alert, CapReferences.of(state, alert), AMSTERDAM, "https://x/photo");
    assertValidCap(xml);
    Element root = parse(xml);
    assertThat(root.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
    assertThat(child(root, "sent")).isEqualTo("2026-11-22T18:43:00+01:00");
    assertThat(child(root, "msgType")).isEqualTo("Alert");
    assertThat(child(root, "scope")).isEqualTo("Restricted");
    assertThat(child(root, "restriction")).isNotBlank();
    assertThat(child(root, "references")).isNull();
    assertThat(child(root, "incidents")).isEqualTo("case-1");
    assertThat(child(root, "category")).isEqualTo("Rescue");
    assertThat(child(root, "urgency")).isEqualTo("Immediate");
    assertThat(xml).contains("<valueName>givenName</valueName><value>Sanne</value>")
        .contains("<valueName>ageBand</valueName><value>AGE_14_15</value>")
        .contains("<resourceDesc>foto</resourceDesc>")
        .contains("&amp; niet bereikbaar &lt;zie gegevens&gt;");
  }

  @Test
  void anUpdateReferencesTheEarlierMessageAsSenderIdentifierSent() throws Exception {
    PoliceAlert later = update(alert, T0.plusSeconds(600), "gezien bij station");
    CaseAlert s = state.withMessage(later).state();
    String xml = CapDocument.render(later, CapReferences.of(s, later), AMSTERDAM, null);
    assertValidCap(xml);
    Element root = parse(xml);
    assertThat(child(root, "msgType")).isEqualTo("Update");
    assertThat(child(root, "references"))
        .isEqualTo("convenant@vermissing.nl," + alert.getIdentifier() + ",2026-11-22T18:43:00+01:00");
  }

  @Test
  void aCancelIsValidCapAndReferencesEveryEarlierMessageWhenNoneAreGiven() throws Exception {
    PoliceAlert later = update(alert, T0.plusSeconds(600), "gezien");
    PoliceAlert end = PoliceAlert.newBuilder(cancel(later, T0.plusSeconds(1200)))
        .setReferences(java.util.List.of()).build();
    CaseAlert s = state.withMessage(later).state().withMessage(end).state();
    String xml = CapDocument.render(end, CapReferences.of(s, end), AMSTERDAM, null);
    assertValidCap(xml);
    assertThat(child(parse(xml), "msgType")).isEqualTo("Cancel");
    assertThat(child(parse(xml), "references").split(" ")).hasSize(2);
  }

  @Test
  void capTimeUsesANumericOffsetAndNoFractionsEvenAtUtc() {
    assertThat(CapTime.format(T0, ZoneId.of("UTC"))).isEqualTo("2026-11-22T17:43:00+00:00");
    assertThat(CapTime.format(Instant.parse("2026-07-01T10:00:00Z"), AMSTERDAM))
        .isEqualTo("2026-07-01T12:00:00+02:00");
  }

  @Test
  void anAtomIndexIsWellFormedAndCarriesNoPersonalData() throws Exception {
    String atom = CapAtomFeed.render("pu-midden-nederland", "https://h/api/police/units/pu-midden-nederland/cap.atom",
        java.util.List.of(new CapAtomFeed.Entry(alert.getIdentifier(), "Vermist: meisje 14-15 jaar", "Alert",
            "Alert", T0, "https://h/cap/1")), T0, AMSTERDAM);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom)));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(CapAtomFeed.ATOM);
    assertThat(doc.getElementsByTagNameNS(CapAtomFeed.ATOM, "entry").getLength()).isEqualTo(1);
    assertThat(atom).doesNotContain("Sanne");
  }
}
