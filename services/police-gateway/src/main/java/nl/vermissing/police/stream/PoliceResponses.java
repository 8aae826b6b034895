package nl.vermissing.police.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.platform.web.ApiException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one writer of police responses and of the police access audit. A write returns only once the broker has
 * acknowledged it (acks=all), so a 2xx means the fact is durable; otherwise the caller gets 503 and may retry.
 */
public class PoliceResponses {

  private final KafkaTemplate<String, SpecificRecord> template;
  private final PoliceView view;
  private final Clock clock;
  private final Duration timeout;

  public PoliceResponses(KafkaTemplate<String, SpecificRecord> template, PoliceView view, Clock clock,
      Duration timeout) {
    this.template = template;
    this.view = view;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Writes a response of the unit about the case; the payload is one of PoliceResponse's payload records. */
  public PoliceResponse respond(String caseId, String policeUnit, String respondedBy, Object payload) {
    return respond(UUID.randomUUID().toString(), caseId, policeUnit, respondedBy, payload);
  }

  /** Writes a response with the given id (derived from an idempotency key, so that a retry keeps its id). */
  public PoliceResponse respond(String responseId, String caseId, String policeUnit, String respondedBy,
      Object payload) {
    PoliceResponse response = PoliceResponse.newBuilder()
        .setResponseId(responseId)
        .setCaseId(caseId)
        .setPoliceUnit(policeUnit)
        .setRespondedBy(respondedBy)
        // the topic keeps milliseconds: the receipt shows the time exactly as it is recorded
        .setRespondedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .setPayload(payload)
        // the youth is the data subject whose key seals sighting and found details
        .setYouthId(view.caseById(caseId).map(CaseAlert::youthId).orElse(null))
        .build();
    send(Topics.POLICE_RESPONSES.name(), caseId, response);
    return response;
  }

  /** Records a read of personal data; keyed by the actor. */
  public void audit(AccessRecord record) {
    send(Topics.POLICE_ACCESS_AUDIT.name(), record.getActor(), record);
  }

  public Clock clock() {
    return clock;
  }

  private void send(String topic, String key, SpecificRecord value) {
    try {
      template.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(topic, e);
    }
  }

  private static ApiException unavailable(String topic, Exception cause) {
    ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
        "could not record in " + topic + "; nothing was changed, please retry", null);
    e.initCause(cause);
    return e;
  }
}
