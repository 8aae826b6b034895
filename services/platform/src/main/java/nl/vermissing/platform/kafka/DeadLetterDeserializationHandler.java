package nl.vermissing.platform.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record Kafka Streams cannot deserialize goes to the dead-letter topic; processing carries on. */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private String service = "unknown";

  @Override
  public void configure(Map<String, ?> configs) {
    Object name = configs.get(KafkaConventions.SERVICE_NAME_CONFIG);
    if (name != null) {
      service = name.toString();
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
        DeadLetters.reason(exception));
    return Response.resume(List.of(DeadLetters.record(service, record.topic(), record.partition(), record.offset(),
        record.key(), record.value(), record.headers(), exception)));
  }
}
