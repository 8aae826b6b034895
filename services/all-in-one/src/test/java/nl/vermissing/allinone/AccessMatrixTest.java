package nl.vermissing.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import nl.vermissing.allinone.AccessMatrixPolicy.Expectation;
import nl.vermissing.allinone.AccessMatrixPolicy.Fixtures;
import nl.vermissing.allinone.AccessMatrixPolicy.Rule;
import nl.vermissing.allinone.AccessMatrixPolicy.Target;
import nl.vermissing.allinone.gateway.identity.DemoAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default, proven on the running system: every endpoint that any service documents in its OpenAPI
 * description is called through the entry point by every demo account, on its own tenant and on every foreign
 * tenant of the same kind, and on real resources of its own and of another tenant. Nothing answers 2xx unless the
 * policy table ({@link AccessMatrixPolicy}) allows that role for that tenant; a refusal is 403 (or 404 where the
 * resource, not the caller, decides the tenant); no token is 401; the allowed role reads its own data with 200.
 */
class AccessMatrixTest {

  private static final int HTTP_PORT = 19080;
  private static final int SERVICE_PORT_OFFSET = 11000;
  private static final String BASE = "http://localhost:" + HTTP_PORT;
  private static final int PARALLEL = 4;
  /** A 1x1 transparent PNG. */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, String> tokens = new LinkedHashMap<>();

  /** One request of the matrix and its outcome. */
  private record Call(Rule rule, String account, Target target, Expectation expected, String uri, int status,
      String answer) {

    boolean failed() {
      return !expected.met(status);
    }

    String describe() {
      return String.format("%-6s %s as %s [%s]: expected %s, got %d%s", rule.method(), uri, account, target.label(),
          expected.name(), status, answer.isBlank() ? "" : " " + answer);
    }
  }

  @Test
  void everyEndpointRefusesEveryRoleAndTenantThePolicyDoesNotAllow() throws Exception {
    long started = System.nanoTime();
    AllInOneSettings settings = new AllInOneSettings(dataDir, HTTP_PORT, 0, 0, false, SERVICE_PORT_OFFSET);
    try (AllInOne system = AllInOne.start(settings)) {
      await().atMost(Duration.ofSeconds(90)).until(() -> send("GET", BASE + "/actuator/health", null, null, null)
          .answer().contains("\"status\":\"UP\""));
      for (DemoAccount account : DemoAccount.ALL) { // sign-in is rate limited: once per account
        tokens.put(account.username(), DemoSignIn.accessToken(BASE, account.username(), "demo"));
      }
      Fixtures fixtures = fixtures();
      long setUp = System.nanoTime();

      Map<String, Rule> endpoints = endpoints(settings);
      List<String> unknown = endpoints.keySet().stream().filter(k -> !AccessMatrixPolicy.BY_KEY.containsKey(k))
          .toList();
      List<String> stale = AccessMatrixPolicy.BY_KEY.keySet().stream().filter(k -> !endpoints.containsKey(k))
          .toList();
      assertThat(unknown).as("endpoints without a row in AccessMatrixPolicy.RULES: add them to the policy").isEmpty();
      assertThat(stale).as("policy rows for endpoints no service documents any more").isEmpty();

      List<Call> calls = run(AccessMatrixPolicy.RULES, fixtures);
      List<String> isolation = isolationOfLists(fixtures);
      long finished = System.nanoTime();

      summary(calls, endpoints.size(), (setUp - started) / 1_000_000, (finished - setUp) / 1_000_000);
      List<String> failures = new ArrayList<>(calls.stream().filter(Call::failed).map(Call::describe).sorted()
          .toList());
      failures.addAll(isolation);
      assertThat(failures).as("access decisions that differ from the policy (%d of %d requests)", failures.size(),
          calls.size()).isEmpty();
    }
  }

  /** Two agreements, a red case of De Horizon with its police alert, a case of Het Anker; both youths returned. */
  private Fixtures fixtures() throws Exception {
    String flevoland = "matrix-flevoland-" + UUID.randomUUID();
    String amsterdam = "matrix-amsterdam-" + UUID.randomUUID();
    for (String[] agreement : new String[][] {{flevoland, "flevoland", "pu-midden-nederland", "beheer.flevoland"},
        {amsterdam, "amsterdam", "pu-amsterdam", "beheer.amsterdam"}}) {
      expect(201, "POST", "/api/convenant/agreements/" + agreement[0] + "/versions", agreement[3], """
          {"region":"%s","policeUnit":"%s","municipalityContact":"gemeente-proef",
           "legalBasis":"Convenant vermissingen (proef)","changeNote":"proef"}""".formatted(agreement[1], agreement[2]));
    }
    String[] horizon = youthAndCase("inst-horizon", "staf.horizon");
    String[] anker = youthAndCase("inst-anker", "staf.anker");
    expect(200, "POST", "/api/intake/institutions/inst-horizon/cases/" + horizon[1] + "/risk-assessments",
        "staf.horizon", "{\"indicators\":[\"SEXUAL_EXPLOITATION\"]}");
    await().atMost(Duration.ofSeconds(120)).until(() -> send("GET",
        BASE + "/api/police/units/pu-midden-nederland/alerts/" + horizon[1], token("politie.midden"), null, null)
        .status() == 200);
    for (String[] c : List.of(new String[] {"inst-horizon", "staf.horizon", horizon[1]},
        new String[] {"inst-anker", "staf.anker", anker[1]})) {
      expect(200, "POST", "/api/intake/institutions/" + c[0] + "/cases/" + c[2] + "/return", c[1],
          "{\"foundBy\":\"INSTITUTION\"}");
    }
    await().atMost(Duration.ofSeconds(120)).until(() ->
        send("GET", BASE + "/api/followup/cases/" + horizon[1], token("volg.horizon"), null, null).status() == 200
            && send("GET", BASE + "/api/followup/cases/" + anker[1], token("staf.anker"), null, null).status() == 200);
    return new Fixtures(horizon[0], horizon[1], anker[1], flevoland, amsterdam);
  }

  private String[] youthAndCase(String institution, String staff) throws Exception {
    String youthId = field(expect(201, "POST", "/api/intake/institutions/" + institution + "/youths", staff, """
        {"givenName":"Matrix","familyName":"Proef","dateOfBirth":"2010-02-02","sex":"MALE","placementType":"OPEN"}
        """), "youthId");
    String caseId = field(expect(201, "POST", "/api/intake/institutions/" + institution + "/cases", staff,
        "{\"youthId\":\"%s\",\"lastSeenAt\":\"%s\",\"whereaboutsKnown\":false}"
            .formatted(youthId, Instant.now().minusSeconds(600))), "caseId");
    return new String[] {youthId, caseId};
  }

  /** Every endpoint of every service, from the OpenAPI document the service itself serves. */
  private Map<String, Rule> endpoints(AllInOneSettings settings) throws Exception {
    Map<String, Rule> endpoints = new TreeMap<>();
    for (ServiceDefinition service : ServiceDefinition.ALL) {
      HttpResponse<String> docs = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + settings.portOf(service) + "/v3/api-docs")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(docs.statusCode()).as("OpenAPI document of %s", service.name()).isEqualTo(200);
      JsonNode paths = json.readTree(docs.body()).path("paths");
      assertThat(paths.isObject()).as("paths of %s", service.name()).isTrue();
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        if (!path.getKey().startsWith("/api/")) {
          continue; // the open ones (actuator, api-docs) are not part of the API
        }
        for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
          String method = operation.getKey().toUpperCase();
          if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            String key = method + " " + path.getKey();
            endpoints.put(key, AccessMatrixPolicy.BY_KEY.get(key));
          }
        }
      }
    }
    assertThat(endpoints).as("endpoints found in the OpenAPI documents").isNotEmpty();
    return endpoints;
  }

  /** Every rule × (no token, a malformed token, every account × every target). */
  private List<Call> run(List<Rule> rules, Fixtures fixtures) throws Exception {
    List<Callable> work = new ArrayList<>();
    for (Rule rule : rules) {
      Target first = AccessMatrixPolicy.targets(rule, DemoAccount.ALL.get(0), fixtures).get(0);
      work.add(() -> call(rule, "(no token)", null, first, Expectation.UNAUTHORIZED));
      work.add(() -> call(rule, "(malformed token)", "not-a-token", first, Expectation.UNAUTHORIZED));
      for (DemoAccount account : DemoAccount.ALL) {
        for (Target target : AccessMatrixPolicy.targets(rule, account, fixtures)) {
          Expectation expected = AccessMatrixPolicy.expectation(rule, target, account);
          work.add(() -> call(rule, account.username(), token(account.username()), target, expected));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<Call>> futures = new ArrayList<>();
      for (Callable c : work) {
        futures.add(pool.submit(c::call));
      }
      List<Call> calls = new ArrayList<>();
      for (Future<Call> f : futures) {
        calls.add(f.get());
      }
      return calls;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface Callable {
    Call call() throws Exception;
  }

  private Call call(Rule rule, String account, String token, Target target, Expectation expected) throws Exception {
    String path = rule.path();
    Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
    StringBuilder uri = new StringBuilder();
    while (m.find()) {
      String value = target.variables().getOrDefault(m.group(1), UUID.randomUUID().toString());
      m.appendReplacement(uri, Matcher.quoteReplacement(value));
    }
    m.appendTail(uri);
    Object body = null;
    if (AccessMatrixPolicy.PNG.equals(rule.contentType())) {
      body = PNG;
    } else if (rule.body() != null) {
      String text = rule.body()
          .replace("${now}", Instant.now().toString())
          .replace("${past}", Instant.now().minusSeconds(60).toString());
      for (Map.Entry<String, String> v : target.variables().entrySet()) {
        text = text.replace("${" + v.getKey() + "}", v.getValue());
      }
      // any id the target does not name is an unknown one
      body = AccessMatrixPolicy.PLACEHOLDER.matcher(text).replaceAll(r -> UUID.randomUUID().toString());
    }
    Answer answer = send(rule.method(), BASE + uri, token, rule.contentType(), body);
    return new Call(rule, account, target, expected, uri.toString(), answer.status(), brief(answer.answer()));
  }

  /**
   * The lists show only one's own tenant: De Horizon's case is in its own lists (intake, worklist, police unit
   * Midden-Nederland) and in nobody else's, and each region's administrator sees only its own agreement.
   */
  private List<String> isolationOfLists(Fixtures f) throws Exception {
    List<String> failures = new ArrayList<>();
    String horizon = f.horizonCase();
    listCheck(failures, "/api/intake/institutions/inst-horizon/cases", "staf.horizon", horizon, true);
    listCheck(failures, "/api/intake/institutions/inst-anker/cases", "staf.anker", horizon, false);
    listCheck(failures, "/api/intake/institutions/inst-anker/cases", "staf.anker", f.ankerCase(), true);
    listCheck(failures, "/api/intake/institutions/inst-horizon/youths", "staf.horizon", f.horizonYouth(), true);
    listCheck(failures, "/api/intake/institutions/inst-anker/youths", "staf.anker", f.horizonYouth(), false);
    listCheck(failures, "/api/followup/institutions/inst-horizon/worklist", "volg.horizon", horizon, true);
    listCheck(failures, "/api/followup/institutions/inst-anker/worklist", "staf.anker", horizon, false);
    listCheck(failures, "/api/police/units/pu-midden-nederland/alerts", "politie.midden", horizon, true);
    listCheck(failures, "/api/police/units/pu-amsterdam/alerts", "politie.amsterdam", horizon, false);
    listCheck(failures, "/api/police/units/pu-amsterdam/cap.atom", "politie.amsterdam", horizon, false);
    listCheck(failures, "/api/convenant/agreements", "beheer.flevoland", f.flevolandAgreement(), true);
    listCheck(failures, "/api/convenant/agreements", "beheer.flevoland", f.amsterdamAgreement(), false);
    listCheck(failures, "/api/convenant/agreements", "beheer.amsterdam", f.amsterdamAgreement(), true);
    listCheck(failures, "/api/convenant/agreements", "beheer.amsterdam", f.flevolandAgreement(), false);
    return failures;
  }

  private void listCheck(List<String> failures, String path, String account, String id, boolean present)
      throws Exception {
    Answer answer = send("GET", BASE + path, token(account), null, null);
    if (answer.status() != 200 || answer.answer().contains(id) != present) {
      failures.add("GET    %s as %s: %s %s (status %d)".formatted(path, account, id,
          present ? "missing from the own list" : "shown in another tenant's list", answer.status()));
    }
  }

  private void summary(List<Call> calls, int endpoints, long setUpMillis, long matrixMillis) {
    Map<String, int[]> perService = new TreeMap<>();
    for (Call c : calls) {
      String service = c.rule().path().split("/")[2];
      int[] counts = perService.computeIfAbsent(service, s -> new int[4]);
      counts[0]++;
      counts[1 + c.expected().outcome().ordinal()]++;
    }
    Map<String, Set<String>> endpointsPerService = new TreeMap<>();
    AccessMatrixPolicy.RULES.forEach(r -> endpointsPerService.computeIfAbsent(r.path().split("/")[2],
        s -> new TreeSet<>()).add(r.key()));
    StringBuilder out = new StringBuilder("\nAccess matrix: %d endpoints, %d accounts, %d requests (set-up %d ms, matrix %d ms)%n"
        .formatted(endpoints, DemoAccount.ALL.size(), calls.size(), setUpMillis, matrixMillis));
    out.append(String.format("%-10s %9s %8s %8s %11s %8s %7s%n", "service", "endpoints", "requests", "denied",
        "not found", "allowed", "failed"));
    AtomicInteger failed = new AtomicInteger();
    perService.forEach((service, counts) -> {
      long failures = calls.stream().filter(c -> c.rule().path().split("/")[2].equals(service)).filter(Call::failed)
          .count();
      failed.addAndGet((int) failures);
      out.append(String.format("%-10s %9d %8d %8d %11d %8d %7d%n", service,
          endpointsPerService.getOrDefault(service, Collections.emptySet()).size(), counts[0], counts[1], counts[2],
          counts[3], failures));
    });
    Map<Integer, Integer> statuses = new TreeMap<>();
    calls.forEach(c -> statuses.merge(c.status(), 1, Integer::sum));
    out.append("statuses: ").append(statuses).append(", failed: ").append(failed.get()).append('\n');
    if (Boolean.getBoolean("accessmatrix.verbose")) { // every request that passed the access check
      calls.stream().filter(c -> c.expected().outcome() != AccessMatrixPolicy.Outcome.DENIED).map(Call::describe).sorted()
          .forEach(line -> out.append("  ").append(line).append('\n'));
    }
    System.out.println(out);
  }

  private String token(String username) {
    return tokens.get(username);
  }

  private String expect(int status, String method, String path, String account, String body) throws Exception {
    Answer answer = send(method, BASE + path, token(account), "application/json", body);
    assertThat(answer.status()).as("%s %s as %s: %s", method, path, account, answer.answer()).isEqualTo(status);
    return answer.answer();
  }

  private String field(String body, String name) {
    return json.readTree(body).path(name).asString();
  }

  private record Answer(int status, String answer) {}

  private Answer send(String method, String uri, String token, String contentType, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Accept", "*/*");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
        : HttpRequest.BodyPublishers.ofString((String) body);
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, publisher);
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
        return new Answer(response.statusCode(), "(event stream)"); // a live feed never ends: status is enough
      }
      return new Answer(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String brief(String answer) {
    String oneLine = answer.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
