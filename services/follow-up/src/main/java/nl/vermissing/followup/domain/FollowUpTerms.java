package nl.vermissing.followup.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The time rules of the convenant that govern follow-up: the return conversation is due a number of hours after the
 * return, and a repeat review is needed at a number of episodes within a window of days. Without an agreement that
 * lists the institution, the national defaults apply (72 h, 2 episodes in 90 days).
 */
public record FollowUpTerms(String agreementId, int agreementVersion, int returnConversationHours,
    int repeatWindowDays, int repeatEpisodeThreshold) {

  public static final FollowUpTerms DEFAULTS = new FollowUpTerms(null, 0, 72, 90, 2);

  public FollowUpTerms {
    if (returnConversationHours <= 0 || repeatWindowDays <= 0 || repeatEpisodeThreshold <= 0) {
      throw new IllegalArgumentException("follow-up time rules must be positive");
    }
  }

  /** One agreement version as far as follow-up is concerned. */
  public record Agreement(String agreementId, int version, long effectiveFrom, List<String> institutionIds,
      FollowUpTerms terms) {}

  /**
   * The terms for an institution: the agreement that lists it (the most specific one, i.e. listing the fewest
   * institutions, when several do; then the latest effective version), else {@link #DEFAULTS}.
   */
  public static FollowUpTerms forInstitution(String institutionId, Collection<Agreement> agreements) {
    return agreements.stream()
        .filter(a -> a.institutionIds().contains(institutionId))
        .min(Comparator.<Agreement>comparingInt(a -> a.institutionIds().size())
            .thenComparing(Comparator.comparingLong(Agreement::effectiveFrom).reversed())
            .thenComparing(Comparator.comparingInt(Agreement::version).reversed()))
        .map(Agreement::terms)
        .orElse(DEFAULTS);
  }
}
