package nl.vermissing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;

/** Reproducibility rests on the fold: merging fragments in any order, or twice, gives the same facts. */
class CaseFactsPropertiesTest {

  @Property(tries = 200)
  void anyOrderAndAnyDuplicationGiveTheSameFacts(@ForAll("fragments") List<CaseFacts> fragments,
      @ForAll long seed) {
    CaseFacts inOrder = fold(fragments);
    List<CaseFacts> shuffledTwice = new ArrayList<>(fragments);
    shuffledTwice.addAll(fragments);
    Collections.shuffle(shuffledTwice, new Random(seed));
    assertThat(fold(shuffledTwice)).isEqualTo(inOrder);
  }

  @Property(tries = 100)
  void theEpisodeDependsOnlyOnTheFacts(@ForAll("fragments") List<CaseFacts> fragments, @ForAll long seed) {
    List<CaseFacts> shuffled = new ArrayList<>(fragments);
    Collections.shuffle(shuffled, new Random(seed));
    RegisterRules rules = RegisterRules.defaults();
    assertThat(Episodes.from(fold(shuffled), "e1", InstitutionRegions.empty(), rules))
        .isEqualTo(Episodes.from(fold(fragments), "e1", InstitutionRegions.empty(), rules));
  }

  private static CaseFacts fold(List<CaseFacts> fragments) {
    CaseFacts facts = CaseFacts.EMPTY;
    for (CaseFacts f : fragments) {
      facts = facts.merge(f);
    }
    return facts;
  }

  @Provide
  Arbitrary<List<CaseFacts>> fragments() {
    Arbitrary<Instant> times = Arbitraries.longs().between(0, 1_000_000).map(s -> Instant.parse("2026-11-01T00:00:00Z")
        .plusSeconds(s));
    Arbitrary<CaseFacts> absence = Combinators.combine(times, Arbitraries.strings().alpha().ofLength(3),
            Arbitraries.of(AgeBand.class), Arbitraries.of(Sex.class), Arbitraries.of(PlacementType.class))
        .as((at, id, band, sex, placement) -> CaseFacts.builder().institutionId("inst-" + id.charAt(0))
            .absence(new CaseFacts.Absence(at, id, "p-" + id, band, sex, placement)).lastEventAt(at).build());
    Arbitrary<CaseFacts> risk = Arbitraries.of(RiskLevel.class).map(l -> CaseFacts.builder().riskLevel(l).build());
    Arbitrary<CaseFacts> timesOnly = Combinators.combine(times, Arbitraries.integers().between(0, 4))
        .as((at, kind) -> switch (kind) {
          case 0 -> CaseFacts.builder().reportedAt(at).build();
          case 1 -> CaseFacts.builder().alertedAt(at).build();
          case 2 -> CaseFacts.builder().acknowledgedAt(at).build();
          case 3 -> CaseFacts.builder().returnedAt(at).build();
          default -> CaseFacts.builder().conversationHeldAt(at).exploitationSignal(true).build();
        });
    Arbitrary<CaseFacts> urgency = Combinators.combine(times, Arbitraries.strings().alpha().ofLength(4),
            Arbitraries.of("URGENT", "OTHER"))
        .as((at, id, value) -> CaseFacts.builder().urgency(new CaseFacts.Urgency(at, id, value)).build());
    Arbitrary<CaseFacts> flags = Arbitraries.integers().between(0, 5).map(k -> switch (k) {
      case 0 -> CaseFacts.builder().cancelled(true).build();
      case 1 -> CaseFacts.builder().conversationDeclined(true).build();
      case 2 -> CaseFacts.builder().conversationNotPossible(true).build();
      case 3 -> CaseFacts.builder().conversationOverdue(true).build();
      case 4 -> CaseFacts.builder().referral(true).build();
      default -> CaseFacts.builder().comenshaRegistration(true).build();
    });
    return Arbitraries.oneOf(absence, risk, timesOnly, urgency, flags).list().ofMinSize(1).ofMaxSize(15);
  }
}
