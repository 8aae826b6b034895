package nl.vermissing.register.domain;

import java.time.Instant;

/** One agreement version placing an institution in a region from {@code effectiveFrom} on. */
public record RegionAssignment(String agreementId, int version, Instant effectiveFrom, String region) {}
