package nl.vermissing.allinone.demo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import nl.vermissing.allinone.DemoSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access tokens of the demo accounts, each obtained once by signing in as a browser does and kept for reuse
 * (they are valid for hours). The sign-in form is rate limited per client address, so a refused sign-in (429) is
 * retried after the limit's window.
 */
public final class DemoSessions {

  private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);
  static final String PASSWORD = "demo";

  private final String baseUrl;
  private final BiFunction<String, String, String> signIn;
  private final Duration throttleWait;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public DemoSessions(String baseUrl) {
    this(baseUrl, (base, user) -> DemoSignIn.accessToken(base, user, PASSWORD), Duration.ofSeconds(61));
  }

  DemoSessions(String baseUrl, BiFunction<String, String, String> signIn, Duration throttleWait) {
    this.baseUrl = baseUrl;
    this.signIn = signIn;
    this.throttleWait = throttleWait;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The access token of a demo account, signing in on first use. */
  public String token(String username) {
    return tokens.computeIfAbsent(username, this::signInWithRetry);
  }

  private String signInWithRetry(String username) {
    for (int attempt = 1; ; attempt++) {
      try {
        return signIn.apply(baseUrl, username);
      } catch (IllegalStateException e) {
        boolean throttled = String.valueOf(e.getMessage()).contains("(429)");
        if (!throttled || attempt >= 3) {
          throw e;
        }
        log.info("demo data: sign-in as {} is rate limited (sign-ins per minute per address); retrying in {} s",
            username, throttleWait.toSeconds());
        sleep(throttleWait);
      }
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
