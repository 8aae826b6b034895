package nl.vermissing.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

  static final Schema V1 = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"}]}""");
  static final Schema V2_WITH_DEFAULT = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"},
       {"name":"b","type":"int","default":0}]}""");
  static final Schema V2_WITHOUT_DEFAULT = parse("""
      {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"string"},
       {"name":"c","type":"int"}]}""");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void registeringIsIdempotentAndIdsAreGlobal() {
    int id = registry.register("s-value", V1);

    assertThat(registry.register("s-value", V1)).isEqualTo(id);
    assertThat(registry.register("other-value", V1)).isEqualTo(id);
    assertThat(registry.register("s-value", V2_WITH_DEFAULT)).isEqualTo(id + 1);
    assertThat(registry.getLatest("s-value")).isEqualTo(new RegisteredSchema("s-value", id + 1, 2, V2_WITH_DEFAULT));
    assertThat(registry.getById(id)).isEqualTo(V1);
    assertThat(registry.subjects()).containsExactly("other-value", "s-value");
  }

  @Test
  void backwardCompatibilityIsEnforcedByDefault() {
    registry.register("s-value", V1);

    assertThat(registry.isCompatible("s-value", V2_WITH_DEFAULT)).isTrue();
    assertThat(registry.isCompatible("s-value", V2_WITHOUT_DEFAULT)).isFalse();
    assertThatThrownBy(() -> registry.register("s-value", V2_WITHOUT_DEFAULT))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));

    registry.setCompatibility("s-value", CompatibilityLevel.NONE);
    assertThat(registry.register("s-value", V2_WITHOUT_DEFAULT)).isPositive();
  }

  @Test
  void lookupsWithoutRegisteringReportConfluentErrorCodes() {
    registry.register("s-value", V1);

    assertThat(registry.getId("s-value", V1)).isEqualTo(registry.getLatest("s-value").id());
    assertThatThrownBy(() -> registry.getId("s-value", V2_WITH_DEFAULT))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.getId("unknown-value", V1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> registry.getById(99))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void mockScopesAreSharedUntilDropped() {
    String scope = "scope-" + UUID.randomUUID();
    Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    SchemaRegistryClient first = SchemaRegistryClients.forConfig(config);
    first.register("s-value", V1);

    assertThat(SchemaRegistryClients.forConfig(config)).isSameAs(first);
    assertThat(SchemaRegistryClients.forConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://elsewhere")))
        .isNotSameAs(first);

    InMemorySchemaRegistryClient.dropScope(scope);
    assertThat(SchemaRegistryClients.forConfig(config).subjects()).isEmpty();
  }

  @Test
  void httpClientsAreSharedPerUrl() {
    Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081");

    assertThat(SchemaRegistryClients.forConfig(config)).isInstanceOf(HttpSchemaRegistryClient.class)
        .isSameAs(SchemaRegistryClients.forConfig(config));
  }

  static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
