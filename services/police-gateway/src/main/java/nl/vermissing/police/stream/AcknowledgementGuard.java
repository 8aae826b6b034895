package nl.vermissing.police.stream;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps an escalation and an acknowledgement of the same requirement from crossing in this process: once an
 * acknowledgement is being written no escalation starts, and each requirement is escalated at most once while the
 * escalation is on its way back through the responses topic.
 */
public class AcknowledgementGuard {

  private final Set<String> escalating = new HashSet<>();
  private final Set<String> acknowledging = new HashSet<>();

  public synchronized boolean startEscalation(String requirementKey) {
    if (acknowledging.contains(requirementKey) || escalating.contains(requirementKey)) {
      return false;
    }
    escalating.add(requirementKey);
    return true;
  }

  public synchronized void escalationFailed(String requirementKey) {
    escalating.remove(requirementKey);
  }

  public synchronized void startAcknowledgement(String requirementKey) {
    acknowledging.add(requirementKey);
  }

  public synchronized void acknowledgementFailed(String requirementKey) {
    acknowledging.remove(requirementKey);
  }
}
