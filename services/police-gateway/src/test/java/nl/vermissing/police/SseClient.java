package nl.vermissing.police;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client over real HTTP, like a browser's EventSource. */
public final class SseClient implements AutoCloseable {

  /** One event as received, with the time it arrived. */
  public record Event(String id, String name, String data, long receivedNanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<String> comments = new ArrayList<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private final CountDownLatch firstComment = new CountDownLatch(1);
  private volatile Stream<String> lines;
  private volatile int status;
  private final Thread reader;

  private SseClient(HttpClient client, HttpRequest request) {
    reader = new Thread(() -> read(client, request), "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects; {@code bearer} goes in the Authorization header when not null. */
  public static SseClient connect(URI uri, String bearer, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    SseClient sse = new SseClient(HttpClient.newHttpClient(), request.build());
    return sse;
  }

  private void read(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
      status = response.statusCode();
      lines = response.body();
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      opened.countDown();
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0 || name != null) {
            events.add(new Event(id, name, data.toString(), System.nanoTime()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          synchronized (comments) {
            comments.add(line.substring(1).trim());
          }
          firstComment.countDown();
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
            default -> { }
          }
        }
      }
    } catch (Exception e) {
      // connection closed
    } finally {
      opened.countDown();
    }
  }

  /** Waits for the response to start (status known, first comment read for a 200). */
  public SseClient awaitOpen() throws InterruptedException {
    if (!opened.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("feed did not open");
    }
    if (status == 200 && !firstComment.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("feed sent nothing");
    }
    return this;
  }

  public int status() {
    return status;
  }

  public List<String> comments() {
    synchronized (comments) {
      return List.copyOf(comments);
    }
  }

  /** The next event, or null after the timeout. */
  public Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event whose data contains the text, skipping others (returned in {@code skipped}). */
  public Event nextContaining(String text, Duration timeout, List<Event> skipped) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        return null;
      }
      if (e.data().contains(text)) {
        return e;
      }
      if (skipped != null) {
        skipped.add(e);
      }
    }
  }

  @Override
  public void close() {
    Stream<String> s = lines;
    if (s != null) {
      s.close();
    }
    reader.interrupt();
  }
}
