package nl.vermissing.police.domain;

import java.time.Instant;

/** Police asked the institution for more information about the case. */
public record InformationRequest(String question, String askedBy, String policeUnit, Instant at) {}
