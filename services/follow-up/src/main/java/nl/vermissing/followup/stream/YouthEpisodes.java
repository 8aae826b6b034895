package nl.vermissing.followup.stream;

import java.util.ArrayList;
import java.util.List;

/** The missing episodes of one youth (t0 per case), for repeat detection. Cancelled reports are removed. */
public class YouthEpisodes {

  public record Episode(String caseId, long t0) {}

  public List<Episode> episodes = new ArrayList<>();

  public boolean contains(String caseId) {
    return episodes.stream().anyMatch(e -> e.caseId().equals(caseId));
  }

  public void add(String caseId, long t0) {
    if (!contains(caseId)) {
      episodes.add(new Episode(caseId, t0));
    }
  }

  public void remove(String caseId) {
    episodes.removeIf(e -> e.caseId().equals(caseId));
  }

  /** Forgets episodes that can no longer fall into any window. */
  public void prune(long before) {
    episodes.removeIf(e -> e.t0() < before);
  }

  public List<Long> starts() {
    return episodes.stream().map(Episode::t0).toList();
  }
}
