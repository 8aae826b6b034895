package nl.vermissing.convenant.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.convenant.api.AgreementDtos.AgreementHistory;
import nl.vermissing.convenant.api.AgreementDtos.AgreementRequest;
import nl.vermissing.convenant.api.AgreementDtos.AgreementView;
import nl.vermissing.convenant.api.AgreementDtos.SharingDto;
import nl.vermissing.convenant.api.AgreementDtos.TimeRulesDto;
import nl.vermissing.convenant.config.ConvenantProperties;
import nl.vermissing.convenant.domain.AgreementBook;
import nl.vermissing.convenant.domain.AgreementValidator;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.AgreementVersion;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.springframework.stereotype.Service;

/**
 * Agreement administration: only an agreement administrator of the agreement's region may read or change it; a
 * change is a new version with an effective time (never in the past, so decisions already taken keep the version
 * they used), validated before it is published, and audited (who changed which fields, with the change note).
 */
@Service
public class AgreementService {

  static final String ACTION_CHANGED = "AGREEMENT_VERSION_CREATED";
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
  private static final Set<String> NOT_RULES = Set.of("agreementId", "version", "changedBy", "changedAt",
      "changeNote");

  private final AgreementReadModel view;
  private final AgreementPublisher publisher;
  private final Clock clock;
  private final Duration readYourWritesTimeout;
  private final java.util.Map<String, String> institutionRegions;
  private final java.util.Map<String, List<String>> regionPoliceUnits;

  public AgreementService(AgreementReadModel view, AgreementPublisher publisher, Clock clock,
      ConvenantProperties properties) {
    this.view = view;
    this.publisher = publisher;
    this.clock = clock;
    this.readYourWritesTimeout = properties.readYourWritesTimeout();
    this.institutionRegions = properties.institutionRegions();
    this.regionPoliceUnits = properties.regionPoliceUnits();
  }

  /** The agreements of the administrator's region. */
  public List<AgreementHistory> list(Actor actor) {
    actor.requireRole(Role.AGREEMENT_ADMIN);
    return view.all().values().stream()
        .filter(versions -> Objects.equals(latest(versions).getRegion(), actor.tenant()))
        .map(this::history)
        .toList();
  }

  public AgreementHistory get(Actor actor, String agreementId) {
    actor.requireRole(Role.AGREEMENT_ADMIN);
    List<AgreementVersion> versions = view.versions(agreementId);
    if (versions.isEmpty()) {
      throw ApiException.notFound("no agreement " + agreementId);
    }
    actor.requireTenant(latest(versions).getRegion());
    return history(versions);
  }

  public AgreementView version(Actor actor, String agreementId, int version) {
    return get(actor, agreementId).versions().stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> ApiException.notFound("no version " + version + " of agreement " + agreementId));
  }

  /** Publishes a new version (version 1 creates the agreement). */
  public AgreementView change(Actor actor, String agreementId, AgreementRequest request) {
    actor.require(request.region(), Role.AGREEMENT_ADMIN);
    List<AgreementVersion> versions = view.versions(agreementId);
    AgreementVersion previous = versions.isEmpty() ? null : latest(versions);
    if (previous != null) {
      actor.requireTenant(previous.getRegion());
      if (!previous.getRegion().equals(request.region())) {
        throw ApiException.invalid("region", "an agreement stays in its region (" + previous.getRegion() + ")");
      }
    }
    int latestVersion = previous == null ? 0 : previous.getVersion();
    if (request.expectedVersion() != null && request.expectedVersion() != latestVersion) {
      throw ApiException.conflict("the agreement was changed meanwhile: latest version is " + latestVersion,
          previous == null ? null : AgreementView.of(previous));
    }
    Instant now = clock.instant();
    Instant effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
    if (effectiveFrom.isBefore(now.minus(CLOCK_SKEW))) {
      throw ApiException.invalid("effectiveFrom",
          "must not be in the past: decisions already taken keep the version they used");
    }
    AgreementVersion candidate = AgreementVersion.newBuilder()
        .setAgreementId(agreementId)
        .setVersion(latestVersion + 1)
        .setEffectiveFrom(effectiveFrom)
        .setRegion(request.region())
        .setPoliceUnit(request.policeUnit())
        .setDutyOfficerRole(request.dutyOfficerRole())
        .setMunicipalityContact(request.municipalityContact())
        .setInstitutionIds(request.institutionIds() == null ? List.of() : request.institutionIds())
        .setTimeRules((request.timeRules() == null ? emptyTimeRules() : request.timeRules()).toAvro())
        .setSharing((request.sharing() == null ? new SharingDto(null, null, null, null) : request.sharing()).toAvro())
        .setClosedWithLegalTitleAlwaysReported(!Boolean.FALSE.equals(request.closedWithLegalTitleAlwaysReported()))
        .setLegalBasis(request.legalBasis())
        .setChangedBy(actor.userId())
        .setChangedAt(now)
        .setChangeNote(request.changeNote())
        .build();
    List<AgreementValidator.Violation> violations = AgreementValidator.validate(candidate, institutionRegions,
        regionPoliceUnits);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations.get(0).field(), violations.get(0).message());
    }
    AccessRecord audit = AccessRecord.newBuilder()
        .setAuditId(UUID.randomUUID().toString())
        .setService(Topics.CONVENANT)
        .setActor(actor.userId())
        .setActorRole(Role.AGREEMENT_ADMIN.name())
        .setTenant(actor.tenant())
        .setAction(ACTION_CHANGED)
        .setResource("agreements/" + agreementId + "/versions/" + candidate.getVersion())
        .setFields(changedFields(previous, candidate))
        .setPurpose(request.changeNote())
        .setAt(now)
        .build();
    publisher.publish(candidate, audit);
    awaitVisible(agreementId, candidate.getVersion());
    return AgreementView.of(candidate);
  }

  /** Read-your-writes: the next request sees the new version (bounded wait; the write itself is committed). */
  private void awaitVisible(String agreementId, int version) {
    long deadline = System.nanoTime() + readYourWritesTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (view.versions(agreementId).stream().anyMatch(v -> v.getVersion() == version)) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  /** Names of the rule fields that differ from the previous version (all of them for a new agreement). */
  static List<String> changedFields(AgreementVersion previous, AgreementVersion next) {
    List<String> changed = new ArrayList<>();
    for (Schema.Field field : AgreementVersion.getClassSchema().getFields()) {
      if (NOT_RULES.contains(field.name())) {
        continue;
      }
      Object after = next.get(field.pos());
      Object before = previous == null ? null : previous.get(field.pos());
      if (after instanceof GenericRecord nested && (before == null || before instanceof GenericRecord)) {
        for (Schema.Field inner : nested.getSchema().getFields()) {
          Object innerBefore = before == null ? null : ((GenericRecord) before).get(inner.pos());
          if (previous == null || !Objects.equals(innerBefore, nested.get(inner.pos()))) {
            changed.add(field.name() + "." + inner.name());
          }
        }
      } else if (previous == null || !Objects.equals(before, after)) {
        changed.add(field.name());
      }
    }
    return changed;
  }

  private AgreementHistory history(List<AgreementVersion> versions) {
    AgreementVersion latest = latest(versions);
    Optional<AgreementVersion> effective = AgreementBook.effective(versions, clock.instant());
    return new AgreementHistory(latest.getAgreementId(), latest.getRegion(),
        effective.map(AgreementVersion::getVersion).orElse(null), latest.getVersion(),
        versions.stream().map(AgreementView::of).toList());
  }

  private static AgreementVersion latest(List<AgreementVersion> versions) {
    return versions.get(versions.size() - 1);
  }

  private static TimeRulesDto emptyTimeRules() {
    return new TimeRulesDto(null, null, null, null, null, null, null, null, null);
  }
}
