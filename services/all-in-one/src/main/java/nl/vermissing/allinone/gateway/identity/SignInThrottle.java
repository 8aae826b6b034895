package nl.vermissing.allinone.gateway.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit on sign-in: at most {@code perUser} attempts per user name and {@code perAddress} per client address
 * within the window (an office shares one address); further attempts get 429 without the password being checked.
 */
public class SignInThrottle extends OncePerRequestFilter {

  private final int perUser;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

  public SignInThrottle(int perUser, int perAddress, Duration window) {
    this(perUser, perAddress, window, Clock.systemUTC());
  }

  SignInThrottle(int perUser, int perAddress, Duration window, Clock clock) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = String.valueOf(request.getParameter("username"));
    if (!allow("addr:" + request.getRemoteAddr(), perAddress) | !allow("user:" + user, perUser)) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Te veel aanmeldpogingen; probeer het over een minuut opnieuw.");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean allow(String key, int limit) {
    long now = clock.millis();
    Deque<Long> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
