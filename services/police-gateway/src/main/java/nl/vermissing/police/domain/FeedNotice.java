package nl.vermissing.police.domain;

/** One unit must be told of a change to a case. */
public record FeedNotice(String policeUnit, FeedEventType type) {}
