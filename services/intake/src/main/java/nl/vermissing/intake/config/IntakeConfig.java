package nl.vermissing.intake.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import nl.vermissing.intake.domain.NationalPseudonym;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.kafka.KafkaClients;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Wiring of the intake service: clock and zone for the time rules, the national pseudonym key, Kafka clients. */
@Configuration
public class IntakeConfig {

  /** Consumer group of the police-response handler (one handler per record across instances). */
  public static final String POLICE_RESPONSES_GROUP = "vermissing-intake-police-responses";

  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** The zone in which dates (age at t0, legal title end dates) are read. */
  @Bean
  public ZoneId intakeZone(@Value("${intake.zone:Europe/Amsterdam}") String zone) {
    return ZoneId.of(zone);
  }

  @Bean
  public NationalPseudonym nationalPseudonym(@Value("${intake.pseudonym-key:}") String key) {
    return new NationalPseudonym(key);
  }

  @Bean
  public IntakeView intakeView(ZoneId zone) {
    return new IntakeView(zone);
  }

  /**
   * Raw-bytes template: dead-lettered records are copied byte for byte (used by the platform's error handler).
   * Events are written by {@link nl.vermissing.intake.stream.EventWriter}.
   */
  @Bean
  public KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaClients clients) {
    Map<String, Object> config = clients.producer();
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
  }

  @Bean
  public ConcurrentKafkaListenerContainerFactory<String, byte[]> policeResponsesContainerFactory(
      KafkaClients clients, DefaultErrorHandler deadLetterErrorHandler) {
    Map<String, Object> config = clients.consumer(POLICE_RESPONSES_GROUP);
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
    factory.setCommonErrorHandler(deadLetterErrorHandler);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
    return factory;
  }
}
