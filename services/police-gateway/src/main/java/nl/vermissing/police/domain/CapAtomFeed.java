package nl.vermissing.police.domain;

import nl.vermissing.vocabulary.CapTime;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom (RFC 4287) index of a unit's CAP messages, newest first, as police alerting systems poll it: each entry
 * links to the CAP document and shows only the non-personal headline, so the index itself discloses nobody.
 */
public final class CapAtomFeed {

  public static final String ATOM = "http://www.w3.org/2005/Atom";

  /** One CAP message in the index. */
  public record Entry(String identifier, String title, String summary, String msgType, Instant sent, String capUrl) {}

  private CapAtomFeed() {}

  public static String render(String policeUnit, String selfUrl, List<Entry> entries, Instant updated, ZoneId zone) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", selfUrl);
      text(xml, "title", "CAP-berichten vermissingen jeugdhulp voor " + policeUnit);
      text(xml, "updated", CapTime.format(updated, zone));
      xml.writeStartElement(ATOM, "author");
      text(xml, "name", "Vermissing jeugdhulp politiekoppeling");
      xml.writeEndElement();
      link(xml, "self", "application/atom+xml", selfUrl);
      for (Entry entry : entries) {
        xml.writeStartElement(ATOM, "entry");
        text(xml, "id", entry.capUrl());
        text(xml, "title", entry.title());
        text(xml, "updated", CapTime.format(entry.sent(), zone));
        text(xml, "published", CapTime.format(entry.sent(), zone));
        xml.writeStartElement(ATOM, "category");
        xml.writeAttribute("term", entry.msgType());
        xml.writeEndElement();
        text(xml, "summary", entry.summary());
        link(xml, "alternate", "application/cap+xml", entry.capUrl());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot render Atom feed of " + policeUnit, e);
    }
    return out.toString();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
    xml.writeStartElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
    xml.writeStartElement(ATOM, element);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }
}
