package nl.vermissing.police.stream;

/** Receives feed entries as the read side applies records; must not block (it runs on the consumer thread). */
public interface FeedSink {

  void publish(FeedEntry entry);

  FeedSink NONE = entry -> {};
}
