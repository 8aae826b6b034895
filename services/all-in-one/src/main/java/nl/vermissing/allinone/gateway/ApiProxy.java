package nl.vermissing.allinone.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * Routes {@code /api/<prefix>/...} to the service that owns the prefix, streaming both ways so that server-sent
 * events (the police feed) pass through as they are written. The services authenticate the request themselves.
 */
public class ApiProxy extends HttpServlet {

  /** Hop-by-hop headers and those the HTTP client sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "expect", "upgrade",
      "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-connection");

  private final GatewayProperties properties;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  public ApiProxy(GatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    String[] segments = path.split("/", 4);
    String target = segments.length > 2 ? properties.routes().get(segments[2]) : null;
    if (target == null) {
      response.setStatus(404);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such API\"}");
      return;
    }
    String query = request.getQueryString();
    URI uri = URI.create(target + path + (query == null ? "" : "?" + query));
    HttpRequest.Builder forward = HttpRequest.newBuilder(uri)
        .method(request.getMethod(), bodyOf(request));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : Collections.list(request.getHeaders(name))) {
          forward.header(name, value);
        }
      }
    }
    forward.header("X-Forwarded-Host", request.getServerName() + ":" + request.getServerPort());
    forward.header("X-Forwarded-Proto", request.getScheme());
    HttpResponse<InputStream> answer;
    try {
      answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.setStatus(503);
      return;
    } catch (IOException e) {
      response.setStatus(502);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"title\":\"Bad Gateway\",\"status\":502,\"detail\":\"service unavailable\"}");
      return;
    }
    response.setStatus(answer.statusCode());
    answer.headers().map().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        values.forEach(v -> response.addHeader(name, v));
      }
    });
    boolean stream = answer.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
    try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        if (stream) {
          out.flush();
        }
      }
    } catch (IOException e) {
      // the browser went away (e.g. closed the live feed); nothing to answer
    }
  }

  private static HttpRequest.BodyPublisher bodyOf(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
  }
}
