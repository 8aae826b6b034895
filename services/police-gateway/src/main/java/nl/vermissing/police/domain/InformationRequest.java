package nl.vermissing.police.domain;

import java.time.Instant;

/**
 * Police asked the institution for more information about the case. The question is personal narrative: it goes
 * with the alert's other personal data (retention, erasure), who asked and when stay.
 */
public record InformationRequest(String question, String askedBy, String policeUnit, Instant at) {

  public InformationRequest withQuestion(String text) {
    return new InformationRequest(text, askedBy, policeUnit, at);
  }
}
