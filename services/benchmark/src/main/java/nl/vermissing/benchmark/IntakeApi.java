package nl.vermissing.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The institution's side, spoken over HTTP through the gateway as the web page does: youth profiles in closed care on
 * a valid court authorisation (so that every absence is reported to police at once, as red), absences and returns.
 */
final class IntakeApi {

  static final String INSTITUTION = "inst-horizon";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String base;
  private final String token;

  IntakeApi(HttpClient http, String baseUrl, String token) {
    this.http = http;
    this.base = baseUrl + "/api/intake/institutions/" + INSTITUTION;
    this.token = token;
  }

  /** A realistic grab pack without photo: closed placement on a machtiging, contacts, places, medical needs. */
  CompletableFuture<String> createYouth(int n) {
    String body = """
        {"givenName":"Benchmark","familyName":"Jongere %d","dateOfBirth":"2010-05-17","sex":"FEMALE",
         "physicalDescription":"1.62 m, slank, lang donker haar, litteken boven linkerwenkbrauw",
         "associates":[{"name":"Vriendin %d","relation":"vriendin","phone":"0612345678","address":"Lelystad","suspectedExploiter":false},
                       {"name":"Onbekende man","relation":"contact via sociale media","suspectedExploiter":true}],
         "places":[{"description":"Station Lelystad Centrum"},{"description":"Winkelcentrum Batavia Stad"}],
         "phoneNumbers":["0612345678"],"socialMedia":["@bench%d"],
         "safetyMedicalNeeds":"Heeft dagelijks medicatie nodig",
         "knownRisks":["SEXUAL_EXPLOITATION"],
         "placementType":"CLOSED","legalTitle":{"kind":"MACHTIGING_GESLOTEN_JEUGDHULP"}}
        """.formatted(n, n, n);
    return post(base + "/youths", body).thenApply(answer -> {
      if (answer.statusCode() != 201) {
        throw new IllegalStateException("youth profile not created: " + answer.statusCode() + " " + answer.body());
      }
      return field(answer.body(), "youthId");
    });
  }

  /** Creates {@code count} profiles, at most {@code concurrency} at a time. */
  List<String> createYouths(int count, int concurrency) {
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<String>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.acquireUninterruptibly();
      created.add(createYouth(i).whenComplete((id, error) -> slots.release()));
    }
    return created.stream().map(CompletableFuture::join).toList();
  }

  /** Staff report an absence (t0 a minute ago, whereabouts unknown). */
  CompletableFuture<HttpResponse<String>> reportAbsence(String youthId) {
    String lastSeen = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    return post(base + "/cases", """
        {"youthId":"%s","lastSeenAt":"%s","lastSeenLocation":"Bij de voordeur van De Horizon, Lelystad",
         "clothing":"Zwarte jas, blauwe spijkerbroek, witte sneakers","whereaboutsKnown":false}
        """.formatted(youthId, lastSeen));
  }

  /** Staff report that the youth is back. */
  CompletableFuture<HttpResponse<String>> reportReturn(String caseId) {
    return post(base + "/cases/" + caseId + "/return", """
        {"foundBy":"RETURNED_SELF","location":"De Horizon","circumstances":"Zelf teruggekomen"}
        """);
  }

  private CompletableFuture<HttpResponse<String>> post(String url, String json) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(url))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A top-level string field of a JSON answer (the first occurrence). */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
