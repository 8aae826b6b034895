package nl.vermissing.convenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.vermissing.convenant.Fixtures;
import nl.vermissing.events.AgeBand;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.events.Contact;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.events.SharingRules;
import nl.vermissing.events.SharingStage;

/**
 * Data minimisation holds for any case and any agreement: a police payload never carries a field its stage does not
 * allow, consultations and cancellations carry at most the pseudonymous fields (never a personal one), and the
 * disclosed-field list is exactly what the payload carries.
 */
class SharingPolicyPropertyTest {

  private static final List<String> FIELDS = List.copyOf(PoliceFields.ALL);
  /** DOMAIN: an orange consultation is pseudonymous (age band, placement type, risk level, region, time missing). */
  private static final List<String> PSEUDONYMOUS =
      List.of("ageBand", "placementType", "riskLevel", "region", "minutesMissing");

  @Property(tries = 3000)
  void the_payload_carries_only_what_the_stage_allows(@ForAll("facts") CaseFacts facts,
      @ForAll("agreements") AgreementVersion agreement, @ForAll SharingStage stage) {
    PoliceCaseData payload = SharingPolicy.payloadFor(stage, facts, agreement);
    List<String> disclosed = SharingPolicy.disclosedFields(payload);

    assertThat(disclosed).isSubsetOf(listed(stage, agreement.getSharing()));
    if (stage == SharingStage.CONSULTATION || stage == SharingStage.CANCEL) {
      assertThat(disclosed).doesNotContainAnyElementsOf(PoliceFields.PERSONAL).isSubsetOf(PSEUDONYMOUS);
    }
    for (String field : PoliceFields.ALL) {
      if (!disclosed.contains(field)) {
        assertThat(payload.get(field)).as(field).isNull();
      }
    }
  }

  @Property(tries = 2000)
  void an_update_after_only_a_consultation_is_as_pseudonymous_as_the_consultation(
      @ForAll("facts") CaseFacts facts, @ForAll("agreements") AgreementVersion agreement,
      @ForAll boolean missingReportSent) {
    List<String> disclosed =
        SharingPolicy.disclosedFields(SharingPolicy.updatePayloadFor(facts, agreement, missingReportSent));
    assertThat(disclosed).isSubsetOf(agreement.getSharing().getUpdate());
    if (!missingReportSent) {
      assertThat(disclosed).isSubsetOf(agreement.getSharing().getConsultation())
          .doesNotContainAnyElementsOf(PoliceFields.PERSONAL).isSubsetOf(PSEUDONYMOUS);
    }
  }

  private static List<String> listed(SharingStage stage, SharingRules rules) {
    return switch (stage) {
      case CONSULTATION -> rules.getConsultation();
      case MISSING_REPORT -> rules.getMissingReport();
      case UPDATE -> rules.getUpdate();
      case CANCEL -> rules.getCancel();
    };
  }

  @Provide
  Arbitrary<AgreementVersion> agreements() {
    // allow-lists drawn from the known fields plus unknown names: an engine must also survive an unvalidated list
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.of("diagnosis", "fileNotes",
        "treatmentHistory", "bsn"));
    Arbitrary<List<String>> list = name.list().ofMaxSize(FIELDS.size() + 2).uniqueElements();
    return Combinators.combine(list, list, list, list).as((consultation, report, update, cancel) ->
        AgreementVersion.newBuilder(Fixtures.defaultAgreement())
            .setSharing(SharingRules.newBuilder().setConsultation(consultation).setMissingReport(report)
                .setUpdate(update).setCancel(cancel).build())
            .build());
  }

  @Provide
  Arbitrary<CaseFacts> facts() {
    Arbitrary<String> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).injectNull(0.2);
    Arbitrary<List<Contact>> contacts = text.filter(t -> t != null)
        .map(t -> new Contact(t, "friend", "06" + t.length(), null, t.length() % 2 == 0)).list().ofMaxSize(3)
        .injectNull(0.2);
    Arbitrary<List<Place>> places = text.filter(t -> t != null).map(t -> new Place(t, null)).list().ofMaxSize(3)
        .injectNull(0.2);
    Arbitrary<List<RiskIndicator>> indicators = Arbitraries.of(RiskIndicator.class).list().uniqueElements()
        .ofMaxSize(4).injectNull(0.3);
    Arbitrary<Object[]> first = Combinators.combine(
        Arbitraries.of(AgeBand.class).injectNull(0.1), Arbitraries.of(PlacementType.class).injectNull(0.1),
        Arbitraries.of(RiskLevel.class).injectNull(0.1), text, Arbitraries.longs().between(0, 100_000).injectNull(0.1),
        text, text, text).as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
    Arbitrary<Object[]> second = Combinators.combine(
        Arbitraries.of(Sex.class).injectNull(0.1), text, text, text, text,
        Arbitraries.longs().between(0, 4_000_000_000_000L).injectNull(0.1), text, contacts)
        .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
    Arbitrary<Object[]> third = Combinators.combine(places, text,
        Arbitraries.of(LegalTitleKind.class).injectNull(0.3), indicators, text)
        .as((a, b, c, d, e) -> new Object[] {a, b, c, d, e});
    return Combinators.combine(first, second, third).as(SharingPolicyPropertyTest::toFacts);
  }

  @SuppressWarnings("unchecked")
  private static CaseFacts toFacts(Object[] a, Object[] b, Object[] c) {
    String photo = (String) b[1];
    Long lastSeen = (Long) b[5];
    LegalTitleKind kind = (LegalTitleKind) c[2];
    return new CaseFacts((AgeBand) a[0], (PlacementType) a[1], (RiskLevel) a[2], (String) a[3], (Long) a[4],
        (String) a[5], (String) a[6], (String) a[7], (Sex) b[0],
        photo == null ? null : ByteBuffer.wrap(photo.getBytes()), (String) b[2], (String) b[3], (String) b[4],
        lastSeen == null ? null : Instant.ofEpochMilli(lastSeen), (String) b[6], (List<Contact>) b[7],
        (List<Place>) c[0], (String) c[1], kind == null ? null : new LegalTitle(kind, null),
        c[3] == null ? null : new ArrayList<>((List<RiskIndicator>) c[3]), (String) c[4]);
  }
}
