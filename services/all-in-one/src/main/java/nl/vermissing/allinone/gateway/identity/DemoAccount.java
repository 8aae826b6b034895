package nl.vermissing.allinone.gateway.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vermissing.platform.security.Role;

/**
 * The demo accounts of the embedded identity provider: one per role and tenant, all clearly fictitious. A deployment
 * uses its own OpenID Connect provider instead, which must issue the same claims (roles, tenant, name).
 */
public record DemoAccount(String username, String displayName, Role role, String tenant) {

  public static final List<DemoAccount> ALL = List.of(
      new DemoAccount("staf.horizon", "Sanne de Vries (groepsleiding De Horizon)", Role.INSTITUTION_STAFF, "inst-horizon"),
      new DemoAccount("staf.anker", "Ahmed Bakker (groepsleiding Het Anker)", Role.INSTITUTION_STAFF, "inst-anker"),
      new DemoAccount("staf.vuurtoren", "Lotte Jansen (groepsleiding De Vuurtoren)", Role.INSTITUTION_STAFF, "inst-vuurtoren"),
      new DemoAccount("volg.horizon", "Iris Smit (terugkeergesprekken De Horizon)", Role.FOLLOW_UP_WORKER, "inst-horizon"),
      new DemoAccount("zorg.horizon", "Mark Visser (zorgcoördinator De Horizon)", Role.CARE_COORDINATOR, "inst-horizon"),
      new DemoAccount("politie.midden", "Inspecteur K. Mulder (Midden-Nederland)", Role.POLICE_LIAISON, "pu-midden-nederland"),
      new DemoAccount("dienst.midden", "Officier van dienst Midden-Nederland", Role.DUTY_OFFICER, "pu-midden-nederland"),
      new DemoAccount("politie.amsterdam", "Inspecteur R. de Boer (Amsterdam)", Role.POLICE_LIAISON, "pu-amsterdam"),
      new DemoAccount("beheer.flevoland", "Convenantbeheer Flevoland", Role.AGREEMENT_ADMIN, "flevoland"),
      new DemoAccount("beheer.amsterdam", "Convenantbeheer Amsterdam", Role.AGREEMENT_ADMIN, "amsterdam"),
      new DemoAccount("register.landelijk", "Landelijk register (Nationaal Rapporteur)", Role.REGISTRY_CONSUMER, "national"),
      new DemoAccount("audit.landelijk", "Auditor (Inspectie)", Role.AUDITOR, "national"));

  public static final Map<String, DemoAccount> BY_USERNAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(DemoAccount::username, Function.identity()));
}
