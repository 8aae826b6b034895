package nl.vermissing.police.domain;

import java.time.Instant;

/** A missed acknowledgement deadline, escalated to the unit's duty officer. */
public record Escalation(String alertIdentifier, Instant deadline, String escalatedTo, String policeUnit,
    Instant escalatedAt) {}
