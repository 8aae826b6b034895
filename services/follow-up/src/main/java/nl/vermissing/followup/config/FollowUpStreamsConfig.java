package nl.vermissing.followup.config;

import java.time.Clock;
import java.time.Duration;
import nl.vermissing.events.FollowUpEvent;
import nl.vermissing.followup.stream.FollowUpTopology;
import nl.vermissing.platform.kafka.PlatformProperties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the follow-up topology into Spring's Kafka Streams. */
@Configuration
@EnableKafkaStreams
public class FollowUpStreamsConfig {

  @Bean
  public KStream<String, FollowUpEvent> followUpTopology(StreamsBuilder builder, PlatformProperties platform,
      @Value("${followup.timer-interval:5s}") Duration timerInterval) {
    return FollowUpTopology.build(builder, platform.registryConfig(), timerInterval);
  }

  @Bean
  public Clock followUpClock() {
    return Clock.systemUTC();
  }
}
