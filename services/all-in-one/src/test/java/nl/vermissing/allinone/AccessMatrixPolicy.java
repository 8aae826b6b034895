package nl.vermissing.allinone;

import static nl.vermissing.platform.security.Role.AGREEMENT_ADMIN;
import static nl.vermissing.platform.security.Role.AUDITOR;
import static nl.vermissing.platform.security.Role.CARE_COORDINATOR;
import static nl.vermissing.platform.security.Role.DUTY_OFFICER;
import static nl.vermissing.platform.security.Role.FOLLOW_UP_WORKER;
import static nl.vermissing.platform.security.Role.INSTITUTION_STAFF;
import static nl.vermissing.platform.security.Role.POLICE_LIAISON;
import static nl.vermissing.platform.security.Role.REGISTRY_CONSUMER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vermissing.allinone.gateway.identity.DemoAccount;
import nl.vermissing.platform.security.Role;

/**
 * Who may call which endpoint, for which tenant: deny by default, institution staff and follow-up workers for their
 * own institution, police for their own unit, agreement administrators for their own region, national consumers
 * for the register only and auditors for the register and the audit trail. One row per endpoint (method + path as
 * the service's OpenAPI document names it), with the tenant scope, the roles allowed, a minimal valid body (so that
 * bean validation, which runs before the controller checks the actor, never hides the access decision) and, for
 * reads, the status the allowed role gets on its own data.
 */
final class AccessMatrixPolicy {

  /** How an endpoint is scoped to a tenant; decides which targets every account is tried on. */
  enum Scope {
    /** {@code {institutionId}} in the path; other ids in the path belong to that institution. */
    INSTITUTION,
    /** {@code {unit}} in the path; other ids in the path belong to that police unit. */
    UNIT,
    /**
     * A follow-up case id: the institution is that of the case. The case is looked up before the actor is checked
     * (the tenant is only known from the case), so an unknown id is 404 for everybody; it discloses nothing.
     */
    FOLLOW_UP_CASE,
    /** Tenant "national", no tenant in the path (the register). */
    NATIONAL,
    /** Role only; the answer holds only what the role may see (audit trail; the agreements of one's own region). */
    ROLE_ONLY,
    /**
     * An agreement id: the region is that of the agreement. The role is checked before the lookup (403), the region
     * after it, so an unknown id is 404 for administrators only.
     */
    AGREEMENT,
    /** A new agreement version: the region in the body and that of the existing agreement must both be one's own. */
    AGREEMENT_CHANGE
  }

  /** One endpoint's policy. {@code ownStatus}: what an allowed account gets on a real resource of its own tenant. */
  record Rule(String method, String path, Scope scope, Set<Role> roles, String body, String contentType,
      Integer ownStatus) {

    String key() {
      return method + " " + path;
    }

    /** The ids the request names, in the path or in the body, other than the tenant's. */
    List<String> ids() {
      List<String> ids = new ArrayList<>(variables());
      ids.removeAll(List.of("institutionId", "unit"));
      if (body != null) {
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
          if (List.of("caseId", "youthId").contains(m.group(1)) && !ids.contains(m.group(1))) {
            ids.add(m.group(1));
          }
        }
      }
      return ids;
    }

    List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  /** The kinds of tenant an account or a path can name. */
  static final List<String> INSTITUTIONS = List.of("inst-horizon", "inst-anker", "inst-vuurtoren");
  static final List<String> UNITS = List.of("pu-midden-nederland", "pu-amsterdam");
  static final String NATIONAL = "national";
  /** A tenant no account holds: the request names two different regions, so nobody may make it. */
  static final String NOBODY = "<two regions>";
  static final String PNG = "image/png";

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Set<Role> STAFF = EnumSet.of(INSTITUTION_STAFF);
  private static final Set<Role> CASE_READERS = EnumSet.of(INSTITUTION_STAFF, FOLLOW_UP_WORKER, CARE_COORDINATOR);
  private static final Set<Role> RECORDERS = EnumSet.of(FOLLOW_UP_WORKER, CARE_COORDINATOR);
  private static final Set<Role> POLICE = EnumSet.of(POLICE_LIAISON, DUTY_OFFICER);
  private static final Set<Role> REGISTER_READERS = EnumSet.of(REGISTRY_CONSUMER, AUDITOR);

  private static final String I = "/api/intake/institutions/{institutionId}";
  private static final String P = "/api/police/units/{unit}";
  private static final String F = "/api/followup";
  private static final String C = "/api/convenant/agreements";

  private static final String PROFILE = """
      {"givenName":"Matrix","familyName":"Proef","dateOfBirth":"2011-03-03","placementType":"OPEN"}""";
  private static final String AGREEMENT = """
      {"region":"${region}","policeUnit":"${policeUnit}","municipalityContact":"gemeente-proef",
       "institutionIds":${institutionIds},"legalBasis":"Convenant vermissingen (proef)","changeNote":"proef"}""";

  static final List<Rule> RULES = List.of(
      // intake: youth profiles, institution staff of the institution only
      post(I + "/youths", Scope.INSTITUTION, STAFF, PROFILE),
      get(I + "/youths", Scope.INSTITUTION, STAFF, 200),
      get(I + "/youths/{youthId}", Scope.INSTITUTION, STAFF, 200),
      put(I + "/youths/{youthId}", Scope.INSTITUTION, STAFF, PROFILE, "application/json"),
      put(I + "/youths/{youthId}/photo", Scope.INSTITUTION, STAFF, "<png>", PNG),
      get(I + "/youths/{youthId}/photo", Scope.INSTITUTION, STAFF, null),
      post(I + "/youths/{youthId}/transfer", Scope.INSTITUTION, STAFF, "{\"toInstitutionId\":\"inst-vuurtoren\"}"),
      post(I + "/youths/{youthId}/erasure", Scope.INSTITUTION, STAFF, "{\"reason\":\"proef\"}"),
      // intake: cases, written by staff, read by staff, follow-up workers and care coordinators of the institution
      post(I + "/cases", Scope.INSTITUTION, STAFF, "{\"youthId\":\"${youthId}\",\"lastSeenAt\":\"${past}\"}"),
      get(I + "/cases", Scope.INSTITUTION, CASE_READERS, 200),
      get(I + "/cases/{caseId}", Scope.INSTITUTION, CASE_READERS, 200),
      post(I + "/cases/{caseId}/local-actions", Scope.INSTITUTION, STAFF, "{\"action\":\"CALLED_YOUTH\"}"),
      post(I + "/cases/{caseId}/risk-assessments", Scope.INSTITUTION, STAFF, "{\"indicators\":[]}"),
      post(I + "/cases/{caseId}/missing-report", Scope.INSTITUTION, STAFF, "{}"),
      post(I + "/cases/{caseId}/information", Scope.INSTITUTION, STAFF,
          "{\"kind\":\"OTHER\",\"description\":\"proef\"}"),
      post(I + "/cases/{caseId}/return", Scope.INSTITUTION, STAFF, "{\"foundBy\":\"INSTITUTION\"}"),
      post(I + "/cases/{caseId}/cancel", Scope.INSTITUTION, STAFF, "{\"reason\":\"proef\"}"),
      // police gateway: police liaison and duty officer of the unit; the duty officer's feed for duty officers only
      get(P + "/alerts", Scope.UNIT, POLICE, 200),
      get(P + "/alerts/{caseId}", Scope.UNIT, POLICE, 200),
      get(P + "/alerts/{caseId}/photo", Scope.UNIT, POLICE, null),
      get(P + "/alerts/{identifier}/cap", Scope.UNIT, POLICE, 200),
      get(P + "/cap.atom", Scope.UNIT, POLICE, 200),
      get(P + "/feed", Scope.UNIT, POLICE, 200),
      get(P + "/duty-officer/feed", Scope.UNIT, EnumSet.of(DUTY_OFFICER), 200),
      post(P + "/alerts/{caseId}/acknowledgement", Scope.UNIT, POLICE, "{}"),
      post(P + "/alerts/{caseId}/urgency", Scope.UNIT, POLICE, "{\"urgency\":\"OTHER\"}"),
      post(P + "/alerts/{caseId}/sightings", Scope.UNIT, POLICE, "{\"seenAt\":\"${past}\",\"location\":\"proef\"}"),
      post(P + "/alerts/{caseId}/found", Scope.UNIT, POLICE, "{\"foundAt\":\"${past}\"}"),
      post(P + "/alerts/{caseId}/transfer", Scope.UNIT, POLICE, "{\"toPoliceUnit\":\"pu-elders\"}"),
      post(P + "/alerts/{caseId}/information-requests", Scope.UNIT, POLICE, "{\"question\":\"proef\"}"),
      // follow-up: worklist for the institution's staff too; outcomes and consent for follow-up roles
      get(F + "/institutions/{institutionId}/worklist", Scope.INSTITUTION, CASE_READERS, 200),
      get(F + "/cases/{caseId}", Scope.FOLLOW_UP_CASE, CASE_READERS, 200),
      get(F + "/cases/{caseId}/conversation", Scope.FOLLOW_UP_CASE, RECORDERS, null),
      post(F + "/cases/{caseId}/held", Scope.FOLLOW_UP_CASE, RECORDERS,
          "{\"heldAt\":\"${now}\",\"heldBy\":\"proef\"}"),
      post(F + "/cases/{caseId}/declined", Scope.FOLLOW_UP_CASE, RECORDERS, "{\"reason\":\"proef\"}"),
      post(F + "/cases/{caseId}/not-possible", Scope.FOLLOW_UP_CASE, RECORDERS, "{\"reason\":\"proef\"}"),
      post(F + "/cases/{caseId}/consent", Scope.FOLLOW_UP_CASE, RECORDERS,
          "{\"givenBy\":\"YOUTH\",\"signedAt\":\"${past}\"}"),
      post(F + "/cases/{caseId}/consent/withdrawal", Scope.FOLLOW_UP_CASE, RECORDERS, "{}"),
      get(F + "/cases/{caseId}/commands/{eventId}", Scope.FOLLOW_UP_CASE, RECORDERS, null),
      // register: aggregates and the pseudonymised episodes, national consumers and auditors
      get("/api/register/episodes", Scope.NATIONAL, REGISTER_READERS, 200),
      get("/api/register/statistics", Scope.NATIONAL, REGISTER_READERS, 200),
      get("/api/register/statistics.csv", Scope.NATIONAL, REGISTER_READERS, 200),
      get("/api/register/definitions", Scope.NATIONAL, REGISTER_READERS, 200),
      // audit trail: auditors only
      get("/api/audit/disclosures", Scope.ROLE_ONLY, EnumSet.of(AUDITOR), 200),
      get("/api/audit/access", Scope.ROLE_ONLY, EnumSet.of(AUDITOR), 200),
      get("/api/audit/calamity-notices", Scope.ROLE_ONLY, EnumSet.of(AUDITOR), 200),
      // convenant: agreement administrators of the agreement's region
      get(C, Scope.ROLE_ONLY, EnumSet.of(AGREEMENT_ADMIN), 200),
      get(C + "/{agreementId}", Scope.AGREEMENT, EnumSet.of(AGREEMENT_ADMIN), 200),
      get(C + "/{agreementId}/versions/{version}", Scope.AGREEMENT, EnumSet.of(AGREEMENT_ADMIN), 200),
      post(C + "/{agreementId}/versions", Scope.AGREEMENT_CHANGE, EnumSet.of(AGREEMENT_ADMIN), AGREEMENT));

  static final Map<String, Rule> BY_KEY;

  static {
    Map<String, Rule> byKey = new LinkedHashMap<>();
    RULES.forEach(r -> {
      if (byKey.put(r.key(), r) != null) {
        throw new IllegalStateException("policy has two rows for " + r.key());
      }
    });
    BY_KEY = byKey;
  }

  private AccessMatrixPolicy() {}

  /** The resources made before the matrix runs, as real users make them. */
  record Fixtures(String horizonYouth, String horizonCase, String ankerCase, String flevolandAgreement,
      String amsterdamAgreement) {}

  /** What a target's ids point at. */
  enum Kind {
    /** Ids of a real resource of the tenant in the path (or no ids at all). */
    REAL,
    /** Unknown ids. */
    UNKNOWN,
    /** Ids of a real resource of ANOTHER tenant than the one in the path: must stay "not found". */
    OTHER_TENANTS_RESOURCE,
    /**
     * An agreement of one's own region that reaches into another region (lists its institution, or sends alerts to
     * its police unit): must be refused.
     */
    OUTSIDE_OWN_REGION
  }

  /**
   * One way to call an endpoint: the path variables, the tenant the caller must hold for it ({@code null}: none),
   * and what the ids point at.
   */
  record Target(String label, String tenant, Map<String, String> variables, Kind kind) {}

  /** The targets every account is tried on: its own tenant, every foreign one of the kind, and real resources. */
  static List<Target> targets(Rule rule, DemoAccount account, Fixtures fixtures) {
    List<String> ids = rule.ids();
    boolean read = rule.method().equals("GET");
    List<Target> targets = new ArrayList<>();
    switch (rule.scope()) {
      case INSTITUTION -> {
        List<String> tenants = new ArrayList<>(INSTITUTIONS);
        if (!tenants.contains(account.tenant())) {
          tenants.add(account.tenant()); // the role must be refused even when the tenant string matches
        }
        for (String institution : tenants) {
          targets.add(new Target(institution, institution, Map.of("institutionId", institution),
              ids.isEmpty() ? Kind.REAL : Kind.UNKNOWN));
        }
        if (!ids.isEmpty()) {
          Map<String, String> real = Map.of("caseId", fixtures.horizonCase(), "youthId", fixtures.horizonYouth());
          if (read) { // writes are tried on unknown ids only, so that allowed rows change nothing the matrix reads
            targets.add(new Target("inst-horizon+own resource", "inst-horizon",
                with(real, "institutionId", "inst-horizon"), Kind.REAL));
          }
          targets.add(new Target("inst-anker+resource of inst-horizon", "inst-anker",
              with(real, "institutionId", "inst-anker"), Kind.OTHER_TENANTS_RESOURCE));
        }
      }
      case UNIT -> {
        List<String> tenants = new ArrayList<>(UNITS);
        if (!tenants.contains(account.tenant())) {
          tenants.add(account.tenant());
        }
        for (String unit : tenants) {
          targets.add(new Target(unit, unit, Map.of("unit", unit), ids.isEmpty() ? Kind.REAL : Kind.UNKNOWN));
        }
        if (!ids.isEmpty()) {
          Map<String, String> real = Map.of("caseId", fixtures.horizonCase(), "identifier", fixtures.horizonCase());
          if (read) {
            targets.add(new Target("pu-midden-nederland+own alert", "pu-midden-nederland",
                with(real, "unit", "pu-midden-nederland"), Kind.REAL));
          }
          targets.add(new Target("pu-amsterdam+alert of pu-midden-nederland", "pu-amsterdam",
              with(real, "unit", "pu-amsterdam"), Kind.OTHER_TENANTS_RESOURCE));
        }
      }
      case FOLLOW_UP_CASE -> {
        targets.add(new Target("case of inst-horizon", "inst-horizon", Map.of("caseId", fixtures.horizonCase()),
            Kind.REAL));
        targets.add(new Target("case of inst-anker", "inst-anker", Map.of("caseId", fixtures.ankerCase()), Kind.REAL));
        targets.add(new Target("unknown case", null, Map.of(), Kind.UNKNOWN));
      }
      case NATIONAL -> targets.add(new Target(NATIONAL, NATIONAL, Map.of(), Kind.REAL));
      case ROLE_ONLY -> targets.add(new Target("-", null, Map.of(), Kind.REAL));
      case AGREEMENT -> {
        targets.add(new Target("agreement of flevoland", "flevoland",
            Map.of("agreementId", fixtures.flevolandAgreement(), "version", "1"), Kind.REAL));
        targets.add(new Target("agreement of amsterdam", "amsterdam",
            Map.of("agreementId", fixtures.amsterdamAgreement(), "version", "1"), Kind.REAL));
        targets.add(new Target("unknown agreement", null, Map.of("version", "1"), Kind.UNKNOWN));
      }
      case AGREEMENT_CHANGE -> {
        targets.add(new Target("flevoland agreement, region flevoland", "flevoland",
            change(fixtures.flevolandAgreement(), "flevoland"), Kind.REAL));
        targets.add(new Target("amsterdam agreement, region amsterdam", "amsterdam",
            change(fixtures.amsterdamAgreement(), "amsterdam"), Kind.REAL));
        targets.add(new Target("flevoland agreement, region amsterdam", NOBODY,
            change(fixtures.flevolandAgreement(), "amsterdam"), Kind.REAL));
        targets.add(new Target("amsterdam agreement, region flevoland", NOBODY,
            change(fixtures.amsterdamAgreement(), "flevoland"), Kind.REAL));
        targets.add(new Target("new agreement, region flevoland", "flevoland",
            change("matrix-new-" + java.util.UUID.randomUUID(), "flevoland"), Kind.REAL));
        targets.add(new Target("new agreement, region amsterdam", "amsterdam",
            change("matrix-new-" + java.util.UUID.randomUUID(), "amsterdam"), Kind.REAL));
        // An agreement that lists an institution governs it before any regional one (AgreementBook): listing an
        // institution of another region would take over that region's police unit and sharing rules; naming another
        // region's police unit would send this region's alerts there.
        targets.add(new Target("new agreement of flevoland listing inst-vuurtoren (amsterdam)", "flevoland",
            with(change("matrix-new-" + java.util.UUID.randomUUID(), "flevoland"), "institutionIds",
                "[\"inst-vuurtoren\"]"), Kind.OUTSIDE_OWN_REGION));
        targets.add(new Target("new agreement of amsterdam listing inst-horizon (flevoland)", "amsterdam",
            with(change("matrix-new-" + java.util.UUID.randomUUID(), "amsterdam"), "institutionIds",
                "[\"inst-horizon\"]"), Kind.OUTSIDE_OWN_REGION));
        targets.add(new Target("new agreement of flevoland sending alerts to pu-amsterdam", "flevoland",
            with(change("matrix-new-" + java.util.UUID.randomUUID(), "flevoland"), "policeUnit", "pu-amsterdam"),
            Kind.OUTSIDE_OWN_REGION));
      }
      default -> throw new IllegalStateException(rule.scope().name());
    }
    return targets;
  }

  /** What the account must get on the target: one of {@code statuses}, or (none given) anything but a refusal. */
  record Expectation(String name, Set<Integer> statuses, Outcome outcome) {
    static final Expectation FORBIDDEN = new Expectation("403", Set.of(403), Outcome.DENIED);
    static final Expectation UNAUTHORIZED = new Expectation("401", Set.of(401), Outcome.DENIED);
    static final Expectation NOT_FOUND = new Expectation("404", Set.of(404), Outcome.NOT_FOUND);
    /** Another tenant's id in the body: refused as an invalid or unknown reference, disclosing nothing. */
    static final Expectation UNKNOWN_REFERENCE = new Expectation("400 or 404", Set.of(400, 404), Outcome.NOT_FOUND);
    static final Expectation REFUSED = new Expectation("403 or 400", Set.of(403, 400), Outcome.DENIED);
    /** Passes the access check: anything but 401, 403 or a server error (e.g. 404 for an unknown id, 409). */
    static final Expectation PASSES = new Expectation("passes", Set.of(), Outcome.ALLOWED);

    static Expectation exactly(int status) {
      return new Expectation(String.valueOf(status), Set.of(status), Outcome.ALLOWED);
    }

    boolean met(int actual) {
      return statuses.isEmpty() ? actual != 401 && actual != 403 && actual < 500 : statuses.contains(actual);
    }
  }

  enum Outcome { DENIED, NOT_FOUND, ALLOWED }

  static Expectation expectation(Rule rule, Target target, DemoAccount account) {
    boolean roleAllowed = rule.roles().contains(account.role());
    boolean tenantAllowed = target.tenant() == null || target.tenant().equals(account.tenant());
    if (rule.scope() == Scope.FOLLOW_UP_CASE && target.kind() == Kind.UNKNOWN) {
      return Expectation.NOT_FOUND; // looked up before the actor is checked: an unknown case discloses nothing
    }
    if (!roleAllowed || !tenantAllowed) {
      return Expectation.FORBIDDEN;
    }
    if (target.kind() == Kind.OTHER_TENANTS_RESOURCE) {
      // another tenant's case or youth on one's own path is "not found"; named in the body, it is refused as such
      boolean inPath = rule.variables().stream().anyMatch(v -> !v.equals("institutionId") && !v.equals("unit"));
      return inPath ? Expectation.NOT_FOUND
          : Expectation.UNKNOWN_REFERENCE;
    }
    if (target.kind() == Kind.OUTSIDE_OWN_REGION) {
      return Expectation.REFUSED;
    }
    if (target.kind() == Kind.REAL && rule.ownStatus() != null) {
      return Expectation.exactly(rule.ownStatus());
    }
    return Expectation.PASSES;
  }

  private static Map<String, String> change(String agreementId, String region) {
    return Map.of("agreementId", agreementId, "region", region,
        "policeUnit", region.equals("amsterdam") ? "pu-amsterdam" : "pu-midden-nederland", "institutionIds", "[]");
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> map = new LinkedHashMap<>(base);
    map.put(key, value);
    return map;
  }

  private static Rule get(String path, Scope scope, Set<Role> roles, Integer ownStatus) {
    return new Rule("GET", path, scope, roles, null, null, ownStatus);
  }

  private static Rule post(String path, Scope scope, Set<Role> roles, String body) {
    return new Rule("POST", path, scope, roles, body, "application/json", null);
  }

  private static Rule put(String path, Scope scope, Set<Role> roles, String body, String contentType) {
    return new Rule("PUT", path, scope, roles, body, contentType, null);
  }
}
