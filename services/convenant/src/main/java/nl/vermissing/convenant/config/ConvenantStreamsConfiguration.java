package nl.vermissing.convenant.config;

import java.time.Clock;
import nl.vermissing.convenant.domain.DefaultRules;
import nl.vermissing.convenant.stream.ConvenantSettings;
import nl.vermissing.convenant.stream.ConvenantTopology;
import nl.vermissing.platform.kafka.PlatformProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the agreement engine's topology into Spring's Kafka Streams (exactly-once config from the platform). */
@Configuration
@EnableKafkaStreams
public class ConvenantStreamsConfiguration {

  @Bean
  public ConvenantSettings convenantSettings(ConvenantProperties properties, PlatformProperties platform) {
    return new ConvenantSettings(
        DefaultRules.defaultAgreement(properties.defaultRegion(), properties.defaultPoliceUnit(),
            properties.defaultMunicipalityContact(), properties.defaultLegalBasis()),
        properties.institutionRegions(), properties.timerInterval(), platform.registryConfig());
  }

  @Bean
  public KStream<String, SpecificRecord> convenantTopology(StreamsBuilder builder, ConvenantSettings settings) {
    return ConvenantTopology.build(builder, settings);
  }

  @Bean
  public Clock convenantClock() {
    return Clock.systemUTC();
  }
}
