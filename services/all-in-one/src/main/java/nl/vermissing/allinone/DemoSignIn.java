package nl.vermissing.allinone;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a demo account in the way a browser does (authorization code + PKCE through the sign-in form) and returns
 * its access token: for system tests and the benchmark, which talk to the API as real users do.
 */
public final class DemoSignIn {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final String CLIENT_ID = "vermissing-web";

  private DemoSignIn() {}

  public static String accessToken(String baseUrl, String username, String password) {
    try {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      String verifier = random(48);
      String challenge = base64url(MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      String redirectUri = baseUrl + "/signed-in.html";
      String authorize = baseUrl + "/oauth2/authorize?" + form(Map.of(
          "response_type", "code", "client_id", CLIENT_ID, "redirect_uri", redirectUri, "scope", "openid profile",
          "code_challenge", challenge, "code_challenge_method", "S256", "state", "s"));
      get(client, authorize);
      String loginPage = get(client, baseUrl + "/login").body();
      Matcher csrf = CSRF.matcher(loginPage);
      if (!csrf.find()) {
        throw new IllegalStateException("no sign-in form at " + baseUrl + "/login");
      }
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
              "username", username, "password", password, "_csrf", csrf.group(1)))))
          .build(), HttpResponse.BodyHandlers.ofString());
      String next = login.headers().firstValue("Location").orElseThrow(
          () -> new IllegalStateException("sign-in refused for " + username + " (" + login.statusCode() + ")"));
      if (next.contains("error")) {
        throw new IllegalStateException("sign-in refused for " + username);
      }
      HttpResponse<String> authorized = get(client, next.startsWith("http") ? next : baseUrl + next);
      String location = authorized.headers().firstValue("Location").orElseThrow();
      Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
      if (!code.find()) {
        throw new IllegalStateException("no authorization code in " + location);
      }
      HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
              "grant_type", "authorization_code", "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
              "client_id", CLIENT_ID, "redirect_uri", redirectUri, "code_verifier", verifier))))
          .build(), HttpResponse.BodyHandlers.ofString());
      Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
      if (!accessToken.find()) {
        throw new IllegalStateException("no access token (" + token.statusCode() + ")");
      }
      return accessToken.group(1);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("sign-in failed for " + username, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return base64url(b);
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
