package nl.vermissing.police.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A place in the police read side's input: for every partition of the alerts ({@code a<n>}) and responses
 * ({@code r<n>}) topics, the offset of the next record not yet seen. It is the id of each feed event: a client that
 * reconnects with it gets exactly the events of records from that point on, in any instance and after a restart,
 * because the offsets belong to the log, not to this process. It only grows, per partition.
 */
public final class FeedPosition {

  public static final FeedPosition START = new FeedPosition(Map.of());

  private final Map<String, Long> next;

  private FeedPosition(Map<String, Long> next) {
    this.next = Map.copyOf(next);
  }

  public static String partitionKey(char topic, int partition) {
    return topic + Integer.toString(partition);
  }

  /** Whether the record at the offset comes after this position (was not seen by a client at this position). */
  public boolean isBefore(String partitionKey, long offset) {
    return offset >= next.getOrDefault(partitionKey, 0L);
  }

  FeedPosition advancedTo(String partitionKey, long offset) {
    Map<String, Long> copy = new TreeMap<>(next);
    copy.merge(partitionKey, offset + 1, Math::max);
    return new FeedPosition(copy);
  }

  /** Text form, e.g. {@code a0:12,a1:5,a2:7,r0:3}. */
  public String encode() {
    return new TreeMap<>(next).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** Parses {@link #encode()}; throws IllegalArgumentException on anything else. */
  public static FeedPosition parse(String text) {
    Map<String, Long> next = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return START;
    }
    for (String part : text.trim().split(",")) {
      String[] kv = part.split(":");
      if (kv.length != 2 || !kv[0].matches("[ar]\\d{1,4}")) {
        throw new IllegalArgumentException("not a feed position: " + text);
      }
      long offset;
      try {
        offset = Long.parseLong(kv[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a feed position: " + text, e);
      }
      if (offset < 0) {
        throw new IllegalArgumentException("not a feed position: " + text);
      }
      next.put(kv[0], offset);
    }
    return new FeedPosition(next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeedPosition other && other.next.equals(next);
  }

  @Override
  public int hashCode() {
    return next.hashCode();
  }

  @Override
  public String toString() {
    return encode();
  }
}
