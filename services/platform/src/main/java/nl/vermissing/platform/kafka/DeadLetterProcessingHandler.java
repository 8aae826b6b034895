package nl.vermissing.platform.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (a rule cannot be applied to it) goes to the dead-letter topic with the
 * original bytes; the partition is not stopped.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private String service = "unknown";

  @Override
  public void configure(Map<String, ?> configs) {
    Object name = configs.get(KafkaConventions.SERVICE_NAME_CONFIG);
    if (name != null) {
      service = name.toString();
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    log.warn("dead-lettering {}-{}@{} after processing failure in {}", context.topic(), context.partition(),
        context.offset(), context.processorNodeId(), exception);
    return Response.resume(List.of(DeadLetters.record(service, context.topic(), context.partition(),
        context.offset(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception)));
  }
}
