package nl.vermissing.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import nl.vermissing.platform.registry.HttpSchemaRegistryClient;
import nl.vermissing.platform.registry.server.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest(properties = {"vermissing.schema-registry.port=0",
    "spring.kafka.properties.metadata.max.age.ms=60000"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SchemaRegistryApplicationTest {

  @Autowired
  SchemaRegistryServer server;

  @Autowired
  Environment environment;

  @Test
  void takesTheKafkaClientSettingsOfTheOtherServices() {
    assertThat(SchemaRegistryApplication.kafkaConfig(environment))
        .containsEntry("metadata.max.age.ms", "60000")
        .containsEntry("bootstrap.servers", environment.getProperty("spring.kafka.bootstrap-servers"));
  }

  @Test
  void servesTheRegistryApiFromKafka() {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.url());
    Schema schema = new Schema.Parser().parse("""
        {"type":"record","name":"Ping","namespace":"test","fields":[{"name":"at","type":"long"}]}""");

    int id = client.register("ping-value", schema);

    assertThat(client.getById(id)).isEqualTo(schema);
    assertThat(client.subjects()).containsExactly("ping-value");
  }
}
