package nl.vermissing.followup.stream;

import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.FollowUpEvent;

/**
 * The internal command topic of the follow-up service: outcomes and consent recorded through the API are written
 * here as proposed follow-up events (keyed by youthId, so that they meet the youth's case events in one task); the
 * topology checks them against the case state and only then publishes them on {@link Topics#FOLLOW_UP_EVENTS}.
 * Only this service reads and writes it.
 */
public final class FollowUpCommands {

  public static final Topic<FollowUpEvent> TOPIC = new Topic<>(
      "followup.commands", "youthId", FollowUpEvent.class, Topic.Cleanup.KEEP_ALL, Topics.CASE_PARTITIONS,
      Topics.FOLLOW_UP, java.util.List.of(Topics.FOLLOW_UP), "Outcomes and consent recorded through the follow-up API, before the topology accepts them.");

  private FollowUpCommands() {}
}
