package nl.vermissing.police.domain;

import nl.vermissing.vocabulary.CapTime;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.vermissing.events.CapInfo;
import nl.vermissing.events.CapScope;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;

/**
 * Renders a police alert message as a CAP 1.2 {@code alert} (OASIS, namespace
 * {@code urn:oasis:names:tc:emergency:cap:1.2}): the case is the CAP incident, earlier messages are referenced as
 * {@code sender,identifier,sent}, every disclosed field becomes a {@code parameter} and the photo a {@code resource}
 * that points at the (audited) photo endpoint instead of carrying the image.
 */
public final class CapDocument {

  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
  public static final String LANGUAGE = "nl-NL";
  static final Set<String> CATEGORIES = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
      "Transport", "Infra", "CBRNE", "Other");
  static final String DEFAULT_RESTRICTION = "Politie en jeugdhulp volgens convenant; niet openbaar maken";

  private CapDocument() {}

  /**
   * @param references earlier messages this one refers to (empty for a first alert)
   * @param photoUri where the photo can be fetched, or null
   */
  public static String render(PoliceAlert alert, List<CapReference> references, ZoneId zone, String photoUri) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "alert");
      xml.writeDefaultNamespace(NAMESPACE);
      text(xml, "identifier", token(alert.getIdentifier()));
      text(xml, "sender", token(alert.getSender()));
      text(xml, "sent", CapTime.format(alert.getSent(), zone));
      text(xml, "status", alert.getStatus().name());
      text(xml, "msgType", alert.getMsgType().name());
      text(xml, "scope", alert.getScope().name());
      if (alert.getScope() == CapScope.Restricted) {
        String restriction = alert.getRestriction();
        text(xml, "restriction", restriction == null || restriction.isBlank() ? DEFAULT_RESTRICTION : restriction);
      } else if (alert.getScope() == CapScope.Private) {
        text(xml, "addresses", token(alert.getPoliceUnit()));
      }
      if (!references.isEmpty()) {
        text(xml, "references", references.stream().map(r -> r.format(zone)).collect(Collectors.joining(" ")));
      }
      text(xml, "incidents", token(alert.getCaseId()));
      info(xml, alert, zone, photoUri);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot render CAP message " + alert.getIdentifier(), e);
    }
    return out.toString();
  }

  private static void info(XMLStreamWriter xml, PoliceAlert alert, ZoneId zone, String photoUri)
      throws XMLStreamException {
    CapInfo info = alert.getInfo();
    xml.writeStartElement(NAMESPACE, "info");
    text(xml, "language", LANGUAGE);
    text(xml, "category", CATEGORIES.contains(info.getCategory()) ? info.getCategory() : "Rescue");
    text(xml, "event", info.getEvent());
    text(xml, "urgency", info.getUrgency().name());
    text(xml, "severity", info.getSeverity().name());
    text(xml, "certainty", info.getCertainty().name());
    valuePair(xml, "eventCode", "stage", alert.getStage().name());
    text(xml, "senderName", alert.getInstitutionId());
    text(xml, "headline", info.getHeadline());
    if (info.getDescription() != null) {
      text(xml, "description", info.getDescription());
    }
    valuePair(xml, "parameter", "caseId", alert.getCaseId());
    valuePair(xml, "parameter", "policeUnit", alert.getPoliceUnit());
    valuePair(xml, "parameter", "agreement", alert.getAgreementId() + ":" + alert.getAgreementVersion());
    if (alert.getAcknowledgeBy() != null) {
      valuePair(xml, "parameter", "acknowledgeBy", CapTime.format(alert.getAcknowledgeBy(), zone));
    }
    PoliceCaseData data = alert.getData();
    if (data != null) {
      for (Map.Entry<String, Object> field : DisclosedData.summary(data).entrySet()) {
        parameters(xml, field.getKey(), field.getValue());
      }
      for (Map.Entry<String, Object> field : DisclosedData.personal(data).entrySet()) {
        parameters(xml, field.getKey(), field.getValue());
      }
      ByteBuffer photo = data.getPhoto();
      if (photo != null && photoUri != null) {
        byte[] bytes = new byte[photo.remaining()];
        photo.duplicate().get(bytes);
        xml.writeStartElement(NAMESPACE, "resource");
        text(xml, "resourceDesc", "foto");
        text(xml, "mimeType", data.getPhotoContentType() == null ? "image/jpeg" : data.getPhotoContentType());
        text(xml, "size", Integer.toString(bytes.length));
        text(xml, "uri", photoUri);
        text(xml, "digest", sha1(bytes));
        xml.writeEndElement();
      }
      if (data.getRegion() != null) {
        xml.writeStartElement(NAMESPACE, "area");
        text(xml, "areaDesc", data.getRegion());
        xml.writeEndElement();
      }
    }
    xml.writeEndElement();
  }

  /** Lists become repeated parameters; a record becomes {@code key=value; ...}. */
  private static void parameters(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
    if (value instanceof List<?> list) {
      for (Object item : list) {
        parameters(xml, name, item);
      }
    } else if (value instanceof Map<?, ?> map) {
      valuePair(xml, "parameter", name, map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    } else {
      valuePair(xml, "parameter", name, String.valueOf(value));
    }
  }

  private static void valuePair(XMLStreamWriter xml, String element, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, element);
    text(xml, "valueName", name);
    text(xml, "value", value);
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, element);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  /** CAP identifiers and senders may not contain spaces, commas or the XML specials {@code <} and {@code &}. */
  public static String token(String value) {
    return value == null ? "" : value.replaceAll("[\\s,<&]", "_");
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
