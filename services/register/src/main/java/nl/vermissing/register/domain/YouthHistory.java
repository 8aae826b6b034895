package nl.vermissing.register.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.RegisterEpisode;

/**
 * The episodes of one youth (one national pseudonym), across institutions. Episodes are numbered in order of t0
 * (then episode id); an episode is a repeat when the youth's previous episode began within the repeat window before
 * it. Cancelled reports are not episodes: number 0, never a repeat. Episodes removed by retention keep counting for
 * the numbers of the later ones.
 *
 * @param entries the youth's current episodes with the number and repeat flag last published
 * @param expiredEpisodes how many earlier episodes were removed by retention
 * @param lastExpiredAbsenceAt t0 of the latest removed episode, for the repeat rule
 */
public record YouthHistory(List<Entry> entries, int expiredEpisodes, Instant lastExpiredAbsenceAt) {

  public record Entry(Episode episode, int number, boolean repeat) {}

  /** What to publish: a record per episode id, null meaning a tombstone (episode deleted). */
  public record Outcome(YouthHistory history, Map<String, RegisterEpisode> publish) {}

  private static final Comparator<Episode> ORDER =
      Comparator.comparing(Episode::absenceAt).thenComparing(Episode::episodeId);

  public YouthHistory {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  public static YouthHistory empty() {
    return new YouthHistory(List.of(), 0, null);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** A new or changed episode of this youth; only episodes whose published record changes are published. */
  public Outcome upsert(Episode episode, Duration repeatWindow) {
    List<Episode> episodes = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.episode().episodeId().equals(episode.episodeId())) {
        episodes.add(e.episode());
      }
    }
    episodes.add(episode);
    return renumber(episodes, expiredEpisodes, lastExpiredAbsenceAt, repeatWindow,
        new LinkedHashMap<>());
  }

  /**
   * Retention removed an episode: publish its tombstone. It keeps counting for the numbers of later episodes, so
   * those do not change.
   */
  public Outcome expire(String episodeId, Duration repeatWindow) {
    List<Episode> remaining = new ArrayList<>();
    Episode removed = null;
    for (Entry e : entries) {
      if (e.episode().episodeId().equals(episodeId)) {
        removed = e.episode();
      } else {
        remaining.add(e.episode());
      }
    }
    Map<String, RegisterEpisode> publish = new LinkedHashMap<>();
    publish.put(episodeId, null);
    if (removed == null) {
      return new Outcome(this, publish);
    }
    int expired = expiredEpisodes;
    Instant lastExpired = lastExpiredAbsenceAt;
    if (removed.counts()) {
      expired++;
      if (lastExpired == null || removed.absenceAt().isAfter(lastExpired)) {
        lastExpired = removed.absenceAt();
      }
    }
    return renumber(remaining, expired, lastExpired, repeatWindow, publish);
  }

  private Outcome renumber(List<Episode> episodes, int expired, Instant lastExpired,
      Duration repeatWindow, Map<String, RegisterEpisode> publish) {
    episodes.sort(ORDER);
    Map<String, Entry> previous = new LinkedHashMap<>();
    for (Entry e : entries) {
      previous.put(e.episode().episodeId(), e);
    }
    List<Entry> next = new ArrayList<>();
    int number = expired;
    Instant previousT0 = lastExpired;
    for (Episode episode : episodes) {
      Entry entry;
      if (episode.counts()) {
        number++;
        boolean repeat = previousT0 != null && !previousT0.isBefore(episode.absenceAt().minus(repeatWindow));
        entry = new Entry(episode, number, repeat);
        previousT0 = episode.absenceAt();
      } else {
        entry = new Entry(episode, 0, false);
      }
      next.add(entry);
      Entry before = previous.get(episode.episodeId());
      if (before == null || !before.equals(entry)) {
        publish.put(episode.episodeId(), episode.toRecord(entry.number(), entry.repeat()));
      }
    }
    return new Outcome(new YouthHistory(next, expired, lastExpired), publish);
  }
}
