package nl.vermissing.benchmark;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A police liaison's live feed (SSE through the gateway), as the web page holds it open: notes when the first
 * {@code alert} and the first {@code cancel} of every case arrived (System.nanoTime, same clock as the senders).
 */
final class PoliceFeed implements AutoCloseable {

  static final String UNIT = "pu-midden-nederland";
  private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");

  private final Map<String, Long> alerts = new ConcurrentHashMap<>();
  private final Map<String, Long> cancels = new ConcurrentHashMap<>();
  private final CountDownLatch connected = new CountDownLatch(1);
  private volatile InputStream stream;
  private volatile boolean closed;
  private final Thread reader;

  PoliceFeed(HttpClient http, String baseUrl, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/police/units/" + UNIT + "/feed"))
        .header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + token)
        .GET().build();
    reader = new Thread(() -> read(http, request), "benchmark-police-feed");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!connected.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the police feed did not connect");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Long alertArrival(String caseId) {
    return alerts.get(caseId);
  }

  Long cancelArrival(String caseId) {
    return cancels.get(caseId);
  }

  int alertsSeen() {
    return alerts.size();
  }

  private void read(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("police feed answered " + answer.statusCode());
      }
      stream = answer.body();
      BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      String event = null;
      String data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            dispatch(event == null ? "message" : event, data, System.nanoTime());
          }
          event = null;
          data = null;
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data = data == null ? line.substring(5).trim() : data + "\n" + line.substring(5).trim();
        } else if (line.startsWith(":connected")) {
          connected.countDown();
        }
      }
    } catch (Exception e) {
      if (!closed) {
        System.err.println("[benchmark] police feed failed: " + e);
      }
    }
  }

  private void dispatch(String event, String data, long arrived) {
    Matcher m = CASE_ID.matcher(data);
    if (!m.find()) {
      return;
    }
    switch (event) {
      case "alert" -> alerts.putIfAbsent(m.group(1), arrived);
      case "cancel" -> cancels.putIfAbsent(m.group(1), arrived);
      default -> { }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      InputStream s = stream;
      if (s != null) {
        s.close();
      }
    } catch (Exception e) {
      // closing a live stream
    }
    try {
      reader.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
