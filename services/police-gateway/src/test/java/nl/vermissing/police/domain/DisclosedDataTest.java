package nl.vermissing.police.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.police.TestAlerts;
import org.junit.jupiter.api.Test;

class DisclosedDataTest {

  final PoliceCaseData data = TestAlerts.missingReport("c", "u", Instant.parse("2026-11-22T17:43:00Z")).getData();

  @Test
  void theSummaryHoldsNoPersonalField() {
    assertThat(DisclosedData.summary(data)).containsKeys("ageBand", "placementType", "riskLevel", "region", "sex",
        "legalTitle", "riskIndicators", "lastSeenAt")
        .doesNotContainKeys("givenName", "familyName", "dateOfBirth", "photo", "physicalDescription", "clothing",
            "lastSeenLocation", "contacts", "places", "safetyMedicalNeeds", "newInformation");
  }

  @Test
  void personalFieldsAreThoseMarkedPersonalOrHoldingPersonalRecords() {
    assertThat(DisclosedData.personal(data)).containsKeys("givenName", "familyName", "contacts", "lastSeenLocation")
        .doesNotContainKeys("photo", "ageBand");
    assertThat(DisclosedData.personalFieldsSet(data)).contains("photo", "givenName", "contacts");
    assertThat(DisclosedData.isPersonal("places")).isTrue();
    assertThat(DisclosedData.isPersonal("region")).isFalse();
  }
}
