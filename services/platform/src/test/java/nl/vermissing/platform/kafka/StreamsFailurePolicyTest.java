package nl.vermissing.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamsFailurePolicyTest {

  private final StreamsFailurePolicy policy = new StreamsFailurePolicy();

  @Test
  void aSourceTopicNotYetKnownOrARetriableErrorGetsANewThread() {
    assertThat(policy.handle(new MissingSourceTopicException("intake.case-events is missing")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(policy.handle(new StreamsException(new NotLeaderOrFollowerException("moving"))))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void anythingElseStopsTheApp() {
    assertThat(policy.handle(new StreamsException(new IllegalStateException("a bug"))))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(policy.handle(new OutOfMemoryError()))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
