package nl.vermissing.audit.config;

import nl.vermissing.audit.stream.AuditTopology;
import nl.vermissing.platform.kafka.PlatformProperties;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AuditStreamsConfiguration {

  @Bean
  Object auditTopology(StreamsBuilder builder, PlatformProperties platform) {
    AuditTopology.build(builder, platform.registryConfig());
    return AuditTopology.class;
  }
}
