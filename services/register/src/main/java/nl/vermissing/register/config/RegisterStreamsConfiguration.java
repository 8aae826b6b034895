package nl.vermissing.register.config;

import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.register.domain.EpisodeIds;
import nl.vermissing.register.stream.RegisterTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the register topology into Spring's Kafka Streams (exactly-once, dead letters: see the platform). */
@Configuration
@EnableKafkaStreams
@EnableConfigurationProperties(RegisterProperties.class)
public class RegisterStreamsConfiguration {

  /** Marker bean: the topology has been added to the application's {@link StreamsBuilder}. */
  public record RegisterTopologyBuilt() {}

  @Bean
  public RegisterTopologyBuilt registerTopology(StreamsBuilder builder, PlatformProperties platform,
      RegisterProperties register) {
    RegisterTopology.build(builder, platform.registryConfig(), new EpisodeIds(register.episodeKey()),
        register.rules(), register.retentionCheckInterval());
    return new RegisterTopologyBuilt();
  }
}
