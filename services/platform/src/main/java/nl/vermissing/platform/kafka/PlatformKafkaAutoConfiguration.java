package nl.vermissing.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Applies the Kafka conventions to every service: catalogue topics exist, Kafka Streams runs exactly-once and leaves
 * its group on close (a restart does not wait for a session time-out), listener failures are retried a bounded
 * number of times and then dead-lettered.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties({PlatformProperties.class, KafkaProperties.class})
public class PlatformKafkaAutoConfiguration {

  static {
    AvroTrust.trustEventPackage();
  }

  /** The service's Kafka connection (address and security) with the platform's conventions. */
  @Bean
  @ConditionalOnMissingBean
  public KafkaClients kafkaClients(KafkaProperties boot) {
    return KafkaClients.from(boot);
  }

  /**
   * The catalogue topics this service writes or reads, and its dead-letter topics; creating an existing topic is a
   * no-op. Only these: under least-privilege ACLs a service may not even describe the others.
   */
  @Bean
  public KafkaAdmin.NewTopics catalogueTopics(PlatformProperties platform) {
    return new KafkaAdmin.NewTopics(topicsOf(platform).toArray(NewTopic[]::new));
  }

  static List<NewTopic> topicsOf(PlatformProperties platform) {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic<?> topic : Topics.ALL) {
      if (topic.writer().equals(platform.serviceName()) || topic.readers().contains(platform.serviceName())) {
        topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig()));
      }
    }
    for (String input : platform.consumes()) {
      topics.add(new NewTopic(Topics.deadLetter(platform.serviceName(), input), 1, (short) 1)
          .configs(Map.of("cleanup.policy", "delete", "retention.ms", "-1")));
    }
    return topics;
  }

  /** The service's clients start only once the broker knows the topics it created (see {@link TopicsReady}). */
  @Bean
  public TopicsReady topicsReady(KafkaAdmin admin, PlatformProperties platform) {
    return new TopicsReady(admin, topicsOf(platform), java.time.Duration.ofSeconds(60));
  }

  @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
  @ConditionalOnMissingBean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
  public KafkaStreamsConfiguration defaultKafkaStreamsConfig(PlatformProperties platform, KafkaClients clients) {
    Map<String, Object> config = clients.streams("vermissing-" + platform.serviceName(),
        platform.serviceName(), platform.streamsStateDir());
    config.putAll(platform.registryConfig());
    return new KafkaStreamsConfiguration(config);
  }

  @Bean
  public StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
  }

  /** A stream thread that dies on a passing condition is replaced; on anything else the app stops (health DOWN). */
  @Bean
  public StreamsBuilderFactoryBeanConfigurer streamsFailurePolicy() {
    return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(new StreamsFailurePolicy());
  }

  /** Health includes the state of the service's Kafka Streams topologies. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class StreamsHealth {

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(StreamsBuilderFactoryBean.class)
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(List<StreamsBuilderFactoryBean> topologies) {
      return new KafkaStreamsHealthIndicator(topologies);
    }
  }

  /** Bounded retries, then the record goes to {@code <topic>.<service>.dlt} with the reason in headers. */
  @Bean
  @ConditionalOnMissingBean
  public DefaultErrorHandler deadLetterErrorHandler(KafkaOperations<?, ?> template, PlatformProperties platform) {
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
        (record, exception) -> new TopicPartition(Topics.deadLetter(platform.serviceName(), record.topic()), -1));
    recoverer.setExceptionHeadersCreator((headers, exception, isKey, names) -> {
      headers.add(DeadLetters.REASON, DeadLetters.reason(exception).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      headers.add(DeadLetters.EXCEPTION, exception.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      headers.add(DeadLetters.SERVICE, platform.serviceName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    return new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
  }
}
