package nl.vermissing.platform.kafka;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams app does when a stream thread dies. A condition that passes — a source topic not yet in the
 * broker's metadata right after it was created, a retriable broker error — gets a new thread, which resumes from the
 * last commit (exactly-once: nothing is lost or doubled). Anything else stops the app, so that its health says DOWN
 * and an operator looks, rather than a thread failing over and over. (Bad records never get here: they go to a
 * dead-letter topic.)
 */
public final class StreamsFailurePolicy implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(StreamsFailurePolicy.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    if (passes(exception)) {
      log.warn("stream thread failed on a passing condition; replacing it: {}", exception.toString());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    log.error("stream thread failed; stopping this Kafka Streams app", exception);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  static boolean passes(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MissingSourceTopicException || t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }
}
