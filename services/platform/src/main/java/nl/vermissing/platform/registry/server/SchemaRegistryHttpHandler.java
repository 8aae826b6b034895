package nl.vermissing.platform.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vermissing.platform.registry.CompatibilityLevel;
import nl.vermissing.platform.registry.HttpSchemaRegistryClient;
import nl.vermissing.platform.registry.RegistryState;
import nl.vermissing.platform.registry.RegistryState.Entry;
import nl.vermissing.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Confluent's Schema Registry REST API that Confluent's clients use, with Confluent's JSON shapes and
 * error codes ({@code {"error_code":40401,"message":"..."}}), for AVRO schemas without references.
 */
public final class SchemaRegistryHttpHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryHttpHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaSchemaStore store;
  private final RegistryState state;

  public SchemaRegistryHttpHandler(KafkaSchemaStore store) {
    this.store = store;
    this.state = store.state();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Object body;
      int status = 200;
      try {
        body = route(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()),
            exchange.getRequestURI().getRawQuery(), exchange.getRequestBody());
      } catch (SchemaRegistryException e) {
        status = e.httpStatus();
        body = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        status = 500;
        body = error(50001, "Error in the backend data store: " + e.getMessage());
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } finally {
      exchange.close();
    }
  }

  private Object route(String method, List<String> path, String query, InputStream requestBody) {
    String route = method + " " + shape(path);
    return switch (route) {
      case "GET " -> Map.of();
      case "GET schemas/types" -> List.of("AVRO");
      case "GET schemas/ids/*" -> Map.of("schema", store.schemaById(id(path.get(2))).toString());
      case "GET schemas/ids/*/versions" -> {
        store.schemaById(id(path.get(2)));
        yield state.usages(id(path.get(2))).stream()
            .map(e -> JSON.createObjectNode().put("subject", e.subject()).put("version", e.version())).toList();
      }
      case "GET subjects" -> state.subjects();
      case "GET subjects/*/versions" -> state.versions(path.get(1)).stream().map(Entry::version).toList();
      case "GET subjects/*/versions/*" -> versionJson(version(path.get(1), path.get(3)));
      case "GET subjects/*/versions/*/schema" -> parseJson(version(path.get(1), path.get(3)).schema().toString());
      case "POST subjects/*/versions" -> Map.of("id", store.register(path.get(1), schema(requestBody)).id());
      case "POST subjects/*" -> lookup(path.get(1), schema(requestBody));
      case "DELETE subjects/*" -> store.deleteSubject(path.get(1));
      case "DELETE subjects/*/versions/*" -> store.deleteVersion(path.get(1), version(path.get(1), path.get(3))
          .version());
      case "POST compatibility/subjects/*/versions/*" -> Map.of("is_compatible",
          isCompatible(path.get(2), path.get(4), schema(requestBody)));
      case "GET config" -> Map.of("compatibilityLevel", state.globalCompatibility().name());
      case "PUT config" -> {
        CompatibilityLevel level = compatibility(requestBody);
        store.setCompatibility(null, level);
        yield Map.of("compatibility", level.name());
      }
      case "GET config/*" -> Map.of("compatibilityLevel", subjectCompatibility(path.get(1), query).name());
      case "PUT config/*" -> {
        CompatibilityLevel level = compatibility(requestBody);
        store.setCompatibility(path.get(1), level);
        yield Map.of("compatibility", level.name());
      }
      case "DELETE config/*" -> Map.of("compatibilityLevel", store.deleteCompatibility(path.get(1)).name());
      default -> throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
    };
  }

  private ObjectNode lookup(String subject, Schema schema) {
    state.versions(subject); // an unknown subject is 40401 rather than 40403
    return versionJson(state.lookup(subject, schema).orElseThrow(SchemaRegistryException::schemaNotFound));
  }

  private boolean isCompatible(String subject, String version, Schema schema) {
    if (isLatest(version)) {
      return state.isCompatible(subject, schema, Optional.empty());
    }
    return state.isCompatible(subject, schema, Optional.of(version(subject, version).version()));
  }

  private CompatibilityLevel subjectCompatibility(String subject, String query) {
    boolean defaultToGlobal = query != null && Arrays.asList(query.split("&")).contains("defaultToGlobal=true");
    Optional<CompatibilityLevel> own = state.subjectCompatibility(subject);
    if (own.isEmpty() && !defaultToGlobal) {
      throw SchemaRegistryException.subjectCompatibilityNotConfigured(subject);
    }
    return own.orElse(state.globalCompatibility());
  }

  private Entry version(String subject, String version) {
    if (isLatest(version)) {
      return state.latest(subject);
    }
    try {
      int number = Integer.parseInt(version);
      if (number < 1) {
        throw SchemaRegistryException.invalidVersion(version);
      }
      return state.entry(subject, number);
    } catch (NumberFormatException e) {
      throw SchemaRegistryException.invalidVersion(version);
    }
  }

  private static boolean isLatest(String version) {
    return version.equals("latest") || version.equals("-1");
  }

  private static ObjectNode versionJson(Entry entry) {
    return JSON.createObjectNode().put("subject", entry.subject()).put("version", entry.version())
        .put("id", entry.id()).put("schema", entry.schema().toString());
  }

  /** The schema of a register/lookup/compatibility request: {"schema":"...", "schemaType":"AVRO"?, ...}. */
  private static Schema schema(InputStream requestBody) {
    JsonNode request = readBody(requestBody);
    String type = request.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw SchemaRegistryException.invalidSchema("only AVRO schemas are supported, not " + type);
    }
    if (request.path("references").size() > 0) {
      throw SchemaRegistryException.invalidSchema("schema references are not supported");
    }
    if (!request.path("schema").isTextual()) {
      throw SchemaRegistryException.invalidSchema("request has no \"schema\" string");
    }
    try {
      return new Schema.Parser().parse(request.get("schema").asText());
    } catch (SchemaParseException e) {
      throw SchemaRegistryException.invalidSchema(e.getMessage());
    }
  }

  private static CompatibilityLevel compatibility(InputStream requestBody) {
    return CompatibilityLevel.parse(readBody(requestBody).path("compatibility").asText());
  }

  private static JsonNode readBody(InputStream requestBody) {
    try {
      return JSON.readTree(requestBody.readAllBytes());
    } catch (IOException e) {
      throw new SchemaRegistryException(422, 42201, "Unreadable request body: " + e.getMessage());
    }
  }

  private static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed schema prints as JSON", e);
    }
  }

  private static int id(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(404, 40403, "Schema " + text + " not found");
    }
  }

  private static ObjectNode error(int errorCode, String message) {
    return JSON.createObjectNode().put("error_code", errorCode).put("message", message);
  }

  /** Decoded path segments; decoded one by one so that an encoded '/' inside a subject name stays in it. */
  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  /** The route pattern: fixed words kept, variable segments (subject, id, version) as '*'. */
  private static String shape(List<String> path) {
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        shape.append('/');
      }
      shape.append(isVariable(path, i) ? "*" : path.get(i));
    }
    return shape.toString();
  }

  private static boolean isVariable(List<String> path, int i) {
    String first = path.get(0);
    return switch (first) {
      case "subjects" -> i == 1 || i == 3;
      case "schemas" -> i == 2;
      case "config" -> i == 1;
      case "compatibility" -> i == 2 || i == 4;
      default -> false;
    };
  }
}
