package nl.vermissing.platform.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value could not be decoded: wrong magic byte, unknown schema id, truncated or malformed Avro. The record
 * itself is bad (a poison pill), so the error policy may route it to a dead-letter topic instead of retrying.
 */
public class AvroDecodingException extends SerializationException {

  private final String reason;

  public AvroDecodingException(String reason) {
    this(reason, null);
  }

  public AvroDecodingException(String reason, Throwable cause) {
    super("cannot decode Avro record: " + reason, cause);
    this.reason = reason;
  }

  /** Short description of what is wrong, e.g. "unknown schema id 42" or "wrong magic byte 0x7b". */
  public String reason() {
    return reason;
  }
}
