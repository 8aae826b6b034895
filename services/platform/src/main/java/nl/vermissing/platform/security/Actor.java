package nl.vermissing.platform.security;

import java.util.Set;
import nl.vermissing.platform.web.ApiException;

/**
 * The signed-in person acting on a request: who, in which roles, for which tenant (institution, police unit or
 * region). Taken from the verified access token; controllers receive it as a method parameter.
 */
public record Actor(String userId, String displayName, Set<Role> roles, String tenant) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Deny by default: the actor must hold one of the roles. */
  public Actor requireRole(Role... allowed) {
    for (Role role : allowed) {
      if (roles.contains(role)) {
        return this;
      }
    }
    throw ApiException.forbidden("not allowed for your role");
  }

  /** Tenant scoping: the actor may only act for their own institution, police unit or region. */
  public Actor requireTenant(String tenantId) {
    if (tenant == null || !tenant.equals(tenantId)) {
      throw ApiException.forbidden("not allowed outside your own organisation");
    }
    return this;
  }

  /** Both checks in one: one of the roles, and the given tenant. */
  public Actor require(String tenantId, Role... allowed) {
    return requireRole(allowed).requireTenant(tenantId);
  }
}
