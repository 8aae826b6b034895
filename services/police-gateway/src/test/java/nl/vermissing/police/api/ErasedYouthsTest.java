package nl.vermissing.police.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.platform.crypto.DataKeyStore;
import nl.vermissing.platform.crypto.FileDataKeyStore;
import nl.vermissing.platform.crypto.MasterKeys;
import nl.vermissing.police.TestAlerts;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Once a youth's data key has been erased, the alerts decoded before stay without personal data for good. */
class ErasedYouthsTest {

  @TempDir
  Path dir;

  @Test
  void anErasedYouthStaysHiddenAlsoWhenANewKeyIsCreatedAfterTheErasure() {
    // Given an alert decoded into the view, and the youth's key store
    DataKeyStore keys = new FileDataKeyStore(dir, MasterKeys.generate());
    ErasedYouths erased = new ErasedYouths(Optional.of(keys));
    PoliceAlert message = TestAlerts.missingReport(TestAlerts.newCaseId(), "pu-1", Instant.now());
    CaseAlert alert = CaseAlert.first(message).state().withResponse(TestAlerts.response(message.getCaseId(), "pu-1",
        Instant.now(), new InformationRequested("Heeft Sanne haar telefoon bij zich?"))).state();
    keys.keyFor(alert.youthId());
    assertThat(DisclosedData.personal(DisclosedData.merged(erased.visible(alert).messages())))
        .containsEntry("givenName", "Sanne");

    // When the youth is erased, and a service later creates a new key for the same youth
    keys.erase(alert.youthId());
    keys.keyFor(alert.youthId());

    // Then what is shown of the alert decoded under the old key has no personal data
    assertThat(keys.isErased(alert.youthId())).isFalse();
    CaseAlert shown = erased.visible(alert);
    assertThat(shown.messages().get(0).getData().getGivenName()).isNull();
    assertThat(shown.messages().get(0).getData().getPhoto()).isNull();
    assertThat(shown.informationRequests()).singleElement()
        .satisfies(r -> assertThat(r.question()).doesNotContain("Sanne"));
  }
}
