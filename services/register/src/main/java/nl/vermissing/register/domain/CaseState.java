package nl.vermissing.register.domain;

/**
 * A case's facts as handed on to the episode stage, with its episode id. {@code expired} marks the last message of a
 * case removed by retention. Internal only (keyed by case id).
 */
public record CaseState(String episodeId, CaseFacts facts, boolean expired) {}
