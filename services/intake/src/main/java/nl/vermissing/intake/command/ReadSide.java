package nl.vermissing.intake.command;

import java.time.Duration;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.intake.stream.EventWriter;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.web.ApiException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a command writes its event (acknowledged by the broker) and then waits, bounded, until the read
 * side has applied it, so the answer and the next page the user opens already show it.
 */
@Component
public class ReadSide {

  private static final Logger log = LoggerFactory.getLogger(ReadSide.class);

  private final IntakeView view;
  private final EventWriter writer;
  private final Duration wait;

  public ReadSide(IntakeView view, EventWriter writer,
      @Value("${intake.read-your-writes-timeout:PT10S}") Duration wait) {
    this.view = view;
    this.writer = writer;
    this.wait = wait;
  }

  /** 503 until the view has caught up with the log after a start. */
  public IntakeView ready() {
    if (!view.awaitReady(wait)) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null, "the service is starting; try again shortly",
          null);
    }
    return view;
  }

  public <V extends SpecificRecord> void writeAndWait(Topic<V> topic, String key, V value, String eventId) {
    RecordMetadata written = writer.write(topic, key, value, eventId);
    if (!view.awaitApplied(new TopicPartition(written.topic(), written.partition()), written.offset(), wait)) {
      log.warn("event {}@{} written but not yet visible in the read side", written.topic(), written.offset());
    }
  }
}
