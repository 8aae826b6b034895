package nl.vermissing.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of a Confluent-compatible schema registry REST API (Confluent, our own server, Karapace, Apicurio's ccompat
 * API). Ids are immutable, so schema-to-id (per subject) and id-to-schema are cached forever; "latest" is never
 * cached here. With several base URLs, a connection failure moves on to the next one.
 */
public class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** Confluent's media type; servers also accept plain JSON. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<URI> baseUrls;
  private final HttpClient http;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /** @param baseUrls one or more comma-separated registry URLs, e.g. {@code http://localhost:8081} */
  public HttpSchemaRegistryClient(String baseUrls) {
    this.baseUrls = new ArrayList<>();
    for (String url : baseUrls.split(",")) {
      String trimmed = url.trim();
      this.baseUrls.add(URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/"));
    }
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    int id = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    ids.put(schema, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(send("GET", "schemas/ids/" + id, null).get("schema").asText());
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return registered(send("GET", "subjects/" + encode(subject) + "/versions/latest", null));
  }

  @Override
  public int getId(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    int id = send("POST", "subjects/" + encode(subject), schemaBody(schema)).get("id").asInt();
    ids.put(schema, id);
    return id;
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
          .get("is_compatible").asBoolean();
    } catch (SchemaRegistryException e) {
      // older registries answer 40401 for a subject without versions: anything may be its first version
      if (e.errorCode() == 40401) {
        return true;
      }
      throw e;
    }
  }

  private RegisteredSchema registered(JsonNode node) {
    return new RegisteredSchema(node.get("subject").asText(), node.get("id").asInt(), node.get("version").asInt(),
        parse(node.get("schema").asText()));
  }

  private JsonNode send(String method, String path, String body) {
    IOException lastFailure = null;
    for (URI base : baseUrls) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
          .timeout(TIMEOUT)
          .header("Accept", CONTENT_TYPE)
          .header("Content-Type", CONTENT_TYPE)
          .method(method, body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      try {
        return interpret(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        lastFailure = e; // try the next URL
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(0, 0, "interrupted calling the schema registry", e);
      }
    }
    throw new SchemaRegistryException(0, 0, "schema registry unreachable at " + baseUrls, lastFailure);
  }

  private static JsonNode interpret(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new SchemaRegistryException(status, 50001, "schema registry answered no JSON: " + response.body(), e);
      }
    }
    int errorCode = status;
    String message = response.body();
    try {
      JsonNode error = JSON.readTree(response.body());
      errorCode = error.path("error_code").asInt(status);
      message = error.path("message").asText(message);
    } catch (IOException notJson) {
      // keep the status and the raw body
    }
    throw new SchemaRegistryException(status, errorCode,
        "schema registry " + response.request().method() + " " + response.uri() + ": " + message);
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
