package nl.vermissing.police.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.vermissing.events.AcknowledgementOverdue;
import nl.vermissing.events.AlertAcknowledged;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.FoundReported;
import nl.vermissing.events.InformationRequested;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceResponse;
import nl.vermissing.events.PoliceUrgency;
import nl.vermissing.events.ResponsibilityTransferred;
import nl.vermissing.events.SightingReported;
import nl.vermissing.events.UrgencyClassified;

/**
 * The police side of one case: every message sent to police, which unit is responsible now, and where the
 * acknowledgement stands. A message with an {@code acknowledgeBy} deadline opens a new requirement; an
 * acknowledgement of that message (or a later one) by the responsible unit meets it; a transfer hands the
 * requirement to the new unit with the same time window, counted from the transfer. A cancel ends the alert; once
 * its retention period has passed, the personal data of its messages is removed ({@link RetentionRule}) and only
 * the non-personal facts remain. Immutable: every change returns a new state and the feed notices it causes.
 *
 * @param personalDataRemovedAt when the personal data of the messages was removed (the retention period after the
 *     cancel ended), or null; a new message clears it (the alert lives again or has a new cancel)
 */
public record CaseAlert(
    String caseId,
    String policeUnit,
    String transferredFrom,
    List<PoliceAlert> messages,
    boolean cancelled,
    AckRequirement requirement,
    Acknowledgement acknowledgement,
    Escalation escalation,
    PoliceUrgency urgency,
    int sightings,
    boolean found,
    List<InformationRequest> informationRequests,
    Instant updatedAt,
    Instant personalDataRemovedAt) {

  public CaseAlert {
    messages = List.copyOf(messages);
    informationRequests = List.copyOf(informationRequests);
  }

  /** A state change and whom it concerns. */
  public record Applied(CaseAlert state, List<FeedNotice> notices) {

    static Applied none(CaseAlert state) {
      return new Applied(state, List.of());
    }
  }

  /**
   * This state with every personal field of its messages blanked, and the text of police's questions (personal
   * narrative) too: the youth's data was erased.
   */
  public CaseAlert withoutPersonalData() {
    return new CaseAlert(caseId, policeUnit, transferredFrom,
        messages.stream().map(nl.vermissing.platform.crypto.FieldEncryption::withoutPersonalData).toList(),
        cancelled, requirement, acknowledgement, escalation, urgency, sightings, found,
        informationRequests.stream().map(r -> r.question() == null ? r
            : r.withQuestion(nl.vermissing.platform.crypto.FieldEncryption.ERASED)).toList(),
        updatedAt, personalDataRemovedAt);
  }

  /**
   * This state after its retention period: every personal field of its messages removed (photo, identity,
   * description, contacts, places, ...) and the text of police's questions, the non-personal facts (case, unit,
   * times, risk level, stage, cancel, acknowledgement, who asked what when) kept, and the time of removal recorded.
   */
  public CaseAlert withPersonalDataRemoved(Instant at) {
    return new CaseAlert(caseId, policeUnit, transferredFrom,
        messages.stream().map(DisclosedData::withoutPersonalFields).toList(),
        cancelled, requirement, acknowledgement, escalation, urgency, sightings, found,
        informationRequests.stream().map(r -> r.withQuestion(null)).toList(), updatedAt, at);
  }

  /** The youth the case is about (the data subject of its personal data). */
  public String youthId() {
    return messages.isEmpty() ? null : messages.get(0).getYouthId();
  }

  /** The state of a case police have not heard of yet, before its first message. */
  public static Applied first(PoliceAlert message) {
    CaseAlert empty = new CaseAlert(message.getCaseId(), message.getPoliceUnit(), null, List.of(), false, null, null,
        null, null, 0, false, List.of(), message.getSent(), null);
    return empty.withMessage(message);
  }

  public PoliceAlert latest() {
    return messages.get(messages.size() - 1);
  }

  public boolean active() {
    return !cancelled;
  }

  public Optional<PoliceAlert> message(String identifier) {
    return messages.stream().filter(m -> m.getIdentifier().equals(identifier)).findFirst();
  }

  /** Position of a message in the case, -1 if unknown. */
  public int indexOf(String identifier) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).getIdentifier().equals(identifier)) {
        return i;
      }
    }
    return -1;
  }

  /** The messages before the given one, oldest first. */
  public List<PoliceAlert> earlierThan(String identifier) {
    int index = indexOf(identifier);
    return index < 0 ? List.of() : messages.subList(0, index);
  }

  /** Acknowledgement must be given and has not been (escalated or not). */
  public boolean awaitingAcknowledgement() {
    return requirement != null && acknowledgement == null && !cancelled && !found;
  }

  /**
   * A new message of the convenant for this case. Messages after a transfer follow the case to the unit now
   * responsible; a repeated message (same identifier) changes nothing.
   */
  public Applied withMessage(PoliceAlert message) {
    if (indexOf(message.getIdentifier()) >= 0) {
      return Applied.none(this);
    }
    List<PoliceAlert> all = new ArrayList<>(messages);
    all.add(message);
    boolean first = messages.isEmpty();
    String unit = first || transferredFrom == null ? message.getPoliceUnit() : policeUnit;
    List<FeedNotice> notices = new ArrayList<>();
    if (!first && !unit.equals(policeUnit)) {
      // the convenant addressed the case to another unit: it moves there
      notices.add(new FeedNotice(policeUnit, FeedEventType.TRANSFERRED_OUT));
    }
    boolean cancel = message.getMsgType() == CapMsgType.Cancel;
    AckRequirement newRequirement = requirement;
    Acknowledgement newAck = acknowledgement;
    Escalation newEscalation = escalation;
    if (!cancel && message.getAcknowledgeBy() != null) {
      newRequirement = new AckRequirement(message.getIdentifier(), message.getAcknowledgeBy(), unit);
      newAck = null;
      newEscalation = null;
    } else if (requirement != null && !requirement.policeUnit().equals(unit)) {
      newRequirement = new AckRequirement(requirement.alertIdentifier(), requirement.deadline(), unit);
    }
    FeedEventType type = cancel ? FeedEventType.CANCEL
        : first || !unit.equals(policeUnit) || cancelled ? FeedEventType.ALERT : FeedEventType.UPDATE;
    notices.add(new FeedNotice(unit, type));
    CaseAlert next = new CaseAlert(caseId, unit, transferredFrom, all, cancel, newRequirement, newAck, newEscalation,
        urgency, sightings, cancel ? found : false, informationRequests, message.getSent(), null);
    return new Applied(next, notices);
  }

  /** A police response read back from the responses topic. Responses from a unit not responsible are history only. */
  public Applied withResponse(PoliceResponse response) {
    Object payload = response.getPayload();
    String unit = response.getPoliceUnit();
    Instant at = response.getRespondedAt();
    if (payload instanceof ResponsibilityTransferred transfer) {
      return transferTo(transfer.getToPoliceUnit(), at);
    }
    if (!unit.equals(policeUnit)) {
      return Applied.none(this);
    }
    if (payload instanceof AlertAcknowledged ack) {
      Acknowledgement given = new Acknowledgement(ack.getAlertIdentifier(), response.getRespondedBy(), unit, at);
      if (acknowledgement != null) {
        return Applied.none(this);
      }
      boolean meets = requirement == null
          || indexOf(ack.getAlertIdentifier()) >= indexOf(requirement.alertIdentifier());
      if (!meets) {
        return Applied.none(this);
      }
      return changed(with(requirement, given, escalation), FeedEventType.ACKNOWLEDGED, at);
    }
    if (payload instanceof AcknowledgementOverdue overdue) {
      if (requirement == null || escalation != null || acknowledgement != null
          || !requirement.alertIdentifier().equals(overdue.getAlertIdentifier())
          || !requirement.policeUnit().equals(unit)) {
        return Applied.none(this);
      }
      Escalation escalated = new Escalation(overdue.getAlertIdentifier(), overdue.getDeadline(),
          overdue.getEscalatedTo(), unit, at);
      return changed(with(requirement, acknowledgement, escalated), FeedEventType.ESCALATED, at);
    }
    if (payload instanceof UrgencyClassified classified) {
      CaseAlert next = new CaseAlert(caseId, policeUnit, transferredFrom, messages, cancelled, requirement,
          acknowledgement, escalation, classified.getUrgency(), sightings, found, informationRequests, at,
          personalDataRemovedAt);
      return changed(next, FeedEventType.URGENCY_CLASSIFIED, at);
    }
    if (payload instanceof SightingReported) {
      CaseAlert next = new CaseAlert(caseId, policeUnit, transferredFrom, messages, cancelled, requirement,
          acknowledgement, escalation, urgency, sightings + 1, found, informationRequests, at, personalDataRemovedAt);
      return changed(next, FeedEventType.SIGHTING_REPORTED, at);
    }
    if (payload instanceof FoundReported) {
      CaseAlert next = new CaseAlert(caseId, policeUnit, transferredFrom, messages, cancelled, requirement,
          acknowledgement, escalation, urgency, sightings, true, informationRequests, at, personalDataRemovedAt);
      return changed(next, FeedEventType.FOUND_REPORTED, at);
    }
    if (payload instanceof InformationRequested requested) {
      List<InformationRequest> requests = new ArrayList<>(informationRequests);
      requests.add(new InformationRequest(requested.getQuestion(), response.getRespondedBy(), unit, at));
      CaseAlert next = new CaseAlert(caseId, policeUnit, transferredFrom, messages, cancelled, requirement,
          acknowledgement, escalation, urgency, sightings, found, requests, at, personalDataRemovedAt);
      return changed(next, FeedEventType.INFORMATION_REQUESTED, at);
    }
    return Applied.none(this);
  }

  private Applied transferTo(String toUnit, Instant at) {
    if (toUnit.equals(policeUnit)) {
      return Applied.none(this);
    }
    AckRequirement moved = null;
    if (requirement != null) {
      PoliceAlert required = message(requirement.alertIdentifier()).orElse(latest());
      Duration window = Duration.between(required.getSent(), required.getAcknowledgeBy() == null
          ? requirement.deadline() : required.getAcknowledgeBy());
      moved = new AckRequirement(requirement.alertIdentifier(), at.plus(window.isNegative() ? Duration.ZERO : window),
          toUnit);
    }
    CaseAlert next = new CaseAlert(caseId, toUnit, policeUnit, messages, cancelled, moved, null, null, urgency,
        sightings, found, informationRequests, at, personalDataRemovedAt);
    return new Applied(next, List.of(new FeedNotice(policeUnit, FeedEventType.TRANSFERRED_OUT),
        new FeedNotice(toUnit, FeedEventType.ALERT)));
  }

  private CaseAlert with(AckRequirement req, Acknowledgement ack, Escalation esc) {
    return new CaseAlert(caseId, policeUnit, transferredFrom, messages, cancelled, req, ack, esc, urgency, sightings,
        found, informationRequests, updatedAt, personalDataRemovedAt);
  }

  private static Applied changed(CaseAlert next, FeedEventType type, Instant at) {
    CaseAlert stamped = new CaseAlert(next.caseId, next.policeUnit, next.transferredFrom, next.messages,
        next.cancelled, next.requirement, next.acknowledgement, next.escalation, next.urgency, next.sightings,
        next.found, next.informationRequests, at, next.personalDataRemovedAt);
    return new Applied(stamped, List.of(new FeedNotice(next.policeUnit, type)));
  }
}
