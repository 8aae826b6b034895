package nl.vermissing.police.config;

import java.time.Clock;
import java.util.Map;
import nl.vermissing.platform.kafka.KafkaClients;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.platform.registry.SpecificAvroSerializer;
import nl.vermissing.police.api.FeedHub;
import nl.vermissing.police.stream.AcknowledgementGuard;
import nl.vermissing.police.stream.EscalationScheduler;
import nl.vermissing.police.stream.PoliceResponses;
import nl.vermissing.police.stream.PoliceView;
import nl.vermissing.police.stream.PoliceViewLoader;
import nl.vermissing.police.stream.RetentionScheduler;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the read side, the feed, the writer of responses, the escalation check and the retention check. */
@Configuration(proxyBeanMethods = false)
public class PoliceGatewayConfiguration {

  /** The time of every deadline decision; tests replace it to move time without waiting. */
  @Bean
  public Clock policeClock() {
    return Clock.systemUTC();
  }

  @Bean
  public PoliceView policeView(Clock clock, PoliceGatewayProperties properties) {
    return new PoliceView(clock, properties.retentionAfterCancel());
  }

  @Bean
  public PoliceViewLoader policeViewLoader(PoliceView view, PlatformProperties platform,
      KafkaClients clients) {
    return new PoliceViewLoader(view, clients, platform.registryConfig(), platform.serviceName());
  }

  @Bean
  public FeedHub feedHub(PoliceView view, PoliceGatewayProperties properties) {
    return new FeedHub(view, properties.feedTimeout(), properties.feedHeartbeat(), properties.feedMaxQueued());
  }

  /** acks=all and idempotent (the platform's producer conventions); values are Avro in the registry's format. */
  @Bean
  public KafkaTemplate<String, SpecificRecord> policeTemplate(PlatformProperties platform, KafkaClients clients) {
    Map<String, Object> config = clients.producer();
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(platform.registryConfig(), false);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
  }

  @Bean
  public PoliceResponses policeResponses(KafkaTemplate<String, SpecificRecord> policeTemplate, PoliceView view,
      Clock clock, PoliceGatewayProperties properties) {
    return new PoliceResponses(policeTemplate, view, clock, properties.writeTimeout());
  }

  @Bean
  public AcknowledgementGuard acknowledgementGuard() {
    return new AcknowledgementGuard();
  }

  @Bean
  public EscalationScheduler escalationScheduler(PoliceView view, PoliceResponses responses,
      AcknowledgementGuard guard, PoliceGatewayProperties properties) {
    return new EscalationScheduler(view, responses, guard, properties.escalationCheckInterval());
  }

  @Bean
  public RetentionScheduler retentionScheduler(PoliceView view, PoliceResponses responses, PlatformProperties platform,
      KafkaClients clients, PoliceGatewayProperties properties) {
    return new RetentionScheduler(view, responses, clients, platform.registryConfig(),
        properties.retentionAfterCancel(), properties.retentionCheckInterval());
  }
}
