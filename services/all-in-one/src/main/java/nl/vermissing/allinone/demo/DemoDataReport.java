package nl.vermissing.allinone.demo;

import java.util.List;
import java.util.Map;

/**
 * What one run of the demo loader did.
 *
 * @param written steps that changed the system (a new profile, case event, agreement version, police or follow-up
 *     response)
 * @param alreadyPresent steps found done by an earlier run (nothing written)
 * @param failures steps that failed, each with the request and answer
 * @param gaps parts of the demo that the system cannot load as it stands, with the reason
 * @param youthIds the youth id of each demo youth by its key
 * @param caseIds the case id of each demo case by the key of its youth
 */
public record DemoDataReport(int written, int alreadyPresent, List<String> failures, List<String> gaps,
    Map<String, String> youthIds, Map<String, String> caseIds) {

  public boolean succeeded() {
    return failures.isEmpty();
  }
}
