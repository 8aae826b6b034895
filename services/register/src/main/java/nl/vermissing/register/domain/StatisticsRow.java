package nl.vermissing.register.domain;

import java.util.List;
import java.util.Map;

/**
 * One cell of the national statistics as shown to a reader. A null figure with its name in {@code suppressed} was
 * withheld because it rests on fewer than the minimum number of episodes (shown as "&lt;5").
 */
public record StatisticsRow(
    Map<String, String> group,
    Integer episodes,
    Integer youths,
    Long durationMedianMinutes,
    Long durationP90Minutes,
    Double returnedWithin24hShare,
    Double alertedShare,
    Long acknowledgementMedianMinutes,
    Double returnConversationInTimeShare,
    Double repeatShare,
    Double exploitationSignalShare,
    Integer referrals,
    List<String> suppressed) {

  /** The figures in {@link Figure} order, for tables and CSV. */
  public Object value(Figure figure) {
    return switch (figure) {
      case EPISODES -> episodes;
      case YOUTHS -> youths;
      case DURATION_MEDIAN -> durationMedianMinutes;
      case DURATION_P90 -> durationP90Minutes;
      case RETURNED_WITHIN_24H -> returnedWithin24hShare;
      case ALERTED -> alertedShare;
      case ACKNOWLEDGEMENT_MEDIAN -> acknowledgementMedianMinutes;
      case CONVERSATION_IN_TIME -> returnConversationInTimeShare;
      case REPEAT -> repeatShare;
      case EXPLOITATION_SIGNAL -> exploitationSignalShare;
      case REFERRALS -> referrals;
    };
  }
}
