package nl.vermissing.convenant.domain;

import static nl.vermissing.convenant.Fixtures.agreement;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vermissing.convenant.Fixtures;
import nl.vermissing.events.AgreementVersion;
import org.junit.jupiter.api.Test;

class AgreementBookTest {

  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void the_version_in_effect_at_the_moment_is_used_not_the_latest() {
    AgreementBook book = new AgreementBook(List.of(
        agreement("flevoland", 1, JAN, "pu-a", List.of("inst-anker")),
        agreement("flevoland", 2, MAR, "pu-b", List.of("inst-anker"))), Fixtures.defaultAgreement(), Map.of());
    assertThat(book.resolve("inst-anker", FEB).getVersion()).isEqualTo(1);
    assertThat(book.resolve("inst-anker", MAR).getVersion()).isEqualTo(2);
    assertThat(book.resolve("inst-anker", JAN.minusSeconds(1)).getAgreementId())
        .isEqualTo(DefaultRules.DEFAULT_AGREEMENT_ID);
  }

  @Test
  void precedence_institution_then_listing_region_then_unlisted_region_then_default() {
    AgreementVersion unlisted = AgreementVersion.newBuilder(agreement("region-general", 1, JAN, "pu-general",
        List.of())).setRegion("flevoland").build();
    AgreementVersion listing = agreement("region-listing", 1, JAN, "pu-listing", List.of("inst-anker", "inst-horizon"));
    AgreementVersion refinement = agreement("anker-only", 1, JAN, "pu-anker", List.of("inst-anker"));
    Map<String, String> regions = Map.of("inst-anker", "flevoland", "inst-horizon", "flevoland",
        "inst-nieuw", "flevoland");

    AgreementBook all = new AgreementBook(List.of(unlisted, listing, refinement), Fixtures.defaultAgreement(), regions);
    assertThat(all.resolve("inst-anker", FEB).getAgreementId()).isEqualTo("anker-only");
    assertThat(all.resolve("inst-horizon", FEB).getAgreementId()).isEqualTo("region-listing");
    assertThat(all.resolve("inst-nieuw", FEB).getAgreementId()).isEqualTo("region-general");
    assertThat(all.resolve("inst-elders", FEB).getAgreementId()).isEqualTo(DefaultRules.DEFAULT_AGREEMENT_ID);
  }
}
