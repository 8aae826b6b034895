package nl.vermissing.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.vermissing.audit.stream.AuditTopology;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for auditors only: who received which data under which rule, and who read personal data. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Disclosures and reads of personal data (role AUDITOR)")
public class AuditController {

  private static final int MAX_RESULTS = 500;

  private final StreamsBuilderFactoryBean streams;

  public AuditController(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  /** One disclosure: which fields of which case went to whom, when, under which agreement version and legal basis. */
  public record Disclosure(String auditId, String caseId, String recipientKind, String recipient, List<String> fields,
      Instant disclosedAt, String agreementId, int agreementVersion, String legalBasis, String messageId) {
    static Disclosure of(DisclosureRecord r) {
      return new Disclosure(r.getAuditId(), r.getCaseId(), r.getRecipientKind().name(), r.getRecipient(),
          List.copyOf(r.getFields()), r.getDisclosedAt(), r.getAgreementId(), r.getAgreementVersion(),
          r.getLegalBasis(), r.getMessageId());
    }
  }

  /** One read of personal data or change of a rule. */
  public record Access(String auditId, String service, String actor, String actorRole, String tenant, String action,
      String resource, String youthId, List<String> fields, String purpose, Instant at) {
    static Access of(AccessRecord r) {
      return new Access(r.getAuditId(), r.getService(), r.getActor(), r.getActorRole(), r.getTenant(), r.getAction(),
          r.getResource(), r.getYouthId(), List.copyOf(r.getFields()), r.getPurpose(), r.getAt());
    }
  }

  /** A calamity notice to a municipality (closed care, not back in time). */
  public record Calamity(String noticeId, String caseId, String institutionId, String municipality,
      Instant missingSince, Instant notifiedAt, String agreementId, int agreementVersion) {
    static Calamity of(CalamityNotice n) {
      return new Calamity(n.getNoticeId(), n.getCaseId(), n.getInstitutionId(), n.getMunicipalityContact(),
          n.getMissingSince(), n.getNotifiedAt(), n.getAgreementId(), n.getAgreementVersion());
    }
  }

  @GetMapping("/disclosures")
  @Operation(summary = "Disclosures to police, municipalities and others, newest first")
  public List<Disclosure> disclosures(Actor actor,
      @RequestParam(required = false) String caseId,
      @RequestParam(required = false) String recipient,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    actor.requireRole(Role.AUDITOR);
    Predicate<DisclosureRecord> filter = r -> (caseId == null || caseId.equals(r.getCaseId()))
        && (recipient == null || recipient.equals(r.getRecipient()))
        && within(r.getDisclosedAt(), from, to);
    return query(AuditTopology.DISCLOSURES_STORE, filter, Disclosure::of,
        Comparator.comparing(Disclosure::disclosedAt).reversed());
  }

  @GetMapping("/access")
  @Operation(summary = "Reads of personal data and rule changes, newest first")
  public List<Access> access(Actor actor,
      @RequestParam(required = false) String youthId,
      @RequestParam(required = false, name = "user") String user,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    actor.requireRole(Role.AUDITOR);
    Predicate<AccessRecord> filter = r -> (youthId == null || youthId.equals(r.getYouthId()))
        && (user == null || user.equals(r.getActor()))
        && (service == null || service.equals(r.getService()))
        && within(r.getAt(), from, to);
    return query(AuditTopology.ACCESS_STORE, filter, Access::of, Comparator.comparing(Access::at).reversed());
  }

  @GetMapping("/calamity-notices")
  @Operation(summary = "Calamity notices to municipalities, newest first")
  public List<Calamity> calamities(Actor actor) {
    actor.requireRole(Role.AUDITOR);
    return query(AuditTopology.CALAMITIES_STORE, n -> true, Calamity::of,
        Comparator.comparing(Calamity::notifiedAt).reversed());
  }

  private <V, R> List<R> query(String storeName, Predicate<V> filter, Function<V, R> view, Comparator<R> order) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, null,
          "the audit trail is being loaded; try again shortly", null);
    }
    ReadOnlyKeyValueStore<String, V> store = kafkaStreams.store(
        StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
    List<R> results = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value != null && filter.test(kv.value)) {
          results.add(view.apply(kv.value));
        }
      });
    }
    results.sort(order);
    return results.size() > MAX_RESULTS ? results.subList(0, MAX_RESULTS) : results;
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }
}
