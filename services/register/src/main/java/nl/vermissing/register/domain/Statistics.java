package nl.vermissing.register.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vermissing.events.RegisterEpisode;

/**
 * National statistics computed from the register's episodes: cancelled reports are left out, the period selects
 * episodes by the month of their t0 (Europe/Amsterdam), and cells are the combinations of the chosen dimensions.
 * Pure and order-independent, so the same episodes always give the same figures.
 */
public final class Statistics {

  private Statistics() {}

  /**
   * @param from first month (inclusive), or null for no lower bound
   * @param to last month (inclusive), or null for no upper bound
   * @param suppress true for external consumers (small cells withheld)
   */
  public static List<StatisticsRow> compute(Collection<RegisterEpisode> episodes, List<Dimension> groupBy,
      YearMonth from, YearMonth to, boolean suppress) {
    Map<List<String>, List<RegisterEpisode>> cells = new TreeMap<>(Statistics::compareKeys);
    for (RegisterEpisode e : episodes) {
      if (!inPeriod(e, from, to) || e.getStatus() == nl.vermissing.events.EpisodeStatus.CANCELLED) {
        continue;
      }
      List<String> key = new ArrayList<>(groupBy.size());
      for (Dimension d : groupBy) {
        key.add(d.valueOf(e));
      }
      cells.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<StatisticsRow> rows = new ArrayList<>();
    cells.forEach((key, members) -> {
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0; i < groupBy.size(); i++) {
        group.put(groupBy.get(i).parameter(), key.get(i));
      }
      CellCounts counts = CellCounts.of(members);
      rows.add(suppress ? Disclosure.suppressed(group, counts) : Disclosure.full(group, counts));
    });
    return rows;
  }

  public static boolean inPeriod(RegisterEpisode e, YearMonth from, YearMonth to) {
    YearMonth month = RegisterTime.monthOf(e.getAbsenceAt());
    return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
