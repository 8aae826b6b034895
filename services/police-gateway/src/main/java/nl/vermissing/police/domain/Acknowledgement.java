package nl.vermissing.police.domain;

import java.time.Instant;

/** A police unit confirmed it has seen an alert message: who, for which unit, when. */
public record Acknowledgement(String alertIdentifier, String acknowledgedBy, String policeUnit, Instant at) {}
