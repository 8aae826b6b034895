package nl.vermissing.followup.api;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AccessRecord;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.AvroSerdes;
import nl.vermissing.platform.web.ApiException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what the API accepts: commands to the service's own command topic (the topology turns them into follow-up
 * events) and access records to the follow-up access audit. Every write waits for the broker's acknowledgement.
 */
@Component
public class FollowUpPublisher implements DisposableBean {

  private static final long ACK_TIMEOUT_SECONDS = 15;

  private final DefaultKafkaProducerFactory<String, FollowUpEvent> commandFactory;
  private final DefaultKafkaProducerFactory<String, AccessRecord> auditFactory;
  private final KafkaTemplate<String, FollowUpEvent> commands;
  private final KafkaTemplate<String, AccessRecord> audit;

  public FollowUpPublisher(PlatformProperties platform, KafkaClients clients) {
    commandFactory = new DefaultKafkaProducerFactory<>(clients.producer(),
        new StringSerializer(), AvroSerdes.forTopic(Topics.FOLLOW_UP_COMMANDS, platform.registryConfig()).serializer());
    auditFactory = new DefaultKafkaProducerFactory<>(clients.producer(),
        new StringSerializer(),
        AvroSerdes.forTopic(Topics.FOLLOW_UP_ACCESS_AUDIT, platform.registryConfig()).serializer());
    commands = new KafkaTemplate<>(commandFactory);
    audit = new KafkaTemplate<>(auditFactory);
  }

  /** Key = youthId: the topology processes all cases of a youth in one task. */
  public void command(FollowUpEvent command) {
    await(() -> commands.send(Topics.FOLLOW_UP_COMMANDS.name(), command.getYouthId(), command).get(
        ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  public void audit(AccessRecord record) {
    await(() -> audit.send(Topics.FOLLOW_UP_ACCESS_AUDIT.name(), record.getActor(), record).get(
        ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  private interface Send {
    Object run() throws InterruptedException, ExecutionException, TimeoutException;
  }

  private static void await(Send send) {
    try {
      send.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notStored();
    } catch (ExecutionException | TimeoutException e) {
      throw notStored();
    }
  }

  private static ApiException notStored() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
        "the event store did not confirm the write in time; check the case before trying again", null);
  }

  @Override
  public void destroy() {
    commandFactory.destroy();
    auditFactory.destroy();
  }
}
