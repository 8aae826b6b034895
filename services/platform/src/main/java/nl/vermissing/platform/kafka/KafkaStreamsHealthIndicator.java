package nl.vermissing.platform.kafka;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A service whose topology is not running is not healthy: its rules are not being applied. UP while RUNNING or
 * REBALANCING, DOWN otherwise, with the state of each topology.
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final List<StreamsBuilderFactoryBean> topologies;

  public KafkaStreamsHealthIndicator(List<StreamsBuilderFactoryBean> topologies) {
    this.topologies = topologies;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    boolean up = true;
    for (StreamsBuilderFactoryBean factory : topologies) {
      KafkaStreams streams = factory.getKafkaStreams();
      KafkaStreams.State state = streams == null ? null : streams.state();
      String id = String.valueOf(factory.getStreamsConfiguration() == null ? "streams"
          : factory.getStreamsConfiguration().getProperty("application.id"));
      health.withDetail(id, state == null ? "NOT_STARTED" : state.name());
      up &= state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }
    return up ? health.build() : health.down().build();
  }
}
