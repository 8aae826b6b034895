package nl.vermissing.platform.kafka;

import java.nio.charset.StandardCharsets;
import nl.vermissing.catalogue.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one error policy's record format: a record that cannot be processed is copied, byte for byte, to the
 * dead-letter topic of its consumer and input topic, with the reason and its origin in headers.
 */
public final class DeadLetters {

  public static final String REASON = "dlt.reason";
  public static final String EXCEPTION = "dlt.exception";
  public static final String SOURCE_TOPIC = "dlt.source.topic";
  public static final String SOURCE_PARTITION = "dlt.source.partition";
  public static final String SOURCE_OFFSET = "dlt.source.offset";
  public static final String SERVICE = "dlt.service";

  private DeadLetters() {}

  public static ProducerRecord<byte[], byte[]> record(String service, String topic, int partition, long offset,
      byte[] key, byte[] value, Headers original, Exception exception) {
    Headers headers = new RecordHeaders(original == null ? new RecordHeaders() : original);
    headers.add(REASON, utf8(reason(exception)));
    headers.add(EXCEPTION, utf8(exception.getClass().getName()));
    headers.add(SOURCE_TOPIC, utf8(String.valueOf(topic)));
    headers.add(SOURCE_PARTITION, utf8(String.valueOf(partition)));
    headers.add(SOURCE_OFFSET, utf8(String.valueOf(offset)));
    headers.add(SERVICE, utf8(service));
    return new ProducerRecord<>(Topics.deadLetter(service, topic == null ? "punctuation" : topic), null, key, value,
        headers);
  }

  /**
   * What a person needs to fix the record: the decoding reason when the bytes are not a valid Avro record, else the
   * most specific message in the cause chain.
   */
  public static String reason(Throwable exception) {
    for (Throwable c = exception; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof nl.vermissing.platform.registry.AvroDecodingException decoding) {
        return decoding.reason();
      }
    }
    Throwable t = exception;
    String message = t.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? exception.getClass().getSimpleName() : message;
  }

  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
