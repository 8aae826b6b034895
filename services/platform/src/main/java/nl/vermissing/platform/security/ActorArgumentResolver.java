package nl.vermissing.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import nl.vermissing.platform.web.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the {@link Actor} parameter of controller methods from the verified JWT. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  public static final String ROLES_CLAIM = "roles";
  public static final String TENANT_CLAIM = "tenant";
  public static final String NAME_CLAIM = "name";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Actor.class);
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    return current();
  }

  /** The actor of the current request; 401 when nobody is signed in. */
  public static Actor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, null, "sign in required", null);
    }
    return fromJwt(token.getToken());
  }

  public static Actor fromJwt(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Object claim = jwt.getClaim(ROLES_CLAIM);
    if (claim instanceof Collection<?> values) {
      for (Object value : values) {
        try {
          roles.add(Role.valueOf(String.valueOf(value)));
        } catch (IllegalArgumentException ignored) {
          // roles of other systems in a shared identity provider are not ours to interpret
        }
      }
    }
    String name = jwt.getClaimAsString(NAME_CLAIM);
    return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name, Set.copyOf(roles),
        jwt.getClaimAsString(TENANT_CLAIM));
  }
}
