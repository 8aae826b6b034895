package nl.vermissing.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.vermissing.events.AgeBand;
import org.junit.jupiter.api.Test;

class AgeBandsTest {

  private static final LocalDate ON = LocalDate.of(2026, 3, 3);

  @Test
  void bandsChangeOnTheBirthday() {
    assertThat(AgeBands.of("2014-03-04", ON)).isEqualTo(AgeBand.UNDER_12);
    assertThat(AgeBands.of("2014-03-03", ON)).isEqualTo(AgeBand.AGE_12_13);
    assertThat(AgeBands.of("2012-03-03", ON)).isEqualTo(AgeBand.AGE_14_15);
    assertThat(AgeBands.of("2010-03-03", ON)).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBands.of("2008-03-03", ON)).isEqualTo(AgeBand.AGE_18_PLUS);
  }

  @Test
  void unknownForMissingMalformedOrFutureDates() {
    assertThat(AgeBands.of(null, ON)).isEqualTo(AgeBand.UNKNOWN);
    assertThat(AgeBands.of("not a date", ON)).isEqualTo(AgeBand.UNKNOWN);
    assertThat(AgeBands.of("2027-01-01", ON)).isEqualTo(AgeBand.UNKNOWN);
  }

  @Test
  void aMomentCountsOnItsDutchDate() {
    // 22:30 UTC on 2 Nov is already 3 Nov in Amsterdam (UTC+1)
    assertThat(AgeBands.at("2010-11-03", Instant.parse("2026-11-02T23:30:00Z"))).isEqualTo(AgeBand.AGE_16_17);
    assertThat(AgeBands.at("2010-11-03", Instant.parse("2026-11-02T22:30:00Z"))).isEqualTo(AgeBand.AGE_14_15);
  }
}
