package nl.vermissing.allinone.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A small client of the system's public HTTP API as a signed-in demo user. Requests that meet a service that is
 * still starting (502, 503, 504, connection refused) are retried for a bounded time; every other answer goes back
 * to the caller, who decides what a 409 means.
 */
final class DemoClient {

  /** An answer of the API. */
  record Answer(String method, String path, int status, JsonNode body, String raw) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Fails with the exact request and answer, for the log. */
    Answer require() {
      if (!ok()) {
        throw new DemoException(method + " " + path + " answered " + status + ": " + abbreviate(raw));
      }
      return this;
    }
  }

  /** A step of the demo that could not be completed. */
  static final class DemoException extends RuntimeException {
    DemoException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final DemoSessions sessions;
  private final Duration retryFor;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();

  DemoClient(DemoSessions sessions, Duration retryFor) {
    this.sessions = sessions;
    this.retryFor = retryFor;
  }

  Answer get(String user, String path) {
    return send(user, "GET", path, null, null, null);
  }

  Answer post(String user, String path, Object body, String idempotencyKey) {
    return send(user, "POST", path, json(body), "application/json", idempotencyKey);
  }

  Answer put(String user, String path, byte[] body, String contentType, String idempotencyKey) {
    return send(user, "PUT", path, body, contentType, idempotencyKey);
  }

  /** GET without a token, e.g. the health of the system. */
  Optional<String> getPublic(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sessions.baseUrl() + path))
          .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(response.statusCode() + " " + response.body());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }

  private Answer send(String user, String method, String path, byte[] body, String contentType, String key) {
    long deadline = System.nanoTime() + retryFor.toNanos();
    String token = sessions.token(user);
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sessions.baseUrl() + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (key != null) {
        request.header("Idempotency-Key", key);
      }
      String failure;
      try {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status != 502 && status != 503 && status != 504) {
          return new Answer(method, path, status, parse(raw), raw);
        }
        failure = status + ": " + abbreviate(raw);
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoException("interrupted");
      }
      if (System.nanoTime() > deadline) {
        throw new DemoException(method + " " + path + " still unavailable after " + retryFor.toSeconds() + " s ("
            + failure + ")");
      }
      DemoSessions.sleep(Duration.ofMillis(500));
    }
  }

  /**
   * Polls until {@code probe} yields a value (an asynchronous effect became visible through the API), at most
   * {@code timeout}.
   */
  static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new DemoException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      DemoSessions.sleep(Duration.ofMillis(400));
    }
  }

  static Optional<JsonNode> find(JsonNode array, Function<JsonNode, Boolean> match) {
    for (JsonNode item : array) {
      if (match.apply(item)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** A text field, or null when absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  private static byte[] json(Object body) {
    return body == null ? null : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(raw);
    } catch (RuntimeException e) {
      return MissingNode.getInstance();
    }
  }

  static String abbreviate(String raw) {
    if (raw == null) {
      return "";
    }
    String flat = raw.replaceAll("\\s+", " ");
    return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
  }
}
