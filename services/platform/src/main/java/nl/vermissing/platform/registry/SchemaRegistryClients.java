package nl.vermissing.platform.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Picks the registry client for serde configuration: {@code mock://<scope>} gives the scope's shared in-memory
 * registry, {@code http(s)://} URLs a REST client. One client per URL is shared so that its caches serve every serde.
 */
public final class SchemaRegistryClients {

  private static final String MOCK = "mock://";
  private static final Map<String, SchemaRegistryClient> HTTP_CLIENTS = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /** The client for the {@code schema.registry.url} in the configuration. */
  public static SchemaRegistryClient forConfig(Map<String, ?> configs) {
    Object url = configs.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException("missing " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
    return forUrl(url instanceof Iterable<?> urls ? String.join(",", toStrings(urls)) : url.toString());
  }

  /** The client for one URL (or comma-separated URLs). */
  public static SchemaRegistryClient forUrl(String url) {
    String trimmed = url.trim();
    if (trimmed.startsWith(MOCK)) {
      // not cached here: the scope itself is shared, and dropScope must yield a fresh registry
      return InMemorySchemaRegistryClient.forScope(trimmed.substring(MOCK.length()));
    }
    if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, "expected http(s):// or mock:// URL");
    }
    return HTTP_CLIENTS.computeIfAbsent(trimmed, HttpSchemaRegistryClient::new);
  }

  private static Iterable<String> toStrings(Iterable<?> values) {
    List<String> strings = new ArrayList<>();
    values.forEach(v -> strings.add(v.toString().trim()));
    return strings;
  }
}
