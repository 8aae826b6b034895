package nl.vermissing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is the catalogue, rendered; it fails when someone changes one without the other. */
class EventsDocumentTest {

  @Test
  void docsEventsMdMatchesTheCatalogue() throws Exception {
    Path doc = Path.of(System.getProperty("events.doc", "../docs/events.md"));
    String rendered = EventsDocument.render();
    if (Boolean.getBoolean("update.docs")) {
      Files.writeString(doc, rendered);
    }
    assertThat(Files.readString(doc)).as("docs/events.md is outdated: run mvn -pl schemas test -Dupdate.docs=true")
        .isEqualTo(rendered);
  }
}
