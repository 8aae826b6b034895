package nl.vermissing.police.domain;

import java.time.Instant;
import nl.vermissing.events.PoliceResponse;

/**
 * A police response as it stands on the responses topic, without its payload: enough to answer a retried request
 * with the receipt of the first one.
 */
public record RecordedResponse(String responseId, String caseId, String policeUnit, String type, String respondedBy,
    Instant respondedAt) {

  public static RecordedResponse of(PoliceResponse response) {
    return new RecordedResponse(response.getResponseId(), response.getCaseId(), response.getPoliceUnit(),
        response.getPayload().getClass().getSimpleName(), response.getRespondedBy(), response.getRespondedAt());
  }
}
