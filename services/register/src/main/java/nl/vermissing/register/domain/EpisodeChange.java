package nl.vermissing.register.domain;

/**
 * A change to one episode of one youth, routed by national pseudonym: the new episode, or null when retention
 * removed it. Contains no case id.
 */
public record EpisodeChange(String nationalPseudonym, String episodeId, Episode episode) {

  public static EpisodeChange of(CaseState state, InstitutionRegions regions, RegisterRules rules) {
    if (state == null || state.facts() == null || !state.facts().hasAbsence()) {
      return null;
    }
    String pseudonym = state.facts().absence().nationalPseudonym();
    if (state.expired()) {
      return new EpisodeChange(pseudonym, state.episodeId(), null);
    }
    return new EpisodeChange(pseudonym, state.episodeId(),
        Episodes.from(state.facts(), state.episodeId(), regions, rules));
  }
}
