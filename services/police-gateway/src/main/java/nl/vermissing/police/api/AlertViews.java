package nl.vermissing.police.api;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.police.domain.CaseAlert;
import nl.vermissing.police.domain.DisclosedData;
import nl.vermissing.police.domain.InformationRequest;
import nl.vermissing.police.domain.RecordedResponse;
import nl.vermissing.police.stream.FeedEntry;

/** What the police API shows of an alert: summaries without personal data, details with it (audited). */
public final class AlertViews {

  private AlertViews() {}

  /** Where acknowledgement of the alert stands. */
  public enum AckState { NOT_REQUIRED, PENDING, ACKNOWLEDGED }

  public record MessageSummary(String identifier, String msgType, String stage, String status, Instant sent,
      String event, String headline, String urgency, String severity, String certainty) {

    static MessageSummary of(PoliceAlert m) {
      return new MessageSummary(m.getIdentifier(), m.getMsgType().name(), m.getStage().name(), m.getStatus().name(),
          m.getSent(), m.getInfo().getEvent(), m.getInfo().getHeadline(), m.getInfo().getUrgency().name(),
          m.getInfo().getSeverity().name(), m.getInfo().getCertainty().name());
    }
  }

  public record AcknowledgementView(AckState state, String alertIdentifier, Instant acknowledgeBy,
      String acknowledgedBy, Instant acknowledgedAt, boolean escalated, String escalatedTo, Instant escalatedAt) {

    static AcknowledgementView of(CaseAlert c) {
      AckState state = c.acknowledgement() != null ? AckState.ACKNOWLEDGED
          : c.requirement() != null ? AckState.PENDING : AckState.NOT_REQUIRED;
      return new AcknowledgementView(state,
          c.requirement() != null ? c.requirement().alertIdentifier() : null,
          c.requirement() != null ? c.requirement().deadline() : null,
          c.acknowledgement() != null ? c.acknowledgement().acknowledgedBy() : null,
          c.acknowledgement() != null ? c.acknowledgement().at() : null,
          c.escalation() != null,
          c.escalation() != null ? c.escalation().escalatedTo() : null,
          c.escalation() != null ? c.escalation().escalatedAt() : null);
    }
  }

  /**
   * An alert on the list and the feed: no personal data. {@code personalDataRemovedAt} is set once the retention
   * period after the alert's cancel has passed and its personal data was removed.
   */
  public record AlertSummary(String caseId, String policeUnit, String transferredFrom, boolean active,
      boolean cancelled, MessageSummary latest, Map<String, Object> data, boolean hasPhoto,
      Set<String> disclosedFields, AcknowledgementView acknowledgement, String policeUrgency, int sightings,
      boolean found, int informationRequests, int messages, Instant updatedAt, Instant personalDataRemovedAt) {

    public static AlertSummary of(CaseAlert c) {
      PoliceCaseData merged = DisclosedData.merged(c.messages());
      Set<String> disclosed = new LinkedHashSet<>();
      c.messages().forEach(m -> disclosed.addAll(m.getDisclosedFields()));
      return new AlertSummary(c.caseId(), c.policeUnit(), c.transferredFrom(), c.active(), c.cancelled(),
          MessageSummary.of(c.latest()), DisclosedData.summary(merged), merged.getPhoto() != null, disclosed,
          AcknowledgementView.of(c), c.urgency() == null ? null : c.urgency().name(), c.sightings(), c.found(),
          c.informationRequests().size(), c.messages().size(), c.updatedAt(), c.personalDataRemovedAt());
    }
  }

  public record MessageDetail(MessageSummary message, String description, List<String> references,
      List<String> disclosedFields, Instant acknowledgeBy, String capUrl) {}

  /**
   * An alert with the personal data police were given: every read is audited. After the retention period of a
   * cancelled alert, {@code personalData} is empty, {@code photoUrl} null and the summary says when the data was
   * removed.
   */
  public record AlertDetail(AlertSummary summary, Map<String, Object> personalData, String photoUrl,
      List<MessageDetail> messages, List<InformationRequest> informationRequestsAsked) {}

  /** The state of a unit's alerts and the feed position it reflects (resume the feed from there). */
  public record UnitAlerts(String policeUnit, String feedPosition, List<AlertSummary> alerts) {}

  /** The data of one feed event. */
  public record FeedEvent(String type, String caseId, String policeUnit, AlertSummary alert) {

    public static FeedEvent of(FeedEntry entry) {
      return new FeedEvent(entry.type().eventName(), entry.alert().caseId(), entry.policeUnit(),
          AlertSummary.of(entry.alert()));
    }
  }

  /** A police response as recorded. */
  public record ResponseReceipt(String responseId, String caseId, String policeUnit, String type,
      String respondedBy, Instant respondedAt) {

    public static ResponseReceipt of(RecordedResponse r) {
      return new ResponseReceipt(r.responseId(), r.caseId(), r.policeUnit(), r.type(), r.respondedBy(),
          r.respondedAt());
    }
  }
}
